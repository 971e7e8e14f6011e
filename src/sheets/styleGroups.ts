// A sheet's style ranges, as Excel will end up showing them, regrouped for few and small requests:
// each cell's effective style (ranges applied in order, a later one overriding only what it sets,
// as the xlsx shell does), then one group of rectangles per distinct style.
import type { CellStyle, StyleRange, ValidationPlan } from "./plan";
import { parseRange, type Rect } from "./a1";
import { rectanglesOf } from "./rectangles";

export interface StyleGroup {
  style: CellStyle;
  rects: Rect[];
  cells: number;
}

function styleKey(style: object): string {
  return JSON.stringify(style, Object.keys(style).sort());
}

export interface StyleGroups {
  /** Everything but the number format, grouped by equal looks. */
  looks: StyleGroup[];
  /** Number formats on their own: they change from row to row where the looks do not. */
  numberFormats: { numberFormat: string; rects: Rect[]; cells: number }[];
}

export function groupStyles(styles: StyleRange[]): StyleGroups {
  const perCell = new Map<number, CellStyle>();
  const WIDTH = 1 << 14; // Excel's 16,384 columns
  for (const { range, style } of styles) {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const k = row * WIDTH + col;
        const below = perCell.get(k);
        perCell.set(k, below ? { ...below, ...style } : style);
      }
    }
  }
  const looks = new Map<string, { style: CellStyle; cells: { row: number; col: number }[] }>();
  const formats = new Map<string, { row: number; col: number }[]>();
  for (const [k, style] of perCell) {
    const cell = { row: Math.floor(k / WIDTH), col: k % WIDTH };
    const { numberFormat, ...look } = withoutDefaults(style);
    if (numberFormat !== undefined) {
      let cells = formats.get(numberFormat);
      if (!cells) formats.set(numberFormat, (cells = []));
      cells.push(cell);
    }
    if (Object.keys(look).length === 0) continue;
    const key = styleKey(look);
    let g = looks.get(key);
    if (!g) looks.set(key, (g = { style: look, cells: [] }));
    g.cells.push(cell);
  }
  return {
    looks: [...looks.values()].map((g) => ({
      style: g.style,
      rects: rectanglesOf(g.cells),
      cells: g.cells.length,
    })),
    numberFormats: [...formats].map(([numberFormat, cells]) => ({
      numberFormat,
      rects: rectanglesOf(cells),
      cells: cells.length,
    })),
  };
}

/** Drops what a cleared cell already has (locked: true), so it costs no request. */
function withoutDefaults(style: CellStyle): CellStyle {
  const out: CellStyle = {};
  for (const [k, v] of Object.entries(style) as [keyof CellStyle, unknown][]) {
    if (v === undefined) continue;
    if (k === "locked" && v === true) continue;
    if ((k === "bold" || k === "italic" || k === "wrap" || k === "border") && v === false) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export interface ValidationGroup {
  validation: Omit<ValidationPlan, "range">;
  rects: Rect[];
}

/** The plan gives a rule per cell; equal rules (with their texts) become one rule over many cells. */
export function groupValidations(validations: ValidationPlan[]): ValidationGroup[] {
  const groups = new Map<
    string,
    { validation: Omit<ValidationPlan, "range">; cells: Map<string, { row: number; col: number }> }
  >();
  for (const v of validations) {
    const { range, ...rest } = v;
    const key = JSON.stringify([rest.rule, rest.prompt, rest.error]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { validation: rest, cells: new Map() }));
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) g.cells.set(`${row},${col}`, { row, col });
  }
  return [...groups.values()].map((g) => ({
    validation: g.validation,
    rects: rectanglesOf(g.cells.values()),
  }));
}
