// Dates as a Danish user reads them: in Danish time (Europe/Copenhagen, summer time included),
// whatever the time zone of the machine or of the ISO string. Times are stored as UTC ISO strings;
// cutting the date off the UTC string would date an export between midnight and 01:00 (02:00 in
// summer) Danish time to the day before.

// Copenhagen's clock by the EU rule (since 1996): UTC+1, and UTC+2 from 01:00 UTC on the last
// Sunday of March to 01:00 UTC on the last Sunday of October. Worked out here rather than with
// Intl.DateTimeFormat, whose first use makes Node load its locale data (about 8 MB more memory
// for every `kontrakt build`); tests/sheets/danishTime.test.ts checks it against Intl.
const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of the month (0-based) of the year. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Hours Copenhagen is ahead of UTC at the instant. */
function copenhagenOffsetHours(time: number): number {
  const year = new Date(time).getUTCFullYear();
  const summer = time >= lastSundayAtOneUtc(year, 2) && time < lastSundayAtOneUtc(year, 9);
  return summer ? 2 : 1;
}

type ClockPart = "year" | "month" | "day" | "hour" | "minute" | "second";

const two = (n: number) => String(n).padStart(2, "0");

/** What a clock in Copenhagen showed at the ISO time, or undefined when the text is no time. */
function danishClock(iso: string): Record<ClockPart, string> | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const local = new Date(time + copenhagenOffsetHours(time) * HOUR_MS);
  return {
    year: String(local.getUTCFullYear()).padStart(4, "0"),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    second: two(local.getUTCSeconds()),
  };
}

/** "2026-11-22T23:30:00Z" → "23.11.2026" (00:30 in Copenhagen). Not a time: returned as it is. */
export function danishDate(iso: string): string {
  const c = danishClock(iso);
  return c ? `${c.day}.${c.month}.${c.year}` : iso;
}

/** "2026-11-22T10:15:03.123Z" → "2026-11-22 11:15:03" (Copenhagen), sortable as text. Not a time: returned as it is. */
export function danishTimestamp(iso: string): string {
  const c = danishClock(iso);
  return c ? `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}:${c.second}` : iso;
}
