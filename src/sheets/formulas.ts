// The cells that judge a row in Excel's language, so a sheet judges itself with no add-in
// installed. Each kind's rule (invalid / missing / met / achieved) is pure text in its entry in
// contracts/kinds/, beside its evaluator, so a kind is added in one place; this file assembles
// them into the Status and Opnået cells and writes the joint formulas across sheets.
import { kindOf } from "../contracts/kinds";
import { badNumber, blank, type RowRefs } from "../contracts/kinds/excelText";
import type { Target } from "../contracts/model";
import { STATUS_LABEL } from "../contracts/status";

export type { RowRefs };

const q = (s: string) => `"${s}"`;
const MET = q(STATUS_LABEL.met);
const NOT_MET = q(STATUS_LABEL.not_met);
const MISSING = q(STATUS_LABEL.missing);
const INVALID = q(STATUS_LABEL.invalid);

/** The Status cell: one of Opfyldt, Ikke opfyldt, Mangler data, Ugyldig. No leading "=". */
export function statusFormula(t: Target, c: RowRefs): string {
  const r = kindOf(t).formula(t, c);
  return `IF(${r.invalid},${INVALID},IF(${r.missing},${MISSING},IF(${r.met},${MET},${NOT_MET})))`;
}

/** The Opnået cell: the judged figure once the status is Opfyldt or Ikke opfyldt, else empty. */
export function achievedFormula(t: Target, c: RowRefs, statusRef: string): string {
  const r = kindOf(t).formula(t, c);
  return `IF(OR(${statusRef}=${MET},${statusRef}=${NOT_MET}),${r.achieved},"")`;
}

/**
 * The joint status over the contributing centres' Resultat cells (each on its own sheet).
 * Contributions that are not in the workbook are passed as undefined and count as missing data.
 */
export function jointStatusFormula(
  contributions: (string | undefined)[],
  target: string,
  decimals = false,
): string {
  if (contributions.some((c) => c === undefined))
    return `IF(${jointInvalid(contributions, decimals)},${INVALID},${MISSING})`;
  const refs = contributions as string[];
  const anyMissing = `OR(${refs.map(blank).join(",")})`;
  return `IF(${jointInvalid(refs, decimals)},${INVALID},IF(${anyMissing},${MISSING},IF(ROUND(${jointSum(refs)},9)>=${target},${MET},${NOT_MET})))`;
}

/** A contribution is invalid when it is no number, negative, or (for whole counts) not whole. */
function jointInvalid(contributions: (string | undefined)[], decimals: boolean): string {
  const present = contributions.filter((c): c is string => c !== undefined);
  if (present.length === 0) return "FALSE()";
  const bad = (r: string) => (decimals ? `${r}<0` : `OR(${r}<0,${r}<>INT(${r}))`);
  return `OR(${present.map((r) => badNumber(r, bad(r))).join(",")})`;
}

function jointSum(refs: string[]): string {
  return refs.join("+");
}

/** The joint total shown beside the joint status, once the joint status is judged. */
export function jointTotalFormula(contributions: (string | undefined)[], statusRef: string): string {
  const present = contributions.filter((c): c is string => c !== undefined);
  return `IF(OR(${statusRef}=${MET},${statusRef}=${NOT_MET}),${jointSum(present)},"")`;
}

/** Quotes a sheet name for a reference: 'Skelbækgade'!I12. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
