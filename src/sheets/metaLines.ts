// The layout of RK_Data, the very hidden sheet that makes a workbook a contract workbook: a first
// line that says so, then one line per fact, its kind in column A and its fields in fixed columns
// after it. Every writer (the workbook plan, the template plan, the trips of templates going out
// and coming back) and every reader (the master's, and the returned template's, which trusts none
// of it) goes through this file, so a column cannot move in one of them only.
import type { CellValue } from "../contracts/model";
import type { Grid } from "./grid";

/** Column A of the first line: a workbook whose RK_Data lacks it is no contract workbook. */
export const META_MAGIC = "Resultatkontrakter";
export const META_FORMAT = 1;

/**
 * Each kind's fields in column order from column B, and the name of the list of cells that may
 * follow them: a contract's JSON in chunks (a cell holds at most 32,767 characters), a
 * template's goal row ids in sheet order.
 */
const LINES = {
  contract: { fields: ["id", "hash"], rest: "json" },
  sheet: { fields: ["sheet", "contractId", "centre"] },
  template: { fields: ["contractId", "centre", "version", "exportedAt"] },
  trip: { fields: ["event", "contractId", "centre", "at", "file"] },
  goals: { fields: ["contractId", "centre"], rest: "ids" },
} as const;

type Lines = typeof LINES;
export type MetaKind = keyof Lines;
type FieldOf<K extends MetaKind> = Lines[K]["fields"][number];
type RestOf<K extends MetaKind> = Lines[K] extends { rest: infer R extends string }
  ? { [P in R]: string[] }
  : unknown;

/** A line as read: every field as text (empty when the cell is), nothing checked or parsed. */
export type MetaLine<K extends MetaKind = MetaKind> = K extends MetaKind
  ? { kind: K } & { [F in FieldOf<K>]: string } & RestOf<K>
  : never;

export type MetaCell = string | number;

/** The first line of RK_Data. */
export function metaHeaderLine(): MetaCell[] {
  return [META_MAGIC, "format", META_FORMAT];
}

/** One line's cells from column A; a field left out is an empty cell. */
export function metaLine<K extends MetaKind>(
  kind: K,
  fields: { [F in FieldOf<K>]?: string | number },
  rest: readonly string[] = [],
): MetaCell[] {
  const names = LINES[kind].fields as readonly FieldOf<K>[];
  return [kind, ...names.map((f) => fields[f] ?? ""), ...rest];
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

function isKind(kind: string): kind is MetaKind {
  return Object.prototype.hasOwnProperty.call(LINES, kind);
}

/**
 * The lines of an RK_Data grid as text, in sheet order, lines of unknown kinds left out (a later
 * version may add some); undefined when the grid does not start with the magic line.
 */
export function readMetaLines(grid: Grid | undefined): MetaLine[] | undefined {
  if (!grid || grid[0]?.[0] !== META_MAGIC) return undefined;
  const lines: MetaLine[] = [];
  for (const row of grid.slice(1)) {
    const cells = row.map(text);
    const kind = cells[0] ?? "";
    if (!isKind(kind)) continue;
    const spec: { fields: readonly string[]; rest?: string } = LINES[kind];
    const line: Record<string, string | string[]> = { kind };
    spec.fields.forEach((f, i) => (line[f] = cells[i + 1] ?? ""));
    if (spec.rest) line[spec.rest] = cells.slice(1 + spec.fields.length).filter((c) => c !== "");
    lines.push(line as unknown as MetaLine);
  }
  return lines;
}

/** The lines of one kind, typed. */
export function linesOf<K extends MetaKind>(lines: MetaLine[], kind: K): MetaLine<K>[] {
  return lines.filter((l): l is MetaLine<K> => l.kind === kind);
}
