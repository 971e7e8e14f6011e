// A1 addresses for the fake Excel host: written separately from src/sheets/a1.ts and rectangles.ts on purpose, so a
// bug there is not mirrored here.

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based, inclusive. */
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function letterToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function indexToLetter(i: number): string {
  let s = "";
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Splits "'Skelbækgade'!$A$1:$B$2" into sheet and address. */
export function splitSheet(ref: string): { sheet?: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/.exec(ref.trim());
  if (!m) return { address: ref.trim() };
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), address: m[3]! };
}

/** "A1", "A1:B2", "A:C", "7:7", "$H$8" → a box. Throws a plain Error on anything else. */
export function parseBox(address: string): Box {
  const a = address.replace(/\$/g, "").trim();
  const [p, q = p] = a.split(":") as [string, string?];
  const cell = /^([A-Z]{1,3})(\d+)$/i;
  const col = /^([A-Z]{1,3})$/i;
  const row = /^(\d+)$/;
  let m1: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  if ((m1 = cell.exec(p)) && (m2 = cell.exec(q!))) {
    return norm(Number(m1[2]) - 1, letterToIndex(m1[1]!), Number(m2[2]) - 1, letterToIndex(m2[1]!));
  }
  if ((m1 = col.exec(p)) && (m2 = col.exec(q!)))
    return norm(0, letterToIndex(m1[1]!), MAX_ROWS - 1, letterToIndex(m2[1]!));
  if ((m1 = row.exec(p)) && (m2 = row.exec(q!)))
    return norm(Number(m1[1]) - 1, 0, Number(m2[1]) - 1, MAX_COLS - 1);
  throw new Error(`bad address "${address}"`);
}

function norm(r0: number, c0: number, r1: number, c1: number): Box {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

export function boxAddress(b: Box): string {
  const a = `${indexToLetter(b.c0)}${b.r0 + 1}`;
  if (b.r0 === b.r1 && b.c0 === b.c1) return a;
  return `${a}:${indexToLetter(b.c1)}${b.r1 + 1}`;
}

export function contains(b: Box, r: number, c: number): boolean {
  return r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
}

export function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function boxCells(b: Box): number {
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
}

/**
 * Moves the relative parts of every A1 reference in a formula by (dr, dc) and makes them
 * absolute, so it can be computed for another cell (how Excel reads a conditional format's rule,
 * written for the top-left cell of its range, in every other cell).
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'") {
      const end = formula.indexOf("'!", i + 1);
      const stop = end < 0 ? formula.length : end + 2;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/.exec(formula.slice(i));
    const before = out.length > 0 ? out[out.length - 1]! : "";
    if (m && !/[A-Za-z0-9_.]/.test(before)) {
      const c = letterToIndex(m[2]!) + (m[1] ? 0 : dc);
      const r = Number(m[4]) - 1 + (m[3] ? 0 : dr);
      out += `$${indexToLetter(c)}$${r + 1}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
