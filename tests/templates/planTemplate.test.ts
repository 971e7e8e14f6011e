// A template is the master's centre sheet, made from the same plan: same rows, cells, formulas,
// styles, validation and highlighting; protected with only the inputs unlocked; with a visible
// Vejledning and the very hidden metadata.
import ExcelJS from "exceljs";
import { builtinContracts } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { COL, FIRST_GOAL_ROW, META_SHEET } from "../../src/sheets/layout";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { readWorkbook, judgeWorkbook } from "../../src/sheets/readWorkbook";
import { GUIDE_SHEET, planTemplate, TEMPLATE_VERSION } from "../../src/templates/planTemplate";
import { safeFilePart, templateFileName, templateFileNames } from "../../src/templates/templateFileName";
import { writePlan } from "../../src/xlsx/writePlan";
import { gridsOfPlan } from "./helpers";

const contracts = builtinContracts();
const AT = "2026-11-22T10:00:00.000Z";
const master = planWorkbook(contracts, { generatedAt: AT });

describe("planTemplate", () => {
  const all = contracts.flatMap((c) => c.centres.map((x) => [x.code, c] as const));

  it.each(all)(
    "%s: the centre sheet is the master's, except the joint cells that point at other centres",
    (code, contract) => {
      const template = planTemplate(contract, code, { exportedAt: AT });
      const mine = template.sheets.find((s) => s.name === code)!;
      const theirs = master.sheets.find((s) => s.name === code)!;
      const { cells: a, ...restA } = mine;
      const { cells: b, ...restB } = theirs;
      expect(restA).toEqual(restB);
      expect(a.length).toBe(b.length);
      const jointRows = new Set(
        rowsFor(contract, code).flatMap((row, i) =>
          row.assessment.basis === "own" ? [] : [FIRST_GOAL_ROW + i],
        ),
      );
      a.forEach((line, i) =>
        line.forEach((cell, c) => {
          const r = i + 1;
          const pointsElsewhere =
            jointRows.has(r) &&
            [COL.jointTotal, COL.jointStatus].includes(String.fromCharCode(65 + c) as "L" | "M");
          if (!pointsElsewhere) expect([r, c, cell]).toEqual([r, c, b[i]![c]]);
        }),
      );
    },
  );

  it("puts Vejledning first, the centre sheet next, and the metadata very hidden with the template line and goal ids", () => {
    const contract = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
    const plan = planTemplate(contract, "CKB", { exportedAt: AT });
    expect(plan.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [GUIDE_SHEET, "visible"],
      ["CKB", "visible"],
      ["Lister", "hidden"],
      [META_SHEET, "veryHidden"],
    ]);
    const meta = gridsOfPlan(plan).find((g) => g.name === META_SHEET)!.values;
    expect(meta.find((r) => r[0] === "template")!.slice(0, 5)).toEqual([
      "template",
      contract.id,
      "CKB",
      TEMPLATE_VERSION,
      AT,
    ]);
    expect(meta.find((r) => r[0] === "goals")!.filter((v) => v !== null)).toEqual([
      "goals",
      contract.id,
      "CKB",
      ...rowsFor(contract, "CKB").map((r) => r.id),
    ]);
    const guide = gridsOfPlan(plan)
      .find((g) => g.name === GUIDE_SHEET)!
      .values.map((r) => r[0]);
    expect(guide[0]).toBe("Vejledning: resultatkontrakt 2007 for Center for Kompetence og Beskæftigelse");
    expect(guide).toContain("Sendt ud: 22.11.2026");
    expect(guide.some((l) => typeof l === "string" && l.includes("Skriv ikke formler"))).toBe(true);
  });

  it("reads as a one-centre workbook: check judges it, joint goals missing the other centres' figures", () => {
    const contract = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
    const state = readWorkbook(gridsOfPlan(planTemplate(contract, "CAB", { exportedAt: AT })));
    expect(state.meta.template).toEqual({
      contractId: contract.id,
      centre: "CAB",
      version: TEMPLATE_VERSION,
      exportedAt: AT,
    });
    const [report] = judgeWorkbook(state);
    expect(report!.code).toBe("CAB");
    for (const g of report!.goals) expect([g.id, g.status]).toEqual([g.id, "missing"]);
  });

  it("writes a protected file where only Grundlag, Resultat and Bemærkning are unlocked, with Danish prompts", async () => {
    const contract = contracts.find((c) => c.id === "jobcenter-kbh-2007")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await writePlan(planTemplate(contract, "Skelbækgade", { exportedAt: AT }))) as unknown as ArrayBuffer,
    );
    const ws = wb.getWorksheet("Skelbækgade")!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const rows = rowsFor(contract, "Skelbækgade").length;
    for (let r = FIRST_GOAL_ROW; r < FIRST_GOAL_ROW + rows; r++) {
      for (const col of "ABCDEFGHIJKLMNO") {
        const unlocked = ws.getCell(`${col}${r}`).protection?.locked === false;
        expect([`${col}${r}`, unlocked]).toEqual([
          `${col}${r}`,
          [COL.grundlag, COL.resultat, COL.comment].includes(col as "H"),
        ]);
      }
    }
    const v = ws.getCell(`H${FIRST_GOAL_ROW}`).dataValidation;
    expect(v).toMatchObject({
      type: "decimal",
      promptTitle: "Grundlag",
      showInputMessage: true,
      errorTitle: "Ugyldigt tal",
    });
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      [GUIDE_SHEET, "visible"],
      ["Skelbækgade", "visible"],
      ["Lister", "hidden"],
      [META_SHEET, "veryHidden"],
    ]);
  });

  it("pre-fills the master's figures by goal id when asked", () => {
    const contract = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
    const grids = gridsOfPlan(master);
    const ckb = grids.find((g) => g.name === "CKB")!;
    ckb.values[FIRST_GOAL_ROW - 1]![7] = 100;
    ckb.values[FIRST_GOAL_ROW - 1]![8] = 61;
    ckb.values[FIRST_GOAL_ROW - 1]![13] = "Bemærkning";
    const plan = planTemplate(contract, "CKB", { exportedAt: AT, prefill: readWorkbook(grids) });
    const line = plan.sheets.find((s) => s.name === "CKB")!.cells[FIRST_GOAL_ROW - 1]!;
    expect([line[7], line[8], line[13]]).toEqual([{ value: 100 }, { value: 61 }, { value: "Bemærkning" }]);
  });
});

