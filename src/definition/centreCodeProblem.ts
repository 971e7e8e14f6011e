// A centre code on a definition sheet becomes a sheet name. Whether it can be one is decided by
// contracts/sheetNames.ts (the same rules as a contract file's codes); this only words the fault
// for an economist looking at the cell, saying what to write instead.
import { MAX_SHEET_NAME, sheetNameFault } from "../contracts/sheetNames";

/** Why a centre code cannot be a sheet name, or null when it can. */
export function centreCodeProblem(code: string): string | null {
  // Excel would keep the spaces in the sheet name, but in a cell they are invisible: an error here.
  if (code.trim() !== "" && code !== code.trim())
    return `Centerkoden «${code}» har mellemrum i starten eller slutningen. Fjern dem.`;
  const fault = sheetNameFault(code);
  if (!fault) return null;
  switch (fault.kind) {
    case "empty":
      return "Centerkoden er tom. Skriv en kort kode, fx CKB.";
    case "tooLong":
      return `Centerkoden «${code}» er ${fault.length} tegn; et arknavn må højst have ${MAX_SHEET_NAME}. Brug en kortere kode.`;
    case "forbiddenCharacter":
      return `Centerkoden «${code}» kan ikke være et arknavn: tegnet «${fault.character}» er ikke tilladt (heller ikke : \\ / ? * [ ]). Brug fx «${code.replace(/[:\\/?*[\]]+/gu, "-")}».`;
    case "apostropheAtEdge":
      return `Centerkoden «${code}» kan ikke være et arknavn: den må ikke starte eller slutte med en apostrof.`;
    case "reserved":
      return `Centerkoden «${code}» er navnet på et ark, programmet selv bruger (${fault.sheet}). Vælg en anden kode.`;
    case "definitionPrefix":
      return `Centerkoden «${code}» ligner navnet på et definitionsark. Vælg en kode, der ikke starter med «Definition».`;
  }
}
