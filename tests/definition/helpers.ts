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
