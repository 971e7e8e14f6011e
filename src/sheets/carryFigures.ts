// Rebuilding a sheet keeps every figure and comment already entered, matched by goal id —
// also when goals were added, removed or reordered.
import type { CellValue } from "../contracts/model";
import { cellAt } from "./grid";
import { columnNumber } from "./a1";
import { COL, FIRST_GOAL_ROW } from "./layout";
import type { WorkbookPlan } from "./plan";
import type { RowState, WorkbookState } from "./readWorkbook";
import { SheetBuilder } from "./sheetBuilder";

export interface CarryResult {
  /** Cells given their old value. */
  kept: number;
  /** Rows with figures whose goal is no longer in the contract: nothing is written for them. */
  orphaned: { sheet: string; id: string; grundlag: CellValue; resultat: CellValue; comment: CellValue }[];
}

const filled = (v: CellValue) => v !== null && v !== "";

/** Writes the old figures into the new plan's input cells, in place. */
export function carryFigures(plan: WorkbookPlan, old: WorkbookState): CarryResult {
  const result: CarryResult = { kept: 0, orphaned: [] };
  for (const sheet of plan.sheets.filter((s) => s.role === "centre")) {
    const before = old.centres.find((c) => c.sheet === sheet.name);
    if (!before) continue;
    const byId = new Map<string, RowState>(
      before.rows.filter((r) => r.rowNumber !== undefined).map((r) => [r.row.id, r]),
    );
    const b = Object.assign(new SheetBuilder(sheet.name, sheet.role), { plan: sheet });
    const placedIds = new Set<string>();
    const values = sheet.cells.map((line) => line.map((c) => (c && "value" in c ? c.value : null)));
    for (let r = FIRST_GOAL_ROW; r <= sheet.cells.length; r++) {
      const idCell = cellAt(values, r, columnNumber(COL.id) - 1);
      if (typeof idCell !== "string") continue;
      placedIds.add(idCell);
      const prior = byId.get(idCell);
      if (!prior) continue;
      for (const [col, value] of [
        [COL.grundlag, prior.grundlag],
        [COL.resultat, prior.resultat],
        [COL.comment, prior.comment],
      ] as const) {
        if (!filled(value)) continue;
        b.set(col, r, { value: typeof value === "boolean" ? String(value) : (value as string | number) });
        result.kept++;
      }
    }
    for (const prior of byId.values()) {
      if (!placedIds.has(prior.row.id) && [prior.grundlag, prior.resultat, prior.comment].some(filled)) {
        result.orphaned.push({
          sheet: sheet.name,
          id: prior.row.id,
          grundlag: prior.grundlag,
          resultat: prior.resultat,
          comment: prior.comment,
        });
      }
    }
  }
  return result;
}
