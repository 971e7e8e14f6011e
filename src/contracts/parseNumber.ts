// Parsing numbers as people type them: in a CSV file, on the command line, in the task pane.
//
// Danish users type "1.000", "12,5", "49.218,5", "80 %", "80 pct.", "61.974 kr."; some type
// English numbers ("1000", "12.5", "1,000.5"). A text that can be read two ways is refused
// with a Danish message that says what to type instead; it is never guessed.
//
// Decisions (where the rules leave room):
// - Whitespace: the text is trimmed of all Unicode whitespace (also NBSP U+00A0, U+202F and a
//   byte order mark). Inside, any run of whitespace counts as one space. Error messages quote
//   the trimmed text, so surrounding whitespace never changes the result.
// - Spaces separate thousands in every style, only between groups of exactly 3 digits after a
//   first group of 1-3 digits ("1 000 000"). A number uses one kind of thousands separator:
//   "1 000.000" is refused.
// - A thousands group never follows a leading 0: "0.500" is not 500.
// - Signs: a leading "+", "-", "−" (U+2212) or "–" (U+2013, what word processors make of a
//   typed minus), optionally followed by spaces. "-0" gives 0, never -0. A trailing minus, a
//   double sign or an accounting "(5)" is refused.
// - Suffixes: "%", "pct", "pct.", "procent" (any case, with or without a space) divide by 100
//   and set percent; "kr" and "kr." are dropped. Only one suffix: "80 % kr." is refused. A
//   prefix ("kr. 500") is refused.
// - ",5" (da) and ".5" (en) are 0.5: a missing zero before the decimal mark is unambiguous.
//   "12," and "12." are refused: they look like an unfinished "12,5".
// - Leading zeros are fine in a plain number: "007" is 7.
// - In "auto": a text whose only separator is one "." or "," followed by exactly 3 digits is
//   ambiguous ("1.000", "1,000", "0,950", "1 000,500"), and so is a text whose only separator
//   is one "." followed by any other number of digits ("1.5", "0.95", "1000.5"): in Danish the
//   dot separates thousands. "12,5" and "0,95" are Danish. Otherwise the text is read in both
//   styles: one valid reading wins, two equal readings are fine, two different readings are
//   refused. So English decimals are only recognised in auto when there are also thousands
//   commas ("1,000.5"); plain "12.5" needs style "en".
// - At most 15 significant digits, so that the value is stored exactly as typed; larger
//   amounts of digits are refused rather than rounded silently.
// - Scientific notation ("1e5"), letters ("ca. 10", "10 stk"), several numbers ("10 20",
//   "10-20") and any other character are refused, each with its own message.
// - Values are computed from the decimal string: "12,5 %" is read as the string "0.125" and
//   converted once, so the result is the double nearest to the typed value.

export type NumberStyle = "da" | "en" | "auto";

export type ParsedNumber =
  | { kind: "number"; value: number; percent: boolean } // "80 %" → value 0.8, percent true
  | { kind: "empty" } // "" or only spaces
  | { kind: "error"; message: string }; // Danish, says what to type instead

export type ParsedYesNo =
  { kind: "yes" } | { kind: "no" } | { kind: "empty" } | { kind: "error"; message: string };

const MAX_SIGNIFICANT_DIGITS = 15;
const MAX_QUOTED_LENGTH = 40;

// Every pattern here runs in time linear in the text: none has two quantifiers that can share
// characters. (A suffix pattern that began with \s* retried it from every position: "1", 100,000
// spaces and "x" took 31 s.) The spaces before a suffix are taken off with trimEnd instead.
const PERCENT_SUFFIX = /(?:%|pct\.?|procent)$/iu;
const KRONER_SUFFIX = /kr\.?$/iu;
const SIGN = /^([+\-\u2212\u2013])\s*/u;
const SCIENTIFIC = /^(?:\d+(?:[.,]\d+)?|[.,]\d+)[eE][+-]?\d+$/u;

/** Digits of a number as typed, before the decimal point is placed. */
interface Digits {
  int: string; // digits before the decimal mark, without separators ("" for ",5")
  frac: string; // digits after the decimal mark ("" when there is none)
}

type Reading = { ok: true; digits: Digits } | { ok: false };

/** The text as shown in a message: quoted, and shortened when long. */
function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > MAX_QUOTED_LENGTH ? chars.slice(0, MAX_QUOTED_LENGTH).join("") + "…" : text;
  return `"${shown}"`;
}

