// Deadlines in a definition sheet: a real date cell (an Excel serial number) or a date typed as
// text ("31-03-2008", "31.3.2008", "2008-03-31", "31. marts 2008"); stored as an ISO date.
import { calendarIso, DANISH_MONTHS, isoToDanishWords, serialToIso } from "../contracts/danishDate";
import type { CellValue } from "../contracts/model";

/** An ISO date from a date cell, or null when the cell holds no date. */
export function readDate(cell: CellValue): string | null {
  if (typeof cell === "number") return cell >= 1 && cell < 2958466 ? serialToIso(cell) : null;
  if (typeof cell !== "string") return null;
  const text = cell.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return calendarIso(Number(m[1]), Number(m[2]), Number(m[3])) ?? null;
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  if (m) return calendarIso(Number(m[3]), Number(m[2]), Number(m[1])) ?? null;
  m = /^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = DANISH_MONTHS.findIndex((name) => name.startsWith(m![2]!) && m![2]!.length >= 3) + 1;
    return month > 0 ? (calendarIso(Number(m[3]), month, Number(m[1])) ?? null) : null;
  }
  return null;
}

/** The deadline's words when the economist gives only the date. */
export function defaultDeadlineText(isoDate: string): string {
  return `senest ${isoToDanishWords(isoDate)}`;
}
