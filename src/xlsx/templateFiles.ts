// The xlsx side of the template pipeline, shared by the command line and the task pane: the
// templates to send rendered to bytes, and returned files reviewed with this shell's reader.
// No Node APIs: the pane loads this with import(), so exceljs stays out of its first chunk.
import type { WorkbookState } from "../sheets/readWorkbook";
import type { SheetGrid } from "../sheets/grid";
import { contentHash } from "../templates/contentHash";
import { templatesToSend, type ExportOptions } from "../templates/exportTemplates";
import type { TemplateFile } from "../templates/importTypes";
import {
  reviewReturned,
  type RefusalPolicy,
  type ReturnedReview,
  type ReturnedSource,
} from "../templates/reviewReturned";
import { returnedSizeLimit } from "../templates/zipGuard";
import { readReturnedFile } from "./returnedFile";
import { writePlanBytes } from "./writePlan";

export class UnknownCentre extends Error {}

/** One file per chosen centre; throws UnknownCentre (a Danish message) for a centre the master lacks. */
export async function renderTemplates(state: WorkbookState, options: ExportOptions): Promise<TemplateFile[]> {
  const chosen = templatesToSend(state, options);
  if (!chosen.ok) {
    throw new UnknownCentre(
      chosen.why === "noCentres"
        ? "Projektmappen har ingen centerark at lave skabeloner til."
        : chosen.why === "unknownCentre"
          ? `Ukendt center "${chosen.unknown}". Projektmappens centre er: ${chosen.known.join(", ")}.`
          : `Centerkoden "${chosen.centre}" kan ikke bruges som navn på et ark: den ${chosen.problem}. Ret centerkoden i kontrakten.`,
    );
  }
  const files: TemplateFile[] = [];
  for (const t of chosen.templates) {
    files.push({
      name: t.name,
      contractId: t.contract.id,
      centre: t.centre,
      centreName: t.centreName,
      bytes: await writePlanBytes(t.plan),
      prefilled: t.prefilled,
    });
  }
  return files;
}

/** Returned files checked against the master, with the one size limit and this shell's reader. */
export async function reviewReturnedFiles(
  sources: ReturnedSource[],
  master: { state: WorkbookState; grids: SheetGrid[] },
  policy: RefusalPolicy,
): Promise<ReturnedReview> {
  return reviewReturned(sources, master, {
    maxBytes: await returnedSizeLimit(master.state, writePlanBytes),
    hash: contentHash,
    policy,
    read: async (bytes, file, maxBytes) => {
      const r = await readReturnedFile(bytes, file, maxBytes);
      return r.ok ? { ok: true, grids: r.read.grids, kindsOf: r.read.kindsOf } : r;
    },
  });
}
