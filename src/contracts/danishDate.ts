// The one home of calendar facts the contracts and their sheets share: Excel's day numbers, ISO
// dates, which days exist, and the Danish month names. What texts each reader accepts stays with
// the reader (a Resultat cell takes what the status formula in Excel can also read; a definition
// sheet and an appendix's deadline phrases take more), but they all count days the same way here.

export const DANISH_MONTHS = [
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
] as const;

const DAY_MS = 86_400_000;
/** Excel's day 0 (day 1 is 1 January 1900; its 1900 leap-year bug lies before any contract). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** "2008-03-31" for a day that exists in the calendar; undefined for "30 February" or month 13. */
export function calendarIso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The number of days in the month (1–12) of the year. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date of the day before the given day: "before 1 July" means "by 30 June". */
export function dayBeforeIso(year: number, month: number, day: number): string {
  const t = new Date(Date.UTC(year, month - 1, day - 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/** Excel's day number of an ISO date ("2007-03-31" → 39172). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS);
}

/** The ISO date of an Excel day number (its time of day dropped). */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** "31.3.2007": a day number as Danes write it. */
export function serialToDanish(serial: number): string {
  const date = new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS);
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
}

/** "31. marts 2008": an ISO date in words, as the appendices write deadlines. */
export function isoToDanishWords(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d}. ${DANISH_MONTHS[m - 1]} ${y}`;
}
