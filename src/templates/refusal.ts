// Why a returned file is not imported, as data (tests and the task pane match on `kind`) and as
// one Danish message for people. A refusal always means: nothing was changed.
import type { CellValue } from "../contracts/model";
import { formatNumber } from "../contracts/formatDa";
import { shownText } from "./shownText";

export interface LockedCellChange {
  /** A1 address in the returned file. */
  address: string;
  goalId: string;
  /** The column's header, e.g. "Mål-værdi". */
  column: string;
  expected: CellValue;
  found: CellValue;
}

export type Refusal =
  | { kind: "notXlsx"; file: string; detail?: string }
  | { kind: "corrupt"; file: string }
  | { kind: "unreadable"; file: string }
  | { kind: "sheetTooLarge"; file: string; sheet: string; what: string }
  | { kind: "reservedCentre"; file: string; centre: string }
  | { kind: "tooLarge"; file: string; bytes: number; limit: number }
  | { kind: "zipBomb"; file: string; unpacked: number; packed: number }
  | { kind: "notTemplate"; file: string; why: "noMetadata" | "masterWorkbook" }
  | { kind: "templateVersion"; file: string; version: string }
  | { kind: "otherContract"; file: string; contractId: string; known: string[] }
  | { kind: "unknownCentre"; file: string; centre: string; known: string[] }
  | { kind: "centreMismatch"; file: string; claimed: string; found: string; where: string }
  | { kind: "sheetMissing"; file: string; sheet: string; sheets: string[] }
  | { kind: "definitionChanged"; file: string; contractId: string }
  | { kind: "lockedCellsChanged"; file: string; sheet: string; changes: LockedCellChange[] }
  | { kind: "goalRowsMissing"; file: string; sheet: string; missing: string[]; unknown: string[] }
  | { kind: "duplicateGoalRow"; file: string; sheet: string; goalId: string; rows: number[] }
  | { kind: "masterRowsMissing"; file: string; sheet: string; missing: string[] };

export type RefusalKind = Refusal["kind"];

export function megabytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "over 4 GB";
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** A cell value in a message; a long text from `from` on (where it differs from another), cut to 60 characters. */
function shown(v: CellValue, from = 0): string {
  if (v === null || v === "") return "(tom)";
  if (typeof v === "number") return formatNumber(v, 6);
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  const start = v.length > 60 ? Math.min(from, v.length - 50) : 0;
  const head = start > 0 ? "…" : "";
  const text = v.length - start > 60 ? `${v.slice(start, start + 59)}…` : v.slice(start);
  return `"${head}${shownText(text)}"`;
}

/** Where two texts first differ, less some context: long texts that differ late are shown from there, so they never look the same. */
function differsFrom(a: CellValue, b: CellValue): number {
  if (typeof a !== "string" || typeof b !== "string") return 0;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i < 50 ? 0 : i - 20;
}

