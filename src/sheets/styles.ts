// Colours, number formats and print set-up of the workbook, in one place.
import { kindOf } from "../contracts/kinds";
import type { Status, Target } from "../contracts/model";
import type { PageMargins, PageSections } from "./plan";

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
export const PAGE_NUMBERS: PageSections = { left: "", center: "Side &P af &N", right: "" };

/** Text shown as it is in a page header: "&" alone would start a field code. */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Format of the target value cells (Mål-værdi), from the kind's entry. */
export function targetFormat(t: Target, value: number): string {
  return kindOf(t).targetFormat(t, value);
}

/** Format of the Opnået cell, from the kind's entry. */
export function achievedFormat(t: Target): string {
  return kindOf(t).achievedFormat(t);
}

/** Format of the Grundlag and Resultat cells, from the kind's entry. */
export function inputFormat(t: Target): string {
  return kindOf(t).inputFormat(t);
}
