// The review as people see it: per file each field with its goal's text, refusals and skip notes
// in Danish, text from the file with its control characters made visible. The Office shell hands
// this to the pane; the command line prints the same facts as a table.
import type { CellValue } from "../contracts/model";
import { rowsFor } from "../contracts/resolve";
import { fieldKey } from "./conflictChoices";
import { skipNote } from "./folderScan";
import type { FileReview, ImportReview } from "./importTypes";
import { sameFigure } from "./sameFigure";
import { refusalMessage } from "./refusal";
import type { AcceptedReturn, ReturnedReview } from "./reviewReturned";
import { shownText } from "./shownText";

export type * from "./importTypes";

const shownCell = <T extends CellValue>(v: T): T => (typeof v === "string" ? (shownText(v) as T) : v);

/** What the pane shows: Danish refusals and notes, and per file each field with its goal's text. */
export function paneReview(review: ReturnedReview): ImportReview {
  return {
    files: review.accepted.map(fileReview),
    refused: review.refusals.map((r) => ({ file: shownText(r.file), message: refusalMessage(r) })),
    skipped: review.skipped.map((s) => ({ file: shownText(s.file), message: skipNote(s) })),
  };
}

function fileReview(a: AcceptedReturn): FileReview {
  const p = a.preview;
  const texts = new Map(rowsFor(a.template.contract, p.centre).map((r) => [r.id, r.text]));
  return {
    file: shownText(p.file),
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
      old: shownCell(f.old),
      ...(f.oldFormula ? { oldFormula: f.oldFormula } : {}),
      value: shownCell(f.value),
    })),
    rejected: p.rejected.map((r) => ({ address: r.address, goalId: r.goalId, reason: r.reason })),
    unknownIds: p.unknownIds.map(shownText),
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
