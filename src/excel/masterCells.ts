// Turns the template core's cell writes (named by the sheets' planned names) into a transaction
// on the open workbook: Excel's own sheet names, what each cell held before (for taking the
// write back), the Log sheet to add when it is missing, and RK_Data to unprotect when written.
import { cellAt } from "../sheets/grid";
import { tryParseCell } from "../sheets/a1";
import { META_SHEET } from "../sheets/layout";
import type { CellWrite } from "../templates/applyImport";
import { LOG_COLUMN_WIDTHS } from "../templates/auditLog";
import { cellKey, type CellTransaction, type OldCell } from "./cellTransaction";
import type { MasterRead } from "./readMaster";

export function masterTransaction(
  master: MasterRead,
  writes: CellWrite[],
  options: { createLog?: string } = {},
): CellTransaction {
  const before = new Map<string, OldCell>();
  const out: CellWrite[] = [];
  for (const w of writes) {
    const sheet = master.actual(w.sheet);
    out.push({ ...w, sheet });
    const at = tryParseCell(w.address);
    const grid = master.grids.find((g) => g.name === w.sheet);
    if (!at || !grid) continue;
    const value = cellAt(grid.values, at.row, at.col - 1);
    const formula = grid.formulas?.[at.row - 1]?.[at.col - 1] ?? null;
    if (value !== null || formula) before.set(cellKey(sheet, w.address), { value, formula });
  }
  const writesMeta = writes.some((w) => w.sheet === META_SHEET);
  return {
    writes: out,
    before,
    addSheets: options.createLog
      ? [{ name: options.createLog, columnWidths: LOG_COLUMN_WIDTHS, frozenRows: 1, boldRows: [1] }]
      : [],
    unprotect: writesMeta && master.metaProtected ? [master.actual(META_SHEET)] : [],
  };
}
