// What a value from outside must be before it goes into the master: a number a contract can
// judge, or a text a cell can hold. Applied to every input cell of a returned template, so the
// preview shows exactly what would be written, and what cannot be written is refused with the
// cell named instead of failing the whole import at the last step.
import { formatNumber } from "../contracts/formatDa";
import { shownText } from "./shownText";

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Larger amounts than any count or budget in a contract, and where doubles stop being exact integers. */
export const MAX_FIGURE = 1e15;

/** Closer to 0 than any share or figure a person types; such a value is an artefact (5e-324), not a figure. */
export const MIN_FIGURE = 1e-9;

export type CellValueCheck = { ok: true; value: number | string } | { ok: false; reason: string };

// Characters XML 1.0 cannot carry, U+FFFE/U+FFFF, and halves of a surrogate pair without the other half.
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Line breaks as one: CR LF and CR (Excel stores a CR as _x000D_) become LF, and so does a
 * vertical tab, which is what a line break pasted from Word arrives as.
 */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?|\v/g, "\n");
}

export function checkCellValue(value: number | string): CellValueCheck {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "er ikke et endeligt tal" };
    const size = Math.abs(value);
    if (size > MAX_FIGURE)
      return {
        ok: false,
        reason: `er ${value.toExponential(3)}, langt større end noget tal i en kontrakt (højst ${formatNumber(MAX_FIGURE, 0)})`,
      };
    if (size !== 0 && size < MIN_FIGURE)
      return {
        ok: false,
        reason: `er ${value.toExponential(3)}, så tæt på 0, at det ikke kan være et tal, nogen har skrevet; skriv 0 eller det rigtige tal`,
      };
    return { ok: true, value };
  }
  const text = normaliseLineBreaks(value);
  const bad = UNSTORABLE.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return {
      ok: false,
      reason: `indeholder tegnet U+${code} (i "${shownText(text.slice(Math.max(0, bad.index - 20), bad.index + 20))}"), som ikke kan gemmes i en celle; fjern det`,
    };
  }
  if (text.length > MAX_CELL_TEXT)
    return {
      ok: false,
      reason: `har ${formatNumber(text.length, 0)} tegn; en celle kan højst rumme ${formatNumber(MAX_CELL_TEXT, 0)}`,
    };
  return { ok: true, value: text };
}
