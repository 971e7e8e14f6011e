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
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let previousRow = -1;
  for (const row of rows) {
    const cols = byRow.get(row)!.sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else if (!last || c > last[1]) runs.push([c, c]);
    }
    const continuing = new Map<string, Rect>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const rect = row === previousRow + 1 ? open.get(key) : undefined;
      if (rect) {
        rect.bottom = row;
        continuing.set(key, rect);
        open.delete(key);
      } else {
        continuing.set(key, { top: row, left, bottom: row, right });
      }
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of continuing) open.set(k, v);
    previousRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