function error(message: string): { kind: "error"; message: string } {
  return { kind: "error", message };
}

/**
 * Reads a body of digits, ".", "," and single spaces with the given thousands separator and
 * decimal mark. Spaces may always separate thousands.
 */
function readBody(body: string, thousands: "." | ",", decimalMark: "." | ","): Reading {
  const parts = body.split(decimalMark);
  if (parts.length > 2) return { ok: false };
  const intPart = parts[0] ?? "";
  const fracPart = parts[1];
  let frac = "";
  if (fracPart !== undefined) {
    if (fracPart === "") return { ok: false };
    if (!/^\d+$/u.test(fracPart)) return { ok: false };
    frac = fracPart;
  }
  if (intPart === "") {
    return fracPart === undefined ? { ok: false } : { ok: true, digits: { int: "", frac } };
  }
  if (/^\d+$/u.test(intPart)) return { ok: true, digits: { int: intPart, frac } };
  const hasThousands = intPart.includes(thousands);
  const hasSpace = intPart.includes(" ");
  if (hasThousands === hasSpace) return { ok: false }; // both kinds, or a stray character
  const groups = intPart.split(hasThousands ? thousands : " ");
  const [first, ...rest] = groups;
  if (first === undefined || !/^[1-9]\d{0,2}$/u.test(first)) return { ok: false };
  if (!rest.every((group) => /^\d{3}$/u.test(group))) return { ok: false };
  return { ok: true, digits: { int: groups.join(""), frac } };
}

/** Significant digits: without leading and trailing zeros. */
function significantDigits(digits: Digits): number {
  return (digits.int + digits.frac).replace(/^0+/u, "").replace(/0+$/u, "").length;
}

/** The value of the digits as an exact decimal string, shifted two places left for a percentage. */
function toValue(digits: Digits, negative: boolean, percent: boolean): number {
  const all = digits.int + digits.frac;
  const point = digits.int.length - (percent ? 2 : 0);
  const decimal = point <= 0 ? "0." + "0".repeat(-point) + all : all.slice(0, point) + "." + all.slice(point);
  const value = Number((negative ? "-" : "") + (decimal.endsWith(".") ? decimal + "0" : decimal));
  return value === 0 ? 0 : value; // no -0
}

/** A plain integer without leading zeros: "0001" → "1", "" → "0". */
function plainInteger(digits: string): string {
  return digits.replace(/^0+(?=\d)/u, "") || "0";
}

/** A Danish decimal number the auto reading accepts unambiguously: never one separator followed by 3 digits. */
function unambiguousDanishDecimal(int: string, frac: string): string {
  const whole = plainInteger(int);
  const trimmed = frac.replace(/0+$/u, "");
  if (trimmed === "") return whole;
  return whole + "," + (trimmed.length === 3 ? trimmed + "0" : trimmed);
}

interface Pieces {
  sign: string; // "-" or ""
  suffix: string; // "", " %", " kr." as typed (with its leading space)
}

function withPieces(number: string, pieces: Pieces): string {
  return pieces.sign + number + pieces.suffix;
}

/** Example numbers for a message, valid in the given style. */
function examples(style: NumberStyle): string {
  if (style === "da") return "1.000 eller 12,5";
  if (style === "en") return "1,000 eller 12.5";
  return "1000 eller 12,5";
}

/** Why a text with characters that are not part of a number was refused. */
function foreignCharacterMessage(q: string, body: string, style: NumberStyle): string {
  if (SCIENTIFIC.test(body)) {
    return `${q} er skrevet med eksponent (videnskabelig notation), som ikke kan bruges. Skriv tallet helt ud, fx ${style === "en" ? "100000 eller 0.001" : "100000 eller 0,001"}.`;
  }
  if (/\p{L}/u.test(body)) {
    return `${q} indeholder bogstaver. Skriv kun selve tallet, fx ${examples(style)} (% eller kr. må gerne stå efter tallet).`;
  }
  const foreign = Array.from(body).find((char) => !/[\d., ]/u.test(char)) ?? "";
  if (/[-\u2212\u2013/;]/u.test(foreign) && /\d/u.test(body)) {
    return `${q} ser ud til at indeholde flere tal (tegnet "${foreign}"). Skriv ét tal, fx ${examples(style)}.`;
  }
  return `${q} indeholder tegnet "${foreign}", som ikke hører til et tal. Skriv et tal, fx ${examples(style)}.`;
}

