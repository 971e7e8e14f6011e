// A centre code becomes a sheet name, so it must be one by Excel's rules and not one the product
// uses itself. Danish messages say what to write instead.
import { LISTS_SHEET, LOG_SHEET, META_SHEET, SUMMARY_SHEET } from "../sheets/layout";
import { DEFINITION_PREFIX, MAX_SHEET_NAME } from "./layout";

const RESERVED = [SUMMARY_SHEET, LOG_SHEET, META_SHEET, LISTS_SHEET, "History"];
const FORBIDDEN = /[:\\/?*[\]]/u;

/** Why a centre code cannot be a sheet name, or null when it can. */
export function centreCodeProblem(code: string): string | null {
  if (code.trim() === "") return "Centerkoden er tom. Skriv en kort kode, fx CKB.";
  if (code !== code.trim())
    return `Centerkoden «${code}» har mellemrum i starten eller slutningen. Fjern dem.`;
  if (code.length > MAX_SHEET_NAME)
    return `Centerkoden «${code}» er ${code.length} tegn; et arknavn må højst have ${MAX_SHEET_NAME}. Brug en kortere kode.`;
  const bad = FORBIDDEN.exec(code);
  if (bad)
    return `Centerkoden «${code}» kan ikke være et arknavn: tegnet «${bad[0]}» er ikke tilladt (heller ikke : \\ / ? * [ ]). Brug fx «${code.replace(/[:\\/?*[\]]+/gu, "-")}».`;
  if (code.startsWith("'") || code.endsWith("'"))
    return `Centerkoden «${code}» kan ikke være et arknavn: den må ikke starte eller slutte med en apostrof.`;
  const reserved = RESERVED.find((r) => r.toLowerCase() === code.toLowerCase());
  if (reserved)
    return `Centerkoden «${code}» er navnet på et ark, programmet selv bruger (${reserved}). Vælg en anden kode.`;
  if (code.toLowerCase().startsWith(DEFINITION_PREFIX.trim().toLowerCase()))
    return `Centerkoden «${code}» ligner navnet på et definitionsark. Vælg en kode, der ikke starter med «Definition».`;
  return null;
}
