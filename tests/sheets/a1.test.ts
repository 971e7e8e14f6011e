// A1 addresses have one home (src/sheets/a1.ts) and one base: column A is 1.
import {
  cellName,
  columnLetters,
  columnNumber,
  parseCell,
  parseRange,
  rangeName,
  tryParseCell,
} from "../../src/sheets/a1";

describe("A1 columns", () => {
  it("turns numbers into letters and back for every column Excel has (A … XFD)", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    for (let col = 1; col <= 16384; col++) expect(columnNumber(columnLetters(col))).toBe(col);
  });

  it("reads cells and ranges, with $ and a sheet prefix", () => {
    expect(parseCell("$H$12")).toEqual({ row: 12, col: 8 });
    expect(cellName(12, 28)).toBe("AB12");
    expect(parseRange("Lister!I40:H8")).toEqual({ top: 8, left: 8, bottom: 40, right: 9 });
    expect(rangeName({ top: 8, left: 8, bottom: 8, right: 8 })).toBe("H8");
  });

  it("tells a text that is no cell address, for readers that skip it rather than fail", () => {
    expect(tryParseCell("h12")).toEqual({ row: 12, col: 8 });
    expect(tryParseCell("Mål-ID")).toBeUndefined();
    expect(tryParseCell("A1:B2")).toBeUndefined();
    expect(() => parseCell("Mål-ID")).toThrow(/Not an A1 cell address/);
  });
});
