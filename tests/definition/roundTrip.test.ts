// JSON → definition sheet → JSON is lossless for both built-in contracts, in the plan and through
// a real .xlsx file.
import { builtinContracts } from "../../src/contracts/builtin";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
import { writePlan } from "../../src/xlsx/writePlan";
import { readGrids } from "../../src/xlsx/readGrids";
import type { Contract } from "../../src/contracts/model";
import { contractOf, gridOf } from "./helpers";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openpyxlProblem, PYTHON } from "../templates/helpers";

/**
 * The one thing a sheet with a column per centre cannot keep: the order in which the JSON lists a
 * goal's excluded centres (jc-k01 says JSV, CJF). It means nothing, and the sheet reads them back in
 * the contract's centre order; everything else must be identical.
 */
function excludedInCentreOrder(contract: Contract): Contract {
  const order = contract.centres.map((c) => c.code);
  return {
    ...contract,
    goals: contract.goals.map((g) =>
      g.excluded ? { ...g, excluded: order.filter((code) => g.excluded!.includes(code)) } : g,
    ),
  };
}

describe("definition sheet round trip", () => {
  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s comes back deep-equal from the plan",
    (_, contract) => {
      const plan = planDefinitionSheet(contract);
      expect(contractOf(gridOf(plan))).toEqual(excludedInCentreOrder(contract));
    },
  );

  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s comes back deep-equal from an .xlsx file",
    async (_, contract) => {
      const plan = planDefinitionSheet(contract);
      const grids = await readGrids(await writePlan({ sheets: [plan], names: [] }));
      expect(contractOf(grids[0]!)).toEqual(excludedInCentreOrder(contract));
    },
  );

  const noOpenpyxl = openpyxlProblem();
  (noOpenpyxl ? it.skip : it).each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s comes back deep-equal after openpyxl (a tool that is not ours) has opened and saved the file",
    async (_, contract) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "rk-def-openpyxl-"));
      try {
        const a = path.join(dir, "a.xlsx");
        const b = path.join(dir, "b.xlsx");
        await fs.writeFile(a, await writePlan({ sheets: [planDefinitionSheet(contract)], names: [] }));
        const r = spawnSync(
          PYTHON,
          ["-c", "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", a, b],
          {
            encoding: "utf8",
          },
        );
        expect(r.stderr).toBe("");
        const grids = await readGrids(await fs.readFile(b));
        expect(contractOf(grids[0]!)).toEqual(excludedInCentreOrder(contract));
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  );
});
