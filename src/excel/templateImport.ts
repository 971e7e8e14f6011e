// Importing returned templates in Excel: the files are checked with the command line's core
// (zip guard, exceljs read, verifyTemplate, previewImport), the user sees the preview, and then
// the figures, Log rows and `returned` trips go into the workbook in one write.
import { rowsFor } from "../contracts/resolve";
import type { AppliedImport } from "../templates/applyImport";
import { logWrites } from "../templates/auditLog";
import { applyWithChoices, fieldKey } from "../templates/conflictChoices";
import { skipNote } from "../templates/folderScan";
import { sameFigure } from "../templates/previewImport";
import { refusalMessage } from "../templates/refusal";
import {
  reviewReturned,
  type AcceptedReturn,
  type ReturnedBytes,
  type ReturnedReview,
} from "../templates/reviewReturned";
import { sizeLimit } from "../templates/zipGuard";
import { planTemplate } from "../templates/planTemplate";
import { tripWrites } from "../templates/tripCells";
import type { FileReview, ImportChoices, ImportReview } from "../taskpane/workbookHost";
import type { CellTransaction } from "./cellTransaction";
import { masterTransaction } from "./masterCells";
import type { MasterRead } from "./readMaster";

/** Checks the files against the workbook; exceljs is loaded here, on first use. */
export async function reviewFiles(master: MasterRead, files: ReturnedBytes[]): Promise<ReturnedReview> {
  const [{ readReturnedFile }, { writePlanBytes }] = await Promise.all([
    import("../xlsx/returnedFile"),
    import("../xlsx/writePlan"),
  ]);
  // As on the command line: at most 20 times a fresh template of the largest centre.
  const biggest = [...master.state.centres].sort((a, b) => b.rows.length - a.rows.length)[0]!;
  const fresh = await writePlanBytes(
    planTemplate(biggest.contract, biggest.centre.code, { exportedAt: new Date(0).toISOString() }),
  );
  return reviewReturned(files, master, {
    maxBytes: sizeLimit(fresh.length),
    hash: contentHash,
    read: async (bytes, file, maxBytes) => {
      const r = await readReturnedFile(bytes, file, maxBytes);
      return r.ok ? { ok: true, grids: r.read.grids, kindsOf: r.read.kindsOf } : r;
    },
  });
}

/** What the pane shows: Danish refusals and notes, and per file each field with its goal's text. */
export function paneReview(review: ReturnedReview): ImportReview {
  return {
    files: review.accepted.map(fileReview),
    refused: review.refusals.map((r) => ({ file: r.file, message: refusalMessage(r) })),
    skipped: review.skipped.map((s) => ({ file: s.file, message: skipNote(s) })),
  };
}

function fileReview(a: AcceptedReturn): FileReview {
  const p = a.preview;
  const texts = new Map(rowsFor(a.template.contract, p.centre).map((r) => [r.id, r.text]));
  return {
    file: p.file,
    centre: p.centre,
    centreName: p.centreName,
    sheet: p.sheet,
    exportedAt: p.exportedAt,
    fields: p.fields.map((f) => ({
      key: fieldKey(p.file, f.goalId, f.field),
      goalId: f.goalId,
      goalText: texts.get(f.goalId) ?? "",
      field: f.field,
      address: f.masterAddress,
      kind: f.kind,
      old: f.old,
      ...(f.oldFormula ? { oldFormula: f.oldFormula } : {}),
      value: f.value,
    })),
    rejected: p.rejected.map((r) => ({ address: r.address, goalId: r.goalId, reason: r.reason })),
    unknownIds: p.unknownIds,
  };
}

/** Whether two previews would make the same changes (the workbook has not changed in between). */
export function sameChanges(a: FileReview[], b: FileReview[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((fa, i) => {
    const fb = b[i]!;
    if (fa.file !== fb.file || fa.sheet !== fb.sheet || fa.fields.length !== fb.fields.length) return false;
    return fa.fields.every((x, j) => {
      const y = fb.fields[j]!;
      return (
        x.key === y.key &&
        x.kind === y.kind &&
        x.address === y.address &&
        (x.oldFormula ?? "") === (y.oldFormula ?? "") &&
        sameFigure(x.old, y.old) &&
        sameFigure(x.value, y.value)
      );
    });
  });
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
    createLog: log.createSheet,
  });
  return { tx, applied, summaryStale: trips.summaryStale };
}

/** SHA-256 where the browser offers it (https, localhost); else a 64-bit FNV-1a with the length. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ bytes[bytes.length - 1 - i]!, 0x01000193) >>> 0;
  }
  return `${bytes.length}-${h1.toString(16)}-${h2.toString(16)}`;
}
