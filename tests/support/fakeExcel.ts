// A fake Excel host for tests: the subset of the Excel JavaScript API the add-in uses, as proxies
// that behave like Office's. Every method call, property set and load is RECORDED as a queued
// operation and runs only at context.sync(), in order, like a real request; a failing operation
// stops the rest of its request and rejects the sync with an Office-style error (code,
// debugInfo.errorLocation). Reading a property that was not loaded and synced throws, as Office
// does. APIs newer than the simulated ExcelApi version fail with ApiNotFound. Cells live in
// HyperFormula, so formulas compute; protection, validation (when a user types), conditional
// formats, charts, names, events and runtime.enableEvents are modelled well enough to test
// against. It runs in jest and, bundled, in the browser for the end-to-end test.
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import {
  boxAddress,
  boxCells,
  contains,
  indexToLetter,
  intersects,
  MAX_COLS,
  MAX_ROWS,
  parseBox,
  shiftFormula,
  splitSheet,
  type Box,
} from "./fakeA1";

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    location = "",
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const fail = (code: string, message: string): never => {
  throw new FakeOfficeError(code, message);
};

function versionAtLeast(have: string, need: string): boolean {
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = need.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

// ---------------------------------------------------------------------------------------------
// The workbook model

type CellFormat = Record<string, unknown>;
type Handler = (args: unknown) => unknown;

export interface ValidationRecord {
  rule?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatRecord {
  id: number;
  boxes: Box[];
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  barColor?: string;
  gradientFill?: boolean;
  lowerBoundRule?: unknown;
}

export interface ChartRecord {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: [string, string];
  seriesCount: number;
  seriesColors: (string | undefined)[];
}

export class FakeSheet {
  visibility = "Visible";
  tabColor: string | null = null;
  protected = false;
  protectionOptions: Record<string, unknown> | null = null;
  password: string | undefined;
  readonly formats = new Map<string, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  merges: Box[] = [];
  readonly validations = new Map<string, ValidationRecord>();
  conditionalFormats: ConditionalFormatRecord[] = [];
  charts: ChartRecord[] = [];
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: {
    orientation?: string;
    zoom?: unknown;
    headers: Record<string, string>;
    printTitleRows?: string;
    printArea?: string;
    margins: Record<string, number>;
  } = { headers: {}, margins: {} };
  readonly handlers = new Set<Handler>();
  constructor(
    readonly id: string,
    public name: string,
    readonly hfId: number,
  ) {}
}

export interface RecordedOperation {
  kind: "set" | "call" | "load";
  target: string;
  member: string;
  bytes: number;
}

export interface RecordedRequest {
  operations: number;
  bytes: number;
  /** suspendApiCalculationUntilNextSync was queued in this request. */
  calculationSuspended: boolean;
  /** Cell writes made while runtime.enableEvents was true / false. */
  writesWithEvents: number;
  writesWithoutEvents: number;
  log?: RecordedOperation[];
}

export interface FakeExcelOptions {
  /** The ExcelApi requirement set this Excel supports (default "1.9"). */
  apiVersion?: string;
  /** Sheets of a new workbook (default: one empty "Ark1"). */
  sheets?: string[];
  /** Keep every recorded operation per request (memory!). */
  keepLog?: boolean;
  /** Office.context.platform as the add-in sees it (default "PC"). */
  platform?: "PC" | "Mac" | "OfficeOnline" | "iOS";
  /** Range.copyFrom silently leaves this out, as an Excel that copies less than it should. */
  copyLeavesOut?: "validations" | "highlights" | "locks";
}

/** A request made to fail on purpose (failRequest). */
export interface InjectedFailure {
  code: string;
  /** "before": Excel refuses the request as a whole (size, cell-edit mode); "midway": the
   * operations before the middle one are carried out, as when one operation of a request fails;
   * "afterClear": the request fails right after its last Range.clear, so a sheet it clears is
   * empty whatever the order of the request's operations. */
  when: "before" | "midway" | "afterClear";
}

const utf8 = new TextEncoder();
const byteLength = (s: string) => utf8.encode(s).length;

export class FakeExcel {
  /** The engine; writes go straight to it, with evaluation suspended until something reads. */
  private readonly engine: HyperFormula;
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, { name: string; formula: string }>();
  readonly apiVersion: string;
  enableEvents = true;
  active: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly collectionHandlers = new Set<Handler>();
  readonly stats = { syncs: 0, operations: 0, requests: [] as RecordedRequest[] };
  private nextSheetId = 1;
  private nextCfId = 1;
  private evaluationSuspended = false;
  private pendingEvents: { sheet: FakeSheet; box: Box; trigger: string }[] = [];
  private current: RecordedRequest | null = null;
  /** Requests since the fake was made (never reset): failRequest counts on it. */
  private requestNumber = 0;
  private readonly failures = new Map<number, InjectedFailure>();
  private editWaiters: (() => void)[] = [];
  /** "Automatic" or "Manual", as Application.calculationMode. */
  calculationMode = "Automatic";
  /** Application.calculate calls carried out. */
  recalculations = 0;
  /** The user is typing in a cell (cell-edit mode). */
  editing = false;
  /** Protect Workbook (structure) is on: sheets cannot be added, renamed, hidden or deleted. */
  structureProtected = false;
  /** While set, every request waits for it before Excel answers (a hung sync on the web). */
  hang: Promise<void> | null = null;
  /** Sheets whose Range.values come back null (docs PR #5821), once per sheet. */
  readonly nullValues = new Set<string>();
  readonly calculatedHandlers = new Set<Handler>();
  readonly activatedHandlers = new Set<Handler>();
  /** Methods and property writes made to fail, by location ("ConditionalFormatCollection.add",
   * "DataValidation.rule") → Office error code. */
  readonly broken = new Map<string, string>();
  /** The same, for the next call only (Excel's AccessDenied from protect, #6784). */
  readonly brokenOnce = new Map<string, string>();

  constructor(readonly options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.9";
    this.engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    for (const name of options.sheets ?? ["Ark1"]) this.addSheet(name);
    this.active = this.sheets[0] ?? null;
  }

  /**
   * HyperFormula with every change so far evaluated. The fake evaluates lazily, as late as the
   * first read after a change (a value, a used range, a highlight, Application.calculate, or a test
   * looking here), not after every request and every typed cell: what anyone reads is the same,
   * and a build with several requests is evaluated once instead of once per request.
   */
  get hf(): HyperFormula {
    this.flushEvaluation();
    return this.engine;
  }

  // --- what an add-in gets --------------------------------------------------------------------

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    this.runWith({}, batch);

  /** Excel.run(options, batch): with delayForCellEdit (ExcelApi 1.11) a request waits out cell-edit mode. */
  runWith = async <T>(
    options: { delayForCellEdit?: boolean },
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const ctx = new FakeContext(this, options.delayForCellEdit === true);
    const result = await batch(ctx.api as unknown as Excel.RequestContext);
    // Excel.run sends whatever is still queued when the batch function returns.
    if (ctx.hasPending()) await ctx.api.sync();
    return result;
  };

  /** Excel.run(context, batch): the batch in an existing context, then what it left queued. */
  runIn = async <T>(
    context: Excel.RequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const result = await batch(context);
    await context.sync();
    return result;
  };

  isSetSupported = (name: string, version: string): boolean =>
    name === "ExcelApi" && versionAtLeast(this.apiVersion, version);

  /** The ExcelEnv src/excel/env.ts expects; like officeEnv, it waits out cell-edit mode from 1.11. */
  env() {
    const platform = this.options.platform ?? "PC";
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
        this.runWith({ delayForCellEdit: versionAtLeast(this.apiVersion, "1.11") }, batch),
      runIn: this.runIn,
      isSetSupported: this.isSetSupported,
      platform: () => platform,
      officeVersion: () => "16.0.18000.20000",
    };
  }

  // --- failures on purpose ---------------------------------------------------------------------

  /** Makes the nth request from now (1 = the next) fail with an Office error code. */
  failRequest(n: number, code: string, when: InjectedFailure["when"] = "midway"): void {
    this.failures.set(this.requestNumber + n, { code, when });
  }

  /** Forgets failures planned but not yet reached. */
  clearFailures(): void {
    this.failures.clear();
  }

  /** Counts a request and returns the failure planned for it, if any. */
  nextRequest(): InjectedFailure | undefined {
    this.requestNumber++;
    const f = this.failures.get(this.requestNumber);
    this.failures.delete(this.requestNumber);
    return f;
  }

  /** The user starts typing in a cell: requests fail, or wait when they may (delayForCellEdit). */
  beginEdit(): void {
    this.editing = true;
  }

  /** The user presses Enter: waiting requests go on. */
  endEdit(): void {
    this.editing = false;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiters) w();
  }

  untilEditEnds(): Promise<void> {
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** Excel recalculates (Application.calculate, or a user's edit in Automatic mode): onCalculated. */
  calculated(sheets: FakeSheet[]): void {
    if (!this.enableEvents) return;
    for (const s of sheets) {
      const args = { type: "WorksheetCalculated", worksheetId: s.id, address: "" };
      for (const h of this.calculatedHandlers) setTimeout(() => void h(args), 0);
    }
  }

  /** The user clicks a sheet tab: onActivated. */
  activateByUser(name: string): void {
    const s = this.sheet(name);
    this.active = s;
    const args = { type: "WorksheetActivated", worksheetId: s.id };
    for (const h of this.activatedHandlers) setTimeout(() => void h(args), 0);
  }

  /**
   * Picks a value from a cell's validation dropdown on Excel on the web, where onChanged does not
   * fire for it (office-js #3888): only onCalculated tells the add-in, in Automatic mode.
   */
  pickFromDropdown(sheetName: string, address: string, value: string): void {
    const s = this.sheet(sheetName);
    const box = parseBox(address);
    this.checkValidation(s, box.r0, box.c0, value);
    const events = this.enableEvents;
    this.enableEvents = false;
    this.writeContents(s, box, [[value]], "Unknown");
    this.enableEvents = events;
    this.flushEvaluation();
    if (this.calculationMode === "Automatic") this.calculated([s]);
  }

  /** Installs Excel.run and Office.context.requirements as globals; returns the undo. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: this.run };
    g.Office = { context: { requirements: { isSetSupported: this.isSetSupported } } };
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.operations = 0;
    this.stats.requests = [];
  }

  // --- what a user does and sees -------------------------------------------------------------

  sheet(name: string): FakeSheet {
    return this.findSheet(name) ?? fail("ItemNotFound", `No sheet "${name}"`);
  }

  findSheet(key: string): FakeSheet | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
  }

  /**
   * Types into a cell as a user would: refused on a locked cell of a protected sheet, checked
   * against the cell's validation (unless pasted, which Excel does not check), fires onChanged.
   */
  type(
    sheetName: string,
    address: string,
    value: string | number | boolean | null,
    how: { paste?: boolean } = {},
  ): void {
    const s = this.sheet(sheetName);
    const box = parseBox(address);
    if (s.protected && this.isLocked(s, box.r0, box.c0)) {
      throw new Error(`Cellen ${address} på ${s.name} er beskyttet.`);
    }
    if (!how.paste) this.checkValidation(s, box.r0, box.c0, value);
    this.writeContents(s, box, [[value]], "Unknown");
    this.fireEvents();
    if (this.calculationMode === "Automatic") this.calculated([s]);
  }

  /** The value Excel shows in a cell ("" when empty). */
  value(sheetName: string, address: string): unknown {
    const s = this.sheet(sheetName);
    const b = parseBox(address);
    this.flushEvaluation();
    return this.cellValue(s, b.r0, b.c0);
  }

  formula(sheetName: string, address: string): unknown {
    const s = this.sheet(sheetName);
    const b = parseBox(address);
    return this.cellFormula(s, b.r0, b.c0);
  }

  formatAt(sheetName: string, address: string): CellFormat {
    const s = this.sheet(sheetName);
    const b = parseBox(address);
    return { ...(s.formats.get(`${b.r0},${b.c0}`) ?? {}) };
  }

  validationAt(sheetName: string, address: string): ValidationRecord | undefined {
    const s = this.sheet(sheetName);
    const b = parseBox(address);
    return s.validations.get(`${b.r0},${b.c0}`);
  }

  /** The custom conditional formats whose rule is TRUE in this cell, in the order they were added. */
  highlightsAt(sheetName: string, address: string): ConditionalFormatRecord[] {
    const s = this.sheet(sheetName);
    const { r0: r, c0: c } = parseBox(address);
    this.flushEvaluation();
    return s.conditionalFormats.filter((cf) => {
      if (cf.type !== "Custom" || !cf.formula) return false;
      const box = cf.boxes.find((b) => contains(b, r, c));
      if (!box) return false;
      const shifted = shiftFormula(cf.formula, r - box.r0, c - box.c0);
      const result = this.hf.calculateFormula(shifted, s.hfId);
      return result === true;
    });
  }

  /** Protects a sheet with a password the add-in does not know (to test AccessDenied). */
  protectWithPassword(sheetName: string, password: string): void {
    const s = this.sheet(sheetName);
    s.protected = true;
    s.password = password;
  }

  // --- model internals (used by the proxies) -------------------------------------------------

  /** Sheets cannot be added, renamed, hidden or deleted under Protect Workbook. */
  requireStructure(): void {
    if (this.structureProtected) fail("AccessDenied", "The workbook's structure is protected.");
  }

  addSheet(name: string): FakeSheet {
    this.checkSheetName(name);
    if (this.findSheet(name)) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    this.engine.addSheet(name);
    const s = new FakeSheet(
      `{${String(this.nextSheetId++).padStart(8, "0")}}`,
      name,
      this.engine.getSheetId(name)!,
    );
    this.sheets.push(s);
    return s;
  }

  private checkSheetName(name: string): void {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name))
      fail("InvalidArgument", `Bad sheet name "${name}"`);
  }

  renameSheet(s: FakeSheet, name: string): void {
    if (s.name === name) return;
    this.requireStructure();
    this.checkSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== s) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    this.suspend();
    this.engine.renameSheet(s.hfId, name);
    s.name = name;
  }

  deleteSheet(s: FakeSheet): void {
    this.requireStructure();
    if (s.visibility === "VeryHidden") fail("InvalidOperation", "A very hidden sheet cannot be deleted.");
    if (s.visibility === "Visible" && this.sheets.filter((x) => x.visibility === "Visible").length === 1) {
      fail("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    this.suspend();
    this.engine.removeSheet(s.hfId);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
  }

  setVisibility(s: FakeSheet, v: string): void {
    if (v !== s.visibility) this.requireStructure();
    if (!["Visible", "Hidden", "VeryHidden"].includes(v)) fail("InvalidArgument", `Bad visibility ${v}`);
    if (
      v !== "Visible" &&
      s.visibility === "Visible" &&
      this.sheets.filter((x) => x.visibility === "Visible").length === 1
    ) {
      fail("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    s.visibility = v;
    if (v !== "Visible" && this.active === s)
      this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
  }

  setPosition(s: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0) fail("InvalidArgument", `Bad position ${position}`);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(Math.min(position, this.sheets.length), 0, s);
  }

  isLocked(s: FakeSheet, r: number, c: number): boolean {
    return s.formats.get(`${r},${c}`)?.["protection.locked"] !== false;
  }

  requireUnprotected(s: FakeSheet, what: string, allowedBy?: string): void {
    if (s.protected && !(allowedBy && s.protectionOptions?.[allowedBy] === true)) {
      fail("AccessDenied", `The sheet ${s.name} is protected (${what}).`);
    }
  }

  private suspend(): void {
    if (!this.evaluationSuspended) {
      this.engine.suspendEvaluation();
      this.evaluationSuspended = true;
    }
  }

  flushEvaluation(): void {
    if (this.evaluationSuspended) {
      this.engine.resumeEvaluation();
      this.evaluationSuspended = false;
    }
  }

  /** Writes a block of cell contents with Excel's reading of what is written. */
  writeContents(s: FakeSheet, box: Box, data: unknown[][], trigger = "ThisLocalAddin"): void {
    const rows = box.r1 - box.r0 + 1;
    const cols = box.c1 - box.c0 + 1;
    const single = !Array.isArray(data);
    if (
      !single &&
      (data.length !== rows || data.some((line) => !Array.isArray(line) || line.length !== cols))
    ) {
      fail(
        "InvalidArgument",
        `The array is ${data.length}×${data[0]?.length ?? 0}, the range ${rows}×${cols}.`,
      );
    }
    if (s.protected) {
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          if (this.isLocked(s, r, c))
            fail("AccessDenied", `The cell ${indexToLetter(c)}${r + 1} on ${s.name} is protected.`);
        }
      }
    }
    const content: RawCellContent[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: RawCellContent[] = [];
      for (let c = 0; c < cols; c++) line.push(toHf(single ? data : data[r]![c]));
      content.push(line);
    }
    this.suspend();
    this.engine.setCellContents({ sheet: s.hfId, row: box.r0, col: box.c0 }, content);
    this.noteChange(s, box, trigger);
  }

  noteChange(s: FakeSheet, box: Box, trigger: string): void {
    const req = this.current;
    if (req) {
      if (this.enableEvents) req.writesWithEvents++;
      else req.writesWithoutEvents++;
    }
    if (this.enableEvents) this.pendingEvents.push({ sheet: s, box, trigger });
  }

  clearContents(s: FakeSheet, box: Box): void {
    const used = this.usedBox(s, true, box);
    if (!used) return;
    const rows = used.r1 - used.r0 + 1;
    const cols = used.c1 - used.c0 + 1;
    this.suspend();
    this.engine.setCellContents(
      { sheet: s.hfId, row: used.r0, col: used.c0 },
      Array.from({ length: rows }, () => Array<RawCellContent>(cols).fill(null)),
    );
    this.noteChange(s, used, "ThisLocalAddin");
  }

  /**
   * Range.copyFrom(source, "All") as Excel pastes "All": contents (formulas as written — at the
   * same address a relative reference means the same cell of the destination sheet), number
   * formats and looks, locks, validations with their prompts, merges and the conditional formats
   * over the source. Column widths and row heights stay, as in Excel. Modelled only as the add-in
   * uses it: to the same address of another sheet, with the source's conditional formats wholly
   * inside the copied range; anything else fails loudly rather than being guessed.
   */
  copyAll(from: RangeTarget, to: RangeTarget): void {
    const { box } = to;
    if (from.sheet === to.sheet || boxAddress(from.box) !== boxAddress(box))
      fail("InvalidArgument", "Fake Excel models copyFrom only to the same address on another sheet");
    this.requireUnprotected(to.sheet, "copyFrom");
    if (boxCells(box) > 1_000_000) fail("InvalidArgument", "Fake Excel: copyFrom of a huge range");
    const leavesOut = this.options.copyLeavesOut;
    // HyperFormula reads nothing while its evaluation is suspended.
    this.flushEvaluation();
    const content: RawCellContent[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const line: RawCellContent[] = [];
      for (let c = box.c0; c <= box.c1; c++) {
        line.push(this.engine.getCellSerialized({ sheet: from.sheet.hfId, row: r, col: c }) ?? null);
        const key = `${r},${c}`;
        const format = from.sheet.formats.get(key);
        if (format) to.sheet.formats.set(key, { ...format });
        else to.sheet.formats.delete(key);
        if (leavesOut === "locks") delete to.sheet.formats.get(key)?.["protection.locked"];
        const validation = leavesOut === "validations" ? undefined : from.sheet.validations.get(key);
        if (validation) to.sheet.validations.set(key, structuredClone(validation));
        else to.sheet.validations.delete(key);
      }
      content.push(line);
    }
    this.suspend();
    this.engine.setCellContents({ sheet: to.sheet.hfId, row: box.r0, col: box.c0 }, content);
    this.noteChange(to.sheet, box, "ThisLocalAddin");
    to.sheet.merges = [
      ...to.sheet.merges.filter((m) => !intersects(m, box)),
      ...from.sheet.merges.filter((m) => intersects(m, box)).map((m) => ({ ...m })),
    ];
    if (to.sheet.conditionalFormats.some((cf) => cf.boxes.some((b) => intersects(b, box))))
      fail("InvalidArgument", "Fake Excel models copyFrom only onto cells without conditional formats");
    for (const cf of leavesOut === "highlights" ? [] : from.sheet.conditionalFormats) {
      const inside = cf.boxes.filter((b) => intersects(b, box));
      if (inside.length === 0) continue;
      if (
        inside.length !== cf.boxes.length ||
        inside.some((b) => !contains(box, b.r0, b.c0) || !contains(box, b.r1, b.c1))
      )
        fail("InvalidArgument", "Fake Excel models copyFrom only of whole conditional formats");
      to.sheet.conditionalFormats.push({ ...structuredClone(cf), id: this.newCfId() });
    }
  }

  cellValue(s: FakeSheet, r: number, c: number): unknown {
    this.flushEvaluation();
    const v = this.hf.getCellValue({ sheet: s.hfId, row: r, col: c });
    if (v instanceof DetailedCellError) return v.value;
    return v === null || v === undefined ? "" : v;
  }

  cellFormula(s: FakeSheet, r: number, c: number): unknown {
    this.flushEvaluation();
    const f = this.hf.getCellFormula({ sheet: s.hfId, row: r, col: c });
    return f ?? this.cellValue(s, r, c);
  }

  /** The used range: cells with contents (and, unless valuesOnly, with formats), within a box. */
  usedBox(s: FakeSheet, valuesOnly: boolean, within?: Box): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const see = (r: number, c: number) => {
      if (within && !contains(within, r, c)) return;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    // Which cells hold something needs no evaluation (nor the formulas' text): a clear does not
    // force the formulas written before it to be computed.
    const { width, height } = this.engine.getSheetDimensions(s.hfId);
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++)
        if (!this.engine.isCellEmpty({ sheet: s.hfId, row: r, col: c })) see(r, c);
    if (!valuesOnly)
      for (const key of s.formats.keys()) see(...(key.split(",").map(Number) as [number, number]));
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  checkValidation(s: FakeSheet, r: number, c: number, value: unknown): void {
    const v = s.validations.get(`${r},${c}`);
    const rule = v?.rule;
    if (!v || !rule) return;
    const alert = v.errorAlert ?? {};
    if (alert.showAlert === false || (alert.style && alert.style !== "Stop")) return;
    if ((value === null || value === "") && v.ignoreBlanks) return;
    const bad = () => {
      throw new Error(`${String(alert.title ?? "Ugyldig værdi")}: ${String(alert.message ?? "")}`);
    };
    const basic = (rule.decimal ?? rule.wholeNumber) as { formula1: unknown; operator: string } | undefined;
    if (basic) {
      if (typeof value !== "number") bad();
      if (rule.wholeNumber && !Number.isInteger(value)) bad();
      const min = Number(basic.formula1);
      if (basic.operator === "GreaterThanOrEqualTo" && (value as number) < min) bad();
      return;
    }
    const list = rule.list as { source: unknown } | undefined;
    if (list) {
      const allowed = this.listItems(list.source);
      if (!allowed.some((a) => String(a).toLowerCase() === String(value).toLowerCase())) bad();
    }
  }

  listItems(source: unknown): unknown[] {
    if (typeof source !== "string") return [];
    if (!source.startsWith("=")) return source.split(",");
    const target = this.resolveReference(source);
    if (!target) return [];
    const out: unknown[] = [];
    for (let r = target.box.r0; r <= target.box.r1; r++) {
      for (let c = target.box.c0; c <= target.box.c1; c++) out.push(this.cellValue(target.sheet, r, c));
    }
    return out;
  }

  /** "=JaNej" or "=Lister!$A$1:$A$2" → a sheet and a box. */
  resolveReference(formula: string, from?: FakeSheet): { sheet: FakeSheet; box: Box } | undefined {
    const text = formula.replace(/^=/, "");
    const named = this.names.get(text.toLowerCase());
    if (named) return this.resolveReference(named.formula);
    const { sheet, address } = splitSheet(text);
    const s = sheet ? this.findSheet(sheet) : from;
    if (!s) return undefined;
    try {
      return { sheet: s, box: parseBox(address) };
    } catch {
      return undefined;
    }
  }

  newCfId(): number {
    return this.nextCfId++;
  }

  // --- requests -----------------------------------------------------------------------------

  beginRequest(req: RecordedRequest): void {
    this.current = req;
  }

  endRequest(): void {
    this.current = null;
    this.fireEvents();
  }

  noteCalculationSuspended(): void {
    if (this.current) this.current.calculationSuspended = true;
  }

  private fireEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) {
      const args = {
        type: "WorksheetChanged",
        worksheetId: e.sheet.id,
        address: boxAddress(e.box),
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: e.trigger,
      };
      const handlers = [...e.sheet.handlers, ...this.collectionHandlers];
      for (const h of handlers) setTimeout(() => void h(args), 0);
    }
  }
}

