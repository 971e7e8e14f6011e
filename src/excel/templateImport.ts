// Importing returned templates in Excel: the files go through the same review as on the command
// line (templates/reviewReturned, here going on past a refused file), the user sees the preview,
// and then the figures, Log rows and `returned` trips go into the workbook in one write.
import type { AppliedImport } from "../templates/applyImport";
import { logWrites } from "../templates/auditLog";
import { applyWithChoices } from "../templates/conflictChoices";
import type { ImportChoices, ReturnedFile } from "../templates/importTypes";
import type { AcceptedReturn, ReturnedReview } from "../templates/reviewReturned";
import { tripWrites } from "../templates/tripCells";
import type { CellTransaction } from "./cellTransaction";
import { masterTransaction } from "./masterCells";
import type { MasterRead } from "./readMaster";

export { paneReview, sameChanges } from "../templates/importReview";

/** Checks the files against the workbook; exceljs is loaded here, on first use. */
export async function reviewFiles(master: MasterRead, files: ReturnedFile[]): Promise<ReturnedReview> {
  const { reviewReturnedFiles } = await import("../xlsx/templateFiles");
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sources = sorted.map((f) => ({
    name: f.name,
    shown: f.name,
    size: f.bytes.length,
    bytes: async () => f.bytes,
  }));
  return reviewReturnedFiles(sources, master, "skipRefused");
}

export interface ImportWrite {
  tx: CellTransaction;
  applied: AppliedImport;
  summaryStale: boolean;
}

/** The figures as the user chose, the Log rows and the `returned` trips, as one transaction. */
export function importTransaction(
  master: MasterRead,
  accepted: AcceptedReturn[],
  choices: ImportChoices,
  at: string,
): ImportWrite {
  const applied = applyWithChoices(
    accepted.map((a) => a.preview),
    choices.conflicts,
    choices.perConflict ?? {},
    at,
  );
  const log = logWrites(master.grids, applied.log);
  const trips = tripWrites(master.state, master.grids, applied.trips, at);
  const tx = masterTransaction(master, [...applied.writes, ...log.writes, ...trips.writes], {
    createLog: log.createSheet ? log.sheet : undefined,
  });
  return { tx, applied, summaryStale: trips.summaryStale };
}
