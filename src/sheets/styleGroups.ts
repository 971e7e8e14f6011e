// A sheet's style ranges, layered once for both shells: each cell's effective style (ranges
// applied in order, a later one overriding only what it sets), interned as ids (layerStyles). The
// exceljs shell writes one shared style per id; the Office.js shell regroups the same ids for few
// and small requests (groupStyles): by equal looks, by number format, or property by property.
import type { CellStyle, StyleRange, ValidationPlan } from "./plan";
import { parseRange, type Rect } from "./a1";
import { rectanglesOf } from "./rectangles";

/**
 * Interned CellStyles: one id per distinct style, each pair of layers merged once. One table can
 * serve a whole workbook (the same styles and addresses recur on every centre sheet).
 */
export class StyleTable {
  private readonly byKey = new Map<string, number>();
  private readonly list: CellStyle[] = [];
  private readonly merges = new Map<number, number>();
  private readonly rects = new Map<string, Rect>();

  style(id: number): CellStyle {
    return this.list[id]!;
  }

  /** Parsed A1 ranges, cached. */
  rect(range: string): Rect {
    let r = this.rects.get(range);
    if (!r) {
      r = parseRange(range);
      this.rects.set(range, r);
    }
    return r;
  }

  idOf(style: CellStyle): number {
    const key = styleKey(style);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(style);
      this.byKey.set(key, id);
    }
    return id;
  }

  /** The style of `above` laid over `below`: above's properties win, below's others stay. */
  merged(below: number, above: number): number {
    const key = below * 1_000_003 + above;
    let id = this.merges.get(key);
    if (id === undefined) {
      id = this.idOf({ ...this.list[below], ...this.list[above] });
      this.merges.set(key, id);
    }
    return id;
  }
}

/** A key per distinct style; hot (once per style range), so no JSON.stringify with sorted keys. */
function styleKey(s: CellStyle): string {
  return `${flag(s.bold)}${flag(s.italic)}${flag(s.wrap)}${flag(s.border)}${flag(s.locked)}|${s.size ?? ""}|${s.fontColor ?? ""}|${s.fill ?? ""}|${s.horizontal ?? ""}|${s.vertical ?? ""}|${s.numberFormat ?? ""}`;
}

/** Unset, false and true kept apart: a layer setting false overrides a true below it. */
function flag(v: boolean | undefined): string {
  return v === undefined ? "_" : v ? "1" : "0";
}

/** Style ids by 0-based row and column; undefined where no range styles the cell. */
export type StyleGrid = (number | undefined)[][];

/**
 * Every styled cell's effective style id: the plan's ranges applied in order and merged property
 * by property (a later range overrides only what it sets), as Excel shows them.
 */
export function layerStyles(styles: StyleRange[], table: StyleTable): StyleGrid {
  const ids: StyleGrid = [];
  for (const { range, style } of styles) {
    const layer = table.idOf(style);
    const rect = table.rect(range);
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = (ids[r - 1] ??= []);
      for (let c = rect.left; c <= rect.right; c++) {
        const below = row[c - 1];
        row[c - 1] = below === undefined ? layer : table.merged(below, layer);
      }
    }
  }
  return ids;
}

export interface StyleGroup {
  style: CellStyle;
  rects: Rect[];
  cells: number;
}

/** A rectangle and the properties to set on it (each cell's property set once, by one patch). */
export interface StylePatch {
  rect: Rect;
  style: CellStyle;
}

export interface StyleGroups {
  /** Everything but the number format, grouped by equal looks. */
  looks: StyleGroup[];
  /**
   * The same looks property by property: each property's cells with one value as rectangles,
   * the properties of equal rectangles together. Properties vary independently (a border over
   * the whole table, a fill on two columns), so this is usually far fewer rectangles.
   */
  patches: StylePatch[];
  /** Number formats on their own: they change from row to row where the looks do not. */
  numberFormats: { numberFormat: string; rects: Rect[]; cells: number }[];
}

type Cell = { row: number; col: number };

