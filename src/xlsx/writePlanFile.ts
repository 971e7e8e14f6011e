// writePlan for the command line (Node only): the same workbook, its entries deflated by Node's
// own zlib instead of JSZip's JavaScript deflate (deflateStored.ts says why).
import type { WorkbookPlan } from "../sheets/plan";
import { deflateStored } from "./deflateStored";
import { newWorkbook, renderPlanInto, toBytes } from "./writePlan";
import { STORED_ZIP } from "./zipOptions";

export async function writePlanFile(plan: WorkbookPlan): Promise<Buffer> {
  const wb = newWorkbook();
  renderPlanInto(wb, plan);
  const stored = await toBytes(wb, STORED_ZIP);
  return deflateStored(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength));
}
