// The words of "Ny kontrakt fra bilag". The review reasons come from the drafter, in Danish.
import { useStrings } from "./i18n";

export interface DraftStrings {
  heading: string;
  hint: string;
  chooseFile: string;
  fileInput: string;
  pasteLabel: string;
  pastePlaceholder: string;
  draftText: string;
  drafting: string;
  source: (name: string) => string;
  pasted: string;
  centres: (list: string) => string;
  reviewHeading: (n: number) => string;
  nothingToReview: string;
  line: (line: number, goalId: string) => string;
  header: string;
  write: string;
  writing: string;
  cancel: string;
  cancelled: string;
  written: (sheet: string, summary: string) => string;
}

const da: DraftStrings = {
  heading: "Ny kontrakt fra bilag",
  hint: "Vælg bilaget som Word-fil, eller kopiér tabellen fra Word og indsæt den. Du får et definitionsark, hvor de mål, der skal gennemses, er fremhævet.",
  chooseFile: "Vælg bilag (.docx eller .txt)…",
  fileInput: "Bilagets fil",
  pasteLabel: "Eller indsæt bilagets tekst",
  pastePlaceholder: "Kopiér hele tabellen fra Word og indsæt her",
  draftText: "Lav udkast af teksten",
  drafting: "Læser bilaget…",
  source: (name) => `Læst fra ${name}`,
  pasted: "den indsatte tekst",
  centres: (list) => `Centre: ${list}`,
  reviewHeading: (n) => (n === 1 ? "1 punkt til gennemsyn" : `${n} punkter til gennemsyn`),
  nothingToReview: "Alle mål kunne læses sikkert.",
  line: (line, goalId) => (goalId ? `Linje ${line} · ${goalId}` : `Linje ${line} · kontraktens hoved`),
  header: "kontraktens hoved",
  write: "Skriv definitionsark",
  writing: "Skriver arket…",
  cancel: "Annullér",
  cancelled: "Udkastet er kasseret; intet er skrevet.",
  written: (sheet, summary) =>
    `Arket «${sheet}» er skrevet: ${summary}. Gennemse de fremhævede rækker og kolonnen Gennemsyn, før du bygger.`,
};

const en: DraftStrings = {
  heading: "New contract from appendix",
  hint: "Choose the appendix as a Word file, or copy the table from Word and paste it. You get a definition sheet with the goals to review highlighted.",
  chooseFile: "Choose appendix (.docx or .txt)…",
  fileInput: "Appendix file",
  pasteLabel: "Or paste the appendix's text",
  pastePlaceholder: "Copy the whole table from Word and paste it here",
  draftText: "Draft from the text",
  drafting: "Reading the appendix…",
  source: (name) => `Read from ${name}`,
  pasted: "the pasted text",
  centres: (list) => `Centres: ${list}`,
  reviewHeading: (n) => (n === 1 ? "1 item to review" : `${n} items to review`),
  nothingToReview: "Every goal was read with certainty.",
  line: (line, goalId) => (goalId ? `Line ${line} · ${goalId}` : `Line ${line} · contract header`),
  header: "contract header",
  write: "Write definition sheet",
  writing: "Writing the sheet…",
  cancel: "Cancel",
  cancelled: "The draft was discarded; nothing was written.",
  written: (sheet, summary) =>
    `The sheet «${sheet}» was written: ${summary}. Review the highlighted rows and the Gennemsyn column before building.`,
};

export function useDraftStrings(): DraftStrings {
  return useStrings().language === "en" ? en : da;
}
