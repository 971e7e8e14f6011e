// A build or update that can fail anywhere and still loses no figure. applyPlan writes each sheet
// that holds figures in one request; when a request fails anyway this module (1) tries once more
// with what is left, against the workbook as it is now (Excel's AccessDenied from protect and
// unprotect has come and gone, #6784; print set-up is left out if that was what Excel refused,
// validations go cell by cell if Excel refused a column block, and no sheet copies another's looks),
// and if that fails too (2) compares every figure read before the build with what the sheet holds
// now and writes back each one that changed, then (3) tells the user exactly what happened.
import type { CellValue } from "../contracts/model";
import { rangeName } from "../sheets/a1";
import type { SheetGrid } from "../sheets/grid";
import type { WorkbookPlan } from "../sheets/plan";
import { sameFigure } from "../templates/previewImport";
import {
  applyPlan,
  isPrintError,
  isValidationError,
  PROTECT_OPTIONS,
  WriteFailed,
  type ApplyOptions,
  type ApplyReport,
  type ExistingSheet,
} from "./applyPlan";
import { formulaOf } from "./cellTransaction";
import { danishError, ExcelShellError } from "./errors";
import { queueGrids, type GridRequest } from "./readGrids";
import { SyncHung } from "./syncWatch";

/** What the read step saw of a sheet whose figures must survive: its cells and its state. */
export interface SheetBefore {
  request: GridRequest;
  grid: SheetGrid;
  protected: boolean;
  visibility: string;
  /** Protect it again and hide it again after a restore (RK_Data); a centre sheet is left open. */
  protectAgain: boolean;
}

/** The workbook as it is now, for a second attempt. */
export type Reread = () => Promise<Pick<ApplyOptions, "existing" | "existingNames">>;

export interface Restored {
  /** Sheets where changed figures were written back, with how many cells. */
  sheets: { name: string; cells: number }[];
}

/** Where the user can get an earlier copy of the workbook back, if it comes to that. */
export type Platform = "web" | "desktop";

export interface SafeWriteReport extends ApplyReport {
  /** Excel refused the first attempt; the second went through. */
  retried: boolean;
}

export async function writeSafely(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: ApplyOptions,
  before: SheetBefore[],
  reread: Reread,
  platform: Platform,
): Promise<SafeWriteReport> {
  let failure: WriteFailed;
  try {
    return { ...(await applyPlan(context, plan, options)), retried: false };
  } catch (error) {
    if (!(error instanceof WriteFailed)) throw error;
    failure = error;
  }
  const done = new Set(failure.done);
  if (retryable(failure)) {
    try {
      const now = await reread();
      const only = options.only ?? (() => true);
      const again = await applyPlan(context, plan, {
        ...options,
        ...now,
        only: (s) => only(s) && !done.has(s.name.toLowerCase()),
        skipPrint: options.skipPrint === true || isPrintError(failure.cause),
        validationsPerCell: options.validationsPerCell === true || isValidationError(failure.cause),
        // Whatever Excel refused, the second attempt copies no sheet's looks from another: a
        // refused copy may not say so in its error, and writing in full is the path every
        // Excel before 1.9 takes anyway.
        noCopies: true,
      });
      return { ...again, retried: true };
    } catch (error) {
      if (error instanceof WriteFailed) {
        for (const d of error.done) done.add(d);
        failure = error;
      } else if (!(error instanceof ExcelShellError)) {
        failure = new WriteFailed(error, done, false);
      }
    }
  }
  let restored: Restored | undefined;
  let removed: string[] = [];
  const untouched = failure.refusedWhole && failure.done.size === done.size;
  if (!(failure.cause instanceof SyncHung)) {
    if (!untouched) {
      restored = await restoreFigures(
        context,
        before.filter((b) => !done.has(b.grid.name.toLowerCase())),
        options.caps.enableEvents,
      ).catch(() => undefined);
    }
    // Sheets this build added hold no one's figures. Unless RK_Data was finished (and so lists
    // them), they would only stand in the way of the next build: they go again, with new names.
    const meta = plan.sheets.find((s) => s.role === "meta");
    if (!meta || !done.has(meta.name.toLowerCase())) {
      const added = plan.sheets
        .filter((s) => (options.only ?? (() => true))(s) && !options.existing.has(s.name.toLowerCase()))
        .map((s) => s.name);
      const names = plan.names
        .filter((n) => !options.existingNames.has(n.name.toLowerCase()))
        .map((n) => n.name);
      removed = await removeAdded(context, added, names, options.caps.enableEvents).catch(() => []);
    }
  }
  // done holds lower-case keys; the user reads the sheets' own names.
  const finished = plan.sheets.filter((s) => done.has(s.name.toLowerCase())).map((s) => s.name);
  const message = failureMessage(failure.cause, finished, untouched ? "untouched" : restored, platform);
  const tail =
    removed.length > 0
      ? ` De ark, der var ved at blive tilføjet (${removed.join(", ")}), er fjernet igen.`
      : "";
  throw new ExcelShellError(`${message}${tail}`, danishCode(failure.cause));
}

