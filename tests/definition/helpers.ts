// Shared bits of the definition tests: a plan's values as the grid a shell reads back.
import type { SheetGrid } from "../../src/sheets/grid";
import type { SheetPlan } from "../../src/sheets/plan";
import { readDefinitionSheet } from "../../src/definition/readDefinitionSheet";
import { problemText } from "../../src/definition/problems";
import type { Contract } from "../../src/contracts/model";

export function gridOf(plan: SheetPlan): SheetGrid {
  return {
    name: plan.name,
    values: plan.cells.map((line) => line.map((c) => (c && "value" in c ? c.value : null))),
  };
}

/** The contract read from a grid, or a failure listing every problem with its cell. */
export function contractOf(grid: SheetGrid): Contract {
  const read = readDefinitionSheet(grid);
  if (!read.ok) throw new Error(read.problems.map(problemText).join("\n"));
  return read.contract;
}

/** The problems of a grid (which must have some). */
export function problemsOf(grid: SheetGrid): string[] {
  const read = readDefinitionSheet(grid);
  if (read.ok) throw new Error("the definition was read without problems");
  return read.problems.map(problemText);
}

/**
 * The one thing a sheet with a column per centre cannot keep: the order in which the JSON lists a
 * goal's excluded centres (jc-k01 says JSV, CJF). It means nothing, and the sheet reads them back in
 * the contract's centre order; everything else must be identical.
 */
export function excludedInCentreOrder(contract: Contract): Contract {
  const order = contract.centres.map((c) => c.code);
  return {
    ...contract,
    goals: contract.goals.map((g) =>
      g.excluded ? { ...g, excluded: order.filter((code) => g.excluded!.includes(code)) } : g,
    ),
  };
}
