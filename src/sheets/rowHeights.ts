// Row heights from wrapped text, for file writers that cannot measure text themselves.
import type { SheetPlan } from "./plan";

const LINE_POINTS = 15;

/**
 * Advance widths of Calibri (measured on Carlito, which has Calibri's metrics) in hundredths of
 * a digit's width. Text is measured with them so a row is as tall as its text, not taller.
 */
const ADVANCE: [number, string][] = [
  [44, "'"],
  [45, " il"],
  [47, "j"],
  [49, ",‘’"],
  [50, ".I·"],
  [53, ":;"],
  [60, "()-f`"],
  [62, "[]{}"],
  [64, "J!"],
  [67, "t°"],
  [70, "r"],
  [77, "s/\\"],
  [80, 'z"'],
  [83, "Lc“”"],
  [85, "x"],
  [90, "vyk"],
  [92, "?FS|Z"],
  [95, "gaåä"],
  [98, "ETYÉ#*+<=>^_e~éè–§×"],
  [100, "$0123456789«»"],
  [103, "PXK"],
  [105, "bdhnopquøüöC"],
  [107, "BR"],
  [114, "VAÅ"],
  [124, "DHG"],
  [127, "NU"],
  [133, "OØQ½"],
  [141, "&…%w"],
  [153, "Ææ"],
  [160, "m"],
  [170, "M"],
  [180, "@W—"],
];
const WIDTH = new Map<string, number>(ADVANCE.flatMap(([w, chars]) => [...chars].map((c) => [c, w / 100])));
/** The same widths by UTF-16 code for the characters above (all in the BMP); 0 where unknown. */
const WIDTH_BY_CODE = new Float64Array(0x2100);
for (const [c, w] of WIDTH) WIDTH_BY_CODE[c.charCodeAt(0)] = w;
const UNKNOWN_WIDTH = 1.1;

/**
 * A column's width is counted in digits of Calibri 11. Text is measured in the same digits, with
 * 2 % to spare for rounding on screen, and a cell keeps a few pixels of padding.
 */
const DIGIT_IN_COLUMN_UNITS = 1.02;
const PADDING_UNITS = 0.6;

/** Width of a text in Excel column units (characters of the default font). */
export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character of unknown width, as `for (const c of text)` counted it.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      w += UNKNOWN_WIDTH;
      continue;
    }
    w += (code < WIDTH_BY_CODE.length && WIDTH_BY_CODE[code]) || UNKNOWN_WIDTH;
  }
  return w * DIGIT_IN_COLUMN_UNITS;
}

/**
 * Lines per column width and text. The same texts (goal texts, requirements, hints) recur on
 * every centre sheet, so a 200-centre workbook measures each only once; the cache is emptied
 * when it grows large, so a long-running pane does not keep every text it ever measured.
 */
const linesCache = new Map<number, Map<string, number>>();
let cachedTexts = 0;
const MAX_CACHED_TEXTS = 20_000;

/** Lines a text takes in a column of the given width, wrapped word by word as Excel does. */
export function wrappedLines(text: string, width: number): number {
  let byText = linesCache.get(width);
  if (!byText) linesCache.set(width, (byText = new Map()));
  let lines = byText.get(text);
  if (lines === undefined) {
    if (cachedTexts >= MAX_CACHED_TEXTS) {
      for (const m of linesCache.values()) m.clear();
      cachedTexts = 0;
    }
    lines = countWrappedLines(text, width);
    byText.set(text, lines);
    cachedTexts++;
  }
  return lines;
}

function countWrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - PADDING_UNITS);
  const space = textWidth(" ");
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      let w = textWidth(word);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the column is broken over as many lines as it needs.
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

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
      lines = Math.max(lines, wrappedLines(cell.value, plan.columnWidths[c] ?? 10));
    });
    heights[r] = lines * LINE_POINTS;
  }
  return heights;
}
