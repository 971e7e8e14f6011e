// Reads a returned template's bytes as the import needs them: the zip guard first, then exceljs,
// then every sheet's grid and a way to tell what an input cell holds. No Node APIs: the task pane
// runs this in the browser (loaded with import(), so exceljs stays out of the pane's first chunk).
import ExcelJS from "exceljs";
import type { SheetGrid } from "../sheets/grid";
import type { KindAt } from "../templates/inputCells";
import type { Refusal } from "../templates/refusal";
import { DEFAULT_LIMITS, guardZip } from "../templates/zipGuard";
import { cellKinds } from "./cellKinds";
import { gridsOf } from "./readGrids";

export interface ReadReturned {
  grids: SheetGrid[];
  /** What each input cell of the named sheet holds (formula, date, link …). */
  kindsOf(sheet: string): KindAt;
}

export type ReturnedResult = { ok: true; read: ReadReturned } | { ok: false; refusal: Refusal };

export async function readReturnedFile(
  bytes: Uint8Array,
  file: string,
  maxBytes: number = DEFAULT_LIMITS.maxBytes,
): Promise<ReturnedResult> {
  const guarded = await guardZip(bytes, file, { ...DEFAULT_LIMITS, maxBytes });
  if (guarded) return { ok: false, refusal: guarded };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, refusal: { kind: "corrupt", file } };
  }
  return {
    ok: true,
    read: { grids: gridsOf(wb), kindsOf: (sheet) => cellKinds(wb.getWorksheet(sheet)) },
  };
}
