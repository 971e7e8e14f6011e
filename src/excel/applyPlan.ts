// Shell 1: renders a WorkbookPlan (or some of its sheets) into the open workbook through Office.js.
// Every write is compiled into a list of queued operations with an estimated request size, and
// the list is sent in as few context.sync() calls as the request budget allows (about 3 MB, under
// Excel on the web's 5 MB cap): one, unless the plan is bigger. Values and formulas go as 2D
// blocks, styles per rectangle, validations per column block (a base once, then what differs) or
// one rule per rectangle, whichever is smaller; a sheet that looks exactly like one written
// before it copies those looks from it in one call (LookAlikes). No layout decisions.
// An Office.js request is not a transaction, so everything a sheet holds figures in — a centre
// sheet, RK_Data — is cleared and rewritten in ONE request (a "unit"), never split across two:
// a failed request leaves earlier sheets complete and later ones untouched, and the caller can
// tell which (WriteFailed.done). No multi-area addresses (getRanges): they have wanted the local
// list separator (";") on desktop Excel in Danish (office-js #1167, #1985).
import type {
  CellStyle,
  ChartPlan,
  ConditionalFormatPlan,
  PlanCell,
  PrintPlan,
  SheetPlan,
  ValidationPlan,
  ValidationRule,
  WorkbookPlan,
} from "../sheets/plan";
import { boundingBox, cellCount, columnLetters, parseRange, rangeName, type Rect } from "../sheets/a1";
import { BORDER_COLOR, SHEET_PROTECTION, validationTexts } from "../sheets/excelLimits";
import { WRITE_BUDGET } from "./requestBudget";
import { LookAlikes, type CopiedLooks } from "./lookAlikes";
import type { Capabilities } from "./env";
import {
  groupStyles,
  groupValidations,
  validationBlocks,
  StyleTable,
  type StyleGroups,
  type StylePatch,
} from "../sheets/styleGroups";

/** What the read phase found about a sheet the plan will write. */
export interface ExistingSheet {
  name: string;
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden" | string;
}

export interface ApplyOptions {
  caps: Capabilities;
  /** Sheets already in the workbook, keyed by lower-case name (Excel's sheet names ignore case). */
  existing: ReadonlyMap<string, ExistingSheet>;
  /** Defined names already in the workbook, lower-case. */
  existingNames: ReadonlySet<string>;
  /** Write only the sheets for which this holds (default: all of them). */
  only?: (sheet: SheetPlan) => boolean;
  /** Request budget in bytes; Excel on the web refuses requests over 5 MB. */
  budgetBytes?: number;
  /** The sheet to show when done (default: the first visible sheet written). */
  activate?: string;
  /** Called after each sync with the number of batches sent so far. */
  onBatch?: (done: number, total: number) => void;
  /** Leave print set-up out (Excel refused it in an earlier attempt). */
  skipPrint?: boolean;
  /** Validations rectangle by rectangle, no column blocks (Excel refused one in an earlier attempt). */
  validationsPerCell?: boolean;
  /** Every sheet written in full, none copied from a sheet that looks the same (second attempt). */
  noCopies?: boolean;
}

/**
 * A write request Excel refused. `done` names the sheets written completely before it (their
 * units were in requests that succeeded); every other sheet of the plan may be half-written.
 * `refusedWhole`: Excel refused the request as a whole (cell-edit mode, size), so it changed nothing.
 */
export class WriteFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly done: ReadonlySet<string>,
    readonly refusedWhole: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "WriteFailed";
  }
}

/** Office error codes with which Excel refuses a request before running any of it. */
const REFUSED_WHOLE = new Set(["InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded"]);

export interface ApplyReport {
  /** One entry per context.sync(): estimated request size and number of queued operations. */
  batches: { bytes: number; operations: number }[];
  /** Danish notes on what this Excel could not do (older requirement sets). */
  skipped: string[];
}

/** A block of values/formulas is split into row slices of about this size. */
const BLOCK_BYTES = 256_000;
/** What office.js adds per queued action and object path, roughly, in its JSON request. */
const CALL_BYTES = 160;
const BORDER = `#${BORDER_COLOR}`;

/** SHEET_PROTECTION in Office.js's words (selection stays Excel's default: every cell). */
export const PROTECT_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: SHEET_PROTECTION.formatColumns,
  allowFormatRows: SHEET_PROTECTION.formatRows,
};

/** One piece of work: queues its Office.js calls; bytes is its estimated share of the request. */
export interface WriteOp {
  bytes: number;
  /** Ops of one unit (a sheet's clearing, contents, print set-up and protection) share a request. */
  unit?: string;
  queue(q: Queue): void;
}

/** Worksheet proxies for one batch, so each sheet is looked up once per request. */
export class Queue {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  /** What must hold of a sheet once the request is back (what a copy brought). */
  readonly checks: { sheet: string; holds: () => boolean }[] = [];
  constructor(readonly context: Excel.RequestContext) {}

  check(sheet: string, holds: () => boolean): void {
    this.checks.push({ sheet, holds });
  }

  sheet(name: string): Excel.Worksheet {
    const key = name.toLowerCase();
    let ws = this.sheets.get(key);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(key, ws);
    }
    return ws;
  }

  remember(name: string, ws: Excel.Worksheet): void {
    this.sheets.set(name.toLowerCase(), ws);
  }
}

/** UTF-8 length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The estimated request bytes of some operations together. */
function totalBytes(ops: readonly WriteOp[]): number {
  return ops.reduce((n, op) => n + op.bytes, 0);
}

