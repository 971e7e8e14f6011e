// Deadlines in a definition sheet: a real date cell (an Excel serial number) or a date typed as
// text ("31-03-2008", "31.3.2008", "2008-03-31", "31. marts 2008"); stored as an ISO date.
import type { CellValue } from "../contracts/model";

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - EXCEL_EPOCH) / DAY_MS);
}

export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** An ISO date from a date cell, or null when the cell holds no date. */
export function readDate(cell: CellValue): string | null {
  if (typeof cell === "number") return cell >= 1 && cell < 2958466 ? serialToIso(cell) : null;
  if (typeof cell !== "string") return null;
  const text = cell.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2]!) && m![2]!.length >= 3) + 1;
    return month > 0 ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** "31. marts 2008". */
export function danishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d}. ${MONTHS[m! - 1]} ${y}`;
}

/** The deadline's words when the economist gives only the date. */
export function defaultDeadlineText(isoDate: string): string {
  return `senest ${danishDate(isoDate)}`;
}
