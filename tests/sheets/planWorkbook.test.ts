// The plan computed by a real formula engine agrees with the core evaluator, sheet by sheet.
import fc from "fast-check";
import { builtinContracts } from "../../src/contracts/builtin";
import type { CellValue, Contract } from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { STATUS_LABEL } from "../../src/contracts/status";
import { carryFigures } from "../../src/sheets/carryFigures";
import { COL, COUNT_VALUE_COL, FIRST_GOAL_ROW, META_SHEET, SUMMARY_SHEET } from "../../src/sheets/layout";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { judgeWorkbook, readWorkbook } from "../../src/sheets/readWorkbook";
import { PlanInEngine } from "../support/planInEngine";

const contracts = builtinContracts();
const centreSheets = contracts.flatMap((c) => c.centres.map((x) => x.code));

function gridsOf(engine: PlanInEngine, names: string[]) {
  return names.map((name) => ({ name, values: engine.grid(name) }));
}

const figure: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 3000 }),
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.constantFrom("Ja", "Nej", "tekst", -1, 0, 838, 1850, 600, 700),
);

describe("the contract workbook plan", () => {
  const plan = planWorkbook(contracts, { generatedAt: "2026-11-22T12:00:00Z" });

  it("has Oversigt, a sheet per centre named by its code, the Ja/Nej list and the hidden data sheet", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, ...centreSheets, "Lister", META_SHEET]);
    expect(plan.sheets.find((s) => s.name === META_SHEET)?.visibility).toBe("veryHidden");
  });

  it("gives every applicable goal a row, and only those", () => {
    for (const contract of contracts) {
      for (const centre of contract.centres) {
        const sheet = plan.sheets.find((s) => s.name === centre.code)!;
        const ids = sheet.cells
          .slice(FIRST_GOAL_ROW - 1)
          .map((line) => (line[0] && "value" in line[0] ? line[0].value : null));
        expect(ids).toEqual(rowsFor(contract, centre.code).map((r) => r.id));
      }
    }
  });

  it("shows Mangler data everywhere before anything is typed", () => {
    const engine = new PlanInEngine(plan);
    for (const name of centreSheets) {
      const rows = rowsFor(
        contracts.find((c) => c.centres.some((x) => x.code === name))!,
        name,
      );
      rows.forEach((_, i) =>
        expect(engine.get(name, `${COL.status}${FIRST_GOAL_ROW + i}`)).toBe("Mangler data"),
      );
      expect(engine.get(name, `${COUNT_VALUE_COL}3`)).toBe(rows.length);
    }
  });

  it("judges random figures in every sheet exactly as the evaluator does, joint goals included", () => {
    fc.assert(
      fc.property(fc.array(figure, { minLength: 400, maxLength: 400 }), (figures) => {
        const engine = new PlanInEngine(plan);
        let k = 0;
        // One recalculation after all the typing, not one per cell: only the end is judged.
        engine.hf.batch(() => {
          for (const name of centreSheets) {
            const sheet = plan.sheets.find((s) => s.name === name)!;
            for (let r = FIRST_GOAL_ROW; r <= sheet.cells.length; r++) {
              engine.type(name, `${COL.grundlag}${r}`, figures[k++ % figures.length]!);
              engine.type(name, `${COL.resultat}${r}`, figures[k++ % figures.length]!);
            }
          }
        });
        const reports = judgeWorkbook(readWorkbook(gridsOf(engine, [...centreSheets, META_SHEET])));
        for (const report of reports) {
          for (const goal of report.goals) {
            expect([report.code, goal.id, engine.get(report.sheet, goal.cells!.status)]).toEqual([
              report.code,
              goal.id,
              STATUS_LABEL[goal.status],
            ]);
            const summaryHasIt = engine.hf.getSheetId(SUMMARY_SHEET) !== undefined;
            expect(summaryHasIt).toBe(true);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it("judges the joint goals on the sum over CKB, CAB and CBSI", () => {
    const engine = new PlanInEngine(plan);
    const id = "bc-b05";
    const rowOf = (centre: string) =>
      FIRST_GOAL_ROW + rowsFor(contracts[1]!, centre).findIndex((r) => r.id === id);
    const contract = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
    expect(contract.goals.find((g) => g.id === id)?.measure).toMatchObject({ joint: { atLeast: 1850 } });
    engine.type("CKB", `${COL.resultat}${rowOf("CKB")}`, 900);
    engine.type("CAB", `${COL.resultat}${rowOf("CAB")}`, 500);
    expect(engine.get("CKB", `${COL.status}${rowOf("CKB")}`)).toBe("Mangler data");
    engine.type("CBSI", `${COL.resultat}${rowOf("CBSI")}`, 449);
    expect(engine.get("CAB", `${COL.status}${rowOf("CAB")}`)).toBe("Ikke opfyldt");
    expect(engine.get("CAB", `${COL.jointTotal}${rowOf("CAB")}`)).toBe(1849);
    engine.type("CBSI", `${COL.resultat}${rowOf("CBSI")}`, 450);
    for (const c of ["CKB", "CAB", "CBSI"]) expect(engine.get(c, `${COL.status}${rowOf(c)}`)).toBe("Opfyldt");
  });

  it("keeps the Oversigt matrix in step with the centre sheets", () => {
    const engine = new PlanInEngine(plan);
    const contract = contracts[0]!;
    const first = rowsFor(contract, "Nyropsgade")[0]!;
    engine.type("Nyropsgade", `${COL.grundlag}${FIRST_GOAL_ROW}`, 100);
    engine.type("Nyropsgade", `${COL.resultat}${FIRST_GOAL_ROW}`, 95);
    const summary = engine.grid(SUMMARY_SHEET);
    const line = summary.findIndex((l) => l[0] === first.id);
    const header = summary
      .slice(0, line)
      .reverse()
      .find((l) => l[0] === "Mål-ID")!;
    const col = header.indexOf("Nyropsgade");
    expect(summary[line]![col]).toBe("Ikke opfyldt");
    const jsvCol = header.indexOf("JSV");
    const notForJsv = contract.goals.find((g) => g.excluded?.includes("JSV"))!;
    const notRow = summary.findIndex((l) => l[0] === notForJsv.id);
    expect(summary[notRow]![jsvCol]).toBe("Ikke relevant");
  });
});

describe("rebuilding keeps every figure by goal id", () => {
  it("survives goals added, removed and reordered", () => {
    const original = contracts[0]!;
    const engine = new PlanInEngine(planWorkbook([original], { generatedAt: "2026-11-22T12:00:00Z" }));
    const rows = rowsFor(original, "Skelbækgade");
    rows.forEach((r, i) => {
      engine.type("Skelbækgade", `${COL.grundlag}${FIRST_GOAL_ROW + i}`, 1000 + i);
      engine.type(
        "Skelbækgade",
        `${COL.resultat}${FIRST_GOAL_ROW + i}`,
        r.assessment.basis === "own" && r.assessment.target.kind === "yesNo" ? "Ja" : i,
      );
      engine.type("Skelbækgade", `${COL.comment}${FIRST_GOAL_ROW + i}`, `note ${r.id}`);
    });
    const old = readWorkbook(gridsOf(engine, ["Skelbækgade", META_SHEET]));
    const removed = original.goals[1]!.id;
    const changed: Contract = {
      ...original,
      goals: [
        { ...original.goals[0]!, id: "jc-new01", text: "Et nyt mål" },
        ...original.goals.filter((g) => g.id !== removed).reverse(),
      ],
    };
    const plan = planWorkbook([changed], { generatedAt: "2026-11-22T12:00:00Z" });
    const carried = carryFigures(plan, old);
    const after = new PlanInEngine(plan);
    const now = readWorkbook(gridsOf(after, ["Skelbækgade", META_SHEET])).centres[0]!;
    for (const before of old.centres[0]!.rows) {
      const match = now.rows.find((r) => r.row.id === before.row.id);
      if (before.row.goalId === removed) {
        expect(match).toBeUndefined();
        expect(carried.orphaned.map((o) => o.id)).toContain(before.row.id);
        continue;
      }
      expect([match?.grundlag, match?.resultat, match?.comment]).toEqual([
        before.grundlag,
        before.resultat,
        before.comment,
      ]);
    }
    expect(now.rows.find((r) => r.row.id === "jc-new01")?.resultat).toBeNull();
  });
});
