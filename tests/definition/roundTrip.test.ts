// JSON → definition sheet → JSON is lossless for both built-in contracts, in the plan and through
// a real .xlsx file.
import { builtinContracts } from "../../src/contracts/builtin";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
import { writePlan } from "../../src/xlsx/writePlan";
import { readGrids } from "../../src/xlsx/readGrids";
import { contractOf, gridOf } from "./helpers";

describe("definition sheet round trip", () => {
  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s comes back deep-equal from the plan",
    (_, contract) => {
      const plan = planDefinitionSheet(contract);
      expect(contractOf(gridOf(plan))).toEqual(contract);
    },
  );

  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s comes back deep-equal from an .xlsx file",
    async (_, contract) => {
      const plan = planDefinitionSheet(contract);
      const grids = await readGrids(await writePlan({ sheets: [plan], names: [] }));
      expect(contractOf(grids[0]!)).toEqual(contract);
    },
  );
});
