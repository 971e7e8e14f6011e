// Where things are on a definition sheet. The writer writes by these, the reader finds them by
// their headers, so an economist may move columns or insert rows without breaking anything.
import { DEFINITION_SHEET_PREFIX, MAX_SHEET_NAME } from "../contracts/sheetNames";

/** A1 of every definition sheet: how a reader knows the sheet, whatever its name. */
export const DEFINITION_MARKER = "Kontraktdefinition";
/** The sheet-name facts live with the workbook's other sheet names; named here for the definition's code. */
export const DEFINITION_PREFIX = DEFINITION_SHEET_PREFIX;
export { MAX_SHEET_NAME };

/** The header block: a label in column A, its value in column B. */
export const HEADER_LABELS = {
  id: "Kontrakt-id",
  title: "Titel",
  year: "År",
  baseYear: "Basisår",
  caseNumber: "Sagsnr.",
  documentNumber: "Dokumentnr.",
} as const;
export type HeaderKey = keyof typeof HEADER_LABELS;
export const HEADER_ORDER = Object.keys(HEADER_LABELS) as HeaderKey[];
/** The first header row; the centres' table starts two rows below the last header row. */
export const FIRST_HEADER_ROW = 2;

export const CENTRE_TABLE_HEADERS = ["Centerkode", "Centrets navn"] as const;

/** The Måltype legend beside the header block: labels in LEGEND_COL (the dropdown's list). */
export const LEGEND_COL = "D";
export const LEGEND_TEXT_COL = "E";
export const LEGEND_HEADER_ROW = 1;

/** Words in a centre's cell of a goal row. */
export const NOT_AMONG = "–";
export const EXCLUDED = "ikke mål";

/** The goal table's fixed columns, in the order they are written. Centre columns follow `deadline`. */
export const GOAL_COLUMNS = [
  { key: "id", header: "Mål-ID", width: 14 },
  { key: "area", header: "Område", width: 18 },
  { key: "group", header: "Gruppe", width: 16 },
  { key: "section", header: "Afsnit", width: 24 },
  { key: "text", header: "Mål", width: 60 },
  { key: "part", header: "Del", width: 16 },
  { key: "kind", header: "Måltype", width: 20 },
  { key: "krav", header: "Krav", width: 12 },
  { key: "krav2", header: "Krav 2", width: 10 },
  { key: "unit", header: "Enhed", width: 12 },
  { key: "baseline", header: "Måles ift.", width: 16 },
  { key: "joint", header: "Fælles krav", width: 12 },
  { key: "deadline", header: "Frist", width: 12 },
] as const;

/** Columns after the centre columns. */
export const TAIL_COLUMNS = [
  { key: "measuredGrundlag", header: "Sådan måles: Grundlag", width: 30 },
  { key: "measuredResultat", header: "Sådan måles: Resultat", width: 30 },
  { key: "note", header: "Note", width: 40 },
] as const;

/** Only in a draft to review; the reader ignores it. */
export const REVIEW_COLUMN = { key: "review", header: "Gennemsyn", width: 40 } as const;

export type GoalColumnKey =
  (typeof GOAL_COLUMNS)[number]["key"] | (typeof TAIL_COLUMNS)[number]["key"] | typeof REVIEW_COLUMN.key;

export const CENTRE_COLUMN_WIDTH = 12;

/** Rows of empty goal table that carry the Måltype dropdown below the last goal. */
export const SPARE_ROWS = 100;

/**
 * "Definition <id>", shortened to Excel's 31 characters (keeping a trailing year, which tells
 * one year's definition from the next) and made unique among `taken` (case-insensitively).
 */
export function definitionSheetName(contractId: string, taken: readonly string[] = []): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const fit = (id: string, room: number): string => {
    if (id.length <= room) return id;
    const year = /-\d{4}$/.exec(id)?.[0] ?? "";
    return `${id.slice(0, room - year.length - 1)}…${year}`;
  };
  const room = MAX_SHEET_NAME - DEFINITION_PREFIX.length;
  const base = DEFINITION_PREFIX + fit(contractId || "ny", room);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = DEFINITION_PREFIX + fit(contractId || "ny", room - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
