// The build's product rules, decided from what the workbook holds (src/sheets/buildDecision.ts):
// no sheet overwritten without asking, never a sheet that is not ours, other contracts kept,
// figures carried over.
import { builtinContracts } from "../../src/contracts/builtin";
import { columnNumber } from "../../src/sheets/a1";
import { firstLook, planBuild } from "../../src/sheets/buildDecision";
import type { SheetGrid } from "../../src/sheets/grid";
import { COL, FIRST_GOAL_ROW, LISTS_SHEET, META_SHEET, SUMMARY_SHEET } from "../../src/sheets/layout";
import { readMeta } from "../../src/sheets/meta";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { gridsOfPlan } from "../templates/helpers";

const AT = "2026-11-29T10:00:00.000Z";
const [kbh, centres] = builtinContracts() as [
  ReturnType<typeof builtinContracts>[0],
  ReturnType<typeof builtinContracts>[0],
];

test("a chosen centre's sheet that exists is refused unless the user updates, named as Excel spells it", () => {
  const look = firstLook({
    chosen: [centres],
    update: false,
    sheetNames: ["ckb", "Ark1"],
    structureProtected: false,
  });
  expect(look).toEqual({
    ok: false,
    message: expect.stringMatching(/^Arkene ckb findes allerede\. Vælg at opdatere/),
  });
  expect(
    firstLook({ chosen: [centres], update: true, sheetNames: ["ckb"], structureProtected: false }),
  ).toEqual({
    ok: true,
    present: ["CKB"],
    cleared: ["ckb"],
  });
});

test("a protected workbook structure is refused before anything is written", () => {
  const look = firstLook({
    chosen: [centres],
    update: false,
    sheetNames: ["Ark1"],
    structureProtected: true,
  });
  expect(look.ok).toBe(false);
  expect(!look.ok && look.message).toMatch(/struktur er beskyttet.*Intet er ændret/);
});

test("an update reads the present centre sheets and the helper sheets before writing", () => {
  const names = ["Oversigt", "CKB", "CAB", "Lister", META_SHEET, "Ark1"];
  const look = firstLook({ chosen: [centres], update: true, sheetNames: names, structureProtected: false });
  expect(look).toEqual({
    ok: true,
    present: ["CKB", "CAB"],
    cleared: ["CKB", "CAB", LISTS_SHEET, META_SHEET, SUMMARY_SHEET],
  });
});

test("a sheet with a centre's name that the metadata does not know is never overwritten", () => {
  const decided = planBuild({
    chosen: [centres],
    present: ["CKB"],
    sheetNames: ["CKB"],
    meta: undefined,
    grids: [],
    generatedAt: AT,
  });
  expect(decided).toEqual({
    ok: false,
    message: expect.stringMatching(/^Arket "CKB" findes allerede, men er ikke et kontraktark/),
  });
});

test("adding a contract keeps the one already in the workbook and writes only the chosen centres", () => {
  const before = planWorkbook([kbh], { generatedAt: AT });
  const grids = gridsOfPlan(before);
  const meta = readMeta(grids.find((g) => g.name === META_SHEET)!.values);
  const decided = planBuild({
    chosen: [centres],
    present: [],
    sheetNames: before.sheets.map((s) => s.name),
    meta,
    grids: [],
    generatedAt: AT,
  });
  if (!decided.ok) throw new Error(decided.message);
  const centreSheets = decided.plan.sheets.filter((s) => s.role === "centre").map((s) => s.name);
  expect(centreSheets).toEqual([...kbh.centres, ...centres.centres].map((c) => c.code));
  expect([...decided.written]).toEqual(["ckb", "cab", "cbsi"]);
  expect(decided.carried).toEqual({ kept: 0, orphaned: [] });
});

test("an update carries the figures typed into a centre's sheet into the new plan", () => {
  const before = planWorkbook([centres], { generatedAt: AT });
  const grids: SheetGrid[] = gridsOfPlan(before);
  const ckb = grids.find((g) => g.name === "CKB")!;
  const col = columnNumber(COL.grundlag) - 1;
  ckb.values[FIRST_GOAL_ROW - 1]![col] = 1234;
  const meta = readMeta(grids.find((g) => g.name === META_SHEET)!.values);
  const decided = planBuild({
    chosen: [centres],
    present: ["CKB"],
    sheetNames: before.sheets.map((s) => s.name),
    meta,
    grids: grids.filter((g) => g.name === META_SHEET || g.name === "CKB"),
    generatedAt: AT,
  });
  if (!decided.ok) throw new Error(decided.message);
  expect(decided.carried.kept).toBe(1);
  const sheet = decided.plan.sheets.find((s) => s.name === "CKB")!;
  expect(sheet.cells[FIRST_GOAL_ROW - 1]![col]).toEqual({ value: 1234 });
});