/** Estimated request bytes of one queued call with these arguments. */
export function callBytes(...args: unknown[]): number {
  return CALL_BYTES + utf8Length(JSON.stringify(args));
}

/** Sheets the build replaces rather than clears: Oversigt has charts, which clearing leaves. */
const REPLACED_ROLES = new Set<SheetPlan["role"]>(["summary"]);
/** A replaced sheet's old copy while the new one is made: "<name>~gl1". */
const RETIRED = /~gl\d+$/;

/**
 * Compiles the plan into operations, in the order Excel must run them: sheets added or replaced
 * and names first, then one unit per sheet (cleared in place, contents, print set-up, protection
 * — print set-up before protection, #1860 — and its position), then the active sheet, visibility and a
 * recalculation (after suspendApiCalculationUntilNextSync that is the add-in's job).
 */
export function compilePlan(
  plan: WorkbookPlan,
  options: ApplyOptions,
): { ops: WriteOp[]; skipped: string[]; show: string | undefined } {
  const { caps, existing } = options;
  const sheets = plan.sheets.filter(options.only ?? (() => true));
  const skipped = new Set<string>();
  const ops: WriteOp[] = [];
  const retired: { name: string; veryHidden: boolean }[] = [];
  const taken = new Set([...existing.keys()]);
  const clearing = new Set<string>();
  const styles = new StyleTable();

  // Old copies left by an attempt that failed half-way go first.
  for (const old of existing.values()) {
    if (RETIRED.test(old.name)) retired.push({ name: old.name, veryHidden: old.visibility === "VeryHidden" });
  }

  // 1. Make room: add new sheets, replace Oversigt (nothing points into it but names, re-pointed
  // below); every other sheet is cleared in place in its unit (other sheets' formulas point at it).
  for (const s of sheets) {
    const old = existing.get(s.name.toLowerCase());
    if (!old) {
      ops.push({
        bytes: callBytes(s.name),
        queue: (q) => q.remember(s.name, q.context.workbook.worksheets.add(s.name)),
      });
      continue;
    }
    if (!REPLACED_ROLES.has(s.role)) {
      clearing.add(s.name.toLowerCase());
      continue;
    }
    const temp = freeName(s.name, taken);
    retired.push({ name: temp, veryHidden: false });
    ops.push({
      bytes:
        callBytes(temp) + callBytes(s.name) + (old.visibility === "VeryHidden" ? callBytes("Hidden") : 0),
      queue: (q) => {
        const ws = q.sheet(s.name);
        ws.name = temp;
        // A very hidden sheet cannot be deleted until it is merely hidden.
        if (old.visibility === "VeryHidden") ws.visibility = "Hidden";
        q.remember(temp, ws);
        q.remember(s.name, q.context.workbook.worksheets.add(s.name));
      },
    });
  }

  // 2. Names, now that their sheets exist; then the replaced sheets can go.
  for (const n of plan.names) {
    const formula = n.refersTo.startsWith("=") ? n.refersTo : `=${n.refersTo}`;
    const exists = options.existingNames.has(n.name.toLowerCase());
    if (exists && !caps.api17) {
      // NamedItem.formula is writable from 1.7; before that, delete and add.
      ops.push({
        bytes: callBytes(n.name) * 2 + callBytes(formula),
        queue: (q) => {
          q.context.workbook.names.getItem(n.name).delete();
          q.context.workbook.names.add(n.name, formula);
        },
      });
    } else if (exists) {
      ops.push({
        bytes: callBytes(n.name, formula),
        queue: (q) => void (q.context.workbook.names.getItem(n.name).formula = formula),
      });
    } else {
      ops.push({
        bytes: callBytes(n.name, formula),
        queue: (q) => void q.context.workbook.names.add(n.name, formula),
      });
    }
  }
  for (const r of retired) {
    ops.push({
      bytes: callBytes(r.name) + (r.veryHidden ? callBytes("Hidden") : 0),
      queue: (q) => {
        const ws = q.sheet(r.name);
        if (r.veryHidden) ws.visibility = "Hidden";
        ws.delete();
      },
    });
  }

  // 3. One unit per sheet: cleared in place, contents and looks, print set-up, protection, order.
  // A sheet that looks exactly like one written before it in this plan takes its looks from
  // that sheet in one copy (ExcelApi 1.9), then its own contents.
  const lookAlikes = caps.api19 && !options.noCopies ? new LookAlikes() : undefined;
  for (const s of sheets) {
    const unit = s.name.toLowerCase();
    const mine: WriteOp[] = [];
    const old = existing.get(unit);
    if (old && clearing.has(unit)) mine.push(clearInPlace(s.name, old, caps));
    const looks = lookAlikes?.sourceFor(s);
    mine.push(...sheetOps(s, caps, skipped, styles, options.validationsPerCell === true, looks));
    if (s.print) {
      if (!caps.api19) skipped.add("Udskriftsopsætning (kræver ExcelApi 1.9)");
      else if (options.skipPrint) skipped.add("Udskriftsopsætning (Excel afviste den)");
      else mine.push(...printOps(s.name, s.print));
    }
    if (s.protect) {
      mine.push({
        bytes: callBytes(PROTECT_OPTIONS),
        queue: (q) => q.sheet(s.name).protection.protect(PROTECT_OPTIONS),
      });
    }
    // Its place in the order, in the same request (every sheet exists by now, and placing them
    // first to last leaves each earlier one where it was put).
    const position = plan.sheets.indexOf(s);
    mine.push({ bytes: callBytes(position), queue: (q) => void (q.sheet(s.name).position = position) });
    ops.push(...mine.map((op) => ({ ...op, unit })));
  }

  // 4. Show and hide.
  const show = options.activate ?? sheets.find((s) => s.visibility === "visible")?.name;
  if (show) ops.push({ bytes: callBytes(), queue: (q) => q.sheet(show).activate() });
  for (const s of sheets) {
    // New and replaced sheets start visible, and clearInPlace shows a sheet again.
    if (s.visibility === "visible") continue;
    const wanted = OFFICE_VISIBILITY[s.visibility];
    ops.push({ bytes: callBytes(wanted), queue: (q) => void (q.sheet(s.name).visibility = wanted) });
  }
  return { ops, skipped: [...skipped], show };
}

