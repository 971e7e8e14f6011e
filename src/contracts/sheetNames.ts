// The names of the workbook's own sheets, and Excel's rules for a sheet name, so that a centre
// code (every centre gets a sheet named by its code) is checked when the contract is read, not
// when a build fails halfway. The one home of these rules: the contract's schema and the
// definition sheet's reader word the fault for their own reader, but decide it here.

export const SUMMARY_SHEET = "Oversigt";
export const LISTS_SHEET = "Lister";
export const META_SHEET = "RK_Data";
export const LOG_SHEET = "Log";
export const GUIDE_SHEET = "Vejledning";
/** A contract's definition sheet is "Definition <contract id>". */
export const DEFINITION_SHEET_PREFIX = "Definition ";
/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

const RESERVED = [SUMMARY_SHEET, LISTS_SHEET, META_SHEET, LOG_SHEET, GUIDE_SHEET, "History"];
const FORBIDDEN_CHARACTERS = /[:\\/?*[\]]/;

/** Why a text cannot be a sheet name of the workbook's own, as data for each caller to word. */
export type SheetNameFault =
  | { kind: "empty" }
  | { kind: "tooLong"; length: number }
  | { kind: "forbiddenCharacter"; character: string }
  | { kind: "apostropheAtEdge" }
  | { kind: "reserved"; sheet: string }
  | { kind: "definitionPrefix" };

/** Whether the name is one of the workbook's own sheets, in any case and Unicode form ("log", "OVERSIGT"). */
export function isReservedSheetName(name: string): boolean {
  const lower = name.normalize("NFC").trim().toLowerCase();
  return (
    RESERVED.some((r) => r.toLowerCase() === lower) || lower.startsWith(DEFINITION_SHEET_PREFIX.toLowerCase())
  );
}

/** The first rule the name breaks, in the order a reader would fix them; undefined when it can be a sheet name. */
export function sheetNameFault(name: string): SheetNameFault | undefined {
  if (name.trim() === "") return { kind: "empty" };
  if (name.length > MAX_SHEET_NAME) return { kind: "tooLong", length: name.length };
  const bad = FORBIDDEN_CHARACTERS.exec(name);
  if (bad) return { kind: "forbiddenCharacter", character: bad[0] };
  if (name.startsWith("'") || name.endsWith("'")) return { kind: "apostropheAtEdge" };
  const lower = name.toLowerCase();
  const clash = RESERVED.find((r) => r.toLowerCase() === lower);
  if (clash) return { kind: "reserved", sheet: clash };
  if (lower.startsWith(DEFINITION_SHEET_PREFIX.toLowerCase())) return { kind: "definitionPrefix" };
  return undefined;
}

/** Why a text cannot be a sheet name of its own in the workbook, in Danish; undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  const fault = sheetNameFault(name);
  if (!fault) return undefined;
  switch (fault.kind) {
    case "empty":
      return "må ikke være tom";
    case "tooLong":
      return `er ${fault.length} tegn lang; et arknavn må højst have ${MAX_SHEET_NAME} tegn`;
    case "forbiddenCharacter":
      return `indeholder tegnet «${fault.character}», som Excel ikke tillader i et arknavn (ingen af : \\ / ? * [ ])`;
    case "apostropheAtEdge":
      return "må ikke begynde eller slutte med en apostrof (')";
    case "reserved":
      return `er navnet på et ark, som projektmappen selv bruger («${fault.sheet}»); vælg en anden kode`;
    case "definitionPrefix":
      return `må ikke begynde med «${DEFINITION_SHEET_PREFIX.trim()}»: det er navnet på kontrakternes definitionsark`;
  }
}
