// Done or not, by a deadline where the appendix gives one. With a deadline, Resultat may also be
// the date it was done: an Excel date (a serial number) or a Danish date text "15.3.2007" or
// "15-03-2007". A date after the deadline is not met, and the message says by how many days.
import { z } from "zod";
import { calendarIso, isoToSerial, serialToDanish } from "../danishDate";
import type { Deadline, YesNoTarget } from "../model";
import { type Cell, excelTrim, InvalidInput, type Judged, missing } from "./cells";
import { blank } from "./excelText";
import type { KindSpec } from "./kind";
import { UNUSED_INPUT, withMeasured } from "./texts";

/** Excel's serial of 1 January 2000 and of 31 December 2099: the dates a Resultat may be. */
export const FIRST_DATE_SERIAL = 36526;
export const LAST_DATE_SERIAL = 73050;

const DANISH_DATE = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/;

/** The day number of a Danish date text in 2000–2099, or undefined when it is no such date. */
export function danishDateSerial(text: string): number | undefined {
  const m = DANISH_DATE.exec(excelTrim(text));
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || year > 2099) return undefined;
  const iso = calendarIso(year, month, day);
  return iso === undefined ? undefined : isoToSerial(iso);
}

function answerOf(r: Cell): "ja" | "nej" | undefined {
  if (r.kind !== "text") return undefined;
  const answer = excelTrim(r.text).toLowerCase();
  return answer === "ja" || answer === "nej" ? answer : undefined;
}

function exampleDate(deadline: Deadline): string {
  return serialToDanish(isoToSerial(deadline.date) - 16);
}

function judgeDate(day: number, deadline: Deadline): Judged {
  const last = isoToSerial(deadline.date);
  const done = serialToDanish(day);
  if (day <= last)
    return {
      status: "met",
      achieved: day,
      message: `Opfyldt: gennemført ${done}, inden fristen ${serialToDanish(last)}.`,
    };
  const late = day - last;
  return {
    status: "not_met",
    achieved: day,
    message: `Ikke opfyldt: gennemført ${done}, ${late} ${late === 1 ? "dag" : "dage"} efter fristen ${serialToDanish(last)}.`,
  };
}

