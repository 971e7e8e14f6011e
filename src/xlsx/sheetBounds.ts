// Looks at each worksheet's XML before exceljs does, and measures what it would expand: the last
// row and column with a cell, the number of cells, and the area of merged ranges, data
// validations, conditional formats and the declared dimension. exceljs makes one object per cell
// of a merge or a validation range (A1:XFD1048576 is 17 billion), and a grid is as large as its
// last cell, so a sheet that goes far beyond what any contract sheet has is never handed to it.
// The scan is linear in the XML (no regular expression here can backtrack), and it also notes
// what exceljs would misread in a cell: a date cell (t="d") and a number that is not one
// ("0x10", "5abc", "NaN"), which it would read as 16, 5 and NaN.
import { columnNumber } from "../sheets/a1";

export interface SheetLimits {
  rows: number;
  cols: number;
  cells: number;
  mergedCells: number;
  validatedCells: number;
  formattedCells: number;
}

/**
 * Far above what a contract sheet, a template or an Oversigt has (a few hundred rows, 12
 * columns, a few thousand cells), far below what costs real memory or time.
 */
export const SHEET_LIMITS: SheetLimits = {
  rows: 20_000,
  cols: 1_000,
  cells: 250_000,
  mergedCells: 50_000,
  validatedCells: 250_000,
  formattedCells: 250_000,
};

/** Why a sheet is too large to read, in terms a person can find in Excel. */
export type Overflow =
  | { what: "cell"; ref: string }
  | { what: "cells"; count: number }
  | { what: "merge" | "validation" | "conditionalFormat" | "dimension"; ref: string };

export interface CellNote {
  /** A date cell (t="d"), or a number exceljs would misread. */
  kind: "date" | "badNumber";
  text: string;
}

export interface SheetScan {
  overflow?: Overflow;
  /** Cells whose stored value is not what exceljs makes of it, by A1 address. */
  notes: Map<string, CellNote>;
}

/** Danish: what in the sheet is too large. */
export function overflowText(o: Overflow): string {
  switch (o.what) {
    case "cell":
      return `en celle i ${o.ref}, langt uden for det område, et kontraktark bruger`;
    case "cells":
      return `${o.count.toLocaleString("da-DK")} udfyldte celler`;
    case "merge":
      return `flettede celler over ${o.ref}`;
    case "validation":
      return `datavalidering over ${o.ref}`;
    case "conditionalFormat":
      return `betinget formatering over ${o.ref}`;
    case "dimension":
      return `et brugt område angivet som ${o.ref}`;
  }
}

const STRICT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

interface Area {
  rows: number;
  cols: number;
  cells: number;
}

/** The area of "A1:B2 C3" (a space-separated list of ranges); Infinity when it cannot be read. */
function areaOf(sqref: string): Area {
  let cells = 0;
  let rows = 0;
  let cols = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    if (part === "") continue;
    const [a = "", b = a] = part.split(":");
    const p = corner(a);
    const q = corner(b);
    if (!p || !q) return { rows: Infinity, cols: Infinity, cells: Infinity };
    const h = Math.abs(q.row - p.row) + 1;
    const w = Math.abs(q.col - p.col) + 1;
    cells += h * w;
    rows = Math.max(rows, p.row, q.row);
    cols = Math.max(cols, p.col, q.col);
  }
  return { rows, cols, cells };
}

/** "B7", "$B$7", a whole column "B" or a whole row "7". */
function corner(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(ref);
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  return { col: m[1] ? columnNumber(m[1]) : 16_384, row: m[2] ? Number(m[2]) : 1_048_576 };
}

function attr(tag: string, name: string): string | undefined {
  const at = tag.search(new RegExp(`\\s${name}\\s*=\\s*"`));
  if (at < 0) return undefined;
  const start = tag.indexOf('"', at) + 1;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : tag.slice(start, end);
}

/** Measures one worksheet's XML against the limits, in one pass over its tags. */
export function scanSheet(xml: string, limits: SheetLimits = SHEET_LIMITS): SheetScan {
  const notes = new Map<string, CellNote>();
  const over = (overflow: Overflow): SheetScan => ({ overflow, notes });

  let cells = 0;
  // The cell being read: its address and type, whether it holds a formula, and its <v> text.
  let cell: { ref: string; type: string; formula: boolean; v?: string } | undefined;
  const tags =
    /<(\/?)(?:[A-Za-z_][\w.-]*:)?(c|mergeCell|dataValidation|conditionalFormatting|dimension|f|v)\b([^>]*)>([^<]*)/g;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, closing, name, attrs, text] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (name === "c" && cell) noteCell(cell, notes);
      if (name === "c") cell = undefined;
      continue;
    }
    switch (name) {
      case "c": {
        cells++;
        if (cells > limits.cells) return over({ what: "cells", count: countCells(xml) });
        const ref = attr(attrs, "r");
        if (ref !== undefined) {
          const at = corner(ref);
          if (!at || at.row > limits.rows || at.col > limits.cols) return over({ what: "cell", ref });
        }
        cell =
          ref === undefined || attrs.endsWith("/")
            ? undefined
            : { ref: ref.replace(/\$/g, "").toUpperCase(), type: attr(attrs, "t") ?? "n", formula: false };
        continue;
      }
      case "f":
        if (cell) cell.formula = true;
        continue;
      case "v":
        if (cell) cell.v = text;
        continue;
    }
    const what =
      name === "mergeCell"
        ? "merge"
        : name === "dataValidation"
          ? "validation"
          : name === "conditionalFormatting"
            ? "conditionalFormat"
            : "dimension";
    const limit =
      what === "merge"
        ? limits.mergedCells
        : what === "validation"
          ? limits.validatedCells
          : what === "conditionalFormat"
            ? limits.formattedCells
            : Infinity;
    const ref = attr(attrs, what === "validation" || what === "conditionalFormat" ? "sqref" : "ref") ?? "";
    const area = areaOf(ref);
    if (!(area.cells <= limit) || !(area.rows <= limits.rows) || !(area.cols <= limits.cols))
      return over({ what, ref: ref.length > 60 ? `${ref.slice(0, 59)}…` : ref });
  }
  return { notes };
}

function countCells(xml: string): number {
  let n = 0;
  for (let at = xml.indexOf("<c"); at >= 0; at = xml.indexOf("<c", at + 2)) {
    const next = xml[at + 2];
    if (next === " " || next === ">" || next === "/") n++;
  }
  return n;
}

/** Notes a date cell, or a number cell whose text is not a plain number (never a formula's cached result). */
function noteCell(
  cell: { ref: string; type: string; formula: boolean; v?: string },
  notes: Map<string, CellNote>,
) {
  if (cell.formula || cell.v === undefined) return;
  if (cell.type === "d") notes.set(cell.ref, { kind: "date", text: cell.v });
  else if (cell.type === "n" && (!STRICT_NUMBER.test(cell.v.trim()) || !Number.isFinite(Number(cell.v))))
    notes.set(cell.ref, { kind: "badNumber", text: cell.v });
}