/** A plan's sheet visibility in Office.js's words. */
const OFFICE_VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

function freeName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const candidate = `${name.slice(0, 24)}~gl${i}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

function clearInPlace(name: string, old: ExistingSheet, caps: Capabilities): WriteOp {
  let bytes = callBytes("All") + callBytes();
  if (old.protected) bytes += callBytes();
  if (caps.conditionalFormats) bytes += callBytes();
  if (caps.dataValidation) bytes += callBytes();
  if (caps.api17) bytes += callBytes();
  return {
    bytes,
    queue: (q) => {
      const ws = q.sheet(name);
      if (old.protected) ws.protection.unprotect();
      const all = ws.getRange();
      all.clear("All");
      all.unmerge();
      if (caps.conditionalFormats) all.conditionalFormats.clearAll();
      if (caps.dataValidation) all.dataValidation.clear();
      if (caps.api17) ws.freezePanes.unfreeze();
      if (old.visibility !== "Visible") ws.visibility = "Visible";
    },
  };
}

/** A plan cell as range.formulas takes it: formulas with "=", text with the apostrophe prefix. */
export function formulaCell(cell: PlanCell): string | number {
  if (cell === null) return "";
  if ("formula" in cell) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  const v = cell.value;
  if (typeof v === "number") return v;
  // Excel would read "1.2" as a number, "10 %" as 0.1 and "=x" as a formula: text stays text.
  return v === "" ? "" : `'${v}`;
}

/**
 * The copy of another sheet's looks, and reads of what it must have brought (one input cell's
 * prompt and lock, the status colours over one range), checked once the request is back.
 */
function copyLooksOp(name: string, looks: CopiedLooks): WriteOp {
  const address = rangeName(looks.rect);
  const { prompt, unlocked, highlights } = looks.evidence;
  return {
    bytes:
      callBytes(address) +
      callBytes(looks.from, address, "All") +
      (prompt ? 2 * callBytes(prompt.cell) : 0) +
      (unlocked ? 3 * callBytes(unlocked) : 0) +
      (highlights ? 2 * callBytes(highlights.range) : 0),
    queue: (q) => {
      const ws = q.sheet(name);
      ws.getRange(address).copyFrom(q.sheet(looks.from).getRange(address), "All" as Excel.RangeCopyType);
      const seen: (() => boolean)[] = [];
      if (prompt) {
        const dv = ws.getRange(prompt.cell).dataValidation.load("prompt");
        seen.push(() => dv.prompt?.message === prompt.message);
      }
      if (unlocked) {
        const lock = ws.getRange(unlocked).format.protection.load("locked");
        seen.push(() => lock.locked === false);
      }
      if (highlights) {
        const count = ws.getRange(highlights.range).conditionalFormats.getCount();
        // A ClientResult, read by applyPlan after the sync. At least as many: one missing is
        // what matters (Excel counts every conditional format that touches the range).
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        seen.push(() => count.value >= highlights.count);
      }
      q.check(name, () => seen.every((holds) => holds()));
    },
  };
}

function sheetOps(
  s: SheetPlan,
  caps: Capabilities,
  skipped: Set<string>,
  styles: StyleTable,
  perCell: boolean,
  looks: CopiedLooks | undefined,
): WriteOp[] {
  const ops: WriteOp[] = [];
  const name = s.name;
  if (s.tabColor) {
    if (caps.api17)
      ops.push({
        bytes: callBytes(s.tabColor),
        queue: (q) => void (q.sheet(name).tabColor = `#${s.tabColor}`),
      });
    else skipped.add("Fanefarver (kræver ExcelApi 1.7)");
  }
  ops.push(...columnWidthOps(name, s.columnWidths, caps));
  // A copy of another sheet's looks goes first: it brings that sheet's contents too, which the
  // cells then replace.
  if (looks) ops.push(copyLooksOp(name, looks));
  ops.push(...cellOps(name, s.cells));
  if (!looks) ops.push(...ownLooksOps(s, caps, skipped, styles, perCell));
  ops.push(...autofitOps(name, s.rowHeights));
  for (const c of s.charts) ops.push(chartOp(name, c));
  if (s.freeze && (s.freeze.rows > 0 || s.freeze.columns > 0)) {
    if (caps.api17) ops.push(freezeOp(name, s.freeze.rows, s.freeze.columns));
    else skipped.add("Frosne overskrifter (kræver ExcelApi 1.7)");
  }
  return ops;
}