/** What Excel makes of a written value: "=…" a formula, "'…" text, "12" a number. */
function toHf(v: unknown): RawCellContent {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  return fail("InvalidArgument", `Cannot write ${typeof v} into a cell`);
}

// ---------------------------------------------------------------------------------------------
// Proxies

interface DataSpec {
  set?: boolean;
  since?: string;
  get?: () => unknown;
  put?: (v: unknown) => void;
}

interface Spec {
  kind: string;
  since?: string;
  data?: Record<string, DataSpec>;
  nav?: Record<string, { since?: string; make: () => Obj }>;
  methods?: Record<string, { since?: string; fn: (...args: never[]) => unknown }>;
  /** For collections: the items, evaluated at sync. */
  items?: () => Obj[];
  /** For *OrNullObject results: whether the object is null, evaluated at sync. */
  isNull?: () => boolean;
}

const REAL = new WeakMap<object, Obj>();

/** The Obj behind a proxy handed to the add-in (for arguments such as a chart's source range). */
function objOf(x: unknown): Obj | undefined {
  return typeof x === "object" && x !== null ? REAL.get(x) : undefined;
}

class Obj {
  readonly loaded = new Map<string, unknown>();
  readonly proxy: object;
  private spec?: Spec;
  private readonly children = new Map<string, Obj>();

  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
    private readonly specOf: (self: Obj) => Spec,
  ) {
    this.proxy = new Proxy(this, HANDLER);
    REAL.set(this.proxy, this);
  }

  get s(): Spec {
    return (this.spec ??= this.specOf(this));
  }

  need(since: string | undefined, location: string): void {
    if (since && !versionAtLeast(this.ctx.fake.apiVersion, since)) {
      throw new FakeOfficeError("ApiNotFound", `${location} needs ExcelApi ${since}`, location);
    }
  }

  checkUse(location: string, since?: string): void {
    this.need(this.s.since, location);
    this.need(since, location);
    if (this.s.isNull?.())
      throw new FakeOfficeError("ItemNotFound", `${location} on a null object`, location);
  }

  child(name: string): Obj {
    let c = this.children.get(name);
    if (!c) {
      const nav = this.s.nav![name]!;
      c = nav.make();
      if (nav.since) {
        const base = c.specOf;
        const since = nav.since;
        c.spec = { ...base(c), since: maxVersion(base(c).since, since) };
      }
      this.children.set(name, c);
    }
    return c;
  }

  /** Runs at sync: loads "a, b/c, items/d". */
  loadNow(paths: string[]): void {
    const itemPaths = paths.filter((p) => p.split("/")[0]!.trim() === "items");
    if (itemPaths.length && this.s.items) {
      const items = this.s.items();
      this.loaded.set(
        "items",
        items.map((i) => i.proxy),
      );
      const rest = itemPaths.map((p) => p.split("/").slice(1).join("/")).filter(Boolean);
      for (const item of items) item.loadNow(rest);
    }
    for (const path of paths) {
      const [head, ...rest] = path.split("/").map((p) => p.trim());
      if (!head || (head === "items" && this.s.items)) continue;
      if (this.s.isNull?.()) return;
      if (rest.length && this.s.nav?.[head]) {
        this.child(head).loadNow([rest.join("/")]);
        continue;
      }
      const d = this.s.data?.[head];
      if (!d)
        throw new FakeOfficeError(
          "InvalidArgument",
          `${this.s.kind} has no property ${head}`,
          `${this.s.kind}.load`,
        );
      this.need(d.since, `${this.s.kind}.${head}`);
      this.loaded.set(head, d.get ? d.get() : undefined);
    }
    this.loaded.set("isNullObject", false);
  }
}

