// Cells grouped into few rectangles, the one cover both shells use (the Office.js shell writes
// them one by one: a multi-area address depends on the locale's list separator, office-js #1167;
// exceljs must never get overlapping validation ranges).
import type { Rect } from "./a1";

/**
 * Cells keyed by a class (a style, a validation) → the fewest simple rectangles: runs along each
 * row, then runs of equal column spans stacked down the rows.
 */
export function rectanglesOf(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = []));
    cols.push(col);
  }
  // Rectangles reaching the previous row, by their column span; hot (every validation group of
  // every sheet), so the span is a number, not a string, and the two maps are reused.
  let open = new Map<number, Rect>();
  let continuing = new Map<number, Rect>();
  const done: Rect[] = [];
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let previousRow = -1;
  for (const row of rows) {
    const cols = byRow.get(row)!.sort((a, b) => a - b);
    const adjacent = row === previousRow + 1;
    for (let i = 0; i < cols.length;) {
      // A run of consecutive columns (a column given twice counts once).
      const left = cols[i]!;
      let right = left;
      for (i++; i < cols.length && cols[i]! <= right + 1; i++) right = Math.max(right, cols[i]!);
      const span = left * SPAN_BASE + right;
      const rect = adjacent ? open.get(span) : undefined;
      if (rect) {
        rect.bottom = row;
        open.delete(span);
        continuing.set(span, rect);
      } else {
        continuing.set(span, { top: row, left, bottom: row, right });
      }
    }
    for (const rect of open.values()) done.push(rect);
    open.clear();
    [open, continuing] = [continuing, open];
    previousRow = row;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Larger than any column number (Excel has 16,384 columns), so left × SPAN_BASE + right names a span. */
const SPAN_BASE = 1 << 20;
