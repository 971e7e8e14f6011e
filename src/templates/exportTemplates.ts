// "Send the templates out", decided once for the command line and the pane: which centres, the
// file name of each, its plan (prefilled or not) and the `exported` trips to note in the master.
// Pure: the shells render the plans (writePlan) and write the trips.
import type { Contract } from "../contracts/model";
import type { TripEvent } from "../sheets/meta";
import type { WorkbookPlan } from "../sheets/plan";
import type { WorkbookState } from "../sheets/readWorkbook";
import { planTemplate } from "./planTemplate";
import { prefilledCount } from "./prefilledCount";
import { sheetNameProblem } from "../contracts/sheetNames";
import { templateFileNames } from "./templateFileName";

export interface TemplateToSend {
  name: string;
  contract: Contract;
  centre: string;
  centreName: string;
  plan: WorkbookPlan;
  prefilled: number;
}

export interface ExportOptions {
  prefill: boolean;
  exportedAt: string;
  /** Only these centre codes (any case); all centres of the master when absent. */
  centres?: string[];
}

export type ExportChoice =
  | { ok: true; templates: TemplateToSend[] }
  | { ok: false; why: "noCentres" }
  | { ok: false; why: "unknownCentre"; unknown: string; known: string[] }
  | { ok: false; why: "badCentreCode"; centre: string; problem: string };

/** The templates to make: one per chosen centre sheet of the master. */
export function templatesToSend(state: WorkbookState, options: ExportOptions): ExportChoice {
  const available = state.centres;
  if (available.length === 0) return { ok: false, why: "noCentres" };
  const known = available.map((c) => c.centre.code);
  const chosen = [];
  for (const wanted of options.centres?.length ? options.centres : known) {
    // NFC: a code typed on a Mac may arrive decomposed ("a" + combining ring for "å").
    const key = (s: string) => s.normalize("NFC").toLowerCase();
    const hit = available.find((c) => key(c.centre.code) === key(wanted));
    if (!hit) return { ok: false, why: "unknownCentre", unknown: wanted, known };
    const problem = sheetNameProblem(hit.centre.code);
    if (problem) return { ok: false, why: "badCentreCode", centre: hit.centre.code, problem };
    chosen.push(hit);
  }
  const names = templateFileNames(
    chosen.map((c) => ({ contractId: c.contract.id, centre: c.centre.code, year: c.contract.year })),
  );
  return {
    ok: true,
    templates: chosen.map((c, i) => ({
      name: names[i]!,
      contract: c.contract,
      centre: c.centre.code,
      centreName: c.centre.name,
      plan: planTemplate(c.contract, c.centre.code, {
        exportedAt: options.exportedAt,
        prefill: options.prefill ? state : undefined,
      }),
      prefilled: options.prefill ? prefilledCount(state, c.contract.id, c.centre.code) : 0,
    })),
  };
}

/** The trips to note in the master for the files that went out. */
export function exportTrips(
  files: { name: string; contractId: string; centre: string }[],
  exportedAt: string,
): TripEvent[] {
  return files.map((f) => ({
    event: "exported" as const,
    contractId: f.contractId,
    centre: f.centre,
    at: exportedAt,
    file: f.name,
  }));
}