/** Two syncs: deletes those of the sheets and names that exist now; returns the sheets deleted. */
async function removeAdded(
  context: Excel.RequestContext,
  sheets: string[],
  names: string[],
  events: boolean,
): Promise<string[]> {
  if (sheets.length === 0 && names.length === 0) return [];
  const list = context.workbook.worksheets.load("items/name,items/visibility");
  const named = context.workbook.names.load("items/name");
  await context.sync();
  const wanted = new Set(sheets.map((n) => n.toLowerCase()));
  const gone = new Set(names.map((n) => n.toLowerCase()));
  const removed: string[] = [];
  if (events) context.runtime.enableEvents = false;
  for (const n of named.items) if (gone.has(n.name.toLowerCase())) n.delete();
  for (const ws of list.items) {
    if (!wanted.has(ws.name.toLowerCase())) continue;
    // A very hidden sheet cannot be deleted until it is merely hidden (#365).
    if (String(ws.visibility) === "VeryHidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
    ws.delete();
    removed.push(ws.name);
  }
  if (events) context.runtime.enableEvents = true;
  await context.sync();
  return removed;
}

/**
 * Two syncs, for a second attempt after a failed write: the sheets and names as they are now,
 * then the protection of those the plan writes.
 */
export async function rereadExisting(
  context: Excel.RequestContext,
  planned: string[],
): Promise<{ existing: Map<string, ExistingSheet>; existingNames: Set<string> }> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  const wanted = new Set(planned.map((n) => n.toLowerCase()));
  const protections = sheets.items
    .filter((s) => wanted.has(s.name.toLowerCase()))
    .map((s) => ({ name: s.name, p: s.protection.load("protected") }));
  await context.sync();
  const existing = new Map<string, ExistingSheet>(
    sheets.items.map((s) => [
      s.name.toLowerCase(),
      { name: s.name, visibility: String(s.visibility), protected: false },
    ]),
  );
  for (const { name, p } of protections) existing.get(name.toLowerCase())!.protected = p.protected;
  return { existing, existingNames: new Set(names.items.map((n) => n.name.toLowerCase())) };
}

/** Cell-edit mode and a hung sync would only happen again at once. */
function retryable(f: WriteFailed): boolean {
  if (f.cause instanceof SyncHung) return false;
  return (f.cause as { code?: unknown } | null)?.code !== "InvalidOperationInCellEditMode";
}

function danishCode(error: unknown): string | undefined {
  const base = danishError(error, "write");
  return base instanceof ExcelShellError ? base.code : undefined;
}

/**
 * Two syncs: read each sheet's figures as they are now, then write back every cell that no
 * longer holds what it held before (a column's run of such cells as one range), unprotecting
 * where needed. A sheet that still holds its figures is not written at all.
 */