/** Merges, number formats, looks, validations and status colours, written for this sheet alone. */
function ownLooksOps(
  s: SheetPlan,
  caps: Capabilities,
  skipped: Set<string>,
  styles: StyleTable,
  perCell: boolean,
): WriteOp[] {
  const ops: WriteOp[] = [];
  const name = s.name;
  for (const m of s.merges)
    ops.push({ bytes: callBytes(m, false), queue: (q) => q.sheet(name).getRange(m).merge(false) });
  const groups = groupStyles(s.styles, styles);
  ops.push(...numberFormatOps(name, groups.numberFormats));
  ops.push(...lookOps(name, groups, caps));
  if (s.validations.length) {
    if (caps.dataValidation) ops.push(...validationOps(name, s, perCell));
    else skipped.add("Datavalidering af inputfelter (kræver ExcelApi 1.8)");
  }
  if (s.conditionalFormats.length || s.dataBars.length) {
    if (caps.conditionalFormats) ops.push(...conditionalFormatOps(s));
    else skipped.add("Farver efter status (kræver ExcelApi 1.6)");
  }
  return ops;
}

/** Excel measures wrapped text itself: auto-fit the rows the plan estimated heights for. */
function autofitOps(name: string, heights: Record<number, number>): WriteOp[] {
  const rows = Object.keys(heights).map(Number);
  if (rows.length === 0) return [];
  const address = `${Math.min(...rows)}:${Math.max(...rows)}`;
  return [{ bytes: callBytes(address), queue: (q) => q.sheet(name).getRange(address).format.autofitRows() }];
}

/** Excel column width in characters of the default font → points (7 px digits + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round(((Math.trunc(chars * 7 + 5) * 72) / 96) * 100) / 100;
}

/**
 * Column widths by the smaller request: one assignment per run of equal widths, or (1.9) one
 * setColumnProperties over all the columns, one entry per column.
 */
function columnWidthOps(name: string, widths: number[], caps: Capabilities): WriteOp[] {
  const runs: WriteOp[] = [];
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i < widths.length && widths[i] === widths[start]) continue;
    const address = `${columnLetters(start + 1)}:${columnLetters(i)}`;
    const points = widthPoints(widths[start]!);
    runs.push({
      bytes: callBytes(address, points),
      queue: (q) => void (q.sheet(name).getRange(address).format.columnWidth = points),
    });
    start = i;
  }
  if (!caps.api19 || runs.length < 2) return runs;
  const address = `A:${columnLetters(widths.length)}`;
  const columns: Excel.SettableColumnProperties[] = widths.map((w) => ({
    format: { columnWidth: widthPoints(w) },
  }));
  const one: WriteOp = {
    bytes: CALL_BYTES * 2 + address.length + utf8Length(JSON.stringify(columns)),
    queue: (q) => q.sheet(name).getRange(address).setColumnProperties(columns),
  };
  return one.bytes < totalBytes(runs) ? [one] : runs;
}

/** The dense cells as row slices of one 2D formulas array each: values and formulas together. */
function cellOps(name: string, cells: PlanCell[][]): WriteOp[] {
  const width = Math.max(0, ...cells.map((r) => r.length));
  if (width === 0 || cells.length === 0) return [];
  const last = columnLetters(width);
  const ops: WriteOp[] = [];
  let block: (string | number)[][] = [];
  let bytes = 0;
  let first = 1;
  const flush = (end: number) => {
    if (block.length === 0) return;
    const rows = block;
    const address = `A${first}:${last}${end}`;
    ops.push({
      bytes: CALL_BYTES + bytes + address.length,
      queue: (q) => void (q.sheet(name).getRange(address).formulas = rows),
    });
    block = [];
    bytes = 0;
    first = end + 1;
  };
  cells.forEach((row, i) => {
    const line: (string | number)[] = [];
    for (let c = 0; c < width; c++) line.push(formulaCell(row[c] ?? null));
    const lineBytes = utf8Length(JSON.stringify(line)) + 1;
    if (block.length > 0 && bytes + lineBytes > BLOCK_BYTES) flush(i);
    block.push(line);
    bytes += lineBytes;
  });
  flush(cells.length);
  return ops;
}

/** The settable format of a style, as Office.js's CellPropertiesFormat (setCellProperties). */
function cellProperties(style: CellStyle): Excel.CellPropertiesFormat {
  const f: Excel.CellPropertiesFormat = {};
  const font: Excel.CellPropertiesFont = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size !== undefined) font.size = style.size;
  if (style.fontColor) font.color = `#${style.fontColor}`;
  if (Object.keys(font).length) f.font = font;
  if (style.fill) f.fill = { color: `#${style.fill}` };
  if (style.wrap) f.wrapText = true;
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.locked === false) f.protection = { locked: false };
  if (style.border) {
    const side = { style: "Continuous", weight: "Thin", color: BORDER } as Excel.CellBorder;
    f.borders = { top: side, bottom: side, left: side, right: side };
  }
  return f;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** The same style as property assignments on a RangeFormat; returns how many it made. */
function assignFormat(format: Excel.RangeFormat, style: CellStyle, rect?: Rect): void {
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.wrap) format.wrapText = true;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.locked === false) format.protection.locked = false;
  if (style.border && rect) {
    for (const edge of borderEdges(rect)) {
      const b = format.borders.getItem(edge);
      // Continuous is thin unless a weight says otherwise.
      b.style = "Continuous";
      b.color = BORDER;
    }
  }
}

