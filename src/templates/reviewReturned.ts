// The checks a list of returned files goes through before anything is imported, as the command
// line's import does them: which files to skip (lock files, not .xlsx, the same content twice, two
// different files for one centre), which to refuse and why, and what the rest would change.
// The file reader and the hash are handed in, so the task pane can run this in the browser.
import type { SheetGrid } from "../sheets/grid";
import type { WorkbookState } from "../sheets/readWorkbook";
import { dropSameCentre, dropSameContent, scanFolder, type Skipped } from "./folderScan";
import { templateInputs, type KindAt, type TemplateInputs } from "./inputCells";
import { previewImport, type ImportPreview } from "./previewImport";
import type { Refusal } from "./refusal";
import { verifyTemplate, type VerifiedTemplate } from "./verifyTemplate";

export interface ReturnedBytes {
  /** The file's own name (what the user picked). */
  name: string;
  bytes: Uint8Array;
}

export type ReadResult =
  { ok: true; grids: SheetGrid[]; kindsOf: (sheet: string) => KindAt } | { ok: false; refusal: Refusal };

export interface ReviewDeps {
  read(bytes: Uint8Array, file: string, maxBytes: number): Promise<ReadResult>;
  hash(bytes: Uint8Array): Promise<string>;
  /** Larger files are refused (a generous multiple of a fresh template's size). */
  maxBytes: number;
}

export interface AcceptedReturn {
  file: string;
  /** The file's sheets and cell kinds, kept to check it again against the workbook before writing. */
  grids: SheetGrid[];
  kindAt: KindAt;
  template: VerifiedTemplate;
  inputs: TemplateInputs;
  preview: ImportPreview;
}

export interface ReturnedReview {
  skipped: Skipped[];
  refusals: Refusal[];
  accepted: AcceptedReturn[];
}

export async function reviewReturned(
  files: ReturnedBytes[],
  master: { state: WorkbookState; grids: SheetGrid[] },
  deps: ReviewDeps,
): Promise<ReturnedReview> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const scan = scanFolder(
    files.map((f) => ({ name: f.name, kind: "file" as const })),
    (name) => name,
  );
  const skipped: Skipped[] = [...scan.skipped];
  const refusals: Refusal[] = [];

  const candidates: { file: string; bytes: Uint8Array; hash: string }[] = [];
  for (const name of scan.take) {
    const f = byName.get(name)!;
    if (f.bytes.length > deps.maxBytes) {
      refusals.push({ kind: "tooLarge", file: name, bytes: f.bytes.length, limit: deps.maxBytes });
      continue;
    }
    candidates.push({ file: name, bytes: f.bytes, hash: await deps.hash(f.bytes) });
  }
  const distinct = dropSameContent(candidates);
  skipped.push(...distinct.skipped);

  const verified: {
    grids: SheetGrid[];
    kindAt: KindAt;
    file: string;
    centre: string;
    centreKey: string;
  }[] = [];
  for (const c of distinct.take) {
    const read = await deps.read(c.bytes, c.file, deps.maxBytes);
    if (!read.ok) {
      refusals.push(read.refusal);
      continue;
    }
    const v = verifyTemplate(master.state.meta, read.grids, c.file);
    if (!v.ok) {
      refusals.push(v.refusal);
      continue;
    }
    verified.push({
      grids: read.grids,
      kindAt: read.kindsOf(v.template.grid.name),
      file: c.file,
      centre: v.template.centre.code,
      centreKey: `${v.template.contract.id}\u0000${v.template.centre.code}`,
    });
  }
  const perCentre = dropSameCentre(verified);
  skipped.push(...perCentre.skipped);

  const accepted: AcceptedReturn[] = [];
  for (const v of perCentre.take) {
    const result = previewFile(v.file, v.grids, v.kindAt, master);
    if (!result.ok) refusals.push(result.refusal);
    else accepted.push(result.accepted);
  }
  return { skipped, refusals, accepted };
}

type PreviewFileResult = { ok: true; accepted: AcceptedReturn } | { ok: false; refusal: Refusal };

/** Checks one read file against the workbook and works out what importing it would change. */
export function previewFile(
  file: string,
  grids: SheetGrid[],
  kindAt: KindAt,
  master: { state: WorkbookState; grids: SheetGrid[] },
): PreviewFileResult {
  const v = verifyTemplate(master.state.meta, grids, file);
  if (!v.ok) return { ok: false, refusal: v.refusal };
  const inputs = templateInputs(v.template, kindAt);
  const result = previewImport(v.template, inputs, master.state, master.grids);
  if (!result.ok) return { ok: false, refusal: result.refusal };
  return {
    ok: true,
    accepted: { file, grids, kindAt, template: v.template, inputs, preview: result.preview },
  };
}

/**
 * The accepted files checked again against the workbook as it is now, just before writing: the
 * user may have typed, rebuilt or imported something since the preview was made.
 */
export function reviewAgain(
  accepted: AcceptedReturn[],
  master: { state: WorkbookState; grids: SheetGrid[] },
): { accepted: AcceptedReturn[]; refusals: Refusal[] } {
  const out: AcceptedReturn[] = [];
  const refusals: Refusal[] = [];
  for (const a of accepted) {
    const result = previewFile(a.file, a.grids, a.kindAt, master);
    if (result.ok) out.push(result.accepted);
    else refusals.push(result.refusal);
  }
  return { accepted: out, refusals };
}