function spacesMessage(q: string): string {
  return `${q} ser ud til at indeholde flere tal. Skriv ét tal; mellemrum må kun skille grupper på 3 cifre, fx 1 000 000.`;
}

/** "12," or "12.": probably an unfinished decimal number. */
function trailingMarkMessage(q: string, typed: string, int: string, decimalMark: "," | "."): string {
  const word = typed === "," ? "et komma" : "et punktum";
  return `${q} slutter med ${word}. Skriv ${int} eller et decimaltal, fx ${int}${decimalMark}5.`;
}

function danishMessage(q: string, body: string, pieces: Pieces): string {
  const dots = body.split(".").length - 1;
  if (dots === 1 && !body.includes(",") && !body.includes(" ")) {
    const suggestion = withPieces(body.replace(".", ","), pieces);
    return `${q} er ikke et gyldigt dansk tal: punktum bruges kun mellem tusinder, i grupper på 3 cifre som i 1.000. Skriv ${suggestion} med komma, hvis du mener et decimaltal.`;
  }
  return `${q} er ikke et gyldigt dansk tal. Skriv fx 1.000 eller 12,5 (punktum mellem tusinder, komma før decimaler).`;
}

function englishMessage(q: string, body: string, pieces: Pieces): string {
  const commas = body.split(",").length - 1;
  if (commas === 1 && !body.includes(".") && !body.includes(" ")) {
    const suggestion = withPieces(body.replace(",", "."), pieces);
    return `${q} er ikke et gyldigt tal i engelsk format: komma bruges kun mellem tusinder, i grupper på 3 cifre som i 1,000. Skriv ${suggestion} med punktum, hvis du mener et decimaltal.`;
  }
  return `${q} er ikke et gyldigt tal i engelsk format. Skriv fx 1,000 eller 12.5 (komma mellem tusinder, punktum før decimaler).`;
}

function autoMessage(q: string): string {
  return `${q} er ikke et gyldigt tal. Skriv fx 1000, 49.218,5 eller 12,5 (punktum mellem tusinder, komma før decimaler).`;
}

/** The auto reading of a body with exactly one "." or "," that is ambiguous, or null when it is not. */
function ambiguousSingleSeparator(q: string, body: string, pieces: Pieces): string | null {
  const separators = body.match(/[.,]/gu) ?? [];
  if (separators.length !== 1) return null;
  const mark = separators[0] as "." | ",";
  const index = body.indexOf(mark);
  const before = body.slice(0, index);
  const after = body.slice(index + 1);
  if (!/^\d+$/u.test(after)) return null; // "12," or "1.5 000": not a number either way
  const beforeDigits = before.replace(/ /gu, "");
  if (!/^\d*$/u.test(beforeDigits)) return null;
  const integer = withPieces(plainInteger(beforeDigits + after), pieces);
  if (after.length === 3 && beforeDigits !== "") {
    const decimal = withPieces(unambiguousDanishDecimal(beforeDigits, after), pieces);
    const word = mark === "." ? "punktummet" : "kommaet";
    return `${q} er tvetydigt, fordi ${word} både kan skille tusinder og være decimaltegn. Skriv ${integer}, hvis ${word} skiller tusinder, eller ${decimal}, hvis det er decimaltegn.`;
  }
  if (mark === ".") {
    const decimal = withPieces(unambiguousDanishDecimal(beforeDigits, after), pieces);
    return `${q} er tvetydigt: punktum skiller tusinder på dansk, men er decimaltegn på engelsk. Skriv ${decimal}, hvis du mener et decimaltal, eller ${integer} uden punktum.`;
  }
  return null;
}

function sameDigits(a: Digits, b: Digits): boolean {
  return (
    plainInteger(a.int) === plainInteger(b.int) && a.frac.replace(/0+$/u, "") === b.frac.replace(/0+$/u, "")
  );
}

/**
 * Parses a number as a person types it. style "da": "." separates thousands, "," is the
 * decimal mark; "en": the other way round; "auto": whichever reading is the only possible one,
 * and an error when two readings are possible. See the decisions at the top of this file.
 */
