// Dates as a Danish user reads them: in Danish time (Europe/Copenhagen, summer time included),
// whatever the time zone of the machine or of the ISO string. Times are stored as UTC ISO strings;
// cutting the date off the UTC string would date an export between midnight and 01:00 (02:00 in
// summer) Danish time to the day before.

const DANISH_DAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2026-11-22T23:30:00Z" → "23.11.2026" (00:30 in Copenhagen). Not a time: returned as it is. */
export function danishDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    DANISH_DAY.formatToParts(time).find((p) => p.type === type)!.value;
  return `${part("day")}.${part("month")}.${part("year")}`;
}

const DANISH_MOMENT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "2026-11-22T10:15:03.123Z" → "2026-11-22 11:15:03" (Copenhagen), sortable as text. Not a time: returned as it is. */
export function danishTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const parts = DANISH_MOMENT.formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}