describe("template file names", () => {
  it("tell contract, centre code and year in safe characters", () => {
    expect(templateFileName("beskaeftigelsescentre-2007", "CKB", 2007)).toBe(
      "beskaeftigelsescentre-2007_CKB_2007.xlsx",
    );
    expect(templateFileName("jobcenter-kbh-2007", "Skelbækgade", 2007)).toBe(
      "jobcenter-kbh-2007_Skelbaekgade_2007.xlsx",
    );
    expect(templateFileName("jobcenter-kbh-2007", "Musvågevej", 2007)).toBe(
      "jobcenter-kbh-2007_Musvaagevej_2007.xlsx",
    );
    expect(safeFilePart("Ørestad / Syd: *nyt*")).toBe("Oerestad-Syd-nyt");
    expect(safeFilePart("Café")).toBe("Cafe");
    expect(safeFilePart("???")).toBe("x");
  });

  it("never give two centres the same name", () => {
    expect(
      templateFileNames([
        { contractId: "k", centre: "C.A.B", year: 2007 },
        { contractId: "k", centre: "C A B", year: 2007 },
        { contractId: "k", centre: "CKB", year: 2007 },
      ]),
    ).toEqual(["k_C-A-B_2007.xlsx", "k_C-A-B_2007-2.xlsx", "k_CKB_2007.xlsx"]);
  });
});
