// Both built-in definitions survive openpyxl (a tool that is not ours) opening and saving the file.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtinContracts } from "../../src/contracts/builtin";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
import { readGrids } from "../../src/xlsx/readGrids";
import { writePlan } from "../../src/xlsx/writePlan";
import { openpyxlProblem, PYTHON } from "../templates/helpers";
import { contractOf } from "./helpers";

describe("definition sheet round trip through openpyxl", () => {
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
        expect(contractOf(grids[0]!)).toEqual(contract);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  );
});