export async function restoreFigures(
  context: Excel.RequestContext,
  sheets: SheetBefore[],
  /** runtime.enableEvents exists (ExcelApi 1.8). */
  events: boolean,
): Promise<Restored> {
  if (sheets.length === 0) return { sheets: [] };
  const collect = queueGrids(
    context,
    sheets.map((b) => ({ ...b.request, formulas: true })),
  );
  const protections = sheets.map((b) =>
    context.workbook.worksheets.getItem(b.grid.name).protection.load("protected"),
  );
  await context.sync();
  const now = collect();
  const restored: Restored = { sheets: [] };
  if (events) context.runtime.enableEvents = false;
  sheets.forEach((b, i) => {
    const runs = changedRuns(b.grid, now[i]!);
    if (runs.length === 0) return;
    const ws = context.workbook.worksheets.getItem(b.grid.name);
    if (protections[i]!.protected) ws.protection.unprotect();
    let cells = 0;
    for (const r of runs) {
      ws.getRange(r.address).formulas = r.cells.map((c) => [c]);
      cells += r.cells.length;
    }
    if (b.protectAgain && b.protected) ws.protection.protect(PROTECT_OPTIONS);
    if (b.protectAgain && b.visibility !== "Visible") ws.visibility = b.visibility as Excel.SheetVisibility;
    restored.sheets.push({ name: b.grid.name, cells });
  });
  if (events) context.runtime.enableEvents = true;
  await context.sync();
  return restored;
}

interface Run {
  address: string;
  cells: (string | number)[];
}

/** The cells of `before` that `now` no longer holds, as runs down each column. */
export function changedRuns(before: SheetGrid, now: SheetGrid): Run[] {
  const width = Math.max(0, ...before.values.map((r) => r.length));
  const runs: Run[] = [];
  for (let c = 0; c < width; c++) {
    let open: { first: number; cells: (string | number)[] } | undefined;
    const close = (end: number) => {
      if (!open) return;
      runs.push({
        address: rangeName({ top: open.first, left: c + 1, bottom: end, right: c + 1 }),
        cells: open.cells,
      });
      open = undefined;
    };
    for (let r = 0; r < before.values.length; r++) {
      const oldValue = before.values[r]?.[c] ?? null;
      const oldFormula = before.formulas?.[r]?.[c] ?? null;
      const newValue = now.values[r]?.[c] ?? null;
      const newFormula = now.formulas?.[r]?.[c] ?? null;
      const same = oldFormula ? newFormula === oldFormula : !newFormula && sameFigure(newValue, oldValue);
      if (same) {
        close(r);
        continue;
      }
      open ??= { first: r + 1, cells: [] };
      open.cells.push(oldFormula ?? formulaOf(oldValue as CellValue));
    }
    close(before.values.length);
  }
  return runs;
}

/** Where an earlier copy of the workbook is, in words for the user's Excel. */
export function earlierCopyAdvice(platform: Platform): string {
  return platform === "web"
    ? "Excel på nettet gemmer med det samme: hent den tidligere udgave under Fil → Versionshistorik."
    : "Luk projektmappen uden at gemme – eller, hvis Automatisk lagring er slået til, hent den tidligere udgave under Fil → Versionshistorik.";
}

/** The Danish account of a failed build: the cause, what was finished, what was written back. */
export function failureMessage(
  cause: unknown,
  done: string[],
  restored: Restored | "untouched" | undefined,
  platform: Platform,
): string {
  const parts: string[] = [];
  if (cause instanceof SyncHung) {
    parts.push(cause.message);
  } else {
    parts.push(danishError(cause, "write").message);
  }
  parts.push("Opdateringen blev ikke gennemført.");
  if (done.length > 0) parts.push(`Disse ark nåede at blive færdige: ${done.join(", ")}.`);
  if (restored === "untouched") {
    parts.push("Resten af projektmappen er ikke ændret, og ingen tal er gået tabt.");
  } else if (restored === undefined) {
    parts.push(
      `Tilføjelsesprogrammet kunne ikke kontrollere, om alle tal står, som de stod. ${earlierCopyAdvice(platform)}`,
    );
  } else if (restored.sheets.length === 0) {
    parts.push("Alle tal står, som de stod før, så intet er gået tabt.");
  } else {
    const list = restored.sheets.map((s) => `${s.name} (${s.cells} celler)`).join(", ");
    parts.push(
      `Tallene og bemærkningerne, der stod før, er skrevet tilbage i ${list}, så intet tal er gået tabt. Arkene mangler formler og formatering, til du opdaterer igen.`,
    );
  }
  parts.push("Ret årsagen, og vælg Opdater igen.");
  return parts.join(" ");
}
