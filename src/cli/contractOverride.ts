// `check --contract`: judge a workbook's figures by a contract given on the command line (a
// changed definition, say) instead of the copy the workbook was built with. Figures still follow
// goal ids, so a changed requirement is judged on the same cells.
import type { Contract } from "../contracts/model";
import type { SheetGrid } from "../sheets/grid";
import { readCentreSheet, type WorkbookState } from "../sheets/readWorkbook";
import { CliError } from "./errors";

export function withContracts(
  state: WorkbookState,
  grids: SheetGrid[],
  contracts: Contract[],
): WorkbookState {
  const known = state.meta.contracts.map((c) => c.id);
  for (const c of contracts) {
    if (!known.includes(c.id))
      throw new CliError(
        `Projektmappen er ikke bygget til kontrakten "${c.id}" (den har ${known.join(", ") || "ingen"}). Byg den med kontrakt build --contract …`,
      );
  }
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const centres = state.meta.sheets.flatMap((ref) => {
    const contract = byId.get(ref.contractId) ?? state.meta.contracts.find((c) => c.id === ref.contractId);
    const centre = contract?.centres.find((c) => c.code === ref.centre);
    const grid = grids.find((g) => g.name === ref.sheet);
    return contract && centre && grid ? [readCentreSheet(grid, contract, centre)] : [];
  });
  return {
    meta: { ...state.meta, contracts: state.meta.contracts.map((c) => byId.get(c.id) ?? c) },
    centres,
  };
}
