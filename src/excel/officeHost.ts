// The task pane's WorkbookHost in Excel: the core (contracts, plans, readers, evaluator) on top
// of applyPlan and readGrids. Each action is one Excel.run with a fixed number of syncs:
//   existingSheets 1 · build 2 (new workbook) or 3 (rebuild keeping figures) plus one more per
//   ~3 MB of writing · overview ≤ 2 · summary 2 · selectRow 1 · onChanged 1 · exportTemplates 3
//   (two reads, one write) · previewImport 2 · applyImport 3 (two reads, one write; two more to
//   take the write back if Excel refuses it) · openTemplate 0 (Excel.createWorkbook).
// When Excel refuses a write, more: see safeWrite.ts (build) and cellTransaction.ts (import).
// Every sync is watched (syncWatch.ts): the pane hears when Excel keeps it waiting, and a sync
// not settled in 2 minutes is given up with a Danish message.
import { builtinContracts } from "../contracts/builtin";
import type { Contract } from "../contracts/model";
import type { CarryResult } from "../sheets/carryFigures";
import { firstLook, planBuild } from "../sheets/buildDecision";
import { metaNameOf } from "../sheets/metaNames";
import { centreOverviews } from "../sheets/overview";
import { actualPlacement, expectedPlacement, samePlacement } from "../sheets/summaryPlacement";
import type { SheetGrid } from "../sheets/grid";
import { COL, LISTS_SHEET, META_SHEET, SUMMARY_SHEET } from "../sheets/layout";
import { NotAContractWorkbook, readMeta, type Meta } from "../sheets/meta";
import type { SheetPlan } from "../sheets/plan";
import { PlanError } from "../sheets/planWorkbook";
import { planSummary, type PlacedCentreSheet } from "../sheets/planSummary";
import { judgeWorkbook, readWorkbook } from "../sheets/readWorkbook";
import type {
  BuildProgress,
  BuildResult,
  CentreOverview,
  ContractChoice,
  ExportResult,
  ImportOutcome,
  ImportReview,
  SelfTestReport,
  WorkbookHost,
} from "../host/workbookHost";
import type { AcceptedReturn } from "../templates/reviewReturned";
import { reviewAgain } from "../templates/reviewReturned";
import { commitCells, TransactionFailed, type CellTransaction } from "./cellTransaction";
import { readMaster, requireMaster } from "./readMaster";
import { exportTransaction, makeTemplates, toBase64 } from "./templateExport";
import { importTransaction, paneReview, reviewFiles, sameChanges } from "./templateImport";
import { applyPlan, type ExistingSheet } from "./applyPlan";
import { cannotDownload, capabilities, officeEnv, onTheWeb, type Capabilities, type ExcelEnv } from "./env";
import { danishError, ExcelShellError, officeCode, type Doing } from "./errors";
import { queueGrids, type GridRequest } from "./readGrids";
import { definitionMethods } from "./definitionSheets";
import { earlierCopyAdvice, rereadExisting, writeSafely, type SheetBefore } from "./safeWrite";
import { SyncHung, watchSyncs, type SyncWatch } from "./syncWatch";

export interface OfficeHostOptions {
  /** Excel itself by default; a fake in tests. */
  env?: ExcelEnv;
  /** The contracts a user can choose from (default: the built-in ones). */
  contracts?: () => Contract[];
  /** Time stamp shown on Oversigt (default: now). */
  now?: () => string;
  /** Request budget for writes (default 3 MB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** When a sync counts as slow or hung (tests shorten them). */
  watch?: Omit<SyncWatch, "onWaiting">;
}

/** BuildResult plus what a rebuild could not place: figures of goals the contract no longer has. */
export interface OfficeBuildResult extends BuildResult {
  orphaned: CarryResult["orphaned"];
  skipped: string[];
  syncs: number;
  /** Danish notes the user should read (Manual calculation, a second attempt that went through). */
  notes: string[];
}

const MANUAL_CALCULATION_NOTE =
  "Excel beregner manuelt (Formler → Beregningsindstillinger → Manuel), så statusfelterne opdateres først, når du trykker F9. Tilføjelsesprogrammet har bedt Excel om at genberegne nu.";