function maxVersion(a: string | undefined, b: string): string {
  return a && versionAtLeast(a, b) ? a : b;
}

function loadPaths(spec: unknown): string[] {
  if (spec === undefined) return [];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === "object" && spec !== null && "select" in spec)
    return loadPaths((spec as { select: unknown }).select);
  throw new TypeError("Fake Excel: unsupported load argument");
}

const HANDLER: ProxyHandler<Obj> = {
  get(t, p) {
    if (typeof p === "symbol" || p === "then") return undefined;
    if (p === "context") return t.ctx.api;
    const s = t.s;
    if (p === "isNullObject") return readLoaded(t, "isNullObject");
    if (p === "load") {
      return (spec?: unknown) => {
        const paths = loadPaths(spec);
        if (paths.length === 0)
          throw new TypeError(
            `Fake Excel: ${s.kind}.load() without property names loads everything; name them`,
          );
        t.ctx.record("load", t.path, "load", [paths]);
        t.ctx.enqueue(`${s.kind}.load`, () => {
          t.need(s.since, `${s.kind}.load`);
          t.loadNow(paths);
        });
        return t.proxy;
      };
    }
    if (p === "toJSON") return () => Object.fromEntries([...t.loaded].filter(([k]) => k !== "items"));
    if (p === "track" || p === "untrack") return () => t.proxy;
    if (s.methods && p in s.methods) {
      const m = s.methods[p]!;
      return (...args: unknown[]) => {
        t.ctx.record("call", t.path, p, args);
        // The check runs at sync, where Office would refuse an unknown API or a null object.
        t.ctx.enqueue(`${s.kind}.${p}`, () => {
          t.checkUse(`${s.kind}.${p}`, m.since);
          const once = t.ctx.fake.brokenOnce.get(`${s.kind}.${p}`);
          if (once) {
            t.ctx.fake.brokenOnce.delete(`${s.kind}.${p}`);
            throw new FakeOfficeError(once, `${s.kind}.${p} failed once on purpose`, `${s.kind}.${p}`);
          }
          const broken = t.ctx.fake.broken.get(`${s.kind}.${p}`);
          if (broken)
            throw new FakeOfficeError(broken, `${s.kind}.${p} is broken on purpose`, `${s.kind}.${p}`);
        });
        return (m.fn as (...a: unknown[]) => unknown)(...args);
      };
    }
    if (s.nav && p in s.nav) return t.child(p).proxy;
    if (p === "items" && s.items) return readLoaded(t, "items");
    if (s.data && p in s.data) return readLoaded(t, p);
    throw new TypeError(`Fake Excel has no ${s.kind}.${p}`);
  },
  set(t, p, value) {
    if (typeof p === "symbol") return false;
    const d = t.s.data?.[p];
    if (!d?.set || !d.put) throw new TypeError(`Fake Excel cannot set ${t.s.kind}.${p}`);
    t.ctx.record("set", t.path, p, [value]);
    t.ctx.enqueue(`${t.s.kind}.${p}`, () => {
      t.checkUse(`${t.s.kind}.${p}`, d.since);
      // Property writes can be made to fail by location too ("DataValidation.rule").
      const once = t.ctx.fake.brokenOnce.get(`${t.s.kind}.${p}`);
      if (once) {
        t.ctx.fake.brokenOnce.delete(`${t.s.kind}.${p}`);
        throw new FakeOfficeError(once, `${t.s.kind}.${p} failed once on purpose`, `${t.s.kind}.${p}`);
      }
      const broken = t.ctx.fake.broken.get(`${t.s.kind}.${p}`);
      if (broken)
        throw new FakeOfficeError(broken, `${t.s.kind}.${p} is broken on purpose`, `${t.s.kind}.${p}`);
      d.put!(value);
    });
    return true;
  },
};

