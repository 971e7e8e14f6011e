// A1 addresses for the Office.js shell: rectangles in, address strings out.
import { colLetter } from "../sheets/layout";

/** 1-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "H8", "$H$8:I40" or "A1:O1" → a rectangle. Whole rows or columns are not accepted here. */
export function parseRect(address: string): Rect {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "");
  const [a = "", b = a] = bare.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

function parseCell(cell: string): { row: number; col: number } {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(cell.trim());
  if (!m) throw new Error(`Not a cell address: "${cell}"`);
  return { col: colNumber(m[1]!), row: Number(m[2]) };
}

export function cellAddress(row: number, col: number): string {
  return `${colLetter(col - 1)}${row}`;
}

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

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

/**
 * Joins addresses into comma lists for getRanges (RangeAreas), each under Excel's 8,192-character
 * limit on an address string (OFFICE-JS.md).
 */
export function addressLists(rects: Rect[], maxChars = 8000): string[] {
  const lists: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rectAddress(r);
    if (current && current.length + 1 + a.length > maxChars) {
      lists.push(current);
      current = a;
    } else {
      current = current ? `${current},${a}` : a;
    }
  }
  if (current) lists.push(current);
  return lists;
}
