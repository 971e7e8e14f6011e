// "Next year from last year": for a change goal that continues (the same goal id, or else the
// same goal text), last year's Resultat is this year's Grundlag. Written into the new plan's
// Grundlag cells before anything is built; what could not be carried is said, with why.
import type { CellValue, GoalRow, Target } from "../contracts/model";
import { parseNumber } from "../contracts/parseNumber";
import { statusTarget } from "../contracts/resolve";
import { cellAt } from "../sheets/grid";
import { columnNumber } from "../sheets/a1";
import { COL, FIRST_GOAL_ROW } from "../sheets/layout";
import type { WorkbookPlan } from "../sheets/plan";
import type { CentreState, RowState, WorkbookState } from "../sheets/readWorkbook";
import { kindColumnsOf } from "./kindColumns";

export interface Carried {
  sheet: string;
  centre: string;
  rowId: string;
  /** Last year's goal row it came from (the same id, or another id with the same text). */
  fromRowId: string;
  value: number;
  /** A1 address of the Grundlag cell written. */
  cell: string;
}

export interface NotCarried {
  sheet: string;
  centre: string;
  rowId: string;
  /** Danish: why not. */
  reason: string;
}

export interface CarryReport {
  carried: Carried[];
  notCarried: NotCarried[];
}

/** Change kinds whose Resultat is the same kind of figure as next year's Grundlag. */
function family(t: Target): "figure" | "share" | null {
  if (t.kind === "change" || t.kind === "absoluteChange")
    return t.kind === "change" && t.baseline ? null : "figure";
  if (t.kind === "pointChange") return t.baseline ? null : "share";
  return null;
}

export function carryFromLastYear(
  plan: WorkbookPlan,
  placed: { sheet: string; rows: GoalRow[]; centre: string }[],
  last: WorkbookState,
): CarryReport {
  const report: CarryReport = { carried: [], notCarried: [] };
  for (const p of placed) {
    const sheet = plan.sheets.find((s) => s.name === p.sheet);
    if (!sheet) continue;
    const values = sheet.cells.map((line) => line.map((c) => (c && "value" in c ? c.value : null)));
    const rowNumbers = new Map<string, number>();
    for (let r = FIRST_GOAL_ROW; r <= values.length; r++) {
      const id = cellAt(values, r, columnNumber(COL.id) - 1);
      if (typeof id === "string") rowNumbers.set(id, r);
    }
    const before = last.centres.filter((c) => c.centre.code === p.centre);
    for (const row of p.rows) {
      const target = statusTarget(row.assessment);
      if (target.kind !== "change" && target.kind !== "absoluteChange" && target.kind !== "pointChange")
        continue;
      const skip = (reason: string) =>
        report.notCarried.push({ sheet: p.sheet, centre: p.centre, rowId: row.id, reason });
      if (!family(target)) {
        skip(
          `måles ift. ${"baseline" in target && target.baseline ? target.baseline.label : "andet"}, ikke sidste års tal`,
        );
        continue;
      }
      if (before.length === 0) {
        skip(`centret ${p.centre} findes ikke i sidste års projektmappe`);
        continue;
      }
      const match = findRow(before, row);
      if (!match) {
        skip("sidste år var der intet mål med samme id eller samme tekst");
        continue;
      }
      const lastTarget = statusTarget(match.row.assessment);
      if (family(lastTarget) !== family(target)) {
        skip(
          `sidste år var målet «${kindColumnsOf(lastTarget).label}»; dets Resultat er ikke den slags tal, Grundlag skal have`,
        );
        continue;
      }
      const value = figure(match.resultat);
      if (value === null) {
        skip(
          match.resultat === null || match.resultat === ""
            ? "sidste års Resultat er tomt"
            : `sidste års Resultat er ikke et tal («${String(match.resultat)}»)`,
        );
        continue;
      }
      const r = rowNumbers.get(row.id);
      if (r === undefined) continue;
      const line = sheet.cells[r - 1]!;
      const c = columnNumber(COL.grundlag) - 1;
      while (line.length <= c) line.push(null);
      line[c] = { value };
      report.carried.push({
        sheet: p.sheet,
        centre: p.centre,
        rowId: row.id,
        fromRowId: match.row.id,
        value,
        cell: `${COL.grundlag}${r}`,
      });
    }
  }
  return report;
}

function findRow(centres: CentreState[], row: GoalRow): RowState | undefined {
  const rows = centres.flatMap((c) => c.rows.filter((r) => r.rowNumber !== undefined));
  return (
    rows.find((r) => r.row.id === row.id) ??
    rows.find(
      (r) => r.row.text.trim() === row.text.trim() && (r.row.partLabel ?? "") === (row.partLabel ?? ""),
    )
  );
}

function figure(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const parsed = parseNumber(v, "da");
  return parsed.kind === "number" ? parsed.value : null;
}
