// The names of the workbook's own sheets, and Excel's rules for a sheet name, so that a centre
// code (every centre gets a sheet named by its code) is checked when the contract is read, not
// when a build fails halfway.

export const SUMMARY_SHEET = "Oversigt";
export const LISTS_SHEET = "Lister";
export const META_SHEET = "RK_Data";
export const LOG_SHEET = "Log";
export const GUIDE_SHEET = "Vejledning";
/** A contract's definition sheet is "Definition <contract id>". */
export const DEFINITION_SHEET_PREFIX = "Definition ";

const RESERVED = [SUMMARY_SHEET, LISTS_SHEET, META_SHEET, LOG_SHEET, GUIDE_SHEET, "History"];
const FORBIDDEN_CHARACTERS = /[:\\/?*[\]]/;

/** Why a text cannot be a sheet name of its own in the workbook, in Danish; undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "må ikke være tom";
  if (name.length > 31) return `er ${name.length} tegn lang; et arknavn må højst have 31 tegn`;
  const bad = FORBIDDEN_CHARACTERS.exec(name);
  if (bad)
    return `indeholder tegnet «${bad[0]}», som Excel ikke tillader i et arknavn (ingen af : \\ / ? * [ ])`;
  if (name.startsWith("'") || name.endsWith("'")) return "må ikke begynde eller slutte med en apostrof (')";
  const lower = name.toLowerCase();
  const clash = RESERVED.find((r) => r.toLowerCase() === lower);
  if (clash) return `er navnet på et ark, som projektmappen selv bruger («${clash}»); vælg en anden kode`;
  if (lower.startsWith(DEFINITION_SHEET_PREFIX.toLowerCase()))
    return `må ikke begynde med «${DEFINITION_SHEET_PREFIX.trim()}»: det er navnet på kontrakternes definitionsark`;
  return undefined;
}
