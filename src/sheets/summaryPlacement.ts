// Where Oversigt's formulas must point: the goal rows as the metadata says the sheets were built,
// or, when someone has moved rows since, where column A's goal ids say they are now.
import type { SheetGrid } from "./grid";
import type { Meta } from "./meta";
import { placeCentres } from "./planWorkbook";
import type { PlacedCentreSheet } from "./planSummary";
import { goalRowNumbers } from "./readWorkbook";

/** The rows of the given centres' sheets as they were built (only sheets the metadata lists). */
export function expectedPlacement(meta: Meta, centres: string[]): PlacedCentreSheet[] {
  return placeCentres(meta.contracts, centres).filter((p) =>
    meta.sheets.some((s) => s.contractId === p.contractId && s.centre === p.centre),
  );
}

/** True when every sheet's column A holds exactly the goal ids where the placement expects them. */
export function samePlacement(placed: PlacedCentreSheet[], grids: SheetGrid[]): boolean {
  return placed.every((p) => {
    const grid = grids.find((g) => g.name === p.sheet);
    if (!grid) return false;
    const actual = goalRowNumbers(grid);
    return [...p.rows].every(([id, row]) => actual.get(id) === row) && actual.size === p.rows.size;
  });
}

/** The placement as column A has it now; a goal whose id is gone from its sheet is left out. */
export function actualPlacement(placed: PlacedCentreSheet[], grids: SheetGrid[]): PlacedCentreSheet[] {
  return placed.map((p) => {
    const grid = grids.find((g) => g.name === p.sheet);
    const actual = grid ? goalRowNumbers(grid) : new Map<string, number>();
    return {
      ...p,
      rows: new Map(
        [...p.rows.keys()].filter((id) => actual.has(id)).map((id) => [id, actual.get(id)!] as const),
      ),
    };
  });
}