function list(items: string[], max = 8, separator = ", "): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}og ${items.length - max} til`;
}

/** The refusal in Danish: what is wrong, and what to do about it; names and texts from the file shown safely. */
export function refusalMessage(r: Refusal): string {
  return shownText(message(r));
}

function message(r: Refusal): string {
  const f = `Filen "${r.file}"`;
  const notImported = "Intet er indlæst.";
  switch (r.kind) {
    case "notXlsx":
      return `${f} er ikke en Excel-projektmappe (.xlsx)${r.detail ? ` (${r.detail})` : ""}. Gem den som .xlsx i Excel og prøv igen. ${notImported}`;
    case "corrupt":
      return `${f} er beskadiget: zip-arkivet kan ikke læses (er filen kun delvist hentet eller gemt?). Bed centret sende den igen. ${notImported}`;
    case "unreadable":
      return `${f} kan ikke læses: zip-arkivet er helt, men en af delene i det er ikke gyldig XML (filen er gemt forkert af et andet program eller ændret i hånden). Bed centret åbne den i Excel, gemme den igen og sende den. ${notImported}`;
    case "sheetTooLarge":
      return `${f}: arket "${r.sheet}" har ${r.what} – langt mere, end en skabelon har, så filen læses ikke. Bed centret fjerne det (eller udfylde en ny skabelon) og sende den igen. ${notImported}`;
    case "reservedCentre":
      return `${f} siger, at den er skabelonen for centret "${r.centre}", men det navn bruger programmet selv til et ark (Oversigt, RK_Data, Lister, Log, Vejledning) og kan ikke være en centerkode. ${notImported}`;
    case "tooLarge":
      return `${f} fylder ${megabytes(r.bytes)} – langt mere end en skabelon (grænsen er ${megabytes(r.limit)}). Fjern billeder eller andet indsat indhold, eller bed centret udfylde en ny skabelon. ${notImported}`;
    case "zipBomb":
      return `${f} fylder ${megabytes(r.packed)}, men pakkes ud til ${megabytes(r.unpacked)}: den ligner en zip-bombe, ikke en udfyldt skabelon, og er ikke åbnet. ${notImported}`;
    case "notTemplate":
      return r.why === "masterWorkbook"
        ? `${f} er en hel kontraktprojektmappe, ikke en skabelon til ét center. Indlæs de skabeloner, centrene har sendt retur. ${notImported}`
        : `${f} er ikke en skabelon fra Resultatkontrakter (de skjulte kontraktdata mangler). Brug den skabelon, der blev sendt ud med "kontrakt export". ${notImported}`;
    case "templateVersion":
      return `${f} er lavet med en anden version af Resultatkontrakter (skabelonversion ${r.version}), som dette program ikke kender. Opdater programmet, eller send en ny skabelon. ${notImported}`;
    case "otherContract":
      return `${f} er en skabelon til kontrakten "${r.contractId}", som ikke er i projektmappen (den indeholder: ${r.known.join(", ")}). ${notImported}`;
    case "unknownCentre":
      return `${f} siger, at den er skabelonen for centret "${r.centre}", men det center findes ikke i projektmappen (centrene er: ${r.known.join(", ")}). ${notImported}`;
    case "centreMismatch":
      return `${f} siger, at den er skabelonen for ${r.claimed}, men ${r.where} hører til ${r.found}. Filen er ikke indlæst; bed ${r.claimed} sende sin egen skabelon.`;
    case "sheetMissing":
      return `${f} mangler arket "${r.sheet}": centrets ark er omdøbt eller slettet (arkene i filen er: ${r.sheets.join(", ") || "ingen"}). Omdøb arket tilbage til "${r.sheet}", eller send en ny skabelon. ${notImported}`;
    case "definitionChanged":
      return `${f} er lavet ud fra en anden udgave af kontrakten "${r.contractId}": målene eller mål-værdierne er ændret siden, eller det er en skabelon fra et tidligere år. Send en ny skabelon med "kontrakt export". ${notImported}`;
    case "lockedCellsChanged": {
      const changes = r.changes.map(
        (c) =>
          `${c.address} (${c.column}, mål ${c.goalId}) skulle være ${shown(c.expected, differsFrom(c.expected, c.found))}, men er ${shown(c.found, differsFrom(c.expected, c.found))}`,
      );
      return `${f}: låste celler i arket "${r.sheet}" er ændret, så målene ikke længere er kontraktens: ${list(changes, 5, "; ")}. Send en ny skabelon, eller ret cellerne tilbage. ${notImported}`;
    }
    case "goalRowsMissing":
      return `${f}: målrækker mangler i arket "${r.sheet}" (slettet, eller mål-id'et i kolonne A er ændret): ${list(r.missing)}.${r.unknown.length ? ` Ukendte mål-id'er i filen: ${list(r.unknown)}.` : ""} Indsatte rækker er i orden, men kontraktens rækker og mål-id'er skal stå urørte. ${notImported}`;
    case "duplicateGoalRow":
      return `${f}: mål-id'et ${r.goalId} står i flere rækker (${r.rows.join(", ")}) i arket "${r.sheet}", så det er uklart, hvilke tal der gælder. Slet de kopierede rækker, eller send en ny skabelon. ${notImported}`;
    case "masterRowsMissing":
      return `${f} kan ikke indlæses, fordi arket "${r.sheet}" i projektmappen mangler rækkerne for ${list(r.missing)}. Byg projektmappen igen (tallene følger med), og prøv så igen. ${notImported}`;
  }
}