const LOOK_PROPERTIES = [
  "bold",
  "italic",
  "size",
  "fontColor",
  "fill",
  "wrap",
  "horizontal",
  "vertical",
  "locked",
  "border",
] as const;

export function groupStyles(styles: StyleRange[], table = new StyleTable()): StyleGroups {
  const grid = layerStyles(styles, table);
  // Per style id: its look without what a cleared cell already has, and its number format.
  const split = new Map<number, { look: CellStyle; lookKey: string; numberFormat?: string }>();
  const looks = new Map<string, { style: CellStyle; cells: Cell[] }>();
  const formats = new Map<string, Cell[]>();
  const byProperty = new Map<string, { property: keyof CellStyle; value: unknown; cells: Cell[] }>();
  grid.forEach((ids, r) => {
    ids.forEach((id, c) => {
      if (id === undefined) return;
      let s = split.get(id);
      if (!s) {
        const { numberFormat, ...look } = withoutDefaults(table.style(id));
        s = { look, lookKey: styleKey(look), numberFormat };
        split.set(id, s);
      }
      const cell = { row: r + 1, col: c + 1 };
      if (s.numberFormat !== undefined) push(formats, s.numberFormat, () => [], cell);
      if (Object.keys(s.look).length === 0) return;
      push(looks, s.lookKey, () => ({ style: s.look, cells: [] }), cell);
      for (const property of LOOK_PROPERTIES) {
        const value = s.look[property];
        if (value === undefined) continue;
        push(byProperty, `${property}=${String(value)}`, () => ({ property, value, cells: [] }), cell);
      }
    });
  });
  const patches = new Map<string, StylePatch>();
  for (const { property, value, cells } of byProperty.values()) {
    for (const rect of rectanglesOf(cells)) {
      const key = `${rect.top},${rect.left},${rect.bottom},${rect.right}`;
      let patch = patches.get(key);
      if (!patch) patches.set(key, (patch = { rect, style: {} }));
      (patch.style as Record<string, unknown>)[property] = value;
    }
  }
  return {
    looks: [...looks.values()].map((g) => ({
      style: g.style,
      rects: rectanglesOf(g.cells),
      cells: g.cells.length,
    })),
    patches: [...patches.values()].sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left),
    numberFormats: [...formats].map(([numberFormat, cells]) => ({
      numberFormat,
      rects: rectanglesOf(cells),
      cells: cells.length,
    })),
  };
}

