// Every definition sheet of a workbook, read into contracts — or every problem of every sheet.
import type { Contract } from "../contracts/model";
import type { SheetGrid } from "../sheets/grid";
import type { DefinitionProblem } from "./problems";
import { isDefinitionGrid, readDefinitionSheet } from "./readDefinitionSheet";

export interface DefinitionsRead {
  /** The contracts, each with the sheet it was read from; empty when any problem remains. */
  definitions: { sheet: string; contract: Contract }[];
  problems: DefinitionProblem[];
  /** Names of the definition sheets found (also those with problems). */
  sheets: string[];
}

export function readDefinitions(grids: SheetGrid[]): DefinitionsRead {
  const found = grids.filter(isDefinitionGrid);
  const problems: DefinitionProblem[] = [];
  const definitions: DefinitionsRead["definitions"] = [];
  for (const grid of found) {
    const read = readDefinitionSheet(grid);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const twin = definitions.find((d) => d.contract.id === read.contract.id);
    if (twin) {
      problems.push({
        sheet: grid.name,
        cell: "B2",
        message: `Kontrakt-id «${read.contract.id}» bruges også i arket «${twin.sheet}». Giv hver kontrakt sit eget id.`,
      });
      continue;
    }
    definitions.push({ sheet: grid.name, contract: read.contract });
  }
  return { definitions: problems.length ? [] : definitions, problems, sheets: found.map((g) => g.name) };
}
