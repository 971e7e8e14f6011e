import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readGrids, XlsxReadError } from "../../src/xlsx/readGrids";
import { writePlan } from "../../src/xlsx/writePlan";
import { samplePlan } from "./helpers";

async function workbookWith(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Ark"));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readGrids", () => {
  it('reads numbers, text, booleans, rich text and cached formula results (also 0, FALSE and "")', async () => {
    const buffer = await workbookWith((ws) => {
      ws.getCell("A1").value = 12.5;
      ws.getCell("B1").value = "tekst";
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = { richText: [{ text: "fed", font: { bold: true } }, { text: " og ikke" }] };
      ws.getCell("A2").value = { formula: "1-1", result: 0 };
      ws.getCell("B2").value = { formula: "1>2", result: false };
      ws.getCell("C2").value = { formula: '""', result: "" };
      ws.getCell("D2").value = { formula: '"Opfyldt"', result: "Opfyldt" };
      ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    });
    const [grid] = await readGrids(buffer);
    expect(grid!.values).toEqual([
      [12.5, "tekst", true, "fed og ikke", null],
      [0, false, null, "Opfyldt", null],
      [null, null, null, null, "#DIV/0!"],
    ]);
    expect(grid!.formulas![1]).toEqual(["=1-1", "=1>2", '=""', '="Opfyldt"', null]);
    expect(grid!.formulas![0]).toEqual([null, null, null, null, null]);
  });

  it("gives a formula without a cached result as an empty value", async () => {
    const grids = await readGrids(await writePlan(samplePlan()));
    expect(grids[0]!.values[1]![3]).toBeNull();
    expect(grids[0]!.formulas![1]![3]).toMatch(/^=IF\(/);
  });

  it("gives merged cells other than the first as empty", async () => {
    const buffer = await workbookWith((ws) => {
      ws.getCell("A1").value = "flettet";
      ws.mergeCells("A1:C1");
      ws.getCell("D1").value = 4;
    });
    expect((await readGrids(buffer))[0]!.values).toEqual([["flettet", null, null, 4]]);
  });

  it("reads a date as the serial number it holds, and cells under validations and conditional formats as any other", async () => {
    const buffer = await workbookWith((ws) => {
      ws.getCell("A1").value = new Date(Date.UTC(2007, 2, 15, 12));
      ws.getCell("A1").numFmt = "d. mmm yyyy";
      ws.getCell("B1").value = 0.25;
      ws.getCell("B1").numFmt = "0 %";
      ws.getCell("C1").value = "Ja";
      ws.getCell("C1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Ja,Nej"'] };
      ws.addConditionalFormatting({
        ref: "A1:C1",
        rules: [{ type: "expression", priority: 1, formulae: ["A1>0"], style: { font: { bold: true } } }],
      });
    });
    expect((await readGrids(buffer))[0]!.values).toEqual([[39156.5, 0.25, "Ja"]]);
  });

  const refusals: [string, () => Promise<Buffer>, RegExp][] = [
    [
      "a text file",
      async () => Buffer.from("center;mål\nCKB;bc-b01\n"),
      /^Filen "x.xlsx" er ikke en Excel-projektmappe \(\.xlsx\)\.$/,
    ],
    ["an empty file", async () => Buffer.alloc(0), /er ikke en Excel-projektmappe/],
    [
      "an old .xls or encrypted file",
      async () => Buffer.from("d0cf11e0a1b11ae1" + "00".repeat(100), "hex"),
      /gamle \.xls-format eller beskyttet med adgangskode/,
    ],
    [
      "a zip that is not a workbook",
      async () =>
        (await new JSZip().file("word/document.xml", "<w/>").generateAsync({ type: "nodebuffer" })) as Buffer,
      /er ikke en Excel-projektmappe \(\.xlsx\): den mangler selve projektmappen/,
    ],
    ["a truncated workbook", async () => (await writePlan(samplePlan())).subarray(0, 3000), /er beskadiget/],
    [
      "a workbook whose XML is broken",
      async () => {
        const zip = await JSZip.loadAsync(await writePlan(samplePlan()));
        zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
        return (await zip.generateAsync({ type: "nodebuffer" })) as Buffer;
      },
      /er beskadiget og kan ikke læses/,
    ],
  ];
  it.each(refusals)("refuses %s with a Danish XlsxReadError", async (_, make, message) => {
    const buffer = await make();
    const error = await readGrids(buffer, { fileName: "x.xlsx" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as Error).message).toMatch(message);
  });

  it("refuses a file over maxBytes before parsing it", async () => {
    const buffer = await writePlan(samplePlan());
    await expect(readGrids(buffer, { maxBytes: 1000, fileName: "stor.xlsx" })).rejects.toThrow(
      /^Filen "stor.xlsx" er for stor/,
    );
  });

  it("refuses a zip bomb by the sizes its directory declares", async () => {
    const zip = await JSZip.loadAsync(await writePlan(samplePlan()));
    zip.file("xl/media/fyld.bin", Buffer.alloc(5 * 1024 * 1024));
    const buffer = (await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })) as Buffer;
    expect(buffer.length).toBeLessThan(100_000);
    await expect(readGrids(buffer, { maxUnpackedBytes: 1024 * 1024 })).rejects.toThrow(
      /for stor, når den pakkes ud/,
    );
  });
});
