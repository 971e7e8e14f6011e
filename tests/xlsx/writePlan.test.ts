import ExcelJS from "exceljs";
import { readGrids } from "../../src/xlsx/readGrids";
import { writePlan } from "../../src/xlsx/writePlan";
import { part, samplePlan } from "./helpers";

describe("writePlan", () => {
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  let sheetXml: string;
  let workbookXml: string;

  beforeAll(async () => {
    buffer = await writePlan(samplePlan());
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    sheetXml = await part(buffer, "xl/worksheets/sheet1.xml");
    workbookXml = await part(buffer, "xl/workbook.xml");
  });

  it("writes values and formulas, and no cached results", async () => {
    const [centre] = await readGrids(buffer);
    expect(centre!.name).toBe("Skelbækgade");
    expect(centre!.values[0]).toEqual(["Mål", "Grundlag", "Resultat", "Status", "Note"]);
    expect(centre!.values[2]!.slice(0, 3)).toEqual(["b", 10, 5]);
    expect(centre!.values[3]![4]).toBe("Æ & ø <tekst>");
    expect(centre!.formulas![1]![3]).toBe('=IF(C2="","Mangler data",IF(C2>=B2,"Opfyldt","Ikke opfyldt"))');
    // A leading "=" in the plan is not doubled.
    expect(centre!.formulas![2]![3]).toBe('=IF(C3="","Mangler data",IF(C3>=B3,"Opfyldt","Ikke opfyldt"))');
    // No <v> after any <f>: Excel and LibreOffice must compute every formula themselves.
    expect(sheetXml).not.toMatch(/<\/f><v>/);
    expect(centre!.values[1]![3]).toBeNull();
  });

  it("marks the workbook for a full calculation on load", () => {
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("keeps hidden and very hidden sheets, readable by readGrids", async () => {
    const grids = await readGrids(buffer);
    expect(grids.map((g) => g.name)).toEqual(["Skelbækgade", "Lister", "RK_Data"]);
    expect(grids[1]!.values).toEqual([["Ja"], ["Nej"]]);
    expect(wb.getWorksheet("Lister")!.state).toBe("hidden");
    expect(wb.getWorksheet("RK_Data")!.state).toBe("veryHidden");
    expect(workbookXml).toMatch(/<workbookView[^>]*activeTab="0"/);
  });

  it("writes one validation rule per planned range, never one per cell", () => {
    const rules = [...sheetXml.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]);
    expect(rules).toHaveLength(3);
    const byRange = (sqref: string) => rules.find((r) => r.includes(`sqref="${sqref}"`))!;
    expect(byRange("B2:C3")).toMatch(/type="decimal"/);
    expect(byRange("B2:C3")).toMatch(/operator="greaterThanOrEqual"/);
    expect(byRange("B2:C3")).toMatch(/showInputMessage="1"/);
    expect(byRange("B2:C3")).toMatch(/promptTitle="Grundlag og resultat"/);
    expect(byRange("B2:C3")).toMatch(/showErrorMessage="1"/);
    expect(byRange("B2:C3")).toMatch(/errorTitle="Ugyldigt tal"/);
    expect(byRange("C4")).toMatch(/type="list"/);
    expect(sheetXml).toMatch(/sqref="C4"><formula1>JaNej<\/formula1>/);
    expect(byRange("B4")).toMatch(/type="whole"/);
  });

  it("never writes two rules over one cell, even for alike single-cell rules on adjacent rows", async () => {
    const plan = samplePlan();
    const rule = (row: number, text: string) => ({
      range: `H${row}`,
      rule: { kind: "decimal" as const, min: 0 },
      prompt: { title: "Grundlag", text },
      error: { title: "Ugyldigt tal", text: "Skriv et tal" },
    });
    // Rows 8-40 alike except row 20: exceljs alone would write H10:H19 and H8:H19 (text order).
    plan.sheets[0]!.validations = Array.from({ length: 33 }, (_, i) =>
      rule(8 + i, 8 + i === 20 ? "Andet" : "Tallet for 2006"),
    );
    const xml = await part(await writePlan(plan), "xl/worksheets/sheet1.xml");
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
    expect(sqrefs.sort()).toEqual(["H20", "H21:H40", "H8:H19"]);
  });

  it("cuts validation texts to what Excel accepts", () => {
    const rule = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="B4"[^>]*>/g)][0]![0];
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(rule)![1]!;
    expect(attr("promptTitle").length).toBeLessThanOrEqual(32);
    expect(attr("prompt").length).toBeLessThanOrEqual(255);
    expect(attr("error").length).toBeLessThanOrEqual(225);
  });

  it("protects the sheet without a password and leaves input cells unlocked", () => {
    const ws = wb.getWorksheet("Skelbækgade")!;
    expect(sheetXml).toMatch(/<sheetProtection sheet="1"[^>]*formatColumns="0"[^>]*formatRows="0"/);
    expect(sheetXml).not.toMatch(/hashValue|password/);
    expect(ws.getCell("B2").protection?.locked).toBe(false);
    expect(ws.getCell("C4").protection?.locked).toBe(false);
    expect(ws.getCell("D2").protection?.locked).not.toBe(false);
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
  });

  it("merges overlapping style ranges property by property", () => {
    const ws = wb.getWorksheet("Skelbækgade")!;
    const header = ws.getCell("A1");
    expect(header.font.bold).toBe(true);
    expect(header.font.color?.argb).toBe("FFFFFFFF");
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1F4E3D");
    expect(header.alignment.wrapText).toBe(true);
    expect(header.alignment.vertical).toBe("top");
    expect(header.border.top?.style).toBe("thin");
    const input = ws.getCell("C2");
    expect(input.numFmt).toBe("#,##0");
    expect((input.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF9DB");
    expect(input.border.left?.style).toBe("thin");
    // A style range beyond the cells still makes the cell.
    expect(ws.getCell("F6").font.italic).toBe(true);
  });

  it("writes conditional formats in the plan's priority order, and data bars", () => {
    const rules = [
      ...sheetXml.matchAll(
        /<cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><formula>([^<]*)<\/formula>/g,
      ),
    ];
    expect(rules.map((m) => [m[2], m[3]])).toEqual([
      ["1", "$D2=&quot;Ikke opfyldt&quot;"],
      ["2", "$D2=&quot;Mangler data&quot;"],
      ["3", "$D2=&quot;Opfyldt&quot;"],
    ]);
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="A2:E4">/);
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="B2:B4"><cfRule type="dataBar" priority="4">/);
    expect(sheetXml).toMatch(/<color rgb="FF63BE7B"\/>/);
  });

  it("uses the conditional formats' fill and font colours", async () => {
    const styles = await part(buffer, "xl/styles.xml");
    const dxfs = /<dxfs[^>]*>(.*)<\/dxfs>/.exec(styles)![1]!;
    expect(dxfs).toMatch(
      /<dxf><font><color rgb="FF9C0006"\/><\/font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"\/><bgColor rgb="FFFFC7CE"\/>/,
    );
  });

  it("freezes panes, sets widths, merges, tab colour and print setup", () => {
    const ws = wb.getWorksheet("Skelbækgade")!;
    expect(sheetXml).toMatch(
      /<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"\/>/,
    );
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(5).width).toBe(20);
    expect(sheetXml).toMatch(/<mergeCell ref="A6:C6"\/>/);
    expect(sheetXml).toMatch(/<tabColor rgb="FF2E7D5B"\/>/);
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheetXml).toMatch(/<oddHeader>&amp;LKontrakt&amp;CSkelbækgade&amp;R&amp;D<\/oddHeader>/);
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Skelbækgade&apos;!\$1:\$1<\/definedName>/,
    );
  });

  it("writes the plan's defined names", () => {
    expect(workbookXml).toMatch(/<definedName name="JaNej">Lister!\$A\$1:\$A\$2<\/definedName>/);
  });

  it("skips charts: exceljs cannot write them", async () => {
    const zip = await import("jszip").then((m) => m.default.loadAsync(buffer));
    expect(Object.keys(zip.files).some((n) => n.startsWith("xl/charts/"))).toBe(false);
  });
});
