// Validation ranges as Excel wants them: never two rules over one cell.
import type ExcelJS from "exceljs";
import { parseCell, rangeName } from "../sheets/a1";
import { rectanglesOf } from "../sheets/rectangles";

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

/** Covers a set of A1 cells with rectangles (the cover both shells use), as A1 ranges. */
export function rectangles(cells: Set<string>): string[] {
  return rectanglesOf([...cells].map((a) => parseCell(a))).map(rangeName);
}
