// Pieces of Excel formulas, as text: each kind's `rule` builds its Status formula from these.
// English function names and "," separators (range.formulas and exceljs speak en-US). Only
// functions Excel 2016, LibreOffice and HyperFormula all know, and none of the ones that differ
// between them (COUNTBLANK, AND on a bare cell, TEXT with %, DATEVALUE): see OFFICE-JS.md.
// This is pure text building, so it lives with the kind it belongs to; sheets/formulas.ts
// assembles the cells from it.

/** Cell references of one goal row. */
export interface RowRefs {
  grundlag: string;
  resultat: string;
  /** The locked cell that holds the target value (the lower end of a range). */
  target: string;
  /** The second target cell: the upper end of a range, the joint target beside an own one. */
  target2?: string;
}

/** A kind's rule in Excel's language: each part is a boolean expression but `achieved`. */
export interface FormulaRule {
  invalid: string;
  missing: string;
  met: string;
  /** The judged figure, evaluated only once the status is Opfyldt or Ikke opfyldt. */
  achieved: string;
}

export const blank = (x: string) => `${x}=""`;
/** TRUE when x holds something that is not a number, or a number for which `bad` holds. */
export const badNumber = (x: string, bad: string) => `IF(ISNUMBER(${x}),${bad},${x}<>"")`;
export const round9 = (x: string) => `ROUND(${x},9)`;
