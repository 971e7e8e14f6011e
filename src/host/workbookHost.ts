// What the task pane needs from the workbook: the one interface between the pane and a shell.
// The Office.js shell (excel/officeHost.ts) implements it in Excel; tests hand the pane a fake.
// It lives with neither, so no shell imports another: components never touch Office directly,
// and excel/ never reaches into taskpane/.
import type { Contract } from "../contracts/model";
import type { CarryReport } from "../definition/carryFromLastYear";
import type { DefinitionReview } from "../definition/planDefinitionSheet";
import type { DefinitionProblem } from "../definition/problems";
import type { CentreOverview } from "../sheets/overview";
import type { ImportChoices, ImportReview, ReturnedFile, TemplateFile } from "../templates/importTypes";

// The import and export names are the template core's; the pane uses them as they are.
export type {
  ConflictChoice,
  FieldReview,
  FileReview,
  ImportChoices,
  ImportReview,
  ReturnedFile,
  TemplateFile,
} from "../templates/importTypes";

export interface ContractChoice {
  id: string;
  title: string;
  year: number;
  centres: { code: string; name: string }[];
}

/** A goal row that needs attention: failing, invalid or lacking data. */
// The overview is the core's (sheets/overview.ts); the pane shows it as it is.
export type { AttentionRow, CentreOverview } from "../sheets/overview";

export interface BuildProgress {
  done: number;
  total: number;
  /** Danish, e.g. "Skriver ark 3 af 10". */
  label: string;
}

export interface BuildResult {
  created: string[];
  updated: string[];
  /** Figures and comments carried over by goal id during an update. */
  keptValues: number;
  /** Figures of goals the contract no longer has: not written, so shown to the user instead. */
  orphaned?: OrphanedFigures[];
  /** Danish notes on what this Excel could not do (older requirement sets). */
  skipped?: string[];
  /** Danish notes the user should read (e.g. Excel calculates manually). */
  notes?: string[];
}

export interface OrphanedFigures {
  sheet: string;
  id: string;
  grundlag: string | number | boolean | null;
  resultat: string | number | boolean | null;
  comment: string | number | boolean | null;
}

export interface ExportResult {
  files: TemplateFile[];
  exportedAt: string;
  /**
   * How the pane hands the files over: "download" saves them through the browser; "open" opens
   * each as a new workbook in Excel (Excel on Mac, where a download from the pane does not work).
   */
  delivery: "download" | "open";
  /** Oversigt is laid out differently than planned, so its "Indsendt" row was not updated. */
  summaryStale: boolean;
  /** Every file in one .zip, where files are downloaded: one click fetches them all. */
  zip?: { name: string; bytes: Uint8Array };
}

export type ImportOutcome =
  | {
      kind: "applied";
      added: number;
      replaced: number;
      kept: number;
      unchanged: number;
      /** Rows appended to the Log sheet. */
      logRows: number;
      centres: string[];
      summaryStale: boolean;
    }
  /** The workbook changed since the preview: nothing was written; here is the preview again. */
  | { kind: "stale"; review: ImportReview };

/** A contract drafted from an appendix, with what the economist must review per row. */
export interface DraftDefinition {
  contract: Contract;
  review: DefinitionReview;
}

/** A definition sheet in the workbook: its contract when it reads cleanly, else its problems. */
export interface DefinitionSheet {
  sheet: string;
  contract?: ContractChoice;
  problems: DefinitionProblem[];
}

/** Where a new definition sheet comes from ("Ny kontrakt"). */
export type NewDefinitionSource =
  | { kind: "builtin"; id: string }
  /** "Kopiér til næste år": a definition sheet one year on (ids kept). */
  | { kind: "nextYear"; sheet: string }
  | { kind: "empty"; year: number };

export type DefinitionBuild =
  /** The definition has problems: nothing was built. */
  | { kind: "problems"; problems: DefinitionProblem[] }
  | { kind: "built"; result: BuildResult; carry?: CarryReport };

export interface WorkbookHost {
  /** The built-in contracts the user can choose from. */
  contracts(): ContractChoice[];
  /** Names of sheets the chosen contracts would write that already exist in the workbook. */
  existingSheets(contractIds: string[]): Promise<string[]>;
  /** Builds (or, with update, rebuilds keeping every figure by goal id) the chosen contracts. */
  build(
    contractIds: string[],
    options: { update: boolean },
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult>;
  /** Reads every centre sheet of the workbook and judges it. */
  overview(): Promise<CentreOverview[]>;
  /** (Re)makes the Oversigt sheet. */
  summary(): Promise<void>;
  /** Selects a row in a sheet and activates the sheet. */
  selectRow(sheet: string, row: number): Promise<void>;
  /** Calls back when the user changes cells in a contract sheet; returns an unsubscribe function. */
  onChanged(listener: () => void): Promise<() => void>;
  /** Makes one template per centre from the open workbook and notes in it that they went out. */
  exportTemplates(options: { prefill: boolean }): Promise<ExportResult>;
  /** Opens a template as a new workbook in Excel (where delivery is "open"). */
  openTemplate(file: TemplateFile): Promise<void>;
  /** Checks returned files against the open workbook; changes nothing. */
  previewImport(files: ReturnedFile[]): Promise<ImportReview>;
  /**
   * Writes the previewed figures by goal id in one batch, with Log rows and `returned` trips; or
   * nothing at all, with a Danish error, when Excel refuses the batch.
   */
  applyImport(review: ImportReview, choices: ImportChoices): Promise<ImportOutcome>;
  /**
   * Writes a drafted contract as a new definition sheet (under a name no sheet has yet), with the
   * rows to review highlighted and their reasons in "Gennemsyn", and shows it.
   */
  addDraftDefinition(draft: DraftDefinition): Promise<{ sheet: string }>;
  /** Every definition sheet of the workbook, read. */
  definitions(): Promise<DefinitionSheet[]>;
  /** Writes a new definition sheet and returns its name. */
  newDefinition(source: NewDefinitionSource): Promise<string>;
  /**
   * Builds the centre sheets from a definition sheet, or builds nothing and returns its problems.
   * With carryFromLastYear, the workbook's sheets are last year's: for each continuing change
   * goal their Resultat becomes the new Grundlag, and the old contract gives way to the new one.
   */
  buildDefinition(
    sheet: string,
    options: { update: boolean; carryFromLastYear: boolean },
    onProgress?: (p: BuildProgress) => void,
  ): Promise<DefinitionBuild>;
  /** Selects a cell (e.g. "H14") and activates its sheet. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Tells when Excel keeps the add-in waiting (true), e.g. while a cell is edited, and when not. */
  onWaiting?(listener: (waiting: boolean) => void): () => void;
  /** Tries every Office.js feature the add-in needs on a scratch sheet (Excel only). */
  selfTest?(): Promise<SelfTestReport>;
}

/** One row of the self-test: an Office.js feature the add-in depends on, and whether it works here. */
export interface SelfTestRow {
  /** Danish name of the feature, as the pane shows it. */
  feature: string;
  /** The requirement set it needs, e.g. "ExcelApi 1.9". */
  set: string;
  ok: boolean;
  /** Excel's error (code and message), or why it was not tried. */
  error?: string;
}

export interface SelfTestReport {
  rows: SelfTestRow[];
  platform: string;
  officeVersion: string;
  /** The ExcelApi sets this Excel has, e.g. ["1.1", …, "1.17"]. */
  sets: string[];
  at: string;
}
