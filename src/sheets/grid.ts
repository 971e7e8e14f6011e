// What a shell reads back from a workbook: each sheet's used range as a grid of values.
import type { CellValue } from "../contracts/model";

/** Rows of cell values from A1 (null for an empty cell). */
export type Grid = CellValue[][];

export interface SheetGrid {
  name: string;
  values: Grid;
  /** The formula of each cell ("=…") or null, where a reader needs to tell formulas from values. */
  formulas?: (string | null)[][];
}

export function cellAt(grid: Grid | undefined, row1: number, col0: number): CellValue {
  return grid?.[row1 - 1]?.[col0] ?? null;
}
