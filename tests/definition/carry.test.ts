// Next year from last year: which Resultat becomes which Grundlag, and why the others do not.
import type { Contract, Goal, Target } from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { carryFromLastYear } from "../../src/definition/carryFromLastYear";
import { columnNumber } from "../../src/sheets/a1";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { placeCentres, planWorkbook } from "../../src/sheets/planWorkbook";
import { readWorkbook } from "../../src/sheets/readWorkbook";
import { gridOf } from "./helpers";

const goal = (id: string, text: string, target: Target): Goal => ({
  id,
  text,
  area: "Beskæftigelsesindsatsen",
  section: "Fælles mål",
  centres: ["CKB", "CAB"],
  measure: { kind: "single", target },
});
const fall: Target = { kind: "change", direction: "fall", atLeast: 0.1 };

const last: Contract = {
  id: "t-2007",
  title: "2007",
  year: 2007,
  centres: [
    { code: "CKB", name: "CKB" },
    { code: "CAB", name: "CAB" },
  ],
  goals: [
    goal("t-a", "Færre på kontanthjælp", fall),
    goal("t-b", "Andelen i job", { kind: "shareMin", atLeast: 0.5 }),
    goal("t-d", "Færre sygedage", fall),
    goal("t-p", "Andelen i uddannelse", { kind: "pointChange", direction: "rise", atLeast: 0.05 }),
  ],
};

const next: Contract = {
  ...last,
  id: "t-2008",
  title: "2008",
  year: 2008,
  goals: [
    goal("t-a", "Færre på kontanthjælp", fall),
    // The same text under a new id continues, too.
    goal("t-x", "Færre sygedage", fall),
    // Last year a share: its Resultat is a count, not the figure a change needs.
    goal("t-b", "Andelen i job", fall),
    goal("t-c", "Færre varslede", {
      ...fall,
      baseline: { label: "antallet ved varsling", grundlag: "Antal varslede", resultat: "Antal tilbage" },
    }),
    goal("t-e", "Et helt nyt mål", fall),
    goal("t-p", "Andelen i uddannelse", { kind: "pointChange", direction: "rise", atLeast: 0.05 }),
  ],
};

function lastYearState(figures: Record<string, Record<string, number | string>>) {
  const plan = planWorkbook([last], { generatedAt: "2007-12-31T00:00:00Z" });
  const grids = plan.sheets.map(gridOf);
  for (const [centre, byId] of Object.entries(figures)) {
    const grid = grids.find((g) => g.name === centre)!;
    for (const [id, value] of Object.entries(byId)) {
      const r = FIRST_GOAL_ROW + rowsFor(last, centre).findIndex((row) => row.id === id);
      grid.values[r - 1]![columnNumber(COL.resultat) - 1] = value;
    }
  }
  return readWorkbook(grids);
}

test("carries continuing change goals by id or text, and says why not for the rest", () => {
  const state = lastYearState({
    CKB: { "t-a": 90, "t-b": 40, "t-d": 12, "t-p": 0.42 },
    CAB: { "t-a": "1.234", "t-d": "mange" },
  });
  const plan = planWorkbook([next], { generatedAt: "2008-01-01T00:00:00Z" });
  const report = carryFromLastYear(
    plan,
    placeCentres([next]).map((p) => ({ sheet: p.sheet, centre: p.centre, rows: rowsFor(next, p.centre) })),
    state,
  );
  expect(report.carried.map((c) => [c.centre, c.rowId, c.value, c.fromRowId])).toEqual([
    ["CKB", "t-a", 90, "t-a"],
    ["CKB", "t-x", 12, "t-d"],
    ["CKB", "t-p", 0.42, "t-p"],
    ["CAB", "t-a", 1234, "t-a"],
  ]);
  const why = Object.fromEntries(report.notCarried.map((n) => [`${n.centre} ${n.rowId}`, n.reason]));
  expect(why).toEqual({
    "CKB t-b": "sidste år var målet «Andel mindst»; dets Resultat er ikke den slags tal, Grundlag skal have",
    "CKB t-c": "måles ift. antallet ved varsling, ikke sidste års tal",
    "CKB t-e": "sidste år var der intet mål med samme id eller samme tekst",
    "CAB t-x": "sidste års Resultat er ikke et tal («mange»)",
    "CAB t-b": "sidste år var målet «Andel mindst»; dets Resultat er ikke den slags tal, Grundlag skal have",
    "CAB t-c": "måles ift. antallet ved varsling, ikke sidste års tal",
    "CAB t-e": "sidste år var der intet mål med samme id eller samme tekst",
    "CAB t-p": "sidste års Resultat er tomt",
  });
  // Written into the plan's Grundlag cells, where the build puts them.
  const ckb = plan.sheets.find((s) => s.name === "CKB")!;
  const r = FIRST_GOAL_ROW + rowsFor(next, "CKB").findIndex((row) => row.id === "t-x");
  expect(ckb.cells[r - 1]![columnNumber(COL.grundlag) - 1]).toEqual({ value: 12 });
});

test("a centre new this year is said to be missing from last year's workbook", () => {
  const withNew: Contract = { ...next, centres: [...next.centres, { code: "CJV", name: "CJV" }] };
  withNew.goals = withNew.goals.map((g) => (g.id === "t-a" ? { ...g, centres: [...g.centres, "CJV"] } : g));
  const plan = planWorkbook([withNew], { generatedAt: "2008-01-01T00:00:00Z" });
  const report = carryFromLastYear(
    plan,
    placeCentres([withNew], ["CJV"]).map((p) => ({
      sheet: p.sheet,
      centre: p.centre,
      rows: rowsFor(withNew, p.centre),
    })),
    lastYearState({}),
  );
  expect(report.notCarried).toEqual([
    {
      sheet: "CJV",
      centre: "CJV",
      rowId: "t-a",
      reason: "centret CJV findes ikke i sidste års projektmappe",
    },
  ]);
});