function readLoaded(t: Obj, p: string): unknown {
  if (!t.loaded.has(p)) {
    throw new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${t.s.kind}.${p}`,
    );
  }
  return t.loaded.get(p);
}

class FakeContext {
  readonly api: {
    workbook: unknown;
    application: unknown;
    runtime: unknown;
    sync: () => Promise<void>;
    trackedObjects: { add(): void; remove(): void };
  };
  private pending: { location: string; run: () => void }[] = [];
  private log: RecordedOperation[] = [];
  private bytes = 0;
  private calcSuspended = false;
  generation = 0;

  constructor(
    readonly fake: FakeExcel,
    private readonly delayForCellEdit = false,
  ) {
    const workbook = workbookObj(this);
    this.api = {
      workbook: workbook.proxy,
      application: workbook.child("application").proxy,
      runtime: runtimeObj(this).proxy,
      sync: () => this.sync(),
      trackedObjects: { add() {}, remove() {} },
    };
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  record(kind: RecordedOperation["kind"], target: string, member: string, args: unknown[]): void {
    const bytes =
      100 + byteLength(JSON.stringify(args, (_k, v) => (typeof v === "function" ? "[handler]" : v)) ?? "");
    this.bytes += bytes;
    this.fake.stats.operations++;
    if (this.fake.options.keepLog) this.log.push({ kind, target, member, bytes });
  }

  enqueue(location: string, run: () => void): void {
    this.pending.push({ location, run });
  }

  suspendCalculation(): void {
    this.calcSuspended = true;
  }

  async sync(): Promise<void> {
    const pending = this.pending;
    const req: RecordedRequest = {
      operations: 0,
      bytes: this.bytes,
      calculationSuspended: false,
      writesWithEvents: 0,
      writesWithoutEvents: 0,
      ...(this.fake.options.keepLog ? { log: this.log } : {}),
    };
    req.operations = this.fake.options.keepLog ? this.log.length : pending.length;
    this.pending = [];
    this.log = [];
    this.bytes = 0;
    this.fake.stats.syncs++;
    this.fake.stats.requests.push(req);
    const injected = this.fake.nextRequest();
    // A round trip: the add-in's code goes on only after Excel has answered.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.fake.hang) await this.fake.hang;
    if (this.fake.editing) {
      if (this.delayForCellEdit && versionAtLeast(this.fake.apiVersion, "1.11"))
        await this.fake.untilEditEnds();
      else
        throw new FakeOfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
    }
    if (injected?.when === "before") throw injectedError(injected, "");
    const failAt = !injected
      ? -1
      : injected.when === "afterClear"
        ? pending.map((op) => op.location).lastIndexOf("Range.clear") + 1
        : Math.floor(pending.length / 2);
    this.generation++;
    this.fake.beginRequest(req);
    try {
      for (const [i, op] of pending.entries()) {
        if (i === failAt) throw injectedError(injected!, op.location);
        try {
          op.run();
        } catch (error) {
          if (error instanceof FakeOfficeError) {
            if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.location;
            throw error;
          }
          if (error instanceof TypeError) throw error;
          throw new FakeOfficeError(
            "GeneralException",
            error instanceof Error ? error.message : String(error),
            op.location,
          );
        }
      }
    } finally {
      req.calculationSuspended = this.calcSuspended;
      this.calcSuspended = false;
      this.fake.endRequest();
    }
  }
}

function injectedError(f: InjectedFailure, location: string): FakeOfficeError {
  return new FakeOfficeError(f.code, `Injected failure: ${f.code}`, location);
}

// --- object factories --------------------------------------------------------------------------

type Sheetish = () => FakeSheet;

function workbookObj(ctx: FakeContext): Obj {
  return new Obj(ctx, "workbook", (self) => ({
    kind: "Workbook",
    nav: {
      worksheets: { make: () => worksheetsObj(ctx, `${self.path}.worksheets`) },
      names: { make: () => namesObj(ctx, `${self.path}.names`) },
      application: { make: () => applicationObj(ctx) },
      protection: {
        since: "1.7",
        make: () =>
          new Obj(ctx, `${self.path}.protection`, () => ({
            kind: "WorkbookProtection",
            since: "1.7",
            data: { protected: { get: () => ctx.fake.structureProtected } },
          })),
      },
    },
  }));
}

function applicationObj(ctx: FakeContext): Obj {
  return new Obj(ctx, "application", () => ({
    kind: "Application",
    data: { calculationMode: { get: () => ctx.fake.calculationMode } },
    methods: {
      calculate: {
        fn: (type: unknown) =>
          ctx.enqueue("Application.calculate", () => {
            if (!["Recalculate", "Full", "FullRebuild"].includes(String(type)))
              fail("InvalidArgument", `Bad calculation type ${String(type)}`);
            ctx.fake.flushEvaluation();
            ctx.fake.recalculations++;
            ctx.fake.calculated(ctx.fake.sheets);
          }),
      },
      suspendApiCalculationUntilNextSync: {
        since: "1.6",
        fn: () => {
          ctx.suspendCalculation();
          ctx.enqueue("Application.suspendApiCalculationUntilNextSync", () =>
            ctx.fake.noteCalculationSuspended(),
          );
        },
      },
      suspendScreenUpdatingUntilNextSync: { since: "1.9", fn: () => undefined },
    },
  }));
}

function runtimeObj(ctx: FakeContext): Obj {
  return new Obj(ctx, "runtime", () => ({
    kind: "Runtime",
    since: "1.5",
    data: {
      enableEvents: {
        set: true,
        since: "1.8",
        get: () => ctx.fake.enableEvents,
        put: (v) => {
          ctx.fake.enableEvents = v === true;
        },
      },
    },
  }));
}

function eventHandlersObj(ctx: FakeContext, path: string, target: () => Set<Handler>, since: string): Obj {
  return new Obj(ctx, path, () => ({
    kind: "EventHandlers",
    since,
    methods: {
      add: {
        fn: (handler: Handler) => {
          ctx.enqueue("EventHandlers.add", () => target().add(handler));
          return {
            context: ctx.api,
            remove: () => {
              ctx.record("call", path, "remove", []);
              ctx.enqueue("EventHandlerResult.remove", () => target().delete(handler));
            },
          };
        },
      },
      remove: {
        fn: (handler: Handler) => ctx.enqueue("EventHandlers.remove", () => target().delete(handler)),
      },
    },
  }));
}

function worksheetsObj(ctx: FakeContext, path: string): Obj {
  const fake = ctx.fake;
  return new Obj(ctx, path, () => ({
    kind: "WorksheetCollection",
    items: () =>
      fake.sheets.map((s) => worksheetObj(ctx, `${path}.getItem(${JSON.stringify(s.name)})`, () => s)),
    nav: {
      onChanged: {
        since: "1.9",
        make: () => eventHandlersObj(ctx, `${path}.onChanged`, () => fake.collectionHandlers, "1.9"),
      },
      onCalculated: {
        since: "1.8",
        make: () => eventHandlersObj(ctx, `${path}.onCalculated`, () => fake.calculatedHandlers, "1.8"),
      },
      onActivated: {
        since: "1.7",
        make: () => eventHandlersObj(ctx, `${path}.onActivated`, () => fake.activatedHandlers, "1.7"),
      },
    },
    methods: {
      add: {
        fn: (name?: string) => {
          let bound: FakeSheet | undefined;
          const ws = worksheetObj(
            ctx,
            `${path}.add(${JSON.stringify(name)})`,
            () => bound ?? fail("ItemNotFound", "Not added yet"),
          );
          ctx.enqueue("WorksheetCollection.add", () => {
            let n = name;
            for (let i = fake.sheets.length + 1; !n; i++) if (!fake.findSheet(`Ark${i}`)) n = `Ark${i}`;
            fake.requireStructure();
            bound = fake.addSheet(n);
          });
          return ws.proxy;
        },
      },
      getItem: {
        fn: (key: string) =>
          worksheetObj(ctx, `${path}.getItem(${JSON.stringify(key)})`, byKey(ctx, key)).proxy,
      },
      getItemOrNullObject: {
        since: "1.4",
        fn: (key: string) => {
          const ws = worksheetObj(
            ctx,
            `${path}.getItemOrNullObject(${JSON.stringify(key)})`,
            byKey(ctx, key),
            () => !fake.findSheet(key),
          );
          ctx.enqueue("WorksheetCollection.getItemOrNullObject", () =>
            ws.loaded.set("isNullObject", !fake.findSheet(key)),
          );
          return ws.proxy;
        },
      },
      getActiveWorksheet: {
        fn: () =>
          worksheetObj(
            ctx,
            `${path}.getActiveWorksheet()`,
            () => fake.active ?? fail("ItemNotFound", "No active sheet"),
          ).proxy,
      },
    },
  }));
}

/** Re-resolved in each request, like an object path; stays on the same sheet within one. */
function byKey(ctx: FakeContext, key: string): Sheetish {
  let cache: { gen: number; sheet: FakeSheet } | undefined;
  return () => {
    if (cache && cache.gen === ctx.generation) return cache.sheet;
    const sheet =
      ctx.fake.findSheet(key) ??
      fail("ItemNotFound", `The requested resource doesn't exist (sheet "${key}").`);
    cache = { gen: ctx.generation, sheet };
    return sheet;
  };
}

