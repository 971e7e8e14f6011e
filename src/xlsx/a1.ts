// A1 addresses for the xlsx shell: "H12" ↔ row/column, "H8:I40" → a rectangle.

export interface CellAddress {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseCell(a1: string): CellAddress {
  const m = CELL.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "H8:I40" or "H8" (a sheet prefix such as "Lister!" is ignored). */
export function parseRange(range: string): Rect {
  const local = range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range;
  const [from, to = from] = local.split(":");
  const a = parseCell(from!);
  const b = parseCell(to!);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeName(rect: Rect): string {
  const tl = cellName(rect.top, rect.left);
  const br = cellName(rect.bottom, rect.right);
  return tl === br ? tl : `${tl}:${br}`;
}
