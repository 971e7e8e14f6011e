// The words of the template section and of the trip line in the overview. Kept apart from i18n.ts
// so they travel in the lazily loaded chunks, not in the pane's first download.
import type { CellValue } from "../contracts/model";
import { useStrings } from "./i18n";
import type { FileReview } from "../templates/importTypes";
import type { CentreOverview, ExportResult, ImportOutcome } from "../host/workbookHost";

export interface TemplateStrings {
  heading: string;
  hint: string;
  noCentres: string;
  prefill: string;
  exportButton: string;
  exporting: string;
  exported: (r: ExportResult) => string;
  downloadAgain: string;
  /** One download of every template, as a .zip: one click, so no browser blocks a second file. */
  downloadZip: string;
  openInExcel: string;
  opened: string;
  prefilled: (n: number) => string;
  summaryStale: string;
  importButton: string;
  fileInput: string;
  checking: string;
  skippedTitle: string;
  refusedTitle: (n: number) => string;
  refusedNote: string;
  nothingToImport: string;
  fileLine: (f: FileReview, counts: { added: number; unchanged: number; conflicts: number }) => string;
  noFigures: string;
  newHeading: (n: number) => string;
  conflictHeading: (n: number) => string;
  unchangedHeading: (n: number) => string;
  field: Record<"grundlag" | "resultat" | "comment", string>;
  workbookHas: (old: string, value: string) => string;
  rejectedTitle: string;
  unknownRows: (ids: string[]) => string;
  conflictQuestion: string;
  keepAll: string;
  replaceAll: string;
  keep: string;
  replace: string;
  choiceFor: (goalId: string, field: string) => string;
  importNow: string;
  cancel: string;
  importing: string;
  imported: (o: Extract<ImportOutcome, { kind: "applied" }>) => string;
  stale: string;
  cancelled: string;
  trip: (trips: CentreOverview["trips"], missing: number) => string;
  empty: string;
  number: (v: number) => string;
  date: (iso: string) => string;
}

const ddmmyyyy = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const daNumber = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 6 });
const enNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

const da: TemplateStrings = {
  heading: "Skabeloner til centrene",
  hint: "Send en skabelon til hvert center, og indlæs dem, når de kommer udfyldt retur.",
  noCentres: "Byg kontraktarkene først; så kan der laves skabeloner.",
  prefill: "Udfyld med tal fra projektmappen",
  exportButton: "Send skabeloner ud",
  exporting: "Laver skabeloner …",
  exported: (r) =>
    r.delivery === "download"
      ? `${plural(r.files.length, "skabelon er lavet", "skabeloner er lavet")} og hentet til din overførselsmappe. Send hver fil til sit center.`
      : `${plural(r.files.length, "skabelon er lavet", "skabeloner er lavet")}. Åbn dem én ad gangen i Excel, gem hver som .xlsx, og send den til sit center.`,
  downloadAgain: "Hent igen",
  downloadZip: "Hent alle som én .zip-fil",
  openInExcel: "Åbn i Excel",
  opened: "Åbnet",
  prefilled: (n) => `${n} tal udfyldt`,
  summaryStale:
    "Arket Oversigt har ikke den forventede opbygning, så rækken “Indsendt” er ikke opdateret. Lav oversigtsarket igen.",
  importButton: "Indlæs udfyldte skabeloner …",
  fileInput: "Vælg udfyldte skabeloner (.xlsx)",
  checking: "Kontrollerer filerne …",
  skippedTitle: "Sprunget over",
  refusedTitle: (n) => (n === 1 ? "1 fil er afvist" : `${n} filer er afvist`),
  refusedNote: "Afviste filer indlæses ikke og ændrer intet. De øvrige kan indlæses.",
  nothingToImport: "Ingen af filerne kan indlæses. Intet er ændret.",
  fileLine: (f, c) =>
    `${f.file} · sendt ud ${ddmmyyyy(f.exportedAt)} · ${c.added} nye, ${c.unchanged} uændrede, ${c.conflicts} i konflikt`,
  noFigures: "Filen har ingen udfyldte felter.",
  newHeading: (n) => `Nye tal (${n})`,
  conflictHeading: (n) => `Konflikter (${n})`,
  unchangedHeading: (n) => `Uændrede (${n})`,
  field: { grundlag: "Grundlag", resultat: "Resultat", comment: "Bemærkning" },
  workbookHas: (old, value) => `projektmappen har ${old}, filen har ${value}`,
  rejectedTitle: "Ikke indlæst",
  unknownRows: (ids) => `Indsatte rækker med ukendte mål-id'er indlæses ikke: ${ids.join(", ")}.`,
  conflictQuestion: "Hvor projektmappen allerede har et andet tal:",
  keepAll: "Behold projektmappens tal",
  replaceAll: "Brug filens tal",
  keep: "Behold",
  replace: "Erstat",
  choiceFor: (goalId, field) => `${goalId} ${field}`,
  importNow: "Indlæs",
  cancel: "Annullér",
  importing: "Indlæser …",
  imported: (o) =>
    `Indlæst for ${o.centres.join(", ")}: ${o.added} nye, ${o.replaced} erstattet, ${o.kept} beholdt, ${o.unchanged} uændrede. ${plural(o.logRows, "linje", "linjer")} i arket Log.`,
  stale:
    "Projektmappen er ændret, siden filerne blev kontrolleret, så intet er indlæst. Se forhåndsvisningen igen, og tryk Indlæs.",
  cancelled: "Indlæsningen er annulleret. Intet er ændret.",
  trip: (trips, missing) => {
    const out = trips?.exported ? `Skabelon sendt ${ddmmyyyy(trips.exported)}` : "Skabelon ikke sendt";
    const back = trips?.returned ? `retur ${ddmmyyyy(trips.returned)}` : trips?.exported ? "ikke retur" : "";
    const lack = missing === 0 ? "ingen mål mangler data" : `${plural(missing, "mål", "mål")} mangler data`;
    return [out, back, lack].filter(Boolean).join(" · ");
  },
  empty: "(tom)",
  number: (v) => daNumber.format(v),
  date: ddmmyyyy,
};