export const yesNo: KindSpec<YesNoTarget> = {
  schema: z.strictObject({
    kind: z.literal("yesNo"),
    deadline: z.strictObject({ text: z.string().min(1), date: z.iso.date() }).optional(),
  }),
  labels: [{ label: "Ja/Nej", variant: {} }],
  inputs: { grundlag: false, percent: false },
  resultatInput: (t) => (t.deadline ? "yesNoOrDate" : "yesNo"),
  hint: (t, ctx) =>
    withMeasured(ctx, {
      grundlag: UNUSED_INPUT,
      resultat: t.deadline
        ? `Ja, Nej eller datoen, det blev gennemført, fx ${exampleDate(t.deadline)} (${t.deadline.text})`
        : "Ja eller Nej",
    }),
  requirement: (t) => (t.deadline ? `Gennemført ${t.deadline.text} (Ja/Nej)` : "Gennemført (Ja/Nej)"),
  judge(t, _g, r, hint) {
    if (r.kind === "blank") return missing([["Resultat", hint.resultat]]);
    const answer = answerOf(r);
    if (answer === "ja") return { status: "met", achieved: "Ja", message: "Opfyldt: gennemført (Ja)." };
    if (answer === "nej")
      return { status: "not_met", achieved: "Nej", message: "Ikke opfyldt: ikke gennemført (Nej)." };
    const shown = r.kind === "text" ? `"${r.text}"` : String(r.value);
    if (!t.deadline) throw new InvalidInput(`Resultat er ${shown}. Skriv Ja eller Nej.`);
    const day =
      r.kind === "number"
        ? r.value >= FIRST_DATE_SERIAL && r.value < LAST_DATE_SERIAL + 1
          ? Math.floor(r.value)
          : undefined
        : r.kind === "text"
          ? danishDateSerial(r.text)
          : undefined;
    if (day === undefined) {
      throw new InvalidInput(
        `Resultat er ${shown}. Skriv Ja, Nej eller datoen, det blev gennemført, fx ${exampleDate(t.deadline)}.`,
      );
    }
    return judgeDate(day, t.deadline);
  },
  formula(t, { resultat: r, target }) {
    const answer = `TRIM(${r})`;
    if (!t.deadline) {
      return {
        invalid: `IF(ISNUMBER(${r}),TRUE(),IF(${blank(r)},FALSE(),AND(${answer}<>"Ja",${answer}<>"Nej")))`,
        missing: blank(r),
        met: `${answer}="Ja"`,
        achieved: `IF(${answer}="Ja","Ja","Nej")`,
      };
    }
    const date = dateTextFormula(r);
    const isDate = `IF(ISNUMBER(${r}),AND(${r}>=${FIRST_DATE_SERIAL},${r}<${LAST_DATE_SERIAL + 1}),${date.valid})`;
    const day = `IF(ISNUMBER(${r}),INT(${r}),${date.serial})`;
    return {
      invalid: `IF(${blank(r)},FALSE(),IF(ISNUMBER(${r}),NOT(${isDate}),AND(${answer}<>"Ja",${answer}<>"Nej",NOT(${isDate}))))`,
      missing: blank(r),
      met: `IF(ISNUMBER(${r}),${day}<=${target},IF(${answer}="Ja",TRUE(),IF(${answer}="Nej",FALSE(),${day}<=${target})))`,
      achieved: `IF(ISNUMBER(${r}),${day},IF(${answer}="Ja","Ja",IF(${answer}="Nej","Nej",${day})))`,
    };
  },
  targetCells: (t) => ({ target: t.deadline ? isoToSerial(t.deadline.date) : "Ja" }),
  targetFormat: (t) => (t.deadline ? "d.m.yyyy" : "General"),
  // A date done shows as a date; "Ja"/"Nej" are text and show as they are.
  achievedFormat: (t) => (t.deadline ? "d.m.yyyy" : "General"),
  inputFormat: (t) => (t.deadline ? "d.m.yyyy" : "@"),
  achievedText: (_t, a) => (typeof a === "number" ? serialToDanish(a) : a),
  inputWord: (t) => (t.deadline ? "Ja, Nej eller en dato" : "Ja eller Nej"),
};

/**
 * A Danish date text in Excel's language, without DATEVALUE (it reads dates by the machine's
 * locale): the text with "-" read as "." must be digits and exactly two dots, as d.m.yyyy or
 * dd.mm.yyyy, a real day of a year 2000–2099. Each test guards the next, since AND() evaluates all
 * of its arguments and FIND/VALUE of a malformed text is an error.
 */
function dateTextFormula(r: string): { valid: string; serial: string } {
  const s = `SUBSTITUTE(TRIM(${r}),"-",".")`;
  let digitsGone = s;
  for (let d = 0; d <= 9; d++) digitsGone = `SUBSTITUTE(${digitsGone},"${d}","")`;
  const p1 = `FIND(".",${s})`;
  const p2 = `FIND(".",${s},${p1}+1)`;
  const day = `VALUE(LEFT(${s},${p1}-1))`;
  const month = `VALUE(MID(${s},${p1}+1,${p2}-${p1}-1))`;
  const year = `VALUE(RIGHT(${s},4))`;
  const shape = `AND(${p1}>=2,${p1}<=3,${p2}-${p1}>=2,${p2}-${p1}<=3,LEN(${s})-${p2}=4)`;
  const serial = `DATE(${year},${month},${day})`;
  const calendar = `IF(AND(${year}>=2000,${year}<=2099,${month}>=1,${month}<=12),DAY(${serial})=${day},FALSE())`;
  return {
    valid: `IF(${digitsGone}="..",IF(${shape},${calendar},FALSE()),FALSE())`,
    serial,
  };
}
