// "Send skabeloner ud" in Excel: the same templates as the command line's export
// (xlsx/templateFiles), and the trip of each noted in RK_Data and in Oversigt's "Indsendt" row in
// one write. exceljs arrives only now, with import().
import { exportTrips } from "../templates/exportTemplates";
import type { TemplateFile } from "../templates/importTypes";
import { tripWrites } from "../templates/tripCells";
import type { CellTransaction } from "./cellTransaction";
import { masterTransaction } from "./masterCells";
import type { MasterRead } from "./readMaster";

export async function makeTemplates(
  master: MasterRead,
  options: { prefill: boolean; exportedAt: string },
): Promise<TemplateFile[]> {
  const { renderTemplates } = await import("../xlsx/templateFiles");
  return renderTemplates(master.state, options);
}

/** The `exported` trips of the files, as one transaction on RK_Data and Oversigt. */
export function exportTransaction(
  master: MasterRead,
  files: TemplateFile[],
  exportedAt: string,
): { tx: CellTransaction; summaryStale: boolean } {
  const record = tripWrites(master.state, master.grids, exportTrips(files, exportedAt), exportedAt);
  return { tx: masterTransaction(master, record.writes), summaryStale: record.summaryStale };
}

/** Base64 of the bytes, for Excel.createWorkbook; in slices, so a large file does not overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
