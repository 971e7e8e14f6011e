// The task pane's words. Danish first; English when Office's display language is English.
import { createContext, useContext } from "react";
import type { BuildResult, OrphanedFigures } from "../host/workbookHost";

/** "Grundlag 10, Resultat 20" — only the fields that held something. */
function figures(o: OrphanedFigures, ...labels: [string, string, string]): string {
  const values = [o.grundlag, o.resultat, o.comment];
  return values
    .map((v, i) => (v === null || v === "" ? null : `${labels[i]} ${String(v)}`))
    .filter((x) => x !== null)
    .join(", ");
}

export type Language = "da" | "en";

export interface Strings {
  /** Which language these are; lazily loaded parts of the pane pick their own words by it. */
  language: Language;
  appTitle: string;
  loading: string;
  contractsHeading: string;
  contractsHint: string;
  noContracts: string;
  centres: (n: number) => string;
  buildButton: string;
  building: string;
  checkingSheets: string;
  confirmTitle: string;
  confirmText: (sheets: string[]) => string;
  confirmUpdate: string;
  cancel: string;
  buildDone: (r: BuildResult) => string;
  orphanedHeading: string;
  orphanedLine: (o: OrphanedFigures) => string;
  skippedHeading: string;
  overviewHeading: string;
  refresh: string;
  refreshing: string;
  noCentres: string;
  statusMet: string;
  statusNotMet: string;
  statusMissing: string;
  statusInvalid: string;
  attentionHeading: string;
  /** The fold-out header of a centre's goals that need attention. */
  attentionCount: (n: number) => string;
  /** Accessible name of a centre's status badges. */
  statusOf: (centre: string) => string;
  allGood: string;
  goToRow: (sheet: string, row: number) => string;
  summaryButton: string;
  summaryRunning: string;
  summaryDone: string;
  errorTitle: string;
  dismiss: string;
  unknownError: string;
  loadFailed: string;
}

const da: Strings = {
  language: "da",
  appTitle: "Resultatkontrakter",
  loading: "Indlæser …",
  contractsHeading: "Kontrakter",
  contractsHint: "Vælg de kontrakter, der skal bygges ark til.",
  noContracts: "Der er ingen kontrakter at vælge imellem.",
  centres: (n) => (n === 1 ? "1 center" : `${n} centre`),
  buildButton: "Byg ark",
  building: "Bygger ark …",
  checkingSheets: "Ser efter eksisterende ark …",
  confirmTitle: "Arkene findes allerede",
  confirmText: (sheets) =>
    `Disse ark findes allerede: ${sheets.join(", ")}. Vil du opdatere dem? ` +
    "Alle indtastede tal og kommentarer bevares efter mål-id.",
  confirmUpdate: "Opdatér arkene",
  cancel: "Annullér",
  buildDone: (r) => {
    const parts: string[] = [];
    if (r.created.length) parts.push(`${r.created.length} ark oprettet`);
    if (r.updated.length) parts.push(`${r.updated.length} ark opdateret`);
    if (r.keptValues) parts.push(`${r.keptValues} værdier bevaret`);
    return parts.length ? `Færdig: ${parts.join(", ")}.` : "Færdig. Intet at ændre.";
  },
  orphanedHeading:
    "Disse mål findes ikke længere i kontrakten; deres tal er ikke skrevet i arket. Notér dem, hvis de skal bruges:",
  orphanedLine: (o) => `${o.sheet} ${o.id}: ${figures(o, "Grundlag", "Resultat", "Bemærkning")}`,
  skippedHeading: "Denne udgave af Excel kan ikke alt; sprunget over:",
  overviewHeading: "Status",
  refresh: "Opdatér status",
  refreshing: "Læser arkene …",
  noCentres: "Projektmappen har endnu ingen kontraktark. Byg dem ovenfor.",
  statusMet: "Opfyldt",
  statusNotMet: "Ikke opfyldt",
  statusMissing: "Mangler data",
  statusInvalid: "Ugyldig",
  attentionHeading: "Kræver opmærksomhed",
  attentionCount: (n) => (n === 1 ? "1 mål kræver opmærksomhed" : `${n} mål kræver opmærksomhed`),
  statusOf: (centre) => `Status for ${centre}`,
  allGood: "Alle mål er opfyldt.",
  goToRow: (sheet, row) => `Gå til ${sheet}, række ${row}`,
  summaryButton: "Lav oversigtsark",
  summaryRunning: "Laver oversigten …",
  summaryDone: "Arket Oversigt er opdateret.",
  errorTitle: "Fejl",
  dismiss: "Luk",
  unknownError: "Der opstod en ukendt fejl.",
  loadFailed: "En del af panelet kunne ikke hentes. Tjek netværksforbindelsen, og åbn panelet igen.",
};

