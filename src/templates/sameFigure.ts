// When two cell values are the same figure: the one comparison behind the import preview, the
// review of several returned files, the check after writing to the master and the check of a
// returned template's locked cells. Numbers are the same to 9 significant digits, measured against
// the larger of the two so that the answer does not depend on which value comes first (the
// locked-cell check once measured against the first only).

import type { CellValue } from "../contracts/model";

/** How texts are compared: as a person reads them, or character for character. */
type Texts = "trimmed" | "exact";

function same(a: CellValue | undefined, b: CellValue | undefined, texts: Texts): boolean {
  const blank = (v: CellValue | undefined) =>
    v === null || v === undefined || (typeof v === "string" && (texts === "trimmed" ? v.trim() : v) === "");
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === "string" && typeof b === "string")
    return texts === "trimmed" ? a.trim() === b.trim() : a === b;
  return a === b;
}

/** An empty cell as an economist sees it: nothing, or only spaces. */
export function isBlankFigure(v: CellValue | undefined): boolean {
  return same(v, null, "trimmed");
}

/**
 * Same figure as an economist sees it: spaces around a text typed into an input cell are no
 * change, so an import does not report a conflict nobody can see.
 */
export function sameFigure(a: CellValue, b: CellValue): boolean {
  return same(a, b, "trimmed");
}

/**
 * Same as the product wrote it: a locked cell whose text gained a space was still edited (its
 * protection was lifted), so the template check compares texts exactly.
 */
export function sameAsWritten(expected: CellValue, found: CellValue): boolean {
  return same(expected, found, "exact");
}