export function parseNumber(text: string, style: NumberStyle = "auto"): ParsedNumber {
  if (typeof text !== "string") return error(`Værdien er ikke tekst. Skriv et tal, fx ${examples(style)}.`);
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "empty" };
  const q = quote(trimmed);

  let rest = trimmed;
  let percent = false;
  let suffix = "";
  const percentMatch = PERCENT_SUFFIX.exec(rest);
  const kronerMatch = percentMatch ? null : KRONER_SUFFIX.exec(rest);
  const suffixMatch = percentMatch ?? kronerMatch;
  if (suffixMatch) {
    percent = percentMatch !== null;
    const head = rest.slice(0, suffixMatch.index).trimEnd();
    suffix = rest.slice(head.length);
    rest = head;
  }
  let negative = false;
  const signMatch = SIGN.exec(rest);
  if (signMatch) {
    negative = signMatch[1] !== "+";
    rest = rest.slice(signMatch[0].length);
  }
  const body = rest.replace(/\s+/gu, " ");
  if (!/^[\d., ]*$/u.test(body)) return error(foreignCharacterMessage(q, body, style));
  if (!/\d/u.test(body)) return error(`${q} er ikke et tal. Skriv et tal, fx ${examples(style)}.`);
  const pieces: Pieces = { sign: negative ? "-" : "", suffix };

  let digits: Digits;
  if (style === "da" || style === "en") {
    const [thousands, mark] = style === "da" ? ([".", ","] as const) : ([",", "."] as const);
    const reading = readBody(body, thousands, mark);
    if (!reading.ok) {
      const last = body.slice(-1);
      const head = body.slice(0, -1);
      if ((last === "," || last === ".") && readBody(head, thousands, mark).ok) {
        return error(trailingMarkMessage(q, last, withPieces(head, pieces), mark));
      }
      if (/\d \d/u.test(body)) {
        const withoutSpaces = readBody(body.replace(/ /gu, ""), thousands, mark);
        if (withoutSpaces.ok) return error(spacesMessage(q));
      }
      return error(style === "da" ? danishMessage(q, body, pieces) : englishMessage(q, body, pieces));
    }
    digits = reading.digits;
  } else {
    const ambiguous = ambiguousSingleSeparator(q, body, pieces);
    if (ambiguous !== null) return error(ambiguous);
    const da = readBody(body, ".", ",");
    const en = readBody(body, ",", ".");
    if (da.ok && en.ok) {
      if (!sameDigits(da.digits, en.digits)) {
        return error(
          `${q} er tvetydigt, fordi punktum og komma betyder noget forskelligt på dansk og engelsk. Skriv tallet uden tusindtalsseparator, fx 1000 eller 12,5.`,
        );
      }
      digits = da.digits;
    } else if (da.ok) {
      digits = da.digits;
    } else if (en.ok) {
      digits = en.digits;
    } else {
      const last = body.slice(-1);
      const head = body.slice(0, -1);
      if ((last === "," || last === ".") && !/[.,]/u.test(head) && readBody(head, ".", ",").ok) {
        return error(trailingMarkMessage(q, last, withPieces(head, pieces), ","));
      }
      if (/\d \d/u.test(body)) {
        const compact = body.replace(/ /gu, "");
        if (readBody(compact, ".", ",").ok || readBody(compact, ",", ".").ok) return error(spacesMessage(q));
      }
      return error(autoMessage(q));
    }
  }

  if (significantDigits(digits) > MAX_SIGNIFICANT_DIGITS) {
    return error(
      `${q} har for mange cifre til at kunne gemmes præcist (højst ${MAX_SIGNIFICANT_DIGITS} betydende cifre). Skriv et kortere tal, fx afrundet til hele kroner.`,
    );
  }
  const value = toValue(digits, negative, percent);
  if (!Number.isFinite(value)) return error(`${q} er for stort. Skriv et mindre tal.`);
  return { kind: "number", value, percent };
}

/** "Ja" → yes and "Nej" → no, in any case and with surrounding whitespace; anything else is an error. */
export function parseYesNo(text: string): ParsedYesNo {
  if (typeof text !== "string") return error("Værdien er ikke tekst. Skriv Ja eller Nej.");
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "empty" };
  const lower = trimmed.toLowerCase();
  if (lower === "ja") return { kind: "yes" };
  if (lower === "nej") return { kind: "no" };
  return error(`${quote(trimmed)} er hverken Ja eller Nej. Skriv Ja eller Nej.`);
}
