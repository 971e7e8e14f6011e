// The names the command line, the Office shell and the pane all use for importing and exporting
// templates. Types only, with no imports beyond the model's cell value, so the pane can name
// them without pulling in the template core.
import type { CellValue } from "../contracts/model";

/** The input columns of a goal row. */
export type InputField = "grundlag" | "resultat" | "comment";

/** What importing one field would do: a new figure, the same figure, or a different one. */
export type FieldChangeKind = "new" | "unchanged" | "conflict";

/** What to do where the master already holds a different figure: keep it, or use the file's. */
export type ConflictChoice = "keep" | "replace";

/** The command line's choice: one for every conflict, or stop on the first ("fail"). */
export type ConflictPolicy = ConflictChoice | "fail";

/** A file the user picked to import. */
export interface ReturnedFile {
  name: string;
  bytes: Uint8Array;
}

/** A template made for one centre, ready to hand to the user. */
export interface TemplateFile {
  /** E.g. "beskaeftigelsescentre-2007_CKB_2007.xlsx". */
  name: string;
  contractId: string;
  centre: string;
  centreName: string;
  bytes: Uint8Array;
  /** Figures written in from the workbook ("Udfyld med tal fra projektmappen"). */
  prefilled: number;
}

/** One input cell of a returned template, against the workbook, as shown. */
export interface FieldReview {
  /** Unique within the review; keys the choice for a conflict. */
  key: string;
  goalId: string;
  goalText: string;
  field: InputField;
  /** A1 address in the workbook's centre sheet. */
  address: string;
  kind: FieldChangeKind;
  /** What the workbook holds now (a formula's result where it holds a formula). */
  old: CellValue;
  oldFormula?: string;
  /** The file's figure; a text with its control characters shown as escapes. */
  value: number | string;
}

export interface FileReview {
  file: string;
  centre: string;
  centreName: string;
  sheet: string;
  exportedAt: string;
  fields: FieldReview[];
  /** Input cells that are not imported (a formula, a date, an error …), in Danish, with the address. */
  rejected: { address: string; goalId: string; reason: string }[];
  /** Goal ids of rows the centre inserted (not imported). */
  unknownIds: string[];
}

export interface ImportReview {
  /** The files that can be imported. */
  files: FileReview[];
  /** Files refused, with the Danish reason; they change nothing. */
  refused: { file: string; message: string }[];
  /** Files not looked at (lock files, not .xlsx, duplicates), with a Danish note. */
  skipped: { file: string; message: string }[];
}

export interface ImportChoices {
  /** Where the workbook already holds a different figure: keep it, or replace it with the file's. */
  conflicts: ConflictChoice;
  /** Per conflict (FieldReview.key), overriding `conflicts`. */
  perConflict?: Record<string, ConflictChoice>;
}
