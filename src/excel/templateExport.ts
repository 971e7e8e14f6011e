// "Send skabeloner ud" in Excel: one template per centre of the open workbook, from the same plan
// as the command line's export (planTemplate), and the trip of each noted in RK_Data and in
// Oversigt's "Indsendt" row in one write. exceljs arrives only now, with import().
import { planTemplate } from "../templates/planTemplate";
import { templateFileNames } from "../templates/templateFileName";
import { tripWrites } from "../templates/tripCells";
import type { TemplateFile } from "../taskpane/workbookHost";
import type { CellTransaction } from "./cellTransaction";
import { masterTransaction } from "./masterCells";
import type { MasterRead } from "./readMaster";
import { prefilledCount } from "../templates/prefilledCount";

export async function makeTemplates(
  master: MasterRead,
  options: { prefill: boolean; exportedAt: string },
): Promise<TemplateFile[]> {
  const { writePlanBytes } = await import("../xlsx/writePlan");
  const { state } = master;
  const names = templateFileNames(
    state.centres.map((c) => ({ contractId: c.contract.id, centre: c.centre.code, year: c.contract.year })),
  );
  const files: TemplateFile[] = [];
  for (const [i, c] of state.centres.entries()) {
    const plan = planTemplate(c.contract, c.centre.code, {
      exportedAt: options.exportedAt,
      prefill: options.prefill ? state : undefined,
    });
    files.push({
      name: names[i]!,
      centre: c.centre.code,
      centreName: c.centre.name,
      bytes: await writePlanBytes(plan),
      prefilled: options.prefill ? prefilledCount(state, c.contract.id, c.centre.code) : 0,
    });
  }
  return files;
}

/** The `exported` trips of the files, as one transaction on RK_Data and Oversigt. */
export function exportTransaction(
  master: MasterRead,
  files: TemplateFile[],
  exportedAt: string,
): { tx: CellTransaction; summaryStale: boolean } {
  const trips = files.map((f) => {
    const c = master.state.centres.find((x) => x.centre.code === f.centre)!;
    return {
      event: "exported" as const,
      contractId: c.contract.id,
      centre: f.centre,
      at: exportedAt,
      file: f.name,
    };
  });
  const record = tripWrites(master.state, master.grids, trips, exportedAt);
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
