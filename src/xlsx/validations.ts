// Validation ranges as Excel wants them: never two rules over one cell.
import type ExcelJS from "exceljs";
import { columnLetters, parseCell } from "../sheets/a1";

interface ValidationModel {
  model: Record<string, object | undefined>;
}

/**
 * exceljs keys validations by address. On saving it squeezes alike single-cell rules into ranges
 * after sorting the addresses as text (H10 before H8), and can then write overlapping ranges
 * (H10:H40 and H8:H40), which Excel "repairs" by dropping rules. That happens to a file it loaded
 * (it expands every range into cells) and to alike single-cell rules a plan gives for adjacent
 * rows. Group the single cells into rectangles here, in numeric order, keyed as ranges, so the
 * writer finds ranges and leaves them alone.
 */
export function normaliseValidations(ws: ExcelJS.Worksheet): void {
  const dv = (ws as unknown as { dataValidations: ValidationModel }).dataValidations;
  const groups = new Map<string, { rule: object; cells: Set<string> }>();
  const next: Record<string, object> = {};
  for (const [address, rule] of Object.entries(dv.model)) {
    if (!rule) continue;
    if (address.includes(":")) {
      next[address] = rule;
      continue;
    }
    const key = JSON.stringify(rule);
    const group = groups.get(key) ?? { rule, cells: new Set<string>() };
    group.cells.add(address.replace(/\$/g, "").toUpperCase());
    groups.set(key, group);
  }
  for (const { rule, cells } of groups.values()) {
    for (const range of rectangles(cells)) next[range] = rule;
  }
  dv.model = next;
}

/** Covers a set of A1 cells with rectangles: down first, then right, in numeric order. */
export function rectangles(cells: Set<string>): string[] {
  const parsed = [...cells].map((a) => {
    const { row, col } = parseCell(a);
    return { col, row, a };
  });
  parsed.sort((x, y) => x.row - y.row || x.col - y.col);
  const has = (row: number, col: number) => cells.has(`${columnLetters(col)}${row}`);
  const done = new Set<string>();
  const out: string[] = [];
  for (const { row, col, a } of parsed) {
    if (done.has(a)) continue;
    let height = 1;
    while (has(row + height, col) && !done.has(`${columnLetters(col)}${row + height}`)) height++;
    let width = 1;
    const columnFree = (c: number) => {
      for (let r = row; r < row + height; r++)
        if (!has(r, c) || done.has(`${columnLetters(c)}${r}`)) return false;
      return true;
    };
    while (columnFree(col + width)) width++;
    for (let r = row; r < row + height; r++)
      for (let c = col; c < col + width; c++) done.add(`${columnLetters(c)}${r}`);
    out.push(height === 1 && width === 1 ? a : `${a}:${columnLetters(col + width - 1)}${row + height - 1}`);
  }
  return out;
}
