// Replaces one sheet of an existing workbook with a freshly rendered SheetPlan (Oversigt),
// keeping the other sheets. This one goes through an exceljs load and save, which rewrites the
// whole file; what that round trip is known to damage is repaired here, and what it drops is
// reported so the command can warn.
import type ExcelJS from "exceljs";
import type { SheetPlan } from "../sheets/plan";
import { loadWorkbook, type ReadOptions } from "./readGrids";
import { exceljsPrintArea, markFullCalcOnLoad, renderSheet, selectFirstVisible, toBuffer } from "./writePlan";
import { normaliseValidations } from "./validations";
import { zipEntries } from "./zipEntries";

export interface ReplaceResult {
  buffer: Buffer;
  /** Danish names of the kinds of content exceljs could not carry over. */
  dropped: string[];
}

/** Parts exceljs does not read and so does not write back. */
const DROPPED_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, "diagrammer"],
  [/^xl\/webextensions\//, "tilføjelsesprogrammets indstillinger"],
  [/^customXml\//, "brugerdefinerede XML-dele"],
  [/^xl\/pivotTables\//, "pivottabeller"],
  [/^xl\/slicers\//, "udsnitsværktøjer"],
  [/^xl\/vbaProject\.bin$/, "makroer"],
];

export async function replaceSheet(
  buffer: Buffer,
  plan: SheetPlan,
  options: ReadOptions = {},
): Promise<ReplaceResult> {
  const names = (zipEntries(buffer) ?? []).map((e) => e.name);
  const dropped = DROPPED_PARTS.filter(([re]) => names.some((n) => re.test(n))).map(([, what]) => what);

  const wb = await loadWorkbook(buffer, options);
  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === plan.name.toLowerCase());
  const orderOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { orderNo: number }).orderNo;
  const position = old ? orderOf(old) : 0;
  if (old) wb.removeWorksheet(old.id);
  const fresh = renderSheet(wb, plan);
  // exceljs orders sheets by orderNo; put the new one where the old one was (or first).
  const others = wb.worksheets.filter((ws) => ws !== fresh);
  const order = [...others];
  const index = old ? others.filter((ws) => orderOf(ws) < position).length : 0;
  order.splice(index, 0, fresh);
  order.forEach((ws, i) => {
    (ws as unknown as { orderNo: number }).orderNo = i + 1;
  });

  for (const ws of wb.worksheets) {
    normaliseValidations(ws);
    // exceljs reads a print area back as "A1:N40" and would write it as "$A1:$N40".
    if (ws.pageSetup?.printArea)
      ws.pageSetup.printArea = ws.pageSetup.printArea.split("&&").map(exceljsPrintArea).join("&&");
  }
  markFullCalcOnLoad(wb);
  selectFirstVisible(wb);
  return { buffer: await toBuffer(wb), dropped };
}
