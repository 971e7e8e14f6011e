// A cell of a sheet being read, and its text as a person sees it.
import type { CellValue } from "../contracts/model";

export interface Cell {
  value: CellValue;
  /** A1 address, e.g. "H14". */
  address: string;
}

export type At = (row: number, col: number) => Cell;
export type Report = (cell: Cell | string, message: string) => void;

export const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "SAND" : "FALSK") : String(v).trim();