/** Outer edges always; inside lines only where the range has more than one row or column. */
function borderEdges(r: Rect): Excel.BorderIndex[] {
  const edges: Excel.BorderIndex[] = [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
  ] as Excel.BorderIndex[];
  if (r.bottom > r.top) edges.push("InsideHorizontal" as Excel.BorderIndex);
  if (r.right > r.left) edges.push("InsideVertical" as Excel.BorderIndex);
  return edges;
}

function assignmentCount(style: CellStyle, rect?: Rect): number {
  let n = 0;
  for (const k of ["bold", "italic", "size", "fontColor", "fill", "wrap", "horizontal", "vertical"] as const)
    if (style[k] !== undefined) n++;
  if (style.locked === false) n++;
  if (style.border && rect) n += borderEdges(rect).length * 3;
  return n;
}

/**
 * Number formats as Range.numberFormat takes them (a 2D array): per rectangle of equal format,
 * or, when formats change from cell to cell, as one array over the block that holds them all
 * ("General" elsewhere, which is what a new or cleared cell has). Whichever request is smaller.
 */
function numberFormatOps(name: string, groups: { numberFormat: string; rects: Rect[] }[]): WriteOp[] {
  if (groups.length === 0) return [];
  const perRect: WriteOp[] = groups.flatMap(({ numberFormat, rects }) =>
    rects.map((rect) => {
      const address = rangeName(rect);
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      return {
        bytes:
          2 * CALL_BYTES +
          address.length +
          cellCount(rect) * (utf8Length(JSON.stringify(numberFormat)) + 1) +
          rows * 2,
        queue: (q: Queue) => {
          q.sheet(name).getRange(address).numberFormat = Array.from({ length: rows }, () =>
            Array<string>(cols).fill(numberFormat),
          );
        },
      };
    }),
  );
  const box = boundingBox(groups.flatMap((g) => g.rects));
  const matrix = Array.from({ length: box.bottom - box.top + 1 }, () =>
    Array<string>(box.right - box.left + 1).fill("General"),
  );
  for (const { numberFormat, rects } of groups) {
    for (const r of rects) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) matrix[row - box.top]![col - box.left] = numberFormat;
    }
  }
  const address = rangeName(box);
  const blockBytes = 2 * CALL_BYTES + address.length + utf8Length(JSON.stringify(matrix));
  if (blockBytes >= totalBytes(perRect)) return perRect;
  return [{ bytes: blockBytes, queue: (q) => void (q.sheet(name).getRange(address).numberFormat = matrix) }];
}

/**
 * The looks (styles without their number formats) as the smallest of three requests: rectangle
 * by rectangle of equal looks; property by property (StyleGroups.patches), where a border or a
 * fill over a whole table is one rectangle whatever else varies inside it; or (1.9) the same
 * patches with the small, scattered ones gathered into one setCellProperties over the block that
 * holds them, whose other cells get {} (nothing set, as Excel documents for setCellProperties).
 */
function lookOps(name: string, groups: StyleGroups, caps: Capabilities): WriteOp[] {
  const candidates = [
    styleOps(
      name,
      groups.looks.flatMap((g) => g.rects.map((rect) => ({ rect, style: g.style }))),
      caps,
    ),
    styleOps(name, groups.patches, caps),
  ];
  if (caps.api19) candidates.push(gatheredOps(name, groups.patches, caps));
  return candidates.reduce((best, ops) => (totalBytes(ops) < totalBytes(best) ? ops : best));
}

/** Patches that cost less as cells of one shared setCellProperties block, and the rest. */
function gatheredOps(name: string, patches: StylePatch[], caps: Capabilities): WriteOp[] {
  const gathered: StylePatch[] = [];
  const rest: StylePatch[] = [];
  for (const p of patches) {
    const alone = callBytes(rangeName(p.rect)) + assignmentCount(p.style, p.rect) * CALL_BYTES;
    const inBlock = cellCount(p.rect) * (utf8Length(JSON.stringify({ format: cellProperties(p.style) })) + 1);
    (inBlock < alone ? gathered : rest).push(p);
  }
  if (gathered.length < 2) return styleOps(name, patches, caps);
  const box = boundingBox(gathered.map((p) => p.rect));
  // Each cell's properties from the patches over it (they set different properties).
  const styles: CellStyle[][] = Array.from({ length: box.bottom - box.top + 1 }, () =>
    Array.from({ length: box.right - box.left + 1 }, () => ({})),
  );
  for (const { rect, style } of gathered) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) Object.assign(styles[r - box.top]![c - box.left]!, style);
  }
  const byKey = new Map<string, Excel.SettableCellProperties>();
  const matrix = styles.map((line) =>
    line.map((style) => {
      const key = JSON.stringify(style);
      let props = byKey.get(key);
      if (!props)
        byKey.set(key, (props = Object.keys(style).length ? { format: cellProperties(style) } : {}));
      return props;
    }),
  );
  const address = rangeName(box);
  const block: WriteOp = {
    bytes: CALL_BYTES * 2 + address.length + utf8Length(JSON.stringify(matrix)),
    queue: (q) => q.sheet(name).getRange(address).setCellProperties(matrix),
  };
  return [...styleOps(name, rest, caps), block];
}

/**
 * Styles set rectangle by rectangle, each by whichever is the smaller request: property
 * assignments, or one setCellProperties (1.9), which carries the whole style in one call but
 * repeats it for every cell. Never as a multi-area address, whose separator depends on the
 * locale (office-js #1167).
 */
