// Writes a set of cells (figures by goal id, Log rows, trip lines, Oversigt's "Indsendt" cells) in
// ONE request, and takes it back if Excel refuses it. An Office.js request is not a transaction:
// the operations before the one that failed have already been carried out. So on failure the
// cells are read again, every cell that no longer holds what it held before is put back, a sheet
// the request added is deleted and RK_Data is protected again: the user never sees half an import.
import type { CellValue } from "../contracts/model";
import { cellName, columnLetters, parseCell, rangeName } from "../sheets/a1";
import { sameFigure } from "../templates/previewImport";
import type { CellWrite } from "../templates/applyImport";
import { callBytes, PROTECT_OPTIONS, widthPoints } from "./applyPlan";
import { IMPORT_LIMIT } from "./requestBudget";
import type { Capabilities, ExcelRun } from "./env";
import { ExcelShellError } from "./errors";

/** What a cell held before the write: its formula, or else its value. */
export interface OldCell {
  value: CellValue;
  formula?: string | null;
}

export interface NewSheet {
  name: string;
  /** In characters, as the plans give them. */
  columnWidths: number[];
  frozenRows: number;
  /** Rows made bold (the header), 1-based; only when the request writes them. */
  boldRows: number[];
}

export interface CellTransaction {
  /** Sheets are Excel's own names. */
  writes: CellWrite[];
  /** Keyed by cellKey(); a cell that is not here was empty. */
  before: ReadonlyMap<string, OldCell>;
  /** Sheets the request adds before writing (the Log, when it is missing). */
  addSheets: NewSheet[];
  /** Protected sheets (no password) to unprotect for the writes and protect again afterwards. */
  unprotect: string[];
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}!${address}`;
}

/** A figure as range.formulas takes it: numbers as numbers, text behind an apostrophe so it stays text. */
export function formulaOf(value: CellValue): string | number {
  if (value === null || value === "") return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `'${value}`;
}

function restoreOf(old: OldCell | undefined): string | number {
  if (!old) return "";
  return old.formula ? old.formula : formulaOf(old.value);
}

interface Run {
  sheet: string;
  address: string;
  cells: { address: string; value: string | number }[];
}

