// The one pipeline a list of returned files goes through before anything is imported, for the
// command line and the task pane alike: which files to skip (lock files, not .xlsx, the same
// content twice, two different files for one centre), which to refuse and why, and what the rest
// would change. The reader and the hash are handed in, so the pane runs this in the browser; the
// policy says what one refused file means: the command line refuses them all, the pane goes on
// with the good ones.
import type { SheetGrid } from "../sheets/grid";
import type { WorkbookState } from "../sheets/readWorkbook";
import { dropSameCentre, dropSameContent, scanFolder, type Skipped } from "./folderScan";
import { templateInputs, type KindAt, type TemplateInputs } from "./inputCells";
import { previewImport, type FilePreview } from "./previewImport";
import type { Refusal } from "./refusal";
import { verifyTemplate, type VerifiedTemplate } from "./verifyTemplate";

export interface ReturnedSource {
  /** The file's own name: what the preview, the Log and the trip call it. */
  name: string;
  /** What messages call it: the path as given on the command line, or the name. */
  shown: string;
  /** Its size in bytes, known before it is read, so a huge file is never read. */
  size: number;
  bytes(): Promise<Uint8Array>;
}

export type ReadResult =
  { ok: true; grids: SheetGrid[]; kindsOf: (sheet: string) => KindAt } | { ok: false; refusal: Refusal };

/** "refuseAll": one refused file and nothing is imported (the command line). "skipRefused": the rest go on (the pane). */
export type RefusalPolicy = "refuseAll" | "skipRefused";

export interface ReviewDeps {
  read(bytes: Uint8Array, file: string, maxBytes: number): Promise<ReadResult>;
  hash(bytes: Uint8Array): Promise<string>;
  /** Larger files are refused (returnedSizeLimit). */
  maxBytes: number;
  policy: RefusalPolicy;
}

export interface AcceptedReturn {
  /** The file's own name. */
  file: string;
  /** What messages call it. */
  shown: string;
  /** The file's sheets and cell kinds, kept to check it again against the workbook before writing. */
  grids: SheetGrid[];
  kindAt: KindAt;
  template: VerifiedTemplate;
  inputs: TemplateInputs;
  preview: FilePreview;
}

export interface ReturnedReview {
  skipped: Skipped[];
  refusals: Refusal[];
  accepted: AcceptedReturn[];
}

type Master = { state: WorkbookState; grids: SheetGrid[] };

export async function reviewReturned(
  sources: ReturnedSource[],
  master: Master,
  deps: ReviewDeps,
): Promise<ReturnedReview> {
  // Each source on its own, in the order given (the caller sorts a folder's files by name).
  const skipped: Skipped[] = [];
  const taken: ReturnedSource[] = [];
  for (const s of sources) {
    const scan = scanFolder([{ name: s.name, kind: "file" }], () => s.shown);
    if (scan.take.length) taken.push(s);
    skipped.push(...scan.skipped);
  }
  const refusals: Refusal[] = [];
  const stop = () => deps.policy === "refuseAll" && refusals.length > 0;
  const result = (accepted: AcceptedReturn[]): ReturnedReview => ({
    skipped,
    refusals,
    accepted: stop() ? [] : accepted,
  });

  const candidates: { source: ReturnedSource; file: string; bytes: Uint8Array; hash: string }[] = [];
  for (const source of taken) {
    if (source.size > deps.maxBytes) {
      refusals.push({ kind: "tooLarge", file: source.shown, bytes: source.size, limit: deps.maxBytes });
      continue;
    }
    const bytes = await source.bytes();
    candidates.push({ source, file: source.shown, bytes, hash: await deps.hash(bytes) });
  }
  const distinct = dropSameContent(candidates);
  skipped.push(...distinct.skipped);

  const verified: {
    source: ReturnedSource;
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
      source: c.source,
      grids: read.grids,
      kindAt: read.kindsOf(v.template.grid.name),
      file: c.file,
      centre: v.template.centre.code,
      centreKey: `${v.template.contract.id}\u0000${v.template.centre.code}`,
    });
  }
  const perCentre = dropSameCentre(verified);
  skipped.push(...perCentre.skipped);
  if (stop()) return result([]);

  const accepted: AcceptedReturn[] = [];
  for (const v of perCentre.take) {
    const previewed = previewFile({ file: v.source.name, shown: v.source.shown }, v.grids, v.kindAt, master);
    if (!previewed.ok) refusals.push(previewed.refusal);
    else accepted.push(previewed.accepted);
  }
  return result(accepted);
}

type PreviewFileResult = { ok: true; accepted: AcceptedReturn } | { ok: false; refusal: Refusal };

/** Checks one read file against the workbook and works out what importing it would change. */
export function previewFile(
  names: { file: string; shown: string },
  grids: SheetGrid[],
  kindAt: KindAt,
  master: Master,
): PreviewFileResult {
  const v = verifyTemplate(master.state.meta, grids, names.shown);
  if (!v.ok) return { ok: false, refusal: v.refusal };
  const inputs = templateInputs(v.template, kindAt);
  const result = previewImport({ ...v.template, file: names.file }, inputs, master.state, master.grids);
  if (!result.ok) return { ok: false, refusal: { ...result.refusal, file: names.shown } };
  return {
    ok: true,
    accepted: { ...names, grids, kindAt, template: v.template, inputs, preview: result.preview },
  };
}

/**
 * The accepted files checked again against the workbook as it is now, just before writing: the
 * user may have typed, rebuilt or imported something since the preview was made.
 */
export function reviewAgain(
  accepted: AcceptedReturn[],
  master: Master,
): { accepted: AcceptedReturn[]; refusals: Refusal[] } {
  const out: AcceptedReturn[] = [];
  const refusals: Refusal[] = [];
  for (const a of accepted) {
    const result = previewFile(a, a.grids, a.kindAt, master);
    if (result.ok) out.push(result.accepted);
    else refusals.push(result.refusal);
  }
  return { accepted: out, refusals };
}
