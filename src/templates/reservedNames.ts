// Sheet names the product owns, and what Excel allows in a sheet name: a centre code names a
// sheet in the master and in its template, so it can be neither. (The contract schema checks the
// same when a contract is read; this side keeps the template flows safe on their own.)
import { LISTS_SHEET, LOG_SHEET, META_SHEET, SUMMARY_SHEET } from "../sheets/layout";
import { GUIDE_SHEET } from "./planTemplate";

export const RESERVED_SHEET_NAMES = [SUMMARY_SHEET, META_SHEET, LISTS_SHEET, LOG_SHEET, GUIDE_SHEET] as const;

/** Whether the name is one of the product's own sheets, in any case ("log", "OVERSIGT"). */
export function isReservedName(name: string): boolean {
  const key = name.normalize("NFC").trim().toLowerCase();
  return RESERVED_SHEET_NAMES.some((r) => r.toLowerCase() === key);
}

/** Why Excel would not take this as a sheet name, in Danish; undefined when it would. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "er tomt";
  if (name.length > 31) return `er ${name.length} tegn langt; et arknavn må højst være 31 tegn`;
  const bad = /[\\/?*[\]:]/.exec(name);
  if (bad) return `indeholder tegnet "${bad[0]}", som et arknavn ikke må indeholde (\\ / ? * [ ] :)`;
  if (name.startsWith("'") || name.endsWith("'")) return "begynder eller slutter med en apostrof (')";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F]/.test(name)) return "indeholder et styretegn";
  if (isReservedName(name))
    return `er navnet på et af programmets egne ark (${RESERVED_SHEET_NAMES.join(", ")})`;
  return undefined;
}
