// The master's "Log" sheet: one row per figure an import wrote, appended below what is there.
// The sheet is known by its header row (the marker), not by its name: an economist's own sheet
// called "log", or a centre coded "Log", is never taken for it, and a new log gets a free name.
import type { CellValue } from "../contracts/model";
import { danishTimestamp } from "../sheets/danishTime";
import type { SheetGrid } from "../sheets/grid";
import { cellName } from "../sheets/a1";
import { LOG_SHEET } from "../sheets/layout";
import type { CellWrite, LogRow } from "./applyImport";

export const LOG_HEADERS = [
  "Tidspunkt",
  "Fil",
  "Center",
  "Mål-ID",
  "Felt",
  "Gammel værdi",
  "Ny værdi",
] as const;

export const LOG_COLUMN_WIDTHS = [20, 44, 14, 12, 12, 16, 16];

/**
 * When a figure was written, as the economist's clock showed it: Danish time whatever the machine's
 * time zone (a CI runner or a server in UTC would otherwise log an hour or two early).
 */
export const logTime = danishTimestamp;

export interface LogWrites {
  /** The audit sheet's name: the one found by its header row, or the free name to create. */
  sheet: string;
  /** The sheet is not in the master and must be added (empty) before the writes. */
  createSheet: boolean;
  writes: CellWrite[];
}

/** Whether a sheet is an audit log: its first row holds the log's headers. */
export function isLogSheet(grid: SheetGrid): boolean {
  const first = grid.values[0] ?? [];
  return LOG_HEADERS.every((h, i) => first[i] === h);
}

/** "Log", or "Log (2)", "Log (3)" … when a sheet of that name (in any case) is something else. */
export function freeLogName(sheetNames: string[]): string {
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? LOG_SHEET : `${LOG_SHEET} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function logWrites(masterGrids: SheetGrid[], rows: LogRow[]): LogWrites {
  const grid = masterGrids.find(isLogSheet);
  const sheet = grid?.name ?? freeLogName(masterGrids.map((g) => g.name));
  const writes: CellWrite[] = [];
  const used = grid ? lastUsedRow(grid.values) : 0;
  let r = used + 1;
  const put = (values: CellValue[]) => {
    values.forEach((v, i) => {
      if (v === null || v === "") return;
      writes.push({
        sheet,
        address: cellName(r, i + 1),
        value: typeof v === "boolean" ? (v ? "SAND" : "FALSK") : v,
      });
    });
    r++;
  };
  if (used === 0) put([...LOG_HEADERS]);
  for (const row of rows)
    put([logTime(row.at), row.file, row.centre, row.goalId, row.field, row.old, row.value]);
  return { sheet, createSheet: !grid, writes };
}

function lastUsedRow(values: CellValue[][]): number {
  for (let r = values.length; r > 0; r--)
    if ((values[r - 1] ?? []).some((v) => v !== null && v !== "")) return r;
  return 0;
}