function worksheetObj(ctx: FakeContext, path: string, sheet: Sheetish, isNull?: () => boolean): Obj {
  const fake = ctx.fake;
  return new Obj(ctx, path, (self) => ({
    kind: "Worksheet",
    isNull,
    data: {
      name: { set: true, get: () => sheet().name, put: (v) => fake.renameSheet(sheet(), String(v)) },
      id: { get: () => sheet().id },
      position: {
        set: true,
        get: () => fake.sheets.indexOf(sheet()),
        put: (v) => fake.setPosition(sheet(), v as number),
      },
      visibility: {
        set: true,
        get: () => sheet().visibility,
        put: (v) => fake.setVisibility(sheet(), String(v)),
      },
      tabColor: {
        set: true,
        since: "1.7",
        get: () => sheet().tabColor ?? "",
        put: (v) => {
          sheet().tabColor = String(v).toUpperCase();
        },
      },
    },
    nav: {
      protection: { since: "1.2", make: () => protectionObj(ctx, `${path}.protection`, sheet) },
      freezePanes: { since: "1.7", make: () => freezePanesObj(ctx, `${path}.freezePanes`, sheet) },
      pageLayout: { since: "1.9", make: () => pageLayoutObj(ctx, `${path}.pageLayout`, sheet) },
      charts: { make: () => chartsObj(ctx, `${path}.charts`, sheet) },
      onChanged: {
        since: "1.7",
        make: () => eventHandlersObj(ctx, `${path}.onChanged`, () => sheet().handlers, "1.7"),
      },
    },
    methods: {
      getRange: {
        fn: (address?: string) =>
          rangeObj(ctx, `${self.path}.getRange(${JSON.stringify(address ?? "")})`, () => ({
            sheet: sheet(),
            box: address ? parseBox(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 },
          })).proxy,
      },
      getRanges: {
        since: "1.9",
        fn: (address: string) =>
          rangeAreasObj(ctx, `${self.path}.getRanges(${JSON.stringify(address)})`, () => ({
            sheet: sheet(),
            boxes: address.split(",").map((a) => parseBox(a)),
          })).proxy,
      },
      getUsedRange: {
        fn: (valuesOnly?: boolean) =>
          rangeObj(ctx, `${self.path}.getUsedRange()`, () => ({
            sheet: sheet(),
            box: fake.usedBox(sheet(), valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
          })).proxy,
      },
      getUsedRangeOrNullObject: {
        since: "1.4",
        fn: (valuesOnly?: boolean) =>
          usedRangeOrNull(ctx, `${self.path}.getUsedRangeOrNullObject()`, sheet, valuesOnly === true),
      },
      activate: {
        fn: () =>
          ctx.enqueue("Worksheet.activate", () => {
            const s = sheet();
            if (s.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet cannot be activated.");
            fake.active = s;
          }),
      },
      delete: { fn: () => ctx.enqueue("Worksheet.delete", () => fake.deleteSheet(sheet())) },
    },
  }));
}

function usedRangeOrNull(
  ctx: FakeContext,
  path: string,
  sheet: Sheetish,
  valuesOnly: boolean,
  within?: () => Box,
): object {
  let cache: { gen: number; box: Box | null } | undefined;
  const box = () => {
    if (!cache || cache.gen !== ctx.generation) {
      ctx.fake.flushEvaluation();
      cache = { gen: ctx.generation, box: ctx.fake.usedBox(sheet(), valuesOnly, within?.()) };
    }
    return cache.box;
  };
  const r = rangeObj(
    ctx,
    path,
    () => ({ sheet: sheet(), box: box() ?? fail("ItemNotFound", "Null range") }),
    () => box() === null,
  );
  ctx.enqueue("Range.getUsedRangeOrNullObject", () => r.loaded.set("isNullObject", box() === null));
  return r.proxy;
}

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

/** The cells behind each Range object, for methods that take a range (copyFrom). */
const RANGE_TARGET = new WeakMap<Obj, () => RangeTarget>();

function rangeObj(ctx: FakeContext, path: string, target: () => RangeTarget, isNull?: () => boolean): Obj {
  const fake = ctx.fake;
  const grid = (cell: (s: FakeSheet, r: number, c: number) => unknown) => () => {
    const { sheet, box } = target();
    fake.flushEvaluation();
    const out: unknown[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const line: unknown[] = [];
      for (let c = box.c0; c <= box.c1; c++) line.push(cell(sheet, r, c));
      out.push(line);
    }
    return out;
  };
  const range = new Obj(ctx, path, (self) => ({
    kind: "Range",
    isNull,
    data: {
      address: { get: () => `${quoteSheet(target().sheet.name)}!${boxAddress(target().box)}` },
      rowIndex: { get: () => target().box.r0 },
      columnIndex: { get: () => target().box.c0 },
      rowCount: { get: () => target().box.r1 - target().box.r0 + 1 },
      columnCount: { get: () => target().box.c1 - target().box.c0 + 1 },
      values: {
        set: true,
        get: () => {
          const name = target().sheet.name;
          if (fake.nullValues.delete(name)) return null;
          return grid((s, r, c) => fake.cellValue(s, r, c))();
        },
        put: (v) => fake.writeContents(target().sheet, target().box, v as unknown[][]),
      },
      formulas: {
        set: true,
        get: grid((s, r, c) => fake.cellFormula(s, r, c)),
        put: (v) => fake.writeContents(target().sheet, target().box, v as unknown[][]),
      },
      numberFormat: {
        set: true,
        get: grid((s, r, c) => s.formats.get(`${r},${c}`)?.numberFormat ?? "General"),
        put: (v) => {
          const { sheet, box } = target();
          fake.requireUnprotected(sheet, "numberFormat", "allowFormatCells");
          const rows = box.r1 - box.r0 + 1;
          const cols = box.c1 - box.c0 + 1;
          const m = v as unknown[][];
          if (!Array.isArray(m) || m.length !== rows || m.some((line) => line.length !== cols)) {
            fail("InvalidArgument", "numberFormat must match the range's size");
          }
          for (let r = 0; r < rows; r++)
            for (let c = 0; c < cols; c++) setFormat(sheet, box.r0 + r, box.c0 + c, "numberFormat", m[r]![c]);
        },
      },
    },
    nav: {
      format: { make: () => formatObj(ctx, `${self.path}.format`, () => [target()]) },
      dataValidation: {
        since: "1.8",
        make: () =>
          dataValidationObj(ctx, `${self.path}.dataValidation`, () => ({
            sheet: target().sheet,
            boxes: [target().box],
          })),
      },
      conditionalFormats: {
        since: "1.6",
        make: () =>
          cfCollectionObj(ctx, `${self.path}.conditionalFormats`, () => ({
            sheet: target().sheet,
            boxes: [target().box],
          })),
      },
    },
    methods: {
      merge: {
        since: "1.2",
        fn: () =>
          ctx.enqueue("Range.merge", () => {
            const { sheet, box } = target();
            fake.requireUnprotected(sheet, "merge");
            sheet.merges.push(box);
          }),
      },
      unmerge: {
        since: "1.2",
        fn: () =>
          ctx.enqueue("Range.unmerge", () => {
            const { sheet, box } = target();
            fake.requireUnprotected(sheet, "unmerge");
            sheet.merges = sheet.merges.filter((m) => !intersects(m, box));
          }),
      },
      clear: {
        fn: (applyTo?: string) =>
          ctx.enqueue("Range.clear", () => {
            const { sheet, box } = target();
            fake.requireUnprotected(sheet, "clear");
            const what = applyTo ?? "All";
            if (what === "All" || what === "Contents") fake.clearContents(sheet, box);
            if (what === "All" || what === "Formats") {
              for (const key of [...sheet.formats.keys()]) {
                const [r, c] = key.split(",").map(Number) as [number, number];
                if (contains(box, r, c)) sheet.formats.delete(key);
              }
              // Clearing formats takes conditional formats with it, as in Excel.
              sheet.conditionalFormats = sheet.conditionalFormats.filter(
                (cf) => !cf.boxes.some((b) => intersects(b, box)),
              );
            }
          }),
      },
      select: {
        fn: () =>
          ctx.enqueue("Range.select", () => {
            const { sheet, box } = target();
            if (sheet.visibility !== "Visible") fail("InvalidOperation", "Cannot select on a hidden sheet.");
            fake.active = sheet;
            fake.selection = { sheet: sheet.name, address: boxAddress(box) };
          }),
      },
      copyFrom: {
        since: "1.9",
        fn: (source: unknown, copyType?: string, skipBlanks?: boolean, transpose?: boolean) =>
          ctx.enqueue("Range.copyFrom", () => {
            if ((copyType ?? "All") !== "All" || skipBlanks || transpose)
              fail("InvalidArgument", 'Fake Excel models only copyFrom(range, "All")');
            const from = RANGE_TARGET.get(objOf(source)!);
            if (!from) fail("InvalidArgument", "Fake Excel: pass copyFrom a Range object");
            fake.copyAll(from!(), target());
          }),
      },
      setColumnProperties: {
        since: "1.9",
        // Only what the add-in sets: each column's width (other properties are not modelled).
        fn: (list: unknown) =>
          ctx.enqueue("Range.setColumnProperties", () => {
            const { sheet, box } = target();
            fake.requireUnprotected(sheet, "setColumnProperties", "allowFormatColumns");
            const cols = box.c1 - box.c0 + 1;
            const l = list as { format?: Record<string, unknown>; columnHidden?: unknown }[];
            if (!Array.isArray(l) || l.length !== cols)
              fail("InvalidArgument", "setColumnProperties needs one entry per column");
            l.forEach((p, i) => {
              const { columnWidth, ...rest } = p.format ?? {};
              if (Object.keys(rest).length > 0 || p.columnHidden !== undefined)
                fail("InvalidArgument", "Fake Excel models only format.columnWidth in setColumnProperties");
              if (columnWidth === undefined) return;
              if (typeof columnWidth !== "number" || columnWidth < 0)
                fail("InvalidArgument", "columnWidth must be a number of points");
              sheet.columnWidths.set(box.c0 + i, columnWidth as number);
            });
          }),
      },
      setCellProperties: {
        since: "1.9",
        fn: (matrix: unknown) =>
          ctx.enqueue("Range.setCellProperties", () => {
            const { sheet, box } = target();
            fake.requireUnprotected(sheet, "setCellProperties", "allowFormatCells");
            const m = matrix as { format?: Record<string, unknown> }[][];
            const rows = box.r1 - box.r0 + 1;
            const cols = box.c1 - box.c0 + 1;
            if (!Array.isArray(m) || m.length !== rows || m.some((line) => line.length !== cols)) {
              fail("InvalidArgument", "setCellProperties needs one entry per cell");
            }
            for (let r = 0; r < rows; r++) {
              for (let c = 0; c < cols; c++) {
                const f = m[r]![c]!.format ?? {};
                applyCellProperties(sheet, box.r0 + r, box.c0 + c, f);
              }
            }
          }),
      },
      getUsedRangeOrNullObject: {
        since: "1.4",
        fn: (valuesOnly?: boolean) =>
          usedRangeOrNull(
            ctx,
            `${self.path}.getUsedRangeOrNullObject()`,
            () => target().sheet,
            valuesOnly === true,
            () => target().box,
          ),
      },
      getCell: {
        fn: (row: number, col: number) =>
          rangeObj(ctx, `${self.path}.getCell(${row},${col})`, () => {
            const t = target();
            const r = t.box.r0 + row;
            const c = t.box.c0 + col;
            return { sheet: t.sheet, box: { r0: r, c0: c, r1: r, c1: c } };
          }).proxy,
      },
    },
  }));
  RANGE_TARGET.set(range, target);
  return range;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rangeAreasObj(
  ctx: FakeContext,
  path: string,
  target: () => { sheet: FakeSheet; boxes: Box[] },
): Obj {
  return new Obj(ctx, path, (self) => ({
    kind: "RangeAreas",
    since: "1.9",
    data: { address: { get: () => target().boxes.map(boxAddress).join(",") } },
    nav: {
      format: {
        make: () =>
          formatObj(ctx, `${self.path}.format`, () =>
            target().boxes.map((box) => ({ sheet: target().sheet, box })),
          ),
      },
      dataValidation: { make: () => dataValidationObj(ctx, `${self.path}.dataValidation`, target) },
      conditionalFormats: { make: () => cfCollectionObj(ctx, `${self.path}.conditionalFormats`, target) },
    },
  }));
}

function setFormat(sheet: FakeSheet, r: number, c: number, key: string, value: unknown): void {
  const k = `${r},${c}`;
  let f = sheet.formats.get(k);
  if (!f) sheet.formats.set(k, (f = {}));
  f[key] = typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : value;
}

function applyCellProperties(sheet: FakeSheet, r: number, c: number, f: Record<string, unknown>): void {
  const nested = (prefix: string, o: unknown) => {
    if (!o || typeof o !== "object") return;
    for (const [k, v] of Object.entries(o)) setFormat(sheet, r, c, `${prefix}.${k}`, v);
  };
  for (const [k, v] of Object.entries(f)) {
    if (k === "font" || k === "fill" || k === "protection") nested(k, v);
    else if (k === "borders") {
      for (const [side, b] of Object.entries(v as Record<string, { style?: string; color?: string }>)) {
        if (b.style) setFormat(sheet, r, c, `border.${side}`, b.style);
        if (b.color) setFormat(sheet, r, c, `border.${side}.color`, b.color);
      }
    } else setFormat(sheet, r, c, k, v);
  }
}

/** Format properties write to every cell of every target box (columnWidth to columns). */
function formatObj(ctx: FakeContext, path: string, targets: () => RangeTarget[], prefix = ""): Obj {
  const fake = ctx.fake;
  const each =
    (key: string, allowedBy = "allowFormatCells") =>
    (v: unknown) => {
      for (const { sheet, box } of targets()) {
        fake.requireUnprotected(sheet, key, allowedBy);
        if (boxCells(box) > 5_000_000) fail("InvalidArgument", "Fake Excel: format on a huge range");
        for (let r = box.r0; r <= box.r1; r++)
          for (let c = box.c0; c <= box.c1; c++) setFormat(sheet, r, c, key, v);
      }
    };
  const topLeft = (key: string) => () => {
    const t = targets()[0]!;
    return t.sheet.formats.get(`${t.box.r0},${t.box.c0}`)?.[key] ?? null;
  };
  const prop = (name: string, since?: string): DataSpec => ({
    set: true,
    since,
    get: topLeft(prefix + name),
    put: each(prefix + name),
  });
  if (prefix === "") {
    return new Obj(ctx, path, (self) => ({
      kind: "RangeFormat",
      data: {
        wrapText: prop("wrapText"),
        horizontalAlignment: prop("horizontalAlignment"),
        verticalAlignment: prop("verticalAlignment"),
        columnWidth: {
          set: true,
          get: () => {
            const t = targets()[0]!;
            return t.sheet.columnWidths.get(t.box.c0) ?? 48;
          },
          put: (v) => {
            for (const { sheet, box } of targets()) {
              fake.requireUnprotected(sheet, "columnWidth", "allowFormatColumns");
              if (typeof v !== "number" || v < 0)
                fail("InvalidArgument", "columnWidth must be a number of points");
              for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, v as number);
            }
          },
        },
        rowHeight: { set: true, get: () => 15, put: () => undefined },
      },
      nav: {
        fill: { make: () => formatObj(ctx, `${self.path}.fill`, targets, "fill.") },
        font: { make: () => formatObj(ctx, `${self.path}.font`, targets, "font.") },
        protection: {
          since: "1.2",
          make: () => formatObj(ctx, `${self.path}.protection`, targets, "protection."),
        },
        borders: { make: () => bordersObj(ctx, `${self.path}.borders`, targets) },
      },
      methods: {
        autofitColumns: { since: "1.2", fn: () => undefined },
        autofitRows: { since: "1.2", fn: () => undefined },
      },
    }));
  }
  if (prefix === "fill.") {
    return new Obj(ctx, path, () => ({
      kind: "RangeFill",
      data: { color: prop("color") },
      methods: { clear: { fn: () => ctx.enqueue("RangeFill.clear", () => each("fill.color")(undefined)) } },
    }));
  }
  if (prefix === "font.") {
    return new Obj(ctx, path, () => ({
      kind: "RangeFont",
      data: {
        bold: prop("bold"),
        italic: prop("italic"),
        size: prop("size"),
        color: prop("color"),
        name: prop("name"),
        underline: prop("underline"),
      },
    }));
  }
  return new Obj(ctx, path, () => ({
    kind: "FormatProtection",
    since: "1.2",
    data: { locked: prop("locked"), formulaHidden: prop("formulaHidden") },
  }));
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
  "DiagonalDown",
  "DiagonalUp",
];

function bordersObj(ctx: FakeContext, path: string, targets: () => RangeTarget[]): Obj {
  const fake = ctx.fake;
  return new Obj(ctx, path, () => ({
    kind: "RangeBorderCollection",
    methods: {
      getItem: {
        fn: (index: string) => {
          const sides = (box: Box, r: number, c: number): string[] => {
            switch (index) {
              case "EdgeTop":
                return r === box.r0 ? ["top"] : [];
              case "EdgeBottom":
                return r === box.r1 ? ["bottom"] : [];
              case "EdgeLeft":
                return c === box.c0 ? ["left"] : [];
              case "EdgeRight":
                return c === box.c1 ? ["right"] : [];
              case "InsideHorizontal":
                return [...(r > box.r0 ? ["top"] : []), ...(r < box.r1 ? ["bottom"] : [])];
              case "InsideVertical":
                return [...(c > box.c0 ? ["left"] : []), ...(c < box.c1 ? ["right"] : [])];
              default:
                return [];
            }
          };
          const put = (suffix: string) => (v: unknown) => {
            if (!EDGES.includes(index)) fail("InvalidArgument", `Bad border index ${index}`);
            for (const { sheet, box } of targets()) {
              fake.requireUnprotected(sheet, "borders", "allowFormatCells");
              for (let r = box.r0; r <= box.r1; r++) {
                for (let c = box.c0; c <= box.c1; c++)
                  for (const side of sides(box, r, c)) setFormat(sheet, r, c, `border.${side}${suffix}`, v);
              }
            }
          };
          return new Obj(ctx, `${path}.getItem(${JSON.stringify(index)})`, () => ({
            kind: "RangeBorder",
            data: {
              style: { set: true, put: put("") },
              color: { set: true, put: put(".color") },
              weight: { set: true, put: put(".weight") },
            },
          })).proxy;
        },
      },
    },
  }));
}

function promptsDiffer({ sheet, boxes }: { sheet: FakeSheet; boxes: Box[] }): boolean {
  const seen = new Set<string>();
  for (const box of boxes)
    for (let r = box.r0; r <= box.r1; r++)
      for (let c = box.c0; c <= box.c1; c++)
        seen.add(JSON.stringify(sheet.validations.get(`${r},${c}`)?.prompt ?? null));
  return seen.size > 1;
}

function dataValidationObj(
  ctx: FakeContext,
  path: string,
  target: () => { sheet: FakeSheet; boxes: Box[] },
): Obj {
  const fake = ctx.fake;
  const update = (change: (v: ValidationRecord) => ValidationRecord) => {
    const { sheet, boxes } = target();
    fake.requireUnprotected(sheet, "dataValidation");
    for (const box of boxes) {
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          const k = `${r},${c}`;
          sheet.validations.set(k, change(sheet.validations.get(k) ?? { ignoreBlanks: true }));
        }
      }
    }
  };
  // Read back as Excel does: the range's value where all its cells agree, null where they differ.
  const read = (field: "rule" | "prompt" | "errorAlert") => () => {
    const { sheet, boxes } = target();
    const seen = new Set<string>();
    let value: unknown = null;
    for (const box of boxes)
      for (let r = box.r0; r <= box.r1; r++)
        for (let c = box.c0; c <= box.c1; c++) {
          value = sheet.validations.get(`${r},${c}`)?.[field] ?? null;
          seen.add(JSON.stringify(value));
        }
    return seen.size === 1 ? value : null;
  };
  return new Obj(ctx, path, () => ({
    kind: "DataValidation",
    since: "1.8",
    data: {
      rule: {
        set: true,
        get: read("rule"),
        put: (v) => {
          const rule = v as Record<string, unknown>;
          const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined);
          if (kinds.length !== 1) fail("InvalidArgument", "A data validation rule has exactly one kind");
          const list = rule.list as { source?: unknown } | undefined;
          if (list) {
            const src = objOf(list.source);
            if (src) fail("InvalidArgument", "Fake Excel: pass the list source as a formula string");
            if (typeof list.source !== "string" || list.source === "")
              fail("InvalidArgument", "A list needs a source");
          }
          const basic = (rule.decimal ?? rule.wholeNumber) as
            { operator?: unknown; formula1?: unknown } | undefined;
          if (basic && (basic.operator === undefined || basic.formula1 === undefined))
            fail("InvalidArgument", "operator and formula1 are required");
          // Excel on the web refuses a rule over cells whose prompts differ (office-js #2594).
          if (fake.options.platform === "OfficeOnline" && promptsDiffer(target()))
            fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          update((old) => ({ ...old, rule }));
        },
      },
      prompt: {
        set: true,
        get: read("prompt"),
        put: (v) => {
          const p = v as { title?: string; message?: string };
          if ((p.title?.length ?? 0) > 32 || (p.message?.length ?? 0) > 255)
            fail("InvalidArgument", "Prompt text too long");
          update((old) => ({ ...old, prompt: { ...(v as object) } }));
        },
      },
      errorAlert: {
        set: true,
        get: read("errorAlert"),
        put: (v) => {
          const p = v as { title?: string; message?: string };
          if ((p.title?.length ?? 0) > 32 || (p.message?.length ?? 0) > 225)
            fail("InvalidArgument", "Error alert text too long");
          update((old) => ({ ...old, errorAlert: { ...(v as object) } }));
        },
      },
      ignoreBlanks: { set: true, put: (v) => update((old) => ({ ...old, ignoreBlanks: v === true })) },
    },
    methods: {
      clear: {
        fn: () =>
          ctx.enqueue("DataValidation.clear", () => {
            const { sheet, boxes } = target();
            fake.requireUnprotected(sheet, "dataValidation.clear");
            for (const key of [...sheet.validations.keys()]) {
              const [r, c] = key.split(",").map(Number) as [number, number];
              if (boxes.some((b) => contains(b, r, c))) sheet.validations.delete(key);
            }
          }),
      },
    },
  }));
}

