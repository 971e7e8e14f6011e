// Numbers in a definition sheet, written and read the way an economist types them: "10 %",
// "0,95", "1.850", "61.974 kr.", "7 procentpoint". Written exactly: reading back what was written
// gives the very same number, so a definition round-trips without drift.
import type { CellValue } from "../contracts/model";
import { parseNumber } from "../contracts/parseNumber";

/** What a requirement field holds: a fraction shown in %, percentage points, or a plain number. */
export type FieldKind = "percent" | "points" | "number";

const POINTS_SUFFIX = /\s*(?:procentpoint|%-point|pct\.?-point|point|pp)$/iu;

export type FieldReading = { ok: true; value: number } | { ok: false; message: string };

/** "61974" → "61.974", "838.5" → "838,5": a plain decimal string in Danish. */
function danish(plain: string): string {
  const [whole = "0", decimals] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return decimals ? `${grouped},${decimals}` : grouped;
}

/** A plain decimal string (no exponent) of a number's toPrecision text. */
function plainDecimal(text: string): string {
  const n = Number(text);
  if (!/e/i.test(text)) return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/** The shortest Danish text that reads back as exactly this value. */
export function formatField(value: number, field: FieldKind): string {
  const shown = field === "number" ? value : value * 100;
  const suffix = field === "percent" ? " %" : field === "points" ? " procentpoint" : "";
  for (let p = 1; p <= 17; p++) {
    const text = danish(plainDecimal(Math.abs(shown).toPrecision(p))) + suffix;
    const candidate = (value < 0 ? "-" : "") + text;
    const back = readField(candidate, field, "Krav");
    if (back.ok && back.value === value) return candidate;
  }
  return String(value);
}

const EXAMPLE: Record<FieldKind, string> = { percent: "10 %", points: "7 procentpoint", number: "1.850" };

/** A number as shown in a message: "60", "1,05". */
function shownNumber(value: number): string {
  return danish(plainDecimal(String(value)));
}

/**
 * Reads a requirement cell. A number typed without % in a percent field is a fraction when it is
 * at most 1 (0,95 = 95 %); above 1 it is refused with "mente du 60 %?", never guessed.
 */
export function readField(cell: CellValue, field: FieldKind, what: string): FieldReading {
  if (cell === null || cell === "")
    return { ok: false, message: `${what} mangler. Skriv fx ${EXAMPLE[field]}.` };
  let value: number;
  let percent = false;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "boolean")
    return {
      ok: false,
      message: `${what} skal være et tal, fx ${EXAMPLE[field]} — der står «${cell ? "SAND" : "FALSK"}»`,
    };
  else {
    let text = cell.trim();
    if (field === "points" && POINTS_SUFFIX.test(text)) {
      text = text.replace(POINTS_SUFFIX, " %");
    }
    const parsed = parseNumber(text, "da");
    if (parsed.kind === "empty")
      return { ok: false, message: `${what} mangler. Skriv fx ${EXAMPLE[field]}.` };
    if (parsed.kind === "error") {
      return /\d/u.test(text)
        ? { ok: false, message: `${what}: ${parsed.message}` }
        : {
            ok: false,
            message: `${what} skal være et tal, fx ${EXAMPLE[field]} — der står «${cell.trim()}»`,
          };
    }
    value = parsed.value;
    percent = parsed.percent;
  }
  if (!Number.isFinite(value))
    return { ok: false, message: `${what} skal være et tal, fx ${EXAMPLE[field]}.` };
  if (value < 0)
    return { ok: false, message: `${what} må ikke være negativt — der står ${shownNumber(value)}.` };
  if (field === "number") {
    if (percent)
      return {
        ok: false,
        message: `${what} skal være et tal uden %, fx ${EXAMPLE.number} — der står «${String(cell).trim()}». Vælg en Måltype med andel eller %, hvis kravet er en procentdel.`,
      };
    return { ok: true, value };
  }
  if (!percent && value > 1) {
    const unit = field === "points" ? "procentpoint" : "%";
    return {
      ok: false,
      message: `${what} ${shownNumber(value)} er over 100 % — mente du ${shownNumber(value)} ${unit}? Skriv ${shownNumber(value)} ${unit === "%" ? "%" : unit} (eller ${shownNumber(value / 100)} som brøk).`,
    };
  }
  return { ok: true, value };
}