const en: TemplateStrings = {
  heading: "Templates for the centres",
  hint: "Send each centre a template, and import them when they come back filled in.",
  noCentres: "Build the contract sheets first; then templates can be made.",
  prefill: "Fill in the figures from the workbook",
  exportButton: "Send out templates",
  exporting: "Making templates …",
  exported: (r) =>
    r.delivery === "download"
      ? `${plural(r.files.length, "template was made", "templates were made")} and downloaded. Send each file to its centre.`
      : `${plural(r.files.length, "template was made", "templates were made")}. Open them one at a time in Excel, save each as .xlsx and send it to its centre.`,
  downloadAgain: "Download again",
  downloadZip: "Download all as one .zip file",
  openInExcel: "Open in Excel",
  opened: "Opened",
  prefilled: (n) => `${n} figure(s) filled in`,
  summaryStale:
    "The Oversigt sheet is not laid out as expected, so its “Indsendt” row was not updated. Make the summary sheet again.",
  importButton: "Import filled-in templates …",
  fileInput: "Choose filled-in templates (.xlsx)",
  checking: "Checking the files …",
  skippedTitle: "Skipped",
  refusedTitle: (n) => (n === 1 ? "1 file was refused" : `${n} files were refused`),
  refusedNote: "Refused files are not imported and change nothing. The others can be imported.",
  nothingToImport: "None of the files can be imported. Nothing was changed.",
  fileLine: (f, c) =>
    `${f.file} · sent out ${ddmmyyyy(f.exportedAt)} · ${c.added} new, ${c.unchanged} unchanged, ${c.conflicts} in conflict`,
  noFigures: "The file has no filled-in fields.",
  newHeading: (n) => `New figures (${n})`,
  conflictHeading: (n) => `Conflicts (${n})`,
  unchangedHeading: (n) => `Unchanged (${n})`,
  field: { grundlag: "Grundlag", resultat: "Resultat", comment: "Bemærkning" },
  workbookHas: (old, value) => `the workbook has ${old}, the file has ${value}`,
  rejectedTitle: "Not imported",
  unknownRows: (ids) => `Inserted rows with unknown goal ids are not imported: ${ids.join(", ")}.`,
  conflictQuestion: "Where the workbook already has another figure:",
  keepAll: "Keep the workbook's figures",
  replaceAll: "Use the file's figures",
  keep: "Keep",
  replace: "Replace",
  choiceFor: (goalId, field) => `${goalId} ${field}`,
  importNow: "Import",
  cancel: "Cancel",
  importing: "Importing …",
  imported: (o) =>
    `Imported for ${o.centres.join(", ")}: ${o.added} new, ${o.replaced} replaced, ${o.kept} kept, ${o.unchanged} unchanged. ${plural(o.logRows, "row", "rows")} in the Log sheet.`,
  stale:
    "The workbook changed after the files were checked, so nothing was imported. Look at the preview again and press Import.",
  cancelled: "The import was cancelled. Nothing was changed.",
  trip: (trips, missing) => {
    const out = trips?.exported ? `Template sent ${ddmmyyyy(trips.exported)}` : "Template not sent";
    const back = trips?.returned ? `back ${ddmmyyyy(trips.returned)}` : trips?.exported ? "not back" : "";
    const lack = missing === 0 ? "no goal lacks data" : `${plural(missing, "goal lacks", "goals lack")} data`;
    return [out, back, lack].filter(Boolean).join(" · ");
  },
  empty: "(empty)",
  number: (v) => enNumber.format(v),
  date: ddmmyyyy,
};

export function useTemplateStrings(): TemplateStrings {
  return useStrings().language === "en" ? en : da;
}

/** A figure as the preview shows it. */
export function shownValue(t: TemplateStrings, v: CellValue, formula?: string): string {
  if (formula) return formula.startsWith("=") ? formula : `=${formula}`;
  if (v === null || v === "") return t.empty;
  if (typeof v === "number") return t.number(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `“${v}”`;
}