function cfCollectionObj(
  ctx: FakeContext,
  path: string,
  target: () => { sheet: FakeSheet; boxes: Box[] },
): Obj {
  const fake = ctx.fake;
  return new Obj(ctx, path, () => ({
    kind: "ConditionalFormatCollection",
    since: "1.6",
    methods: {
      getCount: {
        // A ClientResult: its value is there after the sync.
        fn: () => {
          const result: { value?: number } = {};
          ctx.enqueue("ConditionalFormatCollection.getCount", () => {
            const { sheet, boxes } = target();
            result.value = sheet.conditionalFormats.filter((cf) =>
              cf.boxes.some((b) => boxes.some((x) => intersects(b, x))),
            ).length;
          });
          return result;
        },
      },
      add: {
        fn: (type: string) => {
          let rec: ConditionalFormatRecord | undefined;
          const get = () => rec ?? fail("ItemNotFound", "Conditional format not added yet");
          ctx.enqueue("ConditionalFormatCollection.add", () => {
            const { sheet, boxes } = target();
            fake.requireUnprotected(sheet, "conditionalFormats.add");
            if (
              ![
                "Custom",
                "DataBar",
                "ColorScale",
                "IconSet",
                "TopBottom",
                "PresetCriteria",
                "ContainsText",
                "CellValue",
              ].includes(type)
            ) {
              fail("InvalidArgument", `Bad conditional format type ${type}`);
            }
            rec = { id: fake.newCfId(), boxes, type };
            sheet.conditionalFormats.push(rec);
          });
          return cfObj(ctx, `${path}.add(${JSON.stringify(type)})`, get).proxy;
        },
      },
      clearAll: {
        fn: () =>
          ctx.enqueue("ConditionalFormatCollection.clearAll", () => {
            const { sheet, boxes } = target();
            fake.requireUnprotected(sheet, "conditionalFormats.clearAll");
            sheet.conditionalFormats = sheet.conditionalFormats.filter(
              (cf) => !cf.boxes.some((b) => boxes.some((x) => intersects(b, x))),
            );
          }),
      },
    },
  }));
}

