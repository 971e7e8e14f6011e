// The words of the definition part of the pane, Danish first, English by the pane's language.
import type { CarryReport } from "../definition/carryFromLastYear";
import type { DefinitionProblem } from "../definition/problems";
import { useStrings } from "./i18n";

export interface DefinitionStrings {
  heading: string;
  hint: string;
  none: string;
  loading: string;
  refresh: string;
  problems: (n: number) => string;
  contractLine: (id: string, year: number, centres: number) => string;
  buildButton: string;
  building: string;
  carryLabel: string;
  newHeading: string;
  sourceLabel: string;
  fromBuiltin: (title: string, year: number) => string;
  nextYear: (sheet: string) => string;
  empty: (year: number) => string;
  create: string;
  created: (sheet: string) => string;
  problemsHeading: (sheet: string) => string;
  problemLink: (p: DefinitionProblem) => string;
  nothingBuilt: string;
  carried: (r: CarryReport) => string;
  notCarried: (n: number) => string;
}

const da: DefinitionStrings = {
  heading: "Kontraktdefinitioner",
  hint: "En kontrakt som et ark, du selv retter: mål, krav, centre, Sådan måles og Note.",
  none: "Projektmappen har ingen definitionsark endnu. Lav et under «Ny kontrakt».",
  loading: "Læser definitionsarkene …",
  refresh: "Læs definitionerne igen",
  problems: (n) => (n === 1 ? "1 problem" : `${n} problemer`),
  contractLine: (id, year, centres) => `${id} · ${year} · ${centres} centre`,
  buildButton: "Byg ark fra definitionen",
  building: "Bygger arkene …",
  carryLabel: "Næste år: sidste års Resultat bliver Grundlag (for fald og stigning, der fortsætter)",
  newHeading: "Ny kontrakt",
  sourceLabel: "Lav et definitionsark",
  fromBuiltin: (title, year) => `Fra den indbyggede: ${title} (${year})`,
  nextYear: (sheet) => `Kopiér til næste år: ${sheet}`,
  empty: (year) => `Tom definition for ${year}`,
  create: "Lav definitionsark",
  created: (sheet) => `Arket «${sheet}» er lavet. Ret i det, og byg så arkene.`,
  problemsHeading: (sheet) => `Ret disse i «${sheet}» (klik for at gå til cellen):`,
  problemLink: (p) => `${p.sheet}!${p.cell}: ${p.message}`,
  nothingBuilt: "Intet er bygget, før problemerne er rettet.",
  carried: (r) =>
    r.carried.length === 0
      ? "Intet overført fra sidste år."
      : `Overført fra sidste år (Resultat → Grundlag): ${r.carried.length} tal.`,
  notCarried: (n) => `Ikke overført: ${n} (skriv Grundlag selv):`,
};

const en: DefinitionStrings = {
  heading: "Contract definitions",
  hint: "A contract as a sheet you edit yourself: goals, targets, centres, how it is measured, notes.",
  none: "The workbook has no definition sheets yet. Make one under “New contract”.",
  loading: "Reading the definition sheets …",
  refresh: "Read the definitions again",
  problems: (n) => (n === 1 ? "1 problem" : `${n} problems`),
  contractLine: (id, year, centres) => `${id} · ${year} · ${centres} centres`,
  buildButton: "Build sheets from the definition",
  building: "Building the sheets …",
  carryLabel: "Next year: last year's Resultat becomes Grundlag (for continuing rise and fall goals)",
  newHeading: "New contract",
  sourceLabel: "Make a definition sheet",
  fromBuiltin: (title, year) => `From the built-in: ${title} (${year})`,
  nextYear: (sheet) => `Copy to next year: ${sheet}`,
  empty: (year) => `Empty definition for ${year}`,
  create: "Make definition sheet",
  created: (sheet) => `The sheet “${sheet}” is made. Edit it, then build the sheets.`,
  problemsHeading: (sheet) => `Fix these in “${sheet}” (click to go to the cell):`,
  problemLink: (p) => `${p.sheet}!${p.cell}: ${p.message}`,
  nothingBuilt: "Nothing is built until the problems are fixed.",
  carried: (r) =>
    r.carried.length === 0
      ? "Nothing carried from last year."
      : `Carried from last year (Resultat → Grundlag): ${r.carried.length} figures.`,
  notCarried: (n) => `Not carried: ${n} (enter Grundlag yourself):`,
};

export function useDefinitionStrings(): DefinitionStrings {
  return useStrings().language === "en" ? en : da;
}
