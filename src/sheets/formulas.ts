// The rulebook of contracts/evaluate.ts in Excel's language, so a sheet judges itself with no
// add-in installed. English function names and "," separators (range.formulas and exceljs speak
// en-US). Only functions Excel 2016, LibreOffice and HyperFormula all know, and none of the ones
// that differ between them (COUNTBLANK, AND on a bare cell, TEXT with %): see OFFICE-JS.md.
import type { Target } from "../contracts/model";
import { STATUS_LABEL } from "../contracts/status";

export interface RowRefs {
  grundlag: string;
  resultat: string;
  /** The locked cell that holds the target value (the lower end of a range). */
  target: string;
  /** The upper end of a range, for spendRange. */
  target2?: string;
}

const q = (s: string) => `"${s}"`;
const MET = q(STATUS_LABEL.met);
const NOT_MET = q(STATUS_LABEL.not_met);
const MISSING = q(STATUS_LABEL.missing);
const INVALID = q(STATUS_LABEL.invalid);

const blank = (x: string) => `${x}=""`;
/** TRUE when x holds something that is not a number, or a number for which `bad` holds. */
const badNumber = (x: string, bad: string) => `IF(ISNUMBER(${x}),${bad},${x}<>"")`;
const round9 = (x: string) => `ROUND(${x},9)`;

interface Rule {
  invalid: string;
  missing: string;
  met: string;
  achieved: string;
}

function rule(t: Target, c: RowRefs): Rule {
  const { grundlag: g, resultat: r, target: t1 } = c;
  switch (t.kind) {
    case "change":
    case "absoluteChange": {
      const diff = t.direction === "fall" ? `(${g}-${r})` : `(${r}-${g})`;
      const achieved = t.kind === "change" ? `${diff}/${g}` : diff;
      return {
        invalid: `OR(${badNumber(g, t.kind === "change" ? `${g}<=0` : `${g}<0`)},${badNumber(r, `${r}<0`)})`,
        missing: `OR(${blank(g)},${blank(r)})`,
        met: `${round9(achieved)}>=${t1}`,
        achieved,
      };
    }
    case "pointChange": {
      const achieved = t.direction === "fall" ? `(${g}-${r})` : `(${r}-${g})`;
      const badShare = (x: string) => badNumber(x, `OR(${x}<0,${x}>1)`);
      return {
        invalid: `OR(${badShare(g)},${badShare(r)})`,
        missing: `OR(${blank(g)},${blank(r)})`,
        met: `${round9(achieved)}>=${t1}`,
        achieved,
      };
    }
    case "shareMin":
    case "shareMax": {
      const achieved = `IF(${blank(g)},${r},${r}/${g})`;
      const tooLarge = `IF(ISNUMBER(${r}),IF(ISNUMBER(${g}),${r}>${g},IF(${blank(g)},${r}>1,FALSE())),FALSE())`;
      return {
        invalid: `OR(${badNumber(g, `${g}<=0`)},${badNumber(r, `${r}<0`)},${tooLarge})`,
        missing: blank(r),
        met: `${round9(achieved)}${t.kind === "shareMin" ? ">=" : "<="}${t1}`,
        achieved,
      };
    }
    case "spendRange": {
      const achieved = `${r}/${g}`;
      return {
        invalid: `OR(${badNumber(g, `${g}<=0`)},${badNumber(r, `${r}<0`)})`,
        missing: `OR(${blank(g)},${blank(r)})`,
        met: `AND(${round9(achieved)}>=${t1},${round9(achieved)}<=${c.target2 ?? t1})`,
        achieved,
      };
    }
    case "countMin":
      return {
        invalid: badNumber(r, t.decimals ? `${r}<0` : `OR(${r}<0,${r}<>INT(${r}))`),
        missing: blank(r),
        met: `${round9(r)}>=${t1}`,
        achieved: r,
      };
    case "valueMin":
      return {
        invalid: badNumber(r, `${r}<0`),
        missing: blank(r),
        met: `${round9(r)}>=${t1}`,
        achieved: r,
      };
    case "valueMax":
      return {
        invalid: badNumber(r, `${r}<0`),
        missing: blank(r),
        met: `${round9(r)}<=${t1}`,
        achieved: r,
      };
    case "yesNo":
      return {
        invalid: `IF(ISNUMBER(${r}),TRUE(),IF(${blank(r)},FALSE(),AND(TRIM(${r})<>"Ja",TRIM(${r})<>"Nej")))`,
        missing: blank(r),
        met: `TRIM(${r})="Ja"`,
        achieved: `IF(TRIM(${r})="Ja","Ja","Nej")`,
      };
  }
}

/** The Status cell: one of Opfyldt, Ikke opfyldt, Mangler data, Ugyldig. No leading "=". */
export function statusFormula(t: Target, c: RowRefs): string {
  const r = rule(t, c);
  return `IF(${r.invalid},${INVALID},IF(${r.missing},${MISSING},IF(${r.met},${MET},${NOT_MET})))`;
}

/** The Opnået cell: the judged figure once the status is Opfyldt or Ikke opfyldt, else empty. */
export function achievedFormula(t: Target, c: RowRefs, statusRef: string): string {
  const r = rule(t, c);
  return `IF(OR(${statusRef}=${MET},${statusRef}=${NOT_MET}),${r.achieved},"")`;
}

/**
 * The joint status over the contributing centres' Resultat cells (each on its own sheet).
 * Contributions that are not in the workbook are passed as undefined and count as missing data.
 */
export function jointStatusFormula(contributions: (string | undefined)[], target: string): string {
  if (contributions.some((c) => c === undefined))
    return `IF(${jointInvalid(contributions)},${INVALID},${MISSING})`;
  const refs = contributions as string[];
  const anyMissing = `OR(${refs.map(blank).join(",")})`;
  return `IF(${jointInvalid(refs)},${INVALID},IF(${anyMissing},${MISSING},IF(${jointSum(refs)}>=${target},${MET},${NOT_MET})))`;
}

function jointInvalid(contributions: (string | undefined)[]): string {
  const present = contributions.filter((c): c is string => c !== undefined);
  if (present.length === 0) return "FALSE()";
  return `OR(${present.map((r) => badNumber(r, `OR(${r}<0,${r}<>INT(${r}))`)).join(",")})`;
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