function cfObj(ctx: FakeContext, path: string, rec: () => ConditionalFormatRecord): Obj {
  const setter = (key: keyof ConditionalFormatRecord, type?: string): DataSpec => ({
    set: true,
    get: () => rec()[key],
    put: (v) => {
      const r = rec();
      if (type && r.type !== type) fail("InvalidOperation", `Not a ${type} conditional format`);
      (r as unknown as Record<string, unknown>)[key] =
        typeof v === "string" && v.startsWith("#") ? v.toUpperCase() : v;
    },
  });
  const leaf = (p: string, kind: string, data: Record<string, DataSpec>) =>
    new Obj(ctx, p, () => ({ kind, data }));
  return new Obj(ctx, path, (self) => ({
    kind: "ConditionalFormat",
    data: {
      type: { get: () => rec().type },
      priority: { set: true, put: () => undefined },
      stopIfTrue: { set: true, put: () => undefined },
    },
    nav: {
      custom: {
        make: () =>
          new Obj(ctx, `${self.path}.custom`, (c) => ({
            kind: "CustomConditionalFormat",
            nav: {
              rule: {
                make: () =>
                  leaf(`${c.path}.rule`, "ConditionalFormatRule", { formula: setter("formula", "Custom") }),
              },
              format: {
                make: () =>
                  new Obj(ctx, `${c.path}.format`, (f) => ({
                    kind: "ConditionalRangeFormat",
                    nav: {
                      fill: {
                        make: () =>
                          leaf(`${f.path}.fill`, "ConditionalRangeFill", { color: setter("fill", "Custom") }),
                      },
                      font: {
                        make: () =>
                          leaf(`${f.path}.font`, "ConditionalRangeFont", {
                            color: setter("fontColor", "Custom"),
                          }),
                      },
                    },
                  })),
              },
            },
          })),
      },
      dataBar: {
        make: () =>
          new Obj(ctx, `${self.path}.dataBar`, (d) => ({
            kind: "DataBarConditionalFormat",
            data: {
              lowerBoundRule: setter("lowerBoundRule", "DataBar"),
              upperBoundRule: { set: true, put: () => undefined },
              barDirection: { set: true, put: () => undefined },
            },
            nav: {
              positiveFormat: {
                make: () =>
                  leaf(`${d.path}.positiveFormat`, "ConditionalDataBarPositiveFormat", {
                    fillColor: setter("barColor", "DataBar"),
                    gradientFill: setter("gradientFill", "DataBar"),
                  }),
              },
            },
          })),
      },
    },
  }));
}

function protectionObj(ctx: FakeContext, path: string, sheet: Sheetish): Obj {
  return new Obj(ctx, path, () => ({
    kind: "WorksheetProtection",
    since: "1.2",
    data: {
      protected: { get: () => sheet().protected },
      options: { get: () => ({ ...(sheet().protectionOptions ?? {}) }) },
    },
    methods: {
      protect: {
        fn: (options?: Record<string, unknown>, password?: string) =>
          ctx.enqueue("WorksheetProtection.protect", () => {
            const s = sheet();
            if (password !== undefined && !versionAtLeast(ctx.fake.apiVersion, "1.7"))
              fail("ApiNotFound", "password needs 1.7");
            if (s.protected) fail("InvalidOperation", "The sheet is already protected.");
            if (options && Object.values(options).some((v) => v === null))
              fail("InvalidArgument", "Protection options may not be null.");
            s.protected = true;
            s.protectionOptions = { ...(options ?? {}) };
            s.password = password;
          }),
      },
      unprotect: {
        fn: (password?: string) =>
          ctx.enqueue("WorksheetProtection.unprotect", () => {
            const s = sheet();
            if (s.password !== undefined && s.password !== password)
              fail("AccessDenied", "Wrong or missing password.");
            s.protected = false;
            s.protectionOptions = null;
            s.password = undefined;
          }),
      },
    },
  }));
}

function freezePanesObj(ctx: FakeContext, path: string, sheet: Sheetish): Obj {
  const set = (rows: number, columns: number) => () => {
    sheet().freeze = rows > 0 || columns > 0 ? { rows, columns } : null;
  };
  return new Obj(ctx, path, () => ({
    kind: "WorksheetFreezePanes",
    since: "1.7",
    methods: {
      freezeRows: { fn: (n?: number) => ctx.enqueue("WorksheetFreezePanes.freezeRows", set(n ?? 1, 0)) },
      freezeColumns: {
        fn: (n?: number) => ctx.enqueue("WorksheetFreezePanes.freezeColumns", set(0, n ?? 1)),
      },
      freezeAt: {
        fn: (range: unknown) =>
          ctx.enqueue("WorksheetFreezePanes.freezeAt", () => {
            const address =
              typeof range === "string"
                ? range
                : String((objOf(range)?.loaded.get("address") as string) ?? "");
            const box = parseBox(splitSheet(address).address);
            if (box.r0 !== 0 || box.c0 !== 0) fail("InvalidArgument", "freezeAt takes the top-left block");
            set(box.r1 + 1, box.c1 + 1)();
          }),
      },
      unfreeze: { fn: () => ctx.enqueue("WorksheetFreezePanes.unfreeze", set(0, 0)) },
    },
  }));
}

