// Opens a contract workbook for the command line: bytes, grids and the state read from them.
import * as path from "node:path";
import type { SheetGrid } from "../sheets/grid";
import { readWorkbook, type WorkbookState } from "../sheets/readWorkbook";
import { readGrids } from "../xlsx/readGrids";
import { readInput } from "./files";

export interface OpenedWorkbook {
  file: string;
  buffer: Buffer;
  grids: SheetGrid[];
  state: WorkbookState;
}

export async function openContractWorkbook(file: string): Promise<OpenedWorkbook> {
  const buffer = await readInput(file);
  const grids = await readGrids(buffer, { fileName: path.basename(file) });
  return { file, buffer, grids, state: readWorkbook(grids) };
}
