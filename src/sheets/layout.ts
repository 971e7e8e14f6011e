// Where things are on a centre sheet. The plan writes by these, the readers read by these.

export const COL = {
  id: "A",
  area: "B",
  group: "C",
  text: "D",
  requirement: "E",
  target: "F",
  target2: "G",
  grundlag: "H",
  resultat: "I",
  achieved: "J",
  status: "K",
  jointTotal: "L",
  jointStatus: "M",
  comment: "N",
  hint: "O",
} as const;

export const HEADERS: Record<keyof typeof COL, string> = {
  id: "Mål-ID",
  area: "Område",
  group: "Gruppe",
  text: "Mål",
  requirement: "Krav",
  target: "Mål-værdi",
  target2: "Mål-værdi 2",
  grundlag: "Grundlag",
  resultat: "Resultat",
  achieved: "Opnået",
  status: "Status",
  jointTotal: "Fælles i alt",
  jointStatus: "Fælles status",
  comment: "Bemærkning",
  hint: "Sådan udfyldes rækken",
};

export const COLUMN_ORDER = Object.keys(COL) as (keyof typeof COL)[];

/** 1-based row of the column headers; goal rows follow it. */
export const HEADER_ROW = 7;
export const FIRST_GOAL_ROW = HEADER_ROW + 1;

/**
 * The status counts at the top: label in COUNT_LABEL_COL, count in COUNT_VALUE_COL, rows 1–4.
 * The label sits in the Status column, wide enough for "Mangler data" in bold.
 */
export const COUNT_LABEL_COL = "K";
export const COUNT_VALUE_COL = "L";

/** The last column on paper: the hint column after it is for the screen (the input prompt carries it too). */
export const LAST_PRINTED_COL = "N";

// The workbook's own sheet names live with the rule that keeps centre codes off them.
export { LISTS_SHEET, LOG_SHEET, META_SHEET, SUMMARY_SHEET } from "../contracts/sheetNames";
export const YES_NO_NAME = "JaNej";