function pageLayoutObj(ctx: FakeContext, path: string, sheet: Sheetish): Obj {
  const header = (key: string): DataSpec => ({
    set: true,
    get: () => sheet().pageLayout.headers[key] ?? "",
    put: (v) => {
      sheet().pageLayout.headers[key] = String(v);
    },
  });
  return new Obj(ctx, path, (self) => ({
    kind: "PageLayout",
    since: "1.9",
    data: {
      orientation: {
        set: true,
        get: () => sheet().pageLayout.orientation ?? "Portrait",
        put: (v) => {
          if (v !== "Landscape" && v !== "Portrait") fail("InvalidArgument", "Bad orientation");
          sheet().pageLayout.orientation = v as string;
        },
      },
      ...Object.fromEntries(
        ["left", "right", "top", "bottom", "header", "footer"].map((side): [string, DataSpec] => [
          `${side}Margin`,
          {
            set: true,
            get: () => sheet().pageLayout.margins[side] ?? 0,
            put: (v) => {
              if (typeof v !== "number" || v < 0) fail("InvalidArgument", `Bad ${side} margin`);
              sheet().pageLayout.margins[side] = v as number;
            },
          },
        ]),
      ),
      zoom: {
        set: true,
        get: () => sheet().pageLayout.zoom ?? { scale: 100 },
        put: (v) => {
          const z = v as Record<string, unknown>;
          for (const k of Object.keys(z)) {
            if (
              !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k) ||
              (typeof z[k] !== "number" && z[k] !== null)
            ) {
              fail("InvalidArgument", `Bad zoom option ${k}`);
            }
          }
          sheet().pageLayout.zoom = { ...z };
        },
      },
    },
    nav: {
      headersFooters: {
        make: () =>
          new Obj(ctx, `${self.path}.headersFooters`, (g) => ({
            kind: "HeaderFooterGroup",
            nav: {
              defaultForAllPages: {
                make: () =>
                  new Obj(ctx, `${g.path}.defaultForAllPages`, () => ({
                    kind: "HeaderFooter",
                    data: {
                      leftHeader: header("leftHeader"),
                      centerHeader: header("centerHeader"),
                      rightHeader: header("rightHeader"),
                      leftFooter: header("leftFooter"),
                      centerFooter: header("centerFooter"),
                      rightFooter: header("rightFooter"),
                    },
                  })),
              },
            },
          })),
      },
    },
    methods: {
      setPrintArea: {
        fn: (area: unknown) =>
          ctx.enqueue("PageLayout.setPrintArea", () => {
            if (typeof area !== "string" || !/^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/.test(area))
              fail("InvalidArgument", "Print area must be like A1:N40");
            sheet().pageLayout.printArea = area as string;
          }),
      },
      setPrintTitleRows: {
        fn: (rows: unknown) =>
          ctx.enqueue("PageLayout.setPrintTitleRows", () => {
            if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows))
              fail("InvalidArgument", "Print title rows must be like $7:$7");
            sheet().pageLayout.printTitleRows = rows as string;
          }),
      },
    },
  }));
}

function chartsObj(ctx: FakeContext, path: string, sheet: Sheetish): Obj {
  const fake = ctx.fake;
  const chartObj = (p: string, rec: () => ChartRecord) =>
    new Obj(ctx, p, (self) => ({
      kind: "Chart",
      data: {
        name: {
          set: true,
          get: () => rec().name,
          put: (v) => {
            rec().name = String(v);
          },
        },
        chartType: { get: () => rec().type },
      },
      nav: {
        title: {
          make: () =>
            new Obj(ctx, `${self.path}.title`, () => ({
              kind: "ChartTitle",
              data: {
                text: {
                  set: true,
                  get: () => rec().title,
                  put: (v) => {
                    rec().title = String(v);
                  },
                },
              },
            })),
        },
        series: {
          make: () =>
            new Obj(ctx, `${self.path}.series`, (sc) => ({
              kind: "ChartSeriesCollection",
              data: { count: { get: () => rec().seriesCount } },
              methods: {
                getItemAt: {
                  fn: (i: number) =>
                    new Obj(ctx, `${sc.path}.getItemAt(${i})`, (se) => ({
                      kind: "ChartSeries",
                      nav: {
                        format: {
                          make: () =>
                            new Obj(ctx, `${se.path}.format`, (sf) => ({
                              kind: "ChartSeriesFormat",
                              nav: {
                                fill: {
                                  make: () =>
                                    new Obj(ctx, `${sf.path}.fill`, () => ({
                                      kind: "ChartFill",
                                      methods: {
                                        setSolidColor: {
                                          fn: (color: string) =>
                                            ctx.enqueue("ChartFill.setSolidColor", () => {
                                              const r = rec();
                                              if (i < 0 || i >= r.seriesCount)
                                                fail("ItemNotFound", `No series ${i}`);
                                              r.seriesColors[i] = color.toUpperCase();
                                            }),
                                        },
                                      },
                                    })),
                                },
                              },
                            })),
                        },
                      },
                    })).proxy,
                },
              },
            })),
        },
      },
      methods: {
        setPosition: {
          fn: (start: unknown, end?: unknown) =>
            ctx.enqueue("Chart.setPosition", () => {
              if (typeof start !== "string") fail("InvalidArgument", "Fake Excel: pass addresses");
              parseBox(start as string);
              if (end !== undefined) parseBox(end as string);
              rec().position = [start as string, (end as string) ?? (start as string)];
            }),
        },
        delete: {
          fn: () =>
            ctx.enqueue("Chart.delete", () => {
              const s = sheet();
              s.charts = s.charts.filter((c) => c !== rec());
            }),
        },
      },
    }));
  return new Obj(ctx, path, () => ({
    kind: "ChartCollection",
    items: () => sheet().charts.map((c, i) => chartObj(`${path}.getItemAt(${i})`, () => c)),
    methods: {
      add: {
        fn: (type: string, source: unknown, seriesBy?: string) => {
          let rec: ChartRecord | undefined;
          ctx.enqueue("ChartCollection.add", () => {
            const s = sheet();
            fake.requireUnprotected(s, "charts.add", "allowEditObjects");
            const real = objOf(source);
            let box: Box;
            if (real) box = parseBox(splitSheet(String(real.s.data!.address!.get!())).address);
            else if (typeof source === "string") box = parseBox(source);
            else return fail("InvalidArgument", "Bad chart source");
            const rows = box.r1 - box.r0 + 1;
            const cols = box.c1 - box.c0 + 1;
            const seriesCount = (seriesBy ?? "Auto") === "Rows" ? rows - 1 : cols - 1;
            rec = {
              name: `Diagram ${s.charts.length + 1}`,
              type,
              source: boxAddress(box),
              seriesBy: seriesBy ?? "Auto",
              title: "",
              seriesCount,
              seriesColors: [],
            };
            s.charts.push(rec);
          });
          return chartObj(
            `${path}.add(${JSON.stringify(type)})`,
            () => rec ?? fail("ItemNotFound", "Chart not added yet"),
          ).proxy;
        },
      },
    },
  }));
}

function namesObj(ctx: FakeContext, path: string): Obj {
  const fake = ctx.fake;
  type Named = { name: string; formula: string };
  const itemWith = (p: string, get: () => Named, isNull?: () => boolean): Obj =>
    new Obj(ctx, p, (self) => ({
      kind: "NamedItem",
      isNull,
      data: {
        name: { get: () => get().name },
        formula: {
          set: true,
          since: "1.7",
          get: () => get().formula,
          put: (v) => {
            const n = get();
            n.formula = String(v);
            try {
              fake.hf.changeNamedExpression(n.name, n.formula);
            } catch {
              // HyperFormula may not read every reference; the name still changes.
            }
          },
        },
        type: { get: () => "Range" },
        value: { get: () => get().formula.replace(/^=/, "") },
      },
      methods: {
        delete: {
          since: "1.4",
          fn: () =>
            ctx.enqueue("NamedItem.delete", () => {
              const n = get();
              fake.names.delete(n.name.toLowerCase());
              try {
                fake.hf.removeNamedExpression(n.name);
              } catch {
                // Not known to HyperFormula.
              }
            }),
        },
        getRange: {
          since: "1.4",
          fn: () =>
            rangeObj(
              ctx,
              `${self.path}.getRange()`,
              () => fake.resolveReference(get().formula) ?? fail("InvalidReference", "Not a range"),
            ).proxy,
        },
      },
    }));
  const namedItem = (p: string, key: string, orNull: boolean): Obj => {
    const find = () => fake.names.get(key.toLowerCase());
    const o = itemWith(
      p,
      () => find() ?? fail("ItemNotFound", `No name "${key}"`),
      orNull ? () => !find() : undefined,
    );
    if (orNull)
      ctx.enqueue("NamedItemCollection.getItemOrNullObject", () => o.loaded.set("isNullObject", !find()));
    return o;
  };
  return new Obj(ctx, path, () => ({
    kind: "NamedItemCollection",
    items: () =>
      [...fake.names.values()].map((n) => itemWith(`${path}.getItem(${JSON.stringify(n.name)})`, () => n)),
    methods: {
      add: {
        since: "1.4",
        fn: (name: string, reference: unknown) => {
          ctx.enqueue("NamedItemCollection.add", () => {
            if (fake.names.has(name.toLowerCase()))
              fail("ItemAlreadyExists", `The name "${name}" already exists.`);
            const real = objOf(reference);
            const formula = real ? `=${String(real.s.data!.address!.get!())}` : String(reference);
            if (!formula.startsWith("=")) fail("InvalidArgument", "A name refers to a formula");
            fake.names.set(name.toLowerCase(), { name, formula });
            try {
              fake.hf.addNamedExpression(name, formula);
            } catch {
              // HyperFormula may not read every reference; Excel would.
            }
          });
          return namedItem(`${path}.add(${JSON.stringify(name)})`, name, false).proxy;
        },
      },
      getItem: {
        since: "1.4",
        fn: (name: string) => namedItem(`${path}.getItem(${JSON.stringify(name)})`, name, false).proxy,
      },
      getItemOrNullObject: {
        since: "1.4",
        fn: (name: string) =>
          namedItem(`${path}.getItemOrNullObject(${JSON.stringify(name)})`, name, true).proxy,
      },
    },
  }));
}
