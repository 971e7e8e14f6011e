// How many figures and comments a template for a centre carries over from the master.
import type { WorkbookState } from "../sheets/readWorkbook";

export function prefilledCount(state: WorkbookState, contractId: string, code: string): number {
  const c = state.centres.find((x) => x.contract.id === contractId && x.centre.code === code);
  const filled = (v: unknown) => v !== null && v !== "";
  return c
    ? c.rows
        .filter((r) => r.rowNumber !== undefined)
        .reduce((n, r) => n + [r.grundlag, r.resultat, r.comment].filter(filled).length, 0)
    : 0;
}