const en: Strings = {
  language: "en",
  appTitle: "Performance contracts",
  loading: "Loading …",
  contractsHeading: "Contracts",
  contractsHint: "Choose the contracts to build sheets for.",
  noContracts: "There are no contracts to choose from.",
  centres: (n) => (n === 1 ? "1 centre" : `${n} centres`),
  buildButton: "Build sheets",
  building: "Building sheets …",
  checkingSheets: "Looking for existing sheets …",
  confirmTitle: "The sheets already exist",
  confirmText: (sheets) =>
    `These sheets already exist: ${sheets.join(", ")}. Do you want to update them? ` +
    "Every figure and comment you typed is kept by goal id.",
  confirmUpdate: "Update the sheets",
  cancel: "Cancel",
  buildDone: (r) => {
    const parts: string[] = [];
    if (r.created.length) parts.push(`${r.created.length} sheet(s) created`);
    if (r.updated.length) parts.push(`${r.updated.length} sheet(s) updated`);
    if (r.keptValues) parts.push(`${r.keptValues} value(s) kept`);
    return parts.length ? `Done: ${parts.join(", ")}.` : "Done. Nothing to change.";
  },
  orphanedHeading:
    "These goals are no longer in the contract; their figures were not written to the sheet. Note them if you need them:",
  orphanedLine: (o) => `${o.sheet} ${o.id}: ${figures(o, "Basis", "Result", "Comment")}`,
  skippedHeading: "This version of Excel cannot do everything; skipped:",
  overviewHeading: "Status",
  refresh: "Refresh status",
  refreshing: "Reading the sheets …",
  noCentres: "The workbook has no contract sheets yet. Build them above.",
  statusMet: "Met",
  statusNotMet: "Not met",
  statusMissing: "Missing data",
  statusInvalid: "Invalid",
  attentionHeading: "Needs attention",
  attentionCount: (n) => (n === 1 ? "1 goal needs attention" : `${n} goals need attention`),
  statusOf: (centre) => `Status of ${centre}`,
  allGood: "Every goal is met.",
  goToRow: (sheet, row) => `Go to ${sheet}, row ${row}`,
  summaryButton: "Make summary sheet",
  summaryRunning: "Making the summary …",
  summaryDone: "The Oversigt sheet is up to date.",
  errorTitle: "Error",
  dismiss: "Close",
  unknownError: "An unknown error occurred.",
  loadFailed:
    "Part of the pane could not be downloaded. Check the network connection and open the pane again.",
};

/** English only when the display language is English (e.g. "en-US", "en-GB"); Danish otherwise. */
export function languageFrom(displayLanguage: string | undefined | null): Language {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "da";
}

/** Office's display language, or undefined outside Office (or before Office.onReady). */
export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    // Office.context throws in some hosts before initialisation: fall back to Danish.
    return undefined;
  }
}

export function stringsFor(language: Language): Strings {
  return language === "en" ? en : da;
}

export const StringsContext = createContext<Strings>(da);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
