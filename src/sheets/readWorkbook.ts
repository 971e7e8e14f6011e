// The inverse of the plan: grids read back from a workbook → figures by goal id → outcomes.
// Rows are found by the goal id in column A, never by position, so inserted rows do no harm.
import { evaluateRow } from "../contracts/evaluate";
import type { CellValue, Centre, Contract, GoalRow, Outcome } from "../contracts/model";
import { rowsFor } from "../contracts/resolve";
import { cellAt, type SheetGrid } from "./grid";
import { columnNumber } from "./a1";
import { COL, HEADER_ROW, META_SHEET } from "./layout";
import { readMeta, type Meta } from "./meta";
import type { PlacedCentreSheet } from "./planSummary";

export interface RowState {
  row: GoalRow;
  /** 1-based sheet row, or undefined when the goal's row is not in the sheet. */
  rowNumber?: number;
  grundlag: CellValue;
  resultat: CellValue;
  comment: CellValue;
}

export interface CentreState {
  sheet: string;
  contract: Contract;
  centre: Centre;
  rows: RowState[];
  /** Goal ids in column A that the contract does not know. */
  unknownIds: string[];
}

export interface WorkbookState {
  meta: Meta;
  centres: CentreState[];
}

export function readWorkbook(grids: SheetGrid[]): WorkbookState {
  const meta = readMeta(grids.find((g) => g.name === META_SHEET)?.values);
  const centres: CentreState[] = [];
  for (const ref of meta.sheets) {
    const contract = meta.contracts.find((c) => c.id === ref.contractId);
    const centre = contract?.centres.find((c) => c.code === ref.centre);
    const grid = grids.find((g) => g.name === ref.sheet);
    if (!contract || !centre || !grid) continue;
    centres.push(readCentreSheet(grid, contract, centre));
  }
  return { meta, centres };
}

/** Maps goal ids in column A to their row numbers, below the header row. */
export function goalRowNumbers(grid: SheetGrid): Map<string, number> {
  const ids = new Map<string, number>();
  grid.values.forEach((line, i) => {
    const id = line[columnNumber(COL.id) - 1];
    if (i + 1 > HEADER_ROW && typeof id === "string" && id.trim() !== "" && !ids.has(id.trim()))
      ids.set(id.trim(), i + 1);
  });
  return ids;
}

export function readCentreSheet(grid: SheetGrid, contract: Contract, centre: Centre): CentreState {
  const numbers = goalRowNumbers(grid);
  const known = rowsFor(contract, centre.code);
  const rows = known.map((row) => {
    const rowNumber = numbers.get(row.id);
    const at = (col: string) =>
      rowNumber === undefined ? null : cellAt(grid.values, rowNumber, columnNumber(col) - 1);
    return {
      row,
      rowNumber,
      grundlag: at(COL.grundlag),
      resultat: at(COL.resultat),
      comment: at(COL.comment),
    };
  });
  const knownIds = new Set(known.map((r) => r.id));
  return {
    sheet: grid.name,
    contract,
    centre,
    rows,
    unknownIds: [...numbers.keys()].filter((id) => !knownIds.has(id)),
  };
}

export interface GoalReport {
  id: string;
  text: string;
  status: Outcome["status"];
  achieved: Outcome["achieved"];
  requirement: string;
  message: string;
  joint: boolean;
  cells: { grundlag: string; resultat: string; status: string } | null;
  row: number | null;
  grundlag: CellValue;
  resultat: CellValue;
}

export interface CentreReport {
  code: string;
  name: string;
  contract: string;
  sheet: string;
  goals: GoalReport[];
}

/** Judges every goal row of every centre sheet with the core evaluator (never cached results). */
export function judgeWorkbook(state: WorkbookState): CentreReport[] {
  const resultatOf = (contractId: string, centre: string, rowId: string): CellValue | undefined => {
    const c = state.centres.find((s) => s.contract.id === contractId && s.centre.code === centre);
    const r = c?.rows.find((x) => x.row.id === rowId);
    return r && r.rowNumber !== undefined ? r.resultat : undefined;
  };
  return state.centres.map((c) => ({
    code: c.centre.code,
    name: c.centre.name,
    contract: c.contract.id,
    sheet: c.sheet,
    goals: c.rows.map((r) => {
      const contributions: Record<string, CellValue | undefined> = {};
      const a = r.row.assessment;
      if (a.basis === "joint")
        for (const other of a.joint.centres)
          contributions[other] = resultatOf(c.contract.id, other, r.row.id);
      const outcome = evaluateRow(r.row, { grundlag: r.grundlag, resultat: r.resultat }, contributions);
      const n = r.rowNumber;
      return {
        id: r.row.id,
        text: r.row.text,
        ...outcome,
        joint: a.basis !== "own",
        cells:
          n === undefined
            ? null
            : {
                grundlag: `${COL.grundlag}${n}`,
                resultat: `${COL.resultat}${n}`,
                status: `${COL.status}${n}`,
              },
        row: n ?? null,
        grundlag: r.grundlag,
        resultat: r.resultat,
      };
    }),
  }));
}

/** Where each centre sheet's goal rows are, as the summary needs it. */
export function placedSheets(state: WorkbookState): PlacedCentreSheet[] {
  return state.centres.map((c) => ({
    sheet: c.sheet,
    contractId: c.contract.id,
    centre: c.centre.code,
    rows: new Map(
      c.rows.filter((r) => r.rowNumber !== undefined).map((r) => [r.row.id, r.rowNumber!] as const),
    ),
  }));
}
