// The pane's overview (src/sheets/overview.ts) and Oversigt's placement (summaryPlacement.ts),
// decided from grids as the shells read them.
import { builtinContracts } from "../../src/contracts/builtin";
import { columnNumber } from "../../src/sheets/a1";
import { COL, FIRST_GOAL_ROW, META_SHEET } from "../../src/sheets/layout";
import { readMeta, type TripEvent } from "../../src/sheets/meta";
import { centreOverviews, lastTrips } from "../../src/sheets/overview";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { judgeWorkbook, readWorkbook } from "../../src/sheets/readWorkbook";
import { actualPlacement, expectedPlacement, samePlacement } from "../../src/sheets/summaryPlacement";
import { gridsOfPlan } from "../templates/helpers";

const AT = "2026-11-29T10:00:00.000Z";
const contract = builtinContracts().find((c) => c.id === "beskaeftigelsescentre-2007")!;
const plan = planWorkbook([contract], { generatedAt: AT });

test("an empty workbook: every applicable goal is missing, listed in sheet order, on the sheet as Excel names it", () => {
  const judged = judgeWorkbook(readWorkbook(gridsOfPlan(plan)));
  const [ckb] = centreOverviews(judged, [], (name) => name.toLowerCase());
  const applicable = judged[0]!.goals.filter((g) => g.status !== "not_applicable");
  expect(ckb!.counts).toEqual({ met: 0, not_met: 0, missing: applicable.length, invalid: 0 });
  expect(ckb!.attention.map((a) => a.row)).toEqual(
    [...ckb!.attention.map((a) => a.row)].sort((a, b) => a - b),
  );
  expect(ckb!.attention.every((a) => a.status === "missing" && a.sheet === "ckb")).toBe(true);
  expect(ckb!.sheet).toBe("ckb");
});

test("a goal with a figure that is not a number is counted invalid and needs attention", () => {
  const grids = gridsOfPlan(plan);
  const ckb = grids.find((g) => g.name === "CKB")!;
  ckb.values[FIRST_GOAL_ROW - 1]![columnNumber(COL.grundlag) - 1] = "mange";
  const [overview] = centreOverviews(judgeWorkbook(readWorkbook(grids)), [], (n) => n);
  expect(overview!.counts.invalid).toBe(1);
  expect(overview!.attention[0]).toMatchObject({ status: "invalid", row: FIRST_GOAL_ROW, sheet: "CKB" });
});

test("a centre's trips: the latest export and return of its own contract and centre", () => {
  const trips: TripEvent[] = [
    { event: "exported", contractId: contract.id, centre: "CKB", at: "2026-01-02T00:00:00Z" },
    { event: "exported", contractId: contract.id, centre: "CKB", at: "2026-03-01T00:00:00Z" },
    { event: "returned", contractId: contract.id, centre: "CKB", at: "2026-02-01T00:00:00Z" },
    { event: "returned", contractId: contract.id, centre: "CAB", at: "2026-04-01T00:00:00Z" },
    { event: "exported", contractId: "andet", centre: "CKB", at: "2026-05-01T00:00:00Z" },
  ];
  expect(lastTrips(trips, contract.id, "CKB")).toEqual({
    exported: "2026-03-01T00:00:00Z",
    returned: "2026-02-01T00:00:00Z",
  });
  expect(lastTrips(trips, contract.id, "CBSI")).toEqual({});
});

test("Oversigt points where the rows are: as built, or where column A says after a user moved them", () => {
  const grids = gridsOfPlan(plan);
  const meta = readMeta(grids.find((g) => g.name === META_SHEET)!.values);
  const placed = expectedPlacement(meta, ["CKB"]);
  expect(placed.map((p) => p.sheet)).toEqual(["CKB"]);
  const ckb = grids.find((g) => g.name === "CKB")!;
  expect(samePlacement(placed, [ckb])).toBe(true);
  // The user swaps the first two goal rows.
  const a = FIRST_GOAL_ROW - 1;
  [ckb.values[a], ckb.values[a + 1]] = [ckb.values[a + 1]!, ckb.values[a]!];
  expect(samePlacement(placed, [ckb])).toBe(false);
  const [moved] = actualPlacement(placed, [ckb]);
  const [firstId, secondId] = [...placed[0]!.rows.keys()];
  expect(moved!.rows.get(firstId!)).toBe(FIRST_GOAL_ROW + 1);
  expect(moved!.rows.get(secondId!)).toBe(FIRST_GOAL_ROW);
  // A sheet that cannot be read is not where the plan expects it.
  expect(samePlacement(placed, [])).toBe(false);
});