function styleOps(name: string, patches: StylePatch[], caps: Capabilities): WriteOp[] {
  const ops: WriteOp[] = [];
  const props = new Map<CellStyle, { format: Excel.CellPropertiesFormat; bytes: number }>();
  for (const { rect, style } of patches) {
    let p = props.get(style);
    if (!p) {
      const format = cellProperties(style);
      p = { format, bytes: utf8Length(JSON.stringify({ format })) + 1 };
      props.set(style, p);
    }
    const { format } = p;
    const address = rangeName(rect);
    const perRange = callBytes(address) + assignmentCount(style, rect) * CALL_BYTES;
    const perCell = CALL_BYTES + address.length + cellCount(rect) * p.bytes;
    if (caps.api19 && perCell < perRange) {
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      ops.push({
        bytes: perCell,
        queue: (q) => {
          const one: Excel.SettableCellProperties = { format };
          q.sheet(name)
            .getRange(address)
            .setCellProperties(
              Array.from({ length: rows }, () => Array<Excel.SettableCellProperties>(cols).fill(one)),
            );
        },
      });
    } else {
      ops.push({
        bytes: perRange,
        queue: (q) => assignFormat(q.sheet(name).getRange(address).format, style, rect),
      });
    }
  }
  return ops;
}

export function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "decimal":
      return {
        decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator },
      };
    case "wholeNumber":
      return {
        wholeNumber: { formula1: rule.min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator },
      };
    case "list":
      // A reference or a defined name as a formula, never a comma list: Excel splits those on
      // commas in every locale (OFFICE-JS.md).
      return {
        list: { inCellDropDown: true, source: rule.source.startsWith("=") ? rule.source : `=${rule.source}` },
      };
    case "custom":
      return { custom: { formula: `=${rule.formula}` } };
  }
}

/**
 * The validations as the smaller of two requests: one rule, prompt and error per rectangle of
 * equal validations; or per column block (validationBlocks) its most common rule and error once,
 * then per run of equal cells only its prompt, with its own rule and error first where they
 * differ. Each input cell's prompt is its goal's own hint, so the rectangles are mostly single
 * cells and the blocks save two of three settings on most of them. `perCell` (Excel refused a
 * block write in an earlier attempt) keeps to the rectangles.
 */
function validationOps(name: string, s: SheetPlan, perCell: boolean): WriteOp[] {
  const rects = rectValidationOps(name, s);
  if (perCell) return rects;
  const blocks = blockValidationOps(name, s);
  return totalBytes(blocks) < totalBytes(rects) ? blocks : rects;
}

interface ValidationSettings {
  rule: Excel.DataValidationRule;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
}

function validationSettings(v: Omit<ValidationPlan, "range">): ValidationSettings {
  const texts = validationTexts(v);
  return {
    rule: validationRule(v.rule),
    prompt: { showPrompt: true, title: texts.promptTitle, message: texts.prompt },
    errorAlert: {
      showAlert: true,
      style: "Stop" as Excel.DataValidationAlertStyle,
      title: texts.errorTitle,
      message: texts.error,
    },
  };
}

/** Equal validations over many cells become one rule, prompt and error per rectangle. */
function rectValidationOps(name: string, s: SheetPlan): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const g of groupValidations(s.validations)) {
    const { rule, prompt, errorAlert } = validationSettings(g.validation);
    const settings = callBytes(rule) + callBytes(prompt) + callBytes(errorAlert);
    const apply = (dv: Excel.DataValidation) => {
      dv.rule = rule;
      dv.prompt = prompt;
      dv.errorAlert = errorAlert;
    };
    for (const rect of g.rects) {
      const address = rangeName(rect);
      ops.push({
        bytes: callBytes(address) + settings,
        queue: (q) => apply(q.sheet(name).getRange(address).dataValidation),
      });
    }
  }
  return ops;
}

/**
 * Column blocks: the block's base rule, error and prompt over the block, written right after the
 * sheet was cleared (so its cells are uniform, as Excel on the web requires, office-js #2594),
 * then run by run what differs: the run's own rule and error (its cells still uniform: the base),
 * then its own prompt. Never a rule over cells that already have different prompts.
 */
function blockValidationOps(name: string, s: SheetPlan): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const b of validationBlocks(s.validations)) {
    const base = validationSettings(b.base);
    const address = rangeName(b.rect);
    ops.push({
      bytes: callBytes(address) + callBytes(base.rule) + callBytes(base.errorAlert) + callBytes(base.prompt),
      queue: (q) => {
        const dv = q.sheet(name).getRange(address).dataValidation;
        dv.rule = base.rule;
        dv.errorAlert = base.errorAlert;
        dv.prompt = base.prompt;
      },
    });
    for (const run of b.runs) {
      const own = validationSettings(run.validation);
      const at = rangeName(run.rect);
      ops.push({
        bytes:
          callBytes(at) +
          (run.ownRule ? callBytes(own.rule) + callBytes(own.errorAlert) : 0) +
          (run.ownPrompt || run.ownRule ? callBytes(own.prompt) : 0),
        queue: (q) => {
          const dv = q.sheet(name).getRange(at).dataValidation;
          if (run.ownRule) {
            dv.rule = own.rule;
            dv.errorAlert = own.errorAlert;
          }
          // After a rule of its own the prompt is written again, whether or not Excel kept it.
          if (run.ownPrompt || run.ownRule) dv.prompt = own.prompt;
        },
      });
    }
  }
  return ops;
}

/**
 * Status colours. The rule's formula is relative to the range's top-left cell (issue 5194),
 * which is how the plan writes it. The plan's rules for one range are mutually exclusive (a
 * status cell holds one label), so their priority order does not matter and is not set.
 */
