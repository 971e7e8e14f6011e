// The xlsx shell tells what an input cell holds from exceljs's cell types.
import ExcelJS from "exceljs";
import { cellKinds } from "../../src/xlsx/cellKinds";

describe("cellKinds", () => {
  it("tells formulas, dates, links and errors from plain values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("CKB");
    ws.getCell("H8").value = 12.5;
    ws.getCell("I8").value = "Ja";
    ws.getCell("H9").value = { formula: "1+2", result: 3 };
    ws.getCell("I9").value = new Date(Date.UTC(2007, 11, 31));
    ws.getCell("H10").value = { text: "se her", hyperlink: "https://example.com" };
    ws.getCell("I10").value = { error: "#DIV/0!" };
    ws.getCell("N10").value = { richText: [{ text: "fed", font: { bold: true } }, { text: " tekst" }] };
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await wb.xlsx.writeBuffer());
    const kindAt = cellKinds(reread.getWorksheet("CKB"));
    expect(["H8", "I8", "H9", "I9", "H10", "I10", "N10", "H11"].map((a) => kindAt(a))).toEqual([
      { kind: "value" },
      { kind: "value" },
      { kind: "formula", formula: "=1+2" },
      { kind: "date" },
      { kind: "hyperlink" },
      { kind: "error", error: "#DIV/0!" },
      { kind: "value" },
      { kind: "value" },
    ]);
    expect(cellKinds(undefined)("H8")).toBeUndefined();
  });
});
