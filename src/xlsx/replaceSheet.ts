// Replaces one sheet of an existing workbook with a freshly rendered SheetPlan (Oversigt),
// keeping the other sheets. This one goes through an exceljs load and save, which rewrites the
// whole file; what that round trip is known to damage is repaired here, and what it drops is
// reported so the command can warn.
import type ExcelJS from "exceljs";
import type { SheetPlan } from "../sheets/plan";
import { columnLetters, columnNumber } from "./a1";
import { loadWorkbook, type ReadOptions } from "./readGrids";
import { markFullCalcOnLoad, renderSheet, selectFirstVisible, toBuffer } from "./writePlan";
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

export async function replaceSheet(buffer: Buffer, plan: SheetPlan, options: ReadOptions = {}): Promise<ReplaceResult> {
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

  for (const ws of wb.worksheets) normaliseValidations(ws);
  markFullCalcOnLoad(wb);
  selectFirstVisible(wb);
  return { buffer: await toBuffer(wb), dropped };
}

interface ValidationModel {
  model: Record<string, object | undefined>;
}

/**
 * exceljs expands every validation range into single cells when it loads a file, and on saving
 * squeezes alike cells back into ranges after sorting addresses as text (H10 before H8), which
 * writes overlapping ranges Excel complains about. Group the cells back into rectangles here,
 * in numeric order, so the writer finds ranges and leaves them alone.
 */
export function normaliseValidations(ws: ExcelJS.Worksheet): void {
  const dv = (ws as unknown as { dataValidations: ValidationModel }).dataValidations;
  const groups = new Map<string, { rule: object; cells: Set<string> }>();
  const next: Record<string, object> = {};
  for (const [address, rule] of Object.entries(dv.model)) {
    if (!rule) continue;
    if (address.includes(":")) {
      next[address] = rule;
      continue;
    }
    const key = JSON.stringify(rule);
    const group = groups.get(key) ?? { rule, cells: new Set<string>() };
    group.cells.add(address.replace(/\$/g, "").toUpperCase());
    groups.set(key, group);
  }
  for (const { rule, cells } of groups.values()) {
    for (const range of rectangles(cells)) next[range] = rule;
  }
  dv.model = next;
}

/** Covers a set of A1 cells with rectangles: down first, then right, in numeric order. */
function rectangles(cells: Set<string>): string[] {
  const parsed = [...cells].map((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: columnNumber(m[1]!), row: Number(m[2]), a };
  });
  parsed.sort((x, y) => x.row - y.row || x.col - y.col);
  const has = (row: number, col: number) => cells.has(`${columnLetters(col)}${row}`);
  const done = new Set<string>();
  const out: string[] = [];
  for (const { row, col, a } of parsed) {
    if (done.has(a)) continue;
    let height = 1;
    while (has(row + height, col) && !done.has(`${columnLetters(col)}${row + height}`)) height++;
    let width = 1;
    const columnFree = (c: number) => {
      for (let r = row; r < row + height; r++) if (!has(r, c) || done.has(`${columnLetters(c)}${r}`)) return false;
      return true;
    };
    while (columnFree(col + width)) width++;
    for (let r = row; r < row + height; r++) for (let c = col; c < col + width; c++) done.add(`${columnLetters(c)}${r}`);
    out.push(height === 1 && width === 1 ? a : `${a}:${columnLetters(col + width - 1)}${row + height - 1}`);
  }
  return out;
}