/** The columns the readers need from a centre sheet: goal id, Grundlag, Resultat, Bemærkning. */
const CENTRE_COLUMNS = [COL.id, COL.grundlag, COL.resultat, COL.comment];
const HELPER_SHEETS = new Set([SUMMARY_SHEET, LISTS_SHEET, META_SHEET].map((s) => s.toLowerCase()));
/** After our own writes, onChanged events that still arrive are ours (Excel before 1.8 only). */
const SELF_WRITE_GRACE_MS = 500;
/** onCalculated or onActivated this soon after a refresh adds nothing. */
const EVENT_COALESCE_MS = 300;

interface SheetInfo {
  name: string;
  id: string;
  visibility: string;
}

/** WorkbookHost, with a build that also tells what it could not keep or do. */
export interface OfficeHost extends WorkbookHost {
  build(
    contractIds: string[],
    options: { update: boolean },
    onProgress?: (p: BuildProgress) => void,
  ): Promise<OfficeBuildResult>;
  /** Tells when Excel keeps the add-in waiting (true) and when it answers again (false). */
  onWaiting(listener: (waiting: boolean) => void): () => void;
  selfTest(): Promise<SelfTestReport>;
}

export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const env = options.env ?? officeEnv();
  const contractsOf = options.contracts ?? builtinContracts;
  const now = options.now ?? (() => new Date().toISOString());
  let caps: Capabilities | undefined;
  const cap = () => (caps ??= capabilities(env));
  /** Ids of the contract sheets seen last; null when not known (then every change counts). */
  let contractSheetIds: Set<string> | null = null;
  let writingUntil = 0;
  const listeners = new Set<() => void>();
  /** What the pane's import previews stand for: the checked files, kept until they are imported. */
  const reviews = new WeakMap<ImportReview, AcceptedReturn[]>();
  const waitListeners = new Set<(waiting: boolean) => void>();
  const excelRun = watchSyncs(env.run, {
    ...options.watch,
    onWaiting: (waiting) => waitListeners.forEach((l) => l(waiting)),
  });
  const platform = (): "web" | "desktop" => (onTheWeb(env) ? "web" : "desktop");

  async function run<T>(doing: Doing, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await excelRun(batch);
    } catch (error) {
      throw toDanish(error, doing);
    }
  }

  async function writing<T>(work: () => Promise<T>): Promise<T> {
    writingUntil = Number.POSITIVE_INFINITY;
    try {
      return await work();
    } finally {
      // With runtime.enableEvents (1.8) our writes raise no events at all; before that, their
      // events arrive after the sync, so they are ignored a little longer.
      writingUntil = cap().enableEvents ? 0 : Date.now() + SELF_WRITE_GRACE_MS;
    }
  }

  /** One write of cells; on refusal everything is taken back and the Danish error says so. */
  async function commit(tx: CellTransaction): Promise<void> {
    await writing(async () => {
      try {
        await commitCells(excelRun, tx, cap());
      } catch (error) {
        if (error instanceof TransactionFailed) throw refusedWrite(error, platform());
        throw toDanish(error, "write");
      }
    });
  }

  /** Contracts read from definition sheets, buildable by id like the built-in ones. */
  const defined = new Map<string, Contract>();

  function chosenContracts(ids: string[]): Contract[] {
    const all = [...[...defined.values()], ...contractsOf().filter((c) => !defined.has(c.id))];
    return ids.map(
      (id) =>
        all.find((c) => c.id === id) ??
        fail(`Kontrakten "${id}" findes ikke blandt de indbyggede kontrakter.`),
    );
  }

  const host: OfficeHost = {
    ...definitionMethods({
      run,
      writing,
      caps: cap,
      builtins: contractsOf,
      now,
      budgetBytes: options.budgetBytes,
      build: (ids, o, onProgress) => host.build(ids, o, onProgress),
      remember: (contract) => void defined.set(contract.id, contract),
    }),
    contracts(): ContractChoice[] {
      return contractsOf().map((c) => ({
        id: c.id,
        title: c.title,
        year: c.year,
        centres: c.centres.map((x) => ({ code: x.code, name: x.name })),
      }));
    },

    async existingSheets(contractIds: string[]): Promise<string[]> {
      const codes = new Set(
        chosenContracts(contractIds).flatMap((c) => c.centres.map((x) => x.code.toLowerCase())),
      );
      return run("read", async (context) => {
        const list = queueSheetList(context);
        await context.sync();
        return list()
          .filter((s) => codes.has(s.name.toLowerCase()))
          .map((s) => s.name);
      });
    },

    async build(contractIds, { update }, onProgress) {
      const chosen = chosenContracts(contractIds);
      if (chosen.length === 0) fail("Vælg mindst én kontrakt.");
      const report = (done: number, total: number, label: string) => onProgress?.({ done, total, label });
      report(0, 1, "Læser projektmappen …");
      // Until the first write is sent, a refusal has changed nothing: the message says so.
      let reading = true;
      return writing(() =>
        run("write", async (context) => {
          try {
            return await buildIn(context);
          } catch (error) {
            if (!reading || !officeCode(error) || error instanceof ExcelShellError) throw error;
            const base = danishError(error, "read");
            throw new ExcelShellError(`${base.message} Intet er ændret.`, officeCode(error));
          }
        }),
      );

      async function buildIn(context: Excel.RequestContext): Promise<OfficeBuildResult> {
        let syncs = 0;
        // Sync 1: which sheets and names exist, whether this is a contract workbook, whether
        // sheets may be added at all, and how Excel calculates.
        const list = queueSheetList(context);
        const metaSheet = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
        const names = context.workbook.names.load("items/name");
        const structure = cap().api17 ? context.workbook.protection.load("protected") : undefined;
        const application = context.workbook.application.load("calculationMode");
        await context.sync();
        syncs++;
        const sheets = list();
        const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
        const look = firstLook({
          chosen,
          update,
          sheetNames: sheets.map((s) => s.name),
          structureProtected: structure?.protected === true,
        });
        if (!look.ok) fail(look.message);
        const { present, cleared } = look;

        // Sync 2 (only when something exists already): the metadata, the figures already typed
        // into the chosen centres' sheets (with formulas, to put back exactly what was there if
        // a write fails), and the protection of every sheet the build will clear.
        let meta: Meta | undefined;
        let grids: SheetGrid[] = [];
        const protectedSheets = new Set<string>();
        const before: SheetBefore[] = [];
        if (cleared.length > 0) {
          const requests: GridRequest[] = [];
          if (!metaSheet.isNullObject) requests.push({ sheet: META_SHEET, formulas: true });
          for (const code of present)
            requests.push({
              sheet: byName.get(code.toLowerCase())!.name,
              columns: CENTRE_COLUMNS,
              formulas: true,
            });
          const collect = queueGrids(context, requests);
          const protections = cleared.map((name) => ({
            name,
            protection: context.workbook.worksheets.getItem(name).protection.load("protected"),
          }));
          await context.sync();
          syncs++;
          grids = collect();
          for (const p of protections) if (p.protection.protected) protectedSheets.add(p.name.toLowerCase());
          if (!metaSheet.isNullObject) meta = readMeta(grids.find((g) => g.name === META_SHEET)?.values);
          grids.forEach((grid, i) => {
            const info = byName.get(grid.name.toLowerCase())!;
            before.push({
              request: requests[i]!,
              grid,
              protected: protectedSheets.has(grid.name.toLowerCase()),
              visibility: info.visibility,
              protectAgain: grid.name === META_SHEET,
            });
          });
        }
        const decided = planBuild({
          chosen,
          present,
          sheetNames: sheets.map((s) => s.name),
          meta,
          grids,
          generatedAt: now(),
        });
        if (!decided.ok) fail(decided.message);
        const { plan, carried, written } = decided;

        const existing = new Map<string, ExistingSheet>();
        for (const s of sheets) {
          existing.set(s.name.toLowerCase(), {
            name: s.name,
            visibility: s.visibility,
            protected: protectedSheets.has(s.name.toLowerCase()),
          });
        }
        const centreSheets = plan.sheets.filter(
          (s) => s.role === "centre" && written.has(s.name.toLowerCase()),
        );
        reading = false;
        const applied = await writeSafely(
          context,
          plan,
          {
            caps: cap(),
            existing,
            existingNames: new Set(names.items.map((n) => n.name.toLowerCase())),
            only: (s: SheetPlan) => s.role !== "centre" || written.has(s.name.toLowerCase()),
            budgetBytes: options.budgetBytes,
            activate: centreSheets[0]?.name,
            onBatch: (done, total) =>
              report(done, total, `Skriver ${centreSheets.length} centerark (del ${done} af ${total})`),
          },
          before,
          () =>
            rereadExisting(
              context,
              plan.sheets.map((s) => s.name),
            ),
          platform(),
        );
        syncs += applied.batches.length;
        const notes: string[] = [];
        if (String(application.calculationMode) === "Manual") notes.push(MANUAL_CALCULATION_NOTE);
        if (applied.retried) notes.push("Excel afviste første forsøg; andet forsøg lykkedes.");
        contractSheetIds = null;
        report(1, 1, "Færdig");
        const created = centreSheets.filter((s) => !byName.has(s.name.toLowerCase())).map((s) => s.name);
        const updated = centreSheets.filter((s) => byName.has(s.name.toLowerCase())).map((s) => s.name);
        return {
          created,
          updated,
          keptValues: carried.kept,
          orphaned: carried.orphaned,
          skipped: applied.skipped,
          syncs,
          notes,
        };
      }
    },

    async overview(): Promise<CentreOverview[]> {
      return run("read", async (context) => {
        const first = await readMetaAndList(context);
        if (!first) return [];
        const { meta, metaGrid, sheets } = first;
        const present = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
        const refs = meta.sheets.filter((s) => present.has(s.sheet.toLowerCase()));
        const collect = queueGrids(
          context,
          refs.map((r) => ({ sheet: present.get(r.sheet.toLowerCase())!.name, columns: CENTRE_COLUMNS })),
        );
        await context.sync();
        const grids = collect();
        contractSheetIds = new Set(refs.map((r) => present.get(r.sheet.toLowerCase())!.id));
        const state = readWorkbook([
          metaGrid,
          ...grids.map((g) => ({ ...g, name: metaNameOf(g.name, refs) })),
        ]);
        return centreOverviews(judgeWorkbook(state), meta.trips, (name) => sheetName(name, present));
      });
    },

    async summary(): Promise<void> {
      await writing(() =>
        run("write", async (context) => {
          const first = await readMetaAndList(context);
          if (!first) throw new NotAContractWorkbook(readMetaError());
          const { meta, sheets } = first;
          const present = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
          const refs = meta.sheets.filter((s) => present.has(s.sheet.toLowerCase()));
          // Where the goal rows are, as the sheets were built; checked against column A below.
          const expected = expectedPlacement(
            meta,
            refs.map((r) => r.centre),
          );
          const placed = expected.map((p) => ({
            ...p,
            sheet: present.get(p.sheet.toLowerCase())?.name ?? p.sheet,
          }));
          const write = async (where: PlacedCentreSheet[], verify: boolean) => {
            const plan = {
              sheets: [planSummary(meta.contracts, where, { generatedAt: now(), trips: meta.trips })],
              names: [],
            };
            // Queued before the writes, so it goes in their first request; Oversigt's writes do
            // not touch the centre sheets it reads.
            const collect = verify
              ? queueGrids(
                  context,
                  where.map((p) => ({ sheet: p.sheet, columns: [COL.id] })),
                )
              : undefined;
            await applyPlan(context, plan, {
              caps: cap(),
              existing: existingMap(sheets),
              existingNames: new Set(),
              budgetBytes: options.budgetBytes,
              activate: SUMMARY_SHEET,
            });
            return collect?.();
          };
          // The column A read rides along with the write: no extra round trip when rows are
          // where the plan put them, one more write when someone moved them.
          const idGrids = await write(placed, true);
          if (idGrids && !samePlacement(placed, idGrids)) {
            await write(actualPlacement(placed, idGrids), false);
          }
        }),
      );
    },

    async selectRow(sheet: string, row: number): Promise<void> {
      await run("select", async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(`${COL.id}${row}:${COL.hint}${row}`).select();
        await context.sync();
      });
    },

    async exportTemplates({ prefill }): Promise<ExportResult> {
      const master = await run("read", (context) => readMaster(context));
      requireMaster(master);
      const exportedAt = now();
      const files = await makeTemplates(master, { prefill, exportedAt });
      const { tx, summaryStale } = exportTransaction(master, files, exportedAt);
      await commit(tx);
      // A download from the task pane does not work on Mac (office-js #2700) nor on iPad, which
      // has the same webview: open them in Excel.
      const open = cannotDownload(env) && env.createWorkbook !== undefined && cap().dataValidation;
      if (open) return { files, exportedAt, delivery: "open", summaryStale };
      // Several downloads started after an await may be blocked (Windows, the web): all files
      // in one .zip as well, for one click.
      return { files, exportedAt, delivery: "download", summaryStale, zip: await zipOf(files, exportedAt) };
    },

    async openTemplate(file): Promise<void> {
      const create = env.createWorkbook;
      if (!create) fail("Denne udgave af Excel kan ikke åbne en ny projektmappe fra tilføjelsesprogrammet.");
      try {
        await create(toBase64(file.bytes));
      } catch (error) {
        throw toDanish(error, "open");
      }
    },

    async previewImport(files): Promise<ImportReview> {
      const master = await run("read", (context) => readMaster(context, { formulas: true }));
      requireMaster(master);
      const review = await reviewFiles(master, files);
      const shown = paneReview(review);
      reviews.set(shown, review.accepted);
      return shown;
    },

    async applyImport(review, choices): Promise<ImportOutcome> {
      const accepted = reviews.get(review);
      if (!accepted) fail("Forhåndsvisningen er ikke længere gyldig. Vælg filerne igen.");
      const master = await run("read", (context) => readMaster(context, { formulas: true, log: true }));
      requireMaster(master);
      // The workbook may have changed since the preview: check the files again against it now.
      const again = reviewAgain(accepted, master);
      const fresh = paneReview({ skipped: [], refusals: again.refusals, accepted: again.accepted });
      if (again.refusals.length > 0 || !sameChanges(review.files, fresh.files)) {
        const next: ImportReview = {
          files: fresh.files,
          refused: [...review.refused, ...fresh.refused],
          skipped: review.skipped,
        };
        reviews.delete(review);
        reviews.set(next, again.accepted);
        return { kind: "stale", review: next };
      }
      if (again.accepted.length === 0) fail("Der er ingen skabeloner at indlæse. Intet er ændret.");
      const { tx, applied, summaryStale } = importTransaction(master, again.accepted, choices, now());
      await commit(tx);
      reviews.delete(review);
      return {
        kind: "applied",
        added: applied.added.length,
        replaced: applied.replaced.length,
        kept: applied.kept.length,
        unchanged: applied.unchanged.length,
        logRows: applied.log.length,
        centres: again.accepted.map((a) => a.preview.centre),
        summaryStale,
      };
    },

    async addDraftDefinition(draft): Promise<{ sheet: string }> {
      // The definition planner comes with the draft feature's chunk, not the pane's first load.
      const { planDefinitionSheet } = await import("../definition/planDefinitionSheet");
      return writing(() =>
        run("write", async (context) => {
          const list = queueSheetList(context);
          const names = context.workbook.names.load("items/name");
          await context.sync();
          const sheets = list();
          const sheet = planDefinitionSheet(draft.contract, {
            review: draft.review,
            takenNames: sheets.map((s) => s.name),
          });
          await applyPlan(
            context,
            { sheets: [sheet], names: [] },
            {
              caps: cap(),
              existing: existingMap(sheets),
              existingNames: new Set(names.items.map((n) => n.name.toLowerCase())),
              budgetBytes: options.budgetBytes,
              activate: sheet.name,
            },
          );
          return { sheet: sheet.name };
        }),
      );
    },

    async selfTest() {
      const { runSelfTest } = await import("./selfTest");
      return runSelfTest(env, excelRun);
    },

    onWaiting(listener: (waiting: boolean) => void): () => void {
      waitListeners.add(listener);
      return () => waitListeners.delete(listener);
    },

    async onChanged(listener: () => void): Promise<() => void> {
      listeners.add(listener);
      let lastRefresh = 0;
      const handler = async (args: Excel.WorksheetChangedEventArgs) => {
        if (Date.now() < writingUntil) return;
        if ((args as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
        if (contractSheetIds && !contractSheetIds.has(args.worksheetId)) return;
        lastRefresh = Date.now();
        if (listeners.has(listener)) listener();
      };
      // A value picked from a dropdown on the web fires no onChanged (#3888), but the status
      // formulas recalculate: onCalculated (1.8) catches it. Coming back to a sheet refreshes too.
      // One edit raises both onChanged and onCalculated: refresh once.
      const refresh = async () => {
        if (Date.now() < writingUntil || Date.now() - lastRefresh < EVENT_COALESCE_MS) return;
        lastRefresh = Date.now();
        if (listeners.has(listener)) listener();
      };
      const registrations = await run("listen", async (context) => {
        const extra: OfficeExtension.EventHandlerResult<unknown>[] = [];
        if (cap().calculatedEvents) extra.push(context.workbook.worksheets.onCalculated.add(refresh));
        if (cap().api17) extra.push(context.workbook.worksheets.onActivated.add(refresh));
        if (cap().api19) {
          const r = context.workbook.worksheets.onChanged.add(handler);
          await context.sync();
          return [r, ...extra];
        }
        // Before 1.9 there is no workbook-wide event: one handler per visible sheet.
        const list = queueSheetList(context);
        await context.sync();
        const rs = list()
          .filter((s) => s.visibility === "Visible" && !HELPER_SHEETS.has(s.name.toLowerCase()))
          .map((s) => context.workbook.worksheets.getItem(s.name).onChanged.add(handler));
        await context.sync();
        return [...rs, ...extra];
      });
      return () => {
        listeners.delete(listener);
        // A handler is removed in the context that added it (Excel.run(context, …)).
        const first = registrations[0];
        if (!first) return;
        void env
          .runIn(first.context as Excel.RequestContext, async (context) => {
            for (const r of registrations) r.remove();
            await context.sync();
          })
          .catch(() => undefined);
      };
    },
  };
  return host;
}

