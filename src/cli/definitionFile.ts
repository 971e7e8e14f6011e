// --contract DEFINITION.xlsx: the contracts of a workbook's definition sheets, or a Danish error
// listing every problem with its cell (and nothing is built or written). A contract workbook
// without definition sheets gives the contracts it was built with.
import * as path from "node:path";
import type { Contract } from "../contracts/model";
import { problemText } from "../definition/problems";
import { readDefinitions } from "../definition/readDefinitions";
import { META_SHEET } from "../sheets/layout";
import { readMeta } from "../sheets/meta";
import { readGrids } from "../xlsx/readGrids";
import { CliError } from "./errors";
import { readInput } from "./files";

export async function contractsFromDefinitionWorkbook(
  file: string,
): Promise<{ sheet?: string; contract: Contract }[]> {
  const grids = await readGrids(await readInput(file), { fileName: path.basename(file) });
  const read = readDefinitions(grids);
  if (read.sheets.length === 0) {
    // A contract workbook without a definition sheet still carries its contracts (RK_Data).
    const meta = grids.find((g) => g.name === META_SHEET);
    if (meta) return readMeta(meta.values).contracts.map((contract) => ({ contract }));
    throw new CliError(
      `"${path.basename(file)}" har intet definitionsark (et ark med «Kontraktdefinition» i A1) og er ikke en kontraktprojektmappe. Lav et definitionsark med: kontrakt define --out ${path.basename(file)}`,
    );
  }
  if (read.problems.length) {
    const n = read.problems.length;
    throw new CliError(
      `Definitionen i "${path.basename(file)}" har ${n === 1 ? "et problem" : `${n} problemer`}; intet er bygget eller skrevet. Ret ${n === 1 ? "det" : "dem"} og prøv igen:`,
      read.problems.map(problemText),
    );
  }
  return read.definitions;
}
