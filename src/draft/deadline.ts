// Deadlines as the appendices write them: "inden udgangen af 1. kvartal 2007", "inden 2. kvartal
// 2007" (before the quarter starts), "inden udgangen af 2007", "senest 1. juli 2007", "inden
// 1.7.2007". "ved udgangen af 2007" is the end of the contract year: soft, not a deadline of its own.
import { calendarIso, DANISH_MONTHS, dayBeforeIso, lastDayOfMonth } from "../contracts/danishDate";
import type { Deadline } from "../contracts/model";

export interface FoundDeadline extends Deadline {
  /** "ved udgangen af …": when the goal is judged anyway, not a date to meet before. */
  soft: boolean;
}

const MONTHS = DANISH_MONTHS.join("|");
/** A day that is not in the calendar ("31. juni") is no deadline: the rule finds none. */
const iso = calendarIso;

export function findDeadline(text: string, year?: number): FoundDeadline | undefined {
  const by = String.raw`(inden|senest|før|ved)`;
  const rules: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [
      new RegExp(String.raw`${by}\s+udgangen\s+af\s+([1-4])\.\s*kvartal\s+(\d{4})`, "i"),
      (m) => iso(+m[3]!, +m[2]! * 3, lastDayOfMonth(+m[3]!, +m[2]! * 3)),
    ],
    [
      new RegExp(String.raw`${by}\s+([1-4])\.\s*kvartal\s+(\d{4})`, "i"),
      (m) => (m[1]!.toLowerCase() === "ved" ? undefined : dayBeforeIso(+m[3]!, (+m[2]! - 1) * 3 + 1, 1)),
    ],
    [
      new RegExp(String.raw`${by}\s+udgangen\s+af\s+(første|1\.|andet|2\.)\s+halvår\s+(\d{4})`, "i"),
      (m) => (/^(første|1\.)$/i.test(m[2]!) ? iso(+m[3]!, 6, 30) : iso(+m[3]!, 12, 31)),
    ],
    [
      new RegExp(String.raw`${by}\s+udgangen\s+af\s+(${MONTHS})\s+(\d{4})`, "i"),
      (m) => {
        const month = monthNumber(m[2]!);
        return iso(+m[3]!, month, lastDayOfMonth(+m[3]!, month));
      },
    ],
    [new RegExp(String.raw`${by}\s+udgangen\s+af\s+(\d{4})`, "i"), (m) => iso(+m[2]!, 12, 31)],
    [
      new RegExp(String.raw`${by}\s+(?:den\s+)?(\d{1,2})\.\s*(${MONTHS})\s+(\d{4})`, "i"),
      (m) => date(m[1]!, +m[4]!, monthNumber(m[3]!), +m[2]!),
    ],
    [
      new RegExp(String.raw`${by}\s+(?:den\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})`, "i"),
      (m) => date(m[1]!, +m[4]!, +m[3]!, +m[2]!),
    ],
  ];
  if (year !== undefined) {
    // "inden 1. juli": a date without a year is in the contract's year.
    rules.push([
      new RegExp(String.raw`${by}\s+(?:den\s+)?(\d{1,2})\.\s*(${MONTHS})(?!\s+\d{4})`, "i"),
      (m) => date(m[1]!, year, monthNumber(m[3]!), +m[2]!),
    ]);
  }
  for (const [re, toDate] of rules) {
    const m = re.exec(text);
    if (!m) continue;
    const d = toDate(m);
    if (!d) continue;
    return { text: m[0]!, date: d, soft: m[1]!.toLowerCase() === "ved" };
  }
  return undefined;
}

function date(by: string, y: number, m: number, d: number): string | undefined {
  const day = calendarIso(y, m, d);
  if (day === undefined) return undefined;
  return by.toLowerCase() === "inden" || by.toLowerCase() === "før" ? dayBeforeIso(y, m, d) : day;
}

/** 1–12 for a month name the rules matched (case-insensitively). */
function monthNumber(name: string): number {
  return DANISH_MONTHS.indexOf(name.toLowerCase() as (typeof DANISH_MONTHS)[number]) + 1;
}