/** Every template in one .zip (jszip, loaded on first use), named by the day they went out. */
async function zipOf(files: { name: string; bytes: Uint8Array }[], exportedAt: string) {
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
  return { name: `skabeloner_${exportedAt.slice(0, 10)}.zip`, bytes };
}

function fail(message: string): never {
  throw new ExcelShellError(message);
}

/** Excel refused the write; it was taken back (or, rarely, could not be). */
function refusedWrite(failure: TransactionFailed, platform: "web" | "desktop"): Error {
  const base =
    failure.cause instanceof SyncHung
      ? new ExcelShellError(failure.cause.message)
      : danishError(failure.cause, "write");
  const code = base instanceof ExcelShellError ? base.code : undefined;
  const tail = failure.undone
    ? " Alt, der nåede at blive skrevet, er taget tilbage: intet er ændret i projektmappen."
    : ` Ændringen kunne ikke tages helt tilbage. ${earlierCopyAdvice(platform)}`;
  return new ExcelShellError(`${base.message}${tail}`, code);
}

/** Our own Danish errors pass; Office's get a Danish lead; anything else says it was unexpected. */
function toDanish(error: unknown, doing: Doing): Error {
  if (error instanceof ExcelShellError || error instanceof NotAContractWorkbook || error instanceof PlanError)
    return error;
  if (error instanceof SyncHung) return new ExcelShellError(error.message);
  if (officeCode(error)) return danishError(error, doing);
  const message = error instanceof Error ? error.message : String(error);
  return new ExcelShellError(`Der skete en uventet fejl i tilføjelsesprogrammet: ${message}`);
}

