// A1 addresses, for the plan and both shells: "H12" ↔ row/column, "H8:I40" ↔ a rectangle.

/** 1-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellAddress {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  const rest = Math.floor((col - 1) / 26);
  const letter = String.fromCharCode(65 + ((col - 1) % 26));
  return rest > 0 ? columnLetters(rest) + letter : letter;
}

/** "H12" or "$h$12" → row 12, column 8; undefined when the text is no cell address. */
export function tryParseCell(a1: string): CellAddress | undefined {
  const m = CELL.exec(a1.trim());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]!) } : undefined;
}

export function parseCell(a1: string): CellAddress {
  const at = tryParseCell(a1);
  if (!at) throw new Error(`Not an A1 cell address: ${a1}`);
  return at;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "H8:I40", "$H$8" or "Lister!A1:A2" (the sheet prefix is ignored) → a rectangle. */
export function parseRange(range: string): Rect {
  const local = range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range;
  const [from = "", to = from] = local.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
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

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
