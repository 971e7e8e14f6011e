// Dates as a Danish user reads them: in Danish time (Europe/Copenhagen, summer time included),
// whatever the time zone of the machine or of the ISO string. Times are stored as UTC ISO strings;
// cutting the date off the UTC string would date an export between midnight and 01:00 (02:00 in
// summer) Danish time to the day before.

const DANISH_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

type ClockPart = "year" | "month" | "day" | "hour" | "minute" | "second";

/** What a clock in Copenhagen showed at the ISO time, or undefined when the text is no time. */
function danishClock(iso: string): Record<ClockPart, string> | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const parts = DANISH_CLOCK.formatToParts(time);
  const part = (type: ClockPart) => parts.find((p) => p.type === type)!.value;
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
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