function queueSheetList(context: Excel.RequestContext): () => SheetInfo[] {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility");
  return () => sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
}

function existingMap(sheets: SheetInfo[]): Map<string, ExistingSheet> {
  return new Map(
    sheets.map((s) => [s.name.toLowerCase(), { name: s.name, visibility: s.visibility, protected: false }]),
  );
}

function readMetaError(): string {
  try {
    readMeta(undefined);
  } catch (e) {
    return (e as Error).message;
  }
  return "Projektmappen er ikke en kontraktprojektmappe.";
}

/**
 * One sync: the sheet list and the metadata sheet together. Without the metadata sheet the
 * request fails with ItemNotFound, which is the answer: not a contract workbook (undefined).
 */
async function readMetaAndList(
  context: Excel.RequestContext,
): Promise<{ meta: Meta; metaGrid: SheetGrid; sheets: SheetInfo[] } | undefined> {
  const list = queueSheetList(context);
  const collect = queueGrids(context, [{ sheet: META_SHEET }]);
  try {
    await context.sync();
  } catch (error) {
    if (officeCode(error) === "ItemNotFound") return undefined;
    throw error;
  }
  const metaGrid = collect()[0]!;
  return { meta: readMeta(metaGrid.values), metaGrid, sheets: list() };
}

function sheetName(metaName: string, present: Map<string, SheetInfo>): string {
  return present.get(metaName.toLowerCase())?.name ?? metaName;
}
