// Opens a contract workbook for the command line: bytes, grids and the state read from them.
import * as path from "node:path";
import type { SheetGrid } from "../sheets/grid";
import { readWorkbook, type WorkbookState } from "../sheets/readWorkbook";
import type { PartReader } from "../xlsx/boundedLoad";
import { nativePartReader } from "../xlsx/nativeParts";
import { readGrids } from "../xlsx/readGrids";
import { readInput } from "./files";

export interface OpenedWorkbook {
  file: string;
  buffer: Buffer;
  grids: SheetGrid[];
  state: WorkbookState;
  /** The buffer's parts, read with Node's zlib, for a command that patches them (fill). */
  readPart: PartReader;
}

export async function openContractWorkbook(file: string): Promise<OpenedWorkbook> {
  const buffer = await readInput(file);
  const readPart = nativePartReader(buffer);
  const grids = await readGrids(buffer, { fileName: path.basename(file), readPart });
  return { file, buffer, grids, state: readWorkbook(grids), readPart };
}
