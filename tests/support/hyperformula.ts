// A real formula engine for tests: HyperFormula computes the workbook's formulas.
import { HyperFormula } from "hyperformula";
import type { CellValue } from "../../src/contracts/model";

export function newEngine(): HyperFormula {
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
}

/** What to hand setCellContents so a cell holds exactly this value (text stays text). */
export function hfContent(v: CellValue): string | number | boolean | null {
  if (v === null || v === "") return null;
  if (typeof v === "string") return `'${v}`;
  return v;
}
