// Colours, number formats and print set-up of the workbook, in one place.
import type { Status, Target } from "../contracts/model";
import type { PageMargins } from "./plan";

/** Fill and font per status: the word stays in the cell, so it also reads in black-and-white print. */
export const STATUS_COLOURS: Record<Exclude<Status, "not_applicable">, { fill: string; font: string }> = {
  not_met: { fill: "FFC7CE", font: "9C0006" },
  missing: { fill: "FFEB9C", font: "7F5200" },
  invalid: { fill: "D9C8F0", font: "4B1F7A" },
  met: { fill: "C6EFCE", font: "006100" },
};

export const HEADER_FILL = "1F4E3D";
export const HEADER_FONT = "FFFFFF";
export const INPUT_FILL = "FFF9DB";
export const MUTED_FONT = "595959";
export const NOT_APPLICABLE_FILL = "EDEDED";

/** Narrow margins (inches): the width goes to the columns; header and footer keep their room. */
export const NARROW_MARGINS: PageMargins = {
  left: 0.2,
  right: 0.2,
  top: 0.55,
  bottom: 0.55,
  header: 0.25,
  footer: 0.25,
};
/** Footer: "Side 3 af 5". */
export const PAGE_NUMBERS = "&CSide &P af &N";

const percent = (x: number) => (Number.isInteger(Math.round(x * 1e6) / 1e4) ? "0%" : "0.0%");

/** Format of the target value cells. */
export function targetFormat(t: Target, value: number): string {
  switch (t.kind) {
    case "change":
    case "shareMin":
    case "shareMax":
    case "spendRange":
      return percent(value);
    case "absoluteChange":
    case "valueMax":
      return unitFormat(t.unit, Number.isInteger(value) ? "#,##0" : "#,##0.0");
    case "countMin":
      return "#,##0";
    case "yesNo":
      return "General";
  }
}

/** Format of the Opnået cell. */
export function achievedFormat(t: Target): string {
  switch (t.kind) {
    case "change":
    case "shareMin":
    case "shareMax":
    case "spendRange":
      return "0.0%";
    case "absoluteChange":
    case "valueMax":
      return unitFormat(t.unit, t.unit === "kr." ? "#,##0" : "#,##0.0");
    case "countMin":
      return "#,##0";
    case "yesNo":
      return "General";
  }
}

function unitFormat(unit: string, number: string): string {
  return `${number} "${unit}"`;
}
