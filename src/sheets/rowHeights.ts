// Row heights from wrapped text, for file writers that cannot measure text themselves.
import type { SheetPlan } from "./plan";

const LINE_POINTS = 15;
/** Characters of the default font that fit a column, a little under its width to be safe. */
const fitting = (width: number) => Math.max(1, Math.floor(width * 0.95));

/**
 * Height of each row from first to last: the lines its longest text needs in the wrapped
 * columns (0-based; all columns when not given), word by word against the column's width.
 */
export function estimatedRowHeights(
  plan: SheetPlan,
  first: number,
  last: number,
  wrapped?: number[],
): Record<number, number> {
  const heights: Record<number, number> = {};
  for (let r = first; r <= last; r++) {
    const line = plan.cells[r - 1] ?? [];
    let lines = 1;
    line.forEach((cell, c) => {
      if (!cell || !("value" in cell) || typeof cell.value !== "string") return;
      if (wrapped && !wrapped.includes(c)) return;
      const width = plan.columnWidths[c] ?? 10;
      const words = cell.value.split(/\s+/);
      let count = 1;
      let used = 0;
      for (const w of words) {
        const need = (used ? 1 : 0) + w.length;
        if (used + need > fitting(width) && used > 0) {
          count++;
          used = w.length;
        } else used += need;
      }
      lines = Math.max(lines, count);
    });
    heights[r] = lines * LINE_POINTS;
  }
  return heights;
}
