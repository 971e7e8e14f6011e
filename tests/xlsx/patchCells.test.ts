import ExcelJS from "exceljs";
import JSZip from "jszip";
import { patchCells, stripCachedResults, withFullCalcOnLoad } from "../../src/xlsx/patchCells";
import { readGrids } from "../../src/xlsx/readGrids";
import { writePlan } from "../../src/xlsx/writePlan";
import { part, samplePlan } from "./helpers";

describe("patchCells", () => {
  it("sets numbers and text in existing cells and keeps their style", async () => {
    const before = await writePlan(samplePlan());
    const after = await patchCells(before, [
      { sheet: "Skelbækgade", address: "C2", value: 12.25 },
      { sheet: "Skelbækgade", address: "C4", value: "Nej" },
      { sheet: "Skelbækgade", address: "E2", value: 'Tekst med <, & og "' },
    ]);
    const [grid] = await readGrids(after);
    expect(grid!.values[1]!.slice(0, 3)).toEqual(["a", 10, 12.25]);
    expect(grid!.values[3]![2]).toBe("Nej");
    expect(grid!.values[1]![4]).toBe('Tekst med <, & og "');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(after as unknown as ArrayBuffer);
    const c2 = wb.getWorksheet("Skelbækgade")!.getCell("C2");
    expect(c2.protection?.locked).toBe(false);
    expect(c2.numFmt).toBe("#,##0");
  });

  it("leaves every other part of the file byte for byte as it was", async () => {
    const before = await writePlan(samplePlan());
    const after = await patchCells(before, [{ sheet: "Lister", address: "B1", value: 1 }]);
    const a = await JSZip.loadAsync(before);
    const b = await JSZip.loadAsync(after);
    expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
    for (const name of Object.keys(a.files)) {
      if (name === "xl/workbook.xml" || name === "xl/worksheets/sheet2.xml" || a.files[name]!.dir) continue;
      expect([name, await b.file(name)!.async("string")]).toEqual([
        name,
        await a.file(name)!.async("string"),
      ]);
    }
    // The centre sheet keeps its validation, protection and formulas.
    const sheet = await part(after, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<dataValidation [^>]*sqref="B2:C3"/);
    expect(sheet).toMatch(/<sheetProtection sheet="1"/);
    expect(sheet).toMatch(/<f>IF\(C2=&quot;&quot;/);
  });

  it("inserts cells and rows that do not exist yet, in order", async () => {
    const before = await writePlan(samplePlan());
    const after = await patchCells(before, [
      { sheet: "Lister", address: "C1", value: 3 },
      { sheet: "Lister", address: "B2", value: 2 },
      { sheet: "Lister", address: "A5", value: "fem" },
      { sheet: "RK_Data", address: "A3", value: "tre" },
    ]);
    const grids = await readGrids(after);
    expect(grids[1]!.values).toEqual([
      ["Ja", null, 3],
      ["Nej", 2, null],
      [null, null, null],
      [null, null, null],
      ["fem", null, null],
    ]);
    expect(grids[2]!.values[2]![0]).toBe("tre");
    const xml = await part(after, "xl/worksheets/sheet2.xml");
    expect(xml.indexOf('r="A5"')).toBeGreaterThan(xml.indexOf('r="B2"'));
  });

  it("refuses a sheet that is not there", async () => {
    await expect(
      patchCells(await writePlan(samplePlan()), [{ sheet: "Findes ikke", address: "A1", value: 1 }]),
    ).rejects.toThrow(/Arket "Findes ikke" findes ikke/);
  });

  it("removes cached formula results so Excel and LibreOffice recompute", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" s="1"/><c r="B1" t="str"><f>IF(A1="","x","y")</f><v>x</v></c>' +
      '<c r="C1"><v>5</v></c><c r="D1" t="b"><f>A1=1</f><v>0</v></c><c r="E1"><f t="shared" si="0"/><v>2</v></c></row></sheetData></worksheet>';
    expect(stripCachedResults(xml)).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><f>IF(A1="","x","y")</f></c>' +
        '<c r="C1"><v>5</v></c><c r="D1"><f>A1=1</f></c><c r="E1"><f t="shared" si="0"/></c></row></sheetData></worksheet>',
    );
  });

  it("sets fullCalcOnLoad whether calcPr is there or not", () => {
    expect(withFullCalcOnLoad('<workbook><sheets/><calcPr calcId="191029"/></workbook>')).toBe(
      '<workbook><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
    );
    expect(withFullCalcOnLoad("<workbook><sheets/><definedNames/><extLst/></workbook>")).toBe(
      '<workbook><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>',
    );
  });
});