/** Cells of one column on consecutive rows go as one range: one write per run, not per cell. */
export function columnRuns(writes: CellWrite[]): Run[] {
  const groups = new Map<string, { sheet: string; col: number; rows: Map<number, string | number> }>();
  for (const w of writes) {
    const { row, col } = parseCell(w.address);
    const key = `${w.sheet.toLowerCase()}!${col}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: w.sheet, col, rows: new Map() }));
    g.rows.set(row, formulaOf(w.value));
  }
  const runs: Run[] = [];
  for (const g of groups.values()) {
    const rows = [...g.rows.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const part = rows.slice(start, i);
      const first = part[0]!;
      const last = part[part.length - 1]!;
      runs.push({
        sheet: g.sheet,
        address: rangeName({ top: first, left: g.col, bottom: last, right: g.col }),
        cells: part.map((r) => ({ address: cellName(r, g.col), value: g.rows.get(r)! })),
      });
      start = i;
    }
  }
  return runs;
}

/** Thrown when Excel refused the request; `undone` says whether everything was put back. */
export class TransactionFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly undone: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "TransactionFailed";
  }
}

/**
 * One sync: every write of the transaction, with events off and calculation held until it lands
 * (more only when Excel on the web refuses it for its size).
 */
export async function commitCells(run: ExcelRun, tx: CellTransaction, caps: Capabilities): Promise<void> {
  const runs = columnRuns(tx.writes);
  const bytes = runs.reduce(
    (n, r) =>
      n +
      callBytes(
        r.address,
        r.cells.map((c) => [c.value]),
      ),
    0,
  );
  if (bytes > IMPORT_LIMIT) {
    throw new ExcelShellError(
      "Der er for mange tal at indlæse på én gang (Excel tager højst 5 MB pr. ændring). Indlæs færre filer ad gangen.",
    );
  }
  // One request; refused for its size on the web (before any of it ran), it goes again in two
  // halves, and so on: a later half that fails is taken back with everything before it.
  const send = async (part: Run[], addSheets: NewSheet[]): Promise<void> => {
    try {
      await run(async (context) => {
        // Calculation is not suspended: the request ends with a recalculation instead.
        if (caps.enableEvents) context.runtime.enableEvents = false;
        const sheets = context.workbook.worksheets;
        // A password on RK_Data makes this fail first, before anything has changed.
        for (const name of tx.unprotect) sheets.getItem(name).protection.unprotect();
        for (const s of addSheets) {
          const ws = sheets.add(s.name);
          s.columnWidths.forEach((w, i) => {
            const col = columnLetters(i + 1);
            ws.getRange(`${col}:${col}`).format.columnWidth = widthPoints(w);
          });
          if (caps.api17 && s.frozenRows > 0) ws.freezePanes.freezeRows(s.frozenRows);
          for (const r of s.boldRows) ws.getRange(`${r}:${r}`).format.font.bold = true;
        }
        for (const r of part) {
          sheets.getItem(r.sheet).getRange(r.address).formulas = r.cells.map((c) => [c.value]);
        }
        for (const name of tx.unprotect) sheets.getItem(name).protection.protect(PROTECT_OPTIONS);
        if (caps.enableEvents) context.runtime.enableEvents = true;
        // Statuses must not wait for the user's next edit (in Manual mode nothing else would
        // update them), so the write ends with a recalculation.
        context.workbook.application.calculate("Recalculate" as Excel.CalculationType);
        await context.sync();
      });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== "RequestPayloadSizeLimitExceeded" || part.length < 2) throw error;
      const middle = Math.ceil(part.length / 2);
      await send(part.slice(0, middle), addSheets);
      await send(part.slice(middle), []);
    }
  };
  try {
    await send(runs, tx.addSheets);
  } catch (error) {
    const undone = await undoCells(run, tx, caps).catch(() => false);
    // protect()/unprotect() have thrown AccessDenied for no reason the user can fix (#6784):
    // once everything is back as it was, the whole write is tried once more.
    if (!undone || !protectionGlitch(error)) throw new TransactionFailed(error, undone);
    try {
      await send(runs, tx.addSheets);
    } catch (again) {
      throw new TransactionFailed(again, await undoCells(run, tx, caps).catch(() => false));
    }
  }
}

function protectionGlitch(error: unknown): boolean {
  const e = error as { code?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  const location = e?.debugInfo?.errorLocation;
  return (
    e?.code === "AccessDenied" && typeof location === "string" && location.startsWith("WorksheetProtection.")
  );
}

/**
 * Two syncs: read what the cells hold now and which of the added sheets exist; then put back
 * every cell that changed, delete the added sheets, protect RK_Data again and turn events on.
 * Cells that still hold their old content are left alone, so the cell Excel refused (a locked
 * cell, say) is not written again.
 */
export async function undoCells(run: ExcelRun, tx: CellTransaction, caps: Capabilities): Promise<boolean> {
  const added = new Set(tx.addSheets.map((s) => s.name.toLowerCase()));
  const runs = columnRuns(tx.writes).filter((r) => !added.has(r.sheet.toLowerCase()));
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const read = runs.map((r) => ({
      run: r,
      range: sheets.getItem(r.sheet).getRange(r.address).load(["values", "formulas"]),
    }));
    const newSheets = tx.addSheets.map((s) => sheets.getItemOrNullObject(s.name).load("name"));
    const protections = tx.unprotect.map((name) => ({
      name,
      protection: sheets.getItem(name).protection.load("protected"),
    }));
    await context.sync();

    const restore: { sheet: string; address: string; value: string | number }[] = [];
    for (const { run: r, range } of read) {
      const values = range.values as unknown[][];
      const formulas = range.formulas as unknown[][];
      r.cells.forEach((c, i) => {
        const old = tx.before.get(cellKey(r.sheet, c.address));
        const formula = formulas[i]?.[0];
        const value = values[i]?.[0];
        const nowFormula = typeof formula === "string" && formula.startsWith("=") ? formula : undefined;
        const changed = old?.formula
          ? nowFormula !== old.formula
          : nowFormula !== undefined || !sameFigure(plain(value), old?.value ?? null);
        if (changed) restore.push({ sheet: r.sheet, address: c.address, value: restoreOf(old) });
      });
    }
    const touched = new Set(restore.map((r) => r.sheet.toLowerCase()));

    if (caps.enableEvents) context.runtime.enableEvents = false;
    // A sheet still protected had its protection back (or never lost it) and its cells untouched,
    // unless a restore needs it: then unprotect, restore, protect.
    for (const p of protections) {
      if (p.protection.protected && touched.has(p.name.toLowerCase()))
        sheets.getItem(p.name).protection.unprotect();
    }
    for (const r of restore) sheets.getItem(r.sheet).getRange(r.address).formulas = [[r.value]];
    newSheets.forEach((ws) => {
      if (!ws.isNullObject) ws.delete();
    });
    for (const p of protections) {
      const name = p.name.toLowerCase();
      if (!p.protection.protected || touched.has(name))
        sheets.getItem(p.name).protection.protect(PROTECT_OPTIONS);
    }
    if (caps.enableEvents) context.runtime.enableEvents = true;
    await context.sync();
    return true;
  });
}

function plain(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
