// Reads many sheets' used ranges back as grids in ONE sync: every load is queued first, then one
// context.sync(), then the grids are put together. Reading only some columns keeps the response
// small (Excel on the web also caps responses at 5 MB).
import type { CellValue } from "../contracts/model";
import type { SheetGrid } from "../sheets/grid";
import { columnNumber } from "../sheets/a1";
import { ExcelShellError } from "./errors";

export interface GridRequest {
  sheet: string;
  /** Read only these columns (letters), e.g. ["A", "H", "I", "N"]; default: the whole used range. */
  columns?: string[];
  /** With columns: also these first rows in full (title block, headers). */
  headRows?: number;
  /** Also read formulas (SheetGrid.formulas). */
  formulas?: boolean;
}

interface Part {
  range: Excel.Range;
  formulas: boolean;
}

/** Queues the loads; call the returned function after the next context.sync() to get the grids. */
export function queueGrids(context: Excel.RequestContext, requests: GridRequest[]): () => SheetGrid[] {
  const queued = requests.map((req) => {
    const ws = context.workbook.worksheets.getItem(req.sheet);
    const ranges: Excel.Range[] = [];
    if (req.columns && req.columns.length > 0) {
      for (const [a, b] of columnRuns(req.columns))
        ranges.push(ws.getRange(`${a}:${b}`).getUsedRangeOrNullObject(true));
      if (req.headRows && req.headRows > 0)
        ranges.push(ws.getRange(`1:${req.headRows}`).getUsedRangeOrNullObject(true));
    } else {
      ranges.push(ws.getUsedRangeOrNullObject(true));
    }
    const props = req.formulas
      ? ["values", "formulas", "rowIndex", "columnIndex"]
      : ["values", "rowIndex", "columnIndex"];
    const parts: Part[] = ranges.map((range) => ({
      range: range.load(props),
      formulas: req.formulas === true,
    }));
    return { req, parts };
  });
  return () => queued.map(({ req, parts }) => assemble(req, parts));
}

export async function readGrids(
  context: Excel.RequestContext,
  requests: GridRequest[],
): Promise<SheetGrid[]> {
  const collect = queueGrids(context, requests);
  await context.sync();
  return collect();
}

/** ["A", "H", "I", "N"] → [["A","A"], ["H","I"], ["N","N"]]. */
function columnRuns(columns: string[]): [string, string][] {
  const sorted = [...new Set(columns.map((c) => c.toUpperCase()))].sort(
    (x, y) => columnNumber(x) - columnNumber(y),
  );
  const runs: [string, string][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && columnNumber(c) === columnNumber(last[1]) + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function assemble(req: GridRequest, parts: Part[]): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let width = 0;
  for (const { range } of parts) {
    if (range.isNullObject) continue;
    const top = range.rowIndex;
    const left = range.columnIndex;
    const vals = range.values as unknown[][] | null;
    // Range.values has come back null instead of throwing (docs PR #5821): never take that for
    // an empty sheet, which would let a build or import overwrite figures it did not see.
    if (!Array.isArray(vals)) {
      throw new ExcelShellError(
        `Excel sendte ingen værdier for arket "${req.sheet}". Prøv igen; sker det igen, så luk og åbn projektmappen. Intet er ændret.`,
      );
    }
    const forms = req.formulas ? (range.formulas as unknown[][]) : undefined;
    vals.forEach((line, i) => {
      const row = (values[top + i] ??= []);
      const frow = req.formulas ? (formulas[top + i] ??= []) : undefined;
      line.forEach((v, j) => {
        row[left + j] = cellValue(v);
        if (frow) {
          const f = forms?.[i]?.[j];
          frow[left + j] = typeof f === "string" && f.startsWith("=") ? f : null;
        }
      });
      width = Math.max(width, left + line.length);
    });
  }
  const dense = (rows: unknown[][]) => {
    for (let r = 0; r < rows.length; r++) {
      const row = (rows[r] ??= []);
      for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
    }
  };
  dense(values);
  if (req.formulas) {
    while (formulas.length < values.length) formulas.push([]);
    dense(formulas);
    return { name: req.sheet, values, formulas };
  }
  return { name: req.sheet, values };
}
