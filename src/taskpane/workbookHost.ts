// What the task pane needs from the workbook. The Office.js shell implements it in Excel;
// tests hand the pane a fake. Components never touch Office directly.
import type { Status } from "../contracts/model";

export interface ContractChoice {
  id: string;
  title: string;
  year: number;
  centres: { code: string; name: string }[];
}

/** A goal row that needs attention: failing, invalid or lacking data. */
export interface AttentionRow {
  goalId: string;
  text: string;
  status: Exclude<Status, "met" | "not_applicable">;
  message: string;
  sheet: string;
  /** 1-based row number in the sheet, for selecting it. */
  row: number;
}

export interface CentreOverview {
  code: string;
  name: string;
  contractId: string;
  sheet: string;
  counts: Record<"met" | "not_met" | "missing" | "invalid", number>;
  attention: AttentionRow[];
}

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
}

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
}