function push<K, V extends Cell[] | { cells: Cell[] }>(
  map: Map<K, V>,
  key: K,
  make: () => V,
  cell: Cell,
): void {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  (Array.isArray(v) ? v : v.cells).push(cell);
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

/**
 * The plan gives a rule per cell; equal rules (with their texts) become one rule over many cells.
 * Hot for a large workbook (two rules per goal row on every centre sheet), so the key is a plain
 * string and a cell given twice is left to rectanglesOf, which covers it once. The table's parsed
 * ranges may be shared by a whole workbook (the writer's), as its sheets repeat the addresses.
 */
export function groupValidations(validations: ValidationPlan[], table = new StyleTable()): ValidationGroup[] {
  const groups = new Map<string, { validation: Omit<ValidationPlan, "range">; cells: Cell[] }>();
  for (const v of validations) {
    const key = validationKey(v);
    let g = groups.get(key);
    if (!g) {
      const { range: _range, ...validation } = v;
      groups.set(key, (g = { validation, cells: [] }));
    }
    const r = table.rect(v.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) g.cells.push({ row, col });
  }
  return [...groups.values()].map((g) => ({
    validation: g.validation,
    rects: rectanglesOf(g.cells),
  }));
}

/** Equal for validations with the same rule, prompt and error. */
function validationKey(v: ValidationPlan): string {
  return `${ruleKey(v)}|${promptKey(v)}`;
}

type Validation = Omit<ValidationPlan, "range">;

/**
 * Keys of a validation's rule (with its error) and of its prompt: plain strings, as they are made
 * for every validated cell of a large workbook. Each text is led by its length, so none can run
 * into the next.
 */
const ruleKey = (v: Validation) => joined(v.rule.kind, ruleText(v.rule), v.error.title, v.error.text);
const promptKey = (v: Validation) => joined(v.prompt.title, v.prompt.text);
const joined = (...texts: string[]) => texts.map((t) => `${t.length}:${t}`).join("|");

function ruleText(rule: ValidationPlan["rule"]): string {
  switch (rule.kind) {
    case "list":
      return rule.source;
    case "custom":
      return rule.formula;
    case "decimal":
    case "wholeNumber":
      return String(rule.min);
  }
}

/** A run of cells with one validation that differs from its column block's base. */
export interface ValidationRun {
  rect: Rect;
  validation: Omit<ValidationPlan, "range">;
  /** Its rule and error differ from the block's, so they are set on the run before its prompt. */
  ownRule: boolean;
  /** Its prompt differs from the block's. */
  ownPrompt: boolean;
}

/**
 * One column's unbroken run of validated cells: a base validation set once over the whole block
 * while its cells are still uniform (Excel on the web refuses a rule over cells with different
 * prompts, office-js #2594), then the runs of equal cells that differ from it, each set over
 * cells that are still uniform (the base) — their rule and error first, then their prompt.
 */
export interface ValidationBlock {
  rect: Rect;
  base: Omit<ValidationPlan, "range">;
  /** Only the runs that differ from the base; cells equal to it need nothing more. */
  runs: ValidationRun[];
}

/** The plan's validations as column blocks (a later validation of a cell overrides an earlier). */
export function validationBlocks(validations: ValidationPlan[]): ValidationBlock[] {
  const byColumn = new Map<number, Map<number, Omit<ValidationPlan, "range">>>();
  for (const { range, ...validation } of validations) {
    const r = parseRange(range);
    for (let col = r.left; col <= r.right; col++) {
      let rows = byColumn.get(col);
      if (!rows) byColumn.set(col, (rows = new Map()));
      for (let row = r.top; row <= r.bottom; row++) rows.set(row, validation);
    }
  }
  const blocks: ValidationBlock[] = [];
  for (const [col, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      blocks.push(block(col, sorted.slice(start, i), rows));
      start = i;
    }
  }
  return blocks;
}

/**
 * The block's runs of equal cells, and as its base the validation of one of them that leaves
 * the fewest calls: a run like the base costs none, one with only its own prompt two (range,
 * prompt), one with its own rule too four (range, rule, error, prompt).
 */
function block(col: number, rows: number[], at: Map<number, Validation>): ValidationBlock {
  const all: { first: number; last: number; v: Validation; rule: string; prompt: string }[] = [];
  for (const row of rows) {
    const v = at.get(row)!;
    const open = all[all.length - 1];
    const rule = ruleKey(v);
    const prompt = promptKey(v);
    if (open && open.rule === rule && open.prompt === prompt) open.last = row;
    else all.push({ first: row, last: row, v, rule, prompt });
  }
  const calls = (base: (typeof all)[number]) =>
    all.reduce((n, r) => n + (r.rule !== base.rule ? 4 : r.prompt !== base.prompt ? 2 : 0), 0);
  const candidates = new Map(all.map((r) => [`${r.rule}|${r.prompt}`, r]));
  let base = all[0]!;
  let fewest = calls(base);
  for (const c of candidates.values()) {
    const n = calls(c);
    if (n < fewest) [base, fewest] = [c, n];
  }
  return {
    rect: { top: rows[0]!, bottom: rows[rows.length - 1]!, left: col, right: col },
    base: base.v,
    runs: all
      .filter((r) => r.rule !== base.rule || r.prompt !== base.prompt)
      .map((r) => ({
        rect: { top: r.first, bottom: r.last, left: col, right: col },
        validation: r.v,
        ownRule: r.rule !== base.rule,
        ownPrompt: r.prompt !== base.prompt,
      })),
  };
}