function conditionalFormatOps(s: SheetPlan): WriteOp[] {
  const ops: WriteOp[] = [];
  // The rules of one range share its range object (one getRange for all of them).
  const byRange = new Map<string, ConditionalFormatPlan[]>();
  for (const cf of s.conditionalFormats) {
    let list = byRange.get(cf.range);
    if (!list) byRange.set(cf.range, (list = []));
    list.push(cf);
  }
  for (const [range, cfs] of byRange) {
    const rules = cfs.map((cf) => ({
      ...cf,
      formula: cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`,
    }));
    ops.push({
      bytes:
        callBytes(range) +
        rules.reduce(
          (n, cf) =>
            n + callBytes("Custom") + callBytes(cf.formula) + callBytes(cf.fill) + callBytes(cf.fontColor),
          0,
        ),
      queue: (q) => {
        const formats = q.sheet(s.name).getRange(range).conditionalFormats;
        for (const cf of rules) {
          const format = formats.add("Custom" as Excel.ConditionalFormatType);
          format.custom.rule.formula = cf.formula;
          format.custom.format.fill.color = `#${cf.fill}`;
          format.custom.format.font.color = `#${cf.fontColor}`;
        }
      },
    });
  }
  for (const bar of s.dataBars) {
    ops.push({
      bytes:
        callBytes(bar.range, "DataBar") +
        callBytes(bar.color) +
        callBytes(false) +
        callBytes({ type: "Number", formula: "0" }),
      queue: (q) => {
        const format = q
          .sheet(s.name)
          .getRange(bar.range)
          .conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
        format.dataBar.positiveFormat.fillColor = `#${bar.color}`;
        format.dataBar.positiveFormat.gradientFill = false;
        format.dataBar.lowerBoundRule = { type: "Number", formula: "0" } as Excel.ConditionalDataBarRule;
      },
    });
  }
  return ops;
}

/** A stacked bar chart: series names in the source's first column, categories in its first row. */
function chartOp(name: string, c: ChartPlan): WriteOp {
  const series = Math.max(0, parseRange(c.source).bottom - parseRange(c.source).top);
  const colors = c.colors.slice(0, series);
  return {
    bytes:
      callBytes("BarStacked", c.source, "Rows") +
      callBytes(c.title) +
      callBytes(c.topLeft, c.bottomRight) +
      colors.length * callBytes("#FFFFFF"),
    queue: (q) => {
      const ws = q.sheet(name);
      const chart = ws.charts.add(
        "BarStacked" as Excel.ChartType,
        ws.getRange(c.source),
        "Rows" as Excel.ChartSeriesBy,
      );
      chart.title.text = c.title;
      chart.setPosition(c.topLeft, c.bottomRight);
      colors.forEach((color, i) => chart.series.getItemAt(i).format.fill.setSolidColor(`#${color}`));
    },
  };
}

function freezeOp(name: string, rows: number, columns: number): WriteOp {
  return {
    bytes: callBytes(`A1:${columnLetters(Math.max(columns, 1))}${Math.max(rows, 1)}`),
    queue: (q) => {
      const panes = q.sheet(name).freezePanes;
      if (rows > 0 && columns > 0) panes.freezeAt(`A1:${columnLetters(columns)}${rows}`);
      else if (rows > 0) panes.freezeRows(rows);
      else panes.freezeColumns(columns);
    },
  };
}

