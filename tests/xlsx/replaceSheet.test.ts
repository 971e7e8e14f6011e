import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { emptySheet } from "../../src/sheets/plan";
import { atomicWrite } from "../../src/xlsx/atomicWrite";
import { readGrids } from "../../src/xlsx/readGrids";
import { replaceSheet } from "../../src/xlsx/replaceSheet";
import { normaliseValidations } from "../../src/xlsx/validations";
import { writePlan } from "../../src/xlsx/writePlan";
import { part, samplePlan } from "./helpers";

function ranges(xml: string): string[] {
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
}

describe("normaliseValidations", () => {
  it("stops exceljs from writing overlapping ranges after a load (H10 sorted before H8)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("A");
    const rule = {
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
    } as const;
    for (let r = 8; r <= 40; r++) {
      (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add(
        `H${r}`,
        { ...rule },
      );
    }
    const first = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const naive = new ExcelJS.Workbook();
    await naive.xlsx.load(first as unknown as ArrayBuffer);
    const naiveXml = await part(
      Buffer.from((await naive.xlsx.writeBuffer()) as ArrayBuffer),
      "xl/worksheets/sheet1.xml",
    );
    expect(ranges(naiveXml)).toEqual(["H10:H40", "H8:H40"]); // the bug this guards against

    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.load(first as unknown as ArrayBuffer);
    normaliseValidations(fixed.worksheets[0]!);
    const fixedXml = await part(
      Buffer.from((await fixed.xlsx.writeBuffer()) as ArrayBuffer),
      "xl/worksheets/sheet1.xml",
    );
    expect(ranges(fixedXml)).toEqual(["H8:H40"]);
  });
});

describe("replaceSheet", () => {
  it("replaces one sheet in place and keeps the others with their rules", async () => {
    const plan = samplePlan();
    const summary = emptySheet("Oversigt", "summary");
    summary.cells = [[{ value: "gammel" }]];
    plan.sheets.unshift(summary);
    const before = await writePlan(plan);

    const fresh = emptySheet("Oversigt", "summary");
    fresh.cells = [[{ value: "ny" }, { formula: 'COUNTIF(Skelbækgade!D2:D4,"Opfyldt")' }]];
    const { buffer, dropped } = await replaceSheet(before, fresh);
    expect(dropped).toEqual([]);
    const grids = await readGrids(buffer);
    expect(grids.map((g) => g.name)).toEqual(["Oversigt", "Skelbækgade", "Lister", "RK_Data"]);
    expect(grids[0]!.values).toEqual([["ny", null]]);
    expect(grids[0]!.formulas![0]![1]).toBe('=COUNTIF(Skelbækgade!D2:D4,"Opfyldt")');

    const centre = await part(buffer, "xl/worksheets/sheet2.xml");
    expect(ranges(centre).sort()).toEqual(["B2:C3", "B4", "C4"]);
    expect(centre).toMatch(/<sheetProtection sheet="1"/);
    const wbXml = await part(buffer, "xl/workbook.xml");
    expect(wbXml).toMatch(/fullCalcOnLoad="1"/);
    expect(wbXml).toMatch(/name="RK_Data" state="veryHidden"/);
  });
});

describe("atomicWrite", () => {
  it("writes the whole file and leaves no temporary file behind", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "rk-atomic-"));
    const file = path.join(dir, "ud.xlsx");
    await fs.writeFile(file, "gammel");
    await atomicWrite(file, Buffer.from("ny"));
    expect(await fs.readFile(file, "utf8")).toBe("ny");
    expect(await fs.readdir(dir)).toEqual(["ud.xlsx"]);
  });

  it("fails without touching anything when the folder does not exist", async () => {
    await expect(atomicWrite(path.join(os.tmpdir(), "rk-findes-ikke", "x.xlsx"), "x")).rejects.toThrow();
  });
});
