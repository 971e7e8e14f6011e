// Records templates going out and coming back in the master: a `trip` line appended to RK_Data,
// and the Oversigt "Indsendt" cells re-made from all trips so the summary is current.
import type { Contract } from "../contracts/model";
import { cellAt, type SheetGrid } from "../sheets/grid";
import { cellName } from "../sheets/a1";
import { META_SHEET, SUMMARY_SHEET } from "../sheets/layout";
import type { TripEvent } from "../sheets/meta";
import { metaLine } from "../sheets/metaLines";
import { planSummary, SUMMARY_LABEL } from "../sheets/planSummary";
import { placedSheets, type WorkbookState } from "../sheets/readWorkbook";
import type { CellWrite } from "./applyImport";

export interface TripWrites {
  writes: CellWrite[];
  /** Oversigt exists but its layout is not the one planned, so its Indsendt row was not touched. */
  summaryStale: boolean;
}

export function tripWrites(
  state: WorkbookState,
  masterGrids: SheetGrid[],
  trips: TripEvent[],
  now: string,
): TripWrites {
  const writes: CellWrite[] = [];
  const meta = masterGrids.find((g) => g.name === META_SHEET);
  let r = (meta?.values.length ?? 0) + 1;
  for (const t of trips) {
    metaLine("trip", t).forEach((value, i) => {
      if (value !== "") writes.push({ sheet: META_SHEET, address: cellName(r, i + 1), value });
    });
    r++;
  }
  const summary = masterGrids.find((g) => g.name === SUMMARY_SHEET);
  if (!summary) return { writes, summaryStale: false };
  const sent = summaryWrites(state.meta.contracts, state, summary, [...state.meta.trips, ...trips], now);
  if (!sent) return { writes, summaryStale: true };
  return { writes: [...writes, ...sent], summaryStale: false };
}

/** The planned Indsendt cells, written where the master's Oversigt has the same centre in the same column. */
function summaryWrites(
  contracts: Contract[],
  state: WorkbookState,
  grid: SheetGrid,
  trips: TripEvent[],
  now: string,
): CellWrite[] | undefined {
  const planned = planSummary(contracts, placedSheets(state), { generatedAt: now, trips });
  const plannedValues = planned.cells.map((line) => line.map((c) => (c && "value" in c ? c.value : null)));
  const rowsOf = (values: (string | number | boolean | null)[][]) =>
    values.flatMap((line, i) => (line[0] === SUMMARY_LABEL.sent ? [i + 1] : []));
  const plannedRows = rowsOf(plannedValues);
  const actualRows = rowsOf(grid.values);
  if (plannedRows.length !== actualRows.length) return undefined;
  const headerAbove = (values: (string | number | boolean | null)[][], row: number) => {
    for (let r = row - 1; r > 0; r--) if (values[r - 1]?.[0] === SUMMARY_LABEL.statusHeader) return r;
    return undefined;
  };
  const writes: CellWrite[] = [];
  for (let i = 0; i < plannedRows.length; i++) {
    const p = plannedRows[i]!;
    const a = actualRows[i]!;
    const ph = headerAbove(plannedValues, p);
    const ah = headerAbove(grid.values, a);
    if (ph === undefined || ah === undefined) return undefined;
    const width = plannedValues[ph - 1]!.length;
    for (let c = 2; c < width; c++) {
      const centre = cellAt(plannedValues, ph, c);
      if (centre === null) continue;
      if (cellAt(grid.values, ah, c) !== centre) return undefined;
      const text = cellAt(plannedValues, p, c);
      if (typeof text === "string" && text !== cellAt(grid.values, a, c)) {
        writes.push({ sheet: SUMMARY_SHEET, address: cellName(a, c + 1), value: text });
      }
    }
  }
  return writes;
}