function printOps(name: string, p: PrintPlan): WriteOp[] {
  const header = p.header;
  const zoom: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const repeat = p.repeatRows ? p.repeatRows.replace(/(\d+)/g, "$$$1") : undefined;
  const footer = p.footer;
  const bytes =
    callBytes(p.landscape ? "Landscape" : "Portrait") +
    (p.fitToWidth ? callBytes(zoom) : 0) +
    callBytes(header.left) +
    callBytes(header.center) +
    callBytes(header.right) +
    (footer ? callBytes(footer.left) + callBytes(footer.center) + callBytes(footer.right) : 0) +
    (p.area ? callBytes(p.area) : 0) +
    (p.margins ? 6 * callBytes(0) : 0) +
    (repeat ? callBytes(repeat) : 0);
  return [
    {
      bytes,
      queue: (q) => {
        const layout = q.sheet(name).pageLayout;
        layout.orientation = (p.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
        // zoom is set as one object (its members cannot be set one by one).
        if (p.fitToWidth) layout.zoom = zoom;
        const all = layout.headersFooters.defaultForAllPages;
        all.leftHeader = header.left;
        all.centerHeader = header.center;
        all.rightHeader = header.right;
        if (footer) {
          all.leftFooter = footer.left;
          all.centerFooter = footer.center;
          all.rightFooter = footer.right;
        }
        if (p.area) layout.setPrintArea(p.area);
        if (p.margins) {
          // The plan's margins are in inches, Office.js's in points.
          const m = p.margins;
          layout.leftMargin = m.left * 72;
          layout.rightMargin = m.right * 72;
          layout.topMargin = m.top * 72;
          layout.bottomMargin = m.bottom * 72;
          layout.headerMargin = m.header * 72;
          layout.footerMargin = m.footer * 72;
        }
        if (repeat) layout.setPrintTitleRows(repeat);
      },
    },
  ];
}

/**
 * Greedy batches under the budget, in order. The ops of one unit stay together (a unit larger
 * than the budget gets a batch of its own), so no sheet is cleared in one request and rewritten
 * in the next.
 */
export function batchOps(ops: WriteOp[], budget: number, reserve = 0): WriteOp[][] {
  const groups: WriteOp[][] = [];
  for (const op of ops) {
    const last = groups[groups.length - 1];
    if (last && op.unit !== undefined && last[0]!.unit === op.unit) last.push(op);
    else groups.push([op]);
  }
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = reserve;
  for (const group of groups) {
    const size = totalBytes(group);
    if (current.length > 0 && bytes + size > budget) {
      batches.push(current);
      current = [];
      bytes = reserve;
    }
    current.push(...group);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits a batch Excel refused for its size in two, between units; undefined when it is one unit. */
function halve(batch: WriteOp[]): [WriteOp[], WriteOp[]] | undefined {
  const total = totalBytes(batch);
  const parts = batchOps(batch, Math.ceil(total / 2));
  if (parts.length < 2) return undefined;
  const first = parts[0]!;
  return [first, batch.slice(first.length)];
}

/** Is this Office error about a data validation write (column blocks, office-js #2594)? */
export function isValidationError(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === "string" && location.startsWith("DataValidation");
}

/** Is this Office error about print set-up (refused by some Excel versions)? */
export function isPrintError(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === "string" && /^(PageLayout|HeaderFooter)/.test(location);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Writes the plan in ⌈size ÷ budget⌉ syncs (one for anything up to about 3 MB). Events are off
 * from the first write to the last, so onChanged handlers (ours included) do not fire for the
 * add-in's own writes. Calculation is suspended in every request but the last, which ends with
 * a recalculation instead (statuses must not wait for the user's next edit, and in Manual mode
 * nothing else would update them). A request refused for its size is split in two and sent
 * again; any other failure throws WriteFailed, saying which sheets were finished before it.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const { caps } = options;
  const budget = options.budgetBytes ?? WRITE_BUDGET;
  const { ops, skipped, show } = compilePlan(plan, options);
  const prelude =
    (caps.suspendCalculation ? CALL_BYTES : 0) +
    (caps.api19 ? CALL_BYTES : 0) +
    (caps.enableEvents ? 2 * CALL_BYTES : 0) +
    CALL_BYTES;
  const pending = batchOps(ops, budget, prelude);
  const total = () => report.batches.length + pending.length;
  const report: ApplyReport = { batches: [], skipped };
  const done = new Set<string>();
  /** Sheets whose copied looks did not all arrive (lower-case). */
  const lacking = new Set<string>();
  let first = true;
  while (pending.length > 0) {
    const batch = pending.shift()!;
    const last = pending.length === 0;
    const q = new Queue(context);
    if (caps.suspendCalculation && !last) context.application.suspendApiCalculationUntilNextSync();
    if (caps.api19) context.application.suspendScreenUpdatingUntilNextSync();
    if (first && caps.enableEvents) context.runtime.enableEvents = false;
    for (const op of batch) op.queue(q);
    if (last) context.application.calculate("Recalculate" as Excel.CalculationType);
    if (last && caps.enableEvents) context.runtime.enableEvents = true;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~3 MB batch, by design
      await context.sync();
    } catch (error) {
      const halves = codeOf(error) === "RequestPayloadSizeLimitExceeded" ? halve(batch) : undefined;
      if (halves) {
        // Refused before any of it ran: the same work again, in two requests.
        pending.unshift(...halves);
        continue;
      }
      if (caps.enableEvents) {
        context.runtime.enableEvents = true;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only on failure, then the loop ends
        await context.sync().catch(() => undefined);
      }
      throw new WriteFailed(error, done, REFUSED_WHOLE.has(codeOf(error) ?? ""));
    }
    first = false;
    for (const op of batch) if (op.unit !== undefined) done.add(op.unit);
    for (const c of q.checks) if (!c.holds()) lacking.add(c.sheet.toLowerCase());
    report.batches.push({
      bytes: prelude + totalBytes(batch),
      operations: batch.length,
    });
    options.onBatch?.(report.batches.length, total());
  }
  if (lacking.size === 0) return report;
  // A copy that silently left out what it should have brought: those sheets again, in full.
  const sent = report.batches.length;
  const again = await applyPlan(context, plan, {
    ...rewriteInFull(plan, options, lacking),
    activate: show,
    onBatch: (n, of) => options.onBatch?.(sent + n, sent + of),
  }).catch((error: unknown) => {
    if (!(error instanceof WriteFailed)) throw error;
    const finished = new Set([...done].filter((d) => !lacking.has(d)));
    for (const d of error.done) finished.add(d);
    throw new WriteFailed(error.cause, finished, error.refusedWhole);
  });
  return { batches: [...report.batches, ...again.batches], skipped };
}

/** Options that write these sheets (lower-case names) of the plan again, just written, in full. */
function rewriteInFull(plan: WorkbookPlan, options: ApplyOptions, sheets: ReadonlySet<string>): ApplyOptions {
  const existing = new Map<string, ExistingSheet>();
  for (const s of plan.sheets) {
    const key = s.name.toLowerCase();
    if (!sheets.has(key)) continue;
    existing.set(key, { name: s.name, protected: s.protect, visibility: OFFICE_VISIBILITY[s.visibility] });
  }
  return {
    ...options,
    only: (s) => sheets.has(s.name.toLowerCase()),
    noCopies: true,
    existing,
    existingNames: new Set([...options.existingNames, ...plan.names.map((n) => n.name.toLowerCase())]),
  };
}
