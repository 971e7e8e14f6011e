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

/** Do the two rectangles share a cell? */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The smallest rectangle holding all of them (at least one). */
export function boundingBox(rects: readonly Rect[]): Rect {
  return {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/**
 * A corner of a range as a file may write it: "B7", "$B$7", a whole column "B" (its last row) or a
 * whole row "7" (its last column); undefined for anything else. Read by hand, without a regular
 * expression: the bounded reader calls it once per cell of every sheet it measures.
 */
export function rangeCorner(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  if (ref.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  for (; i < ref.length && i - lettersFrom < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersFrom;
  if (letters > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  const digits = i - digitsFrom;
  if (i !== ref.length || digits > 7 || (letters === 0 && digits === 0)) return undefined;
  return { col: letters ? col : 16_384, row: digits ? row : 1_048_576 };
}
