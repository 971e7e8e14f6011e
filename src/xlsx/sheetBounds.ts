// Looks at each worksheet's XML before exceljs does, and measures what it would expand: the last
// row and column with a cell, the number of cells, and the area of merged ranges, data
// validations, conditional formats and the declared dimension. exceljs makes one object per cell
// of a merge or a validation range (A1:XFD1048576 is 17 billion), and a grid is as large as its
// last cell, so a sheet that goes far beyond what any contract sheet has is never handed to it.
// The scan is linear in the XML (no regular expression here can backtrack), and it also notes
// what exceljs would misread in a cell: a date cell (t="d") and a number that is not one
// ("0x10", "5abc", "NaN"), which it would read as 16, 5 and NaN.
import { rangeCorner } from "../sheets/a1";

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
  /** Whether every cell names its address (r="B7"), so leaving one out moves no other. */
  everyCellAddressed: boolean;
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
    const p = rangeCorner(a);
    const q = rangeCorner(b);
    if (!p || !q) return { rows: Infinity, cols: Infinity, cells: Infinity };
    const h = Math.abs(q.row - p.row) + 1;
    const w = Math.abs(q.col - p.col) + 1;
    cells += h * w;
    rows = Math.max(rows, p.row, q.row);
    cols = Math.max(cols, p.col, q.col);
  }
  return { rows, cols, cells };
}

/** Where each attribute's value starts in a tag: ` name = "`, compiled once. */
const ATTRS: Record<"r" | "t" | "ref" | "sqref", RegExp> = {
  r: /\sr\s*=\s*"/,
  t: /\st\s*=\s*"/,
  ref: /\sref\s*=\s*"/,
  sqref: /\ssqref\s*=\s*"/,
};

function attr(tag: string, name: keyof typeof ATTRS): string | undefined {
  const at = tag.search(ATTRS[name]);
  if (at < 0) return undefined;
  const start = tag.indexOf('"', at) + 1;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : tag.slice(start, end);
}

/**
 * The tags the scan looks at: a cell's end tag (closing "/"), or the start of a cell, formula,
 * value, merge, validation, conditional format or dimension with its attributes. Other end tags
 * (</v>, </f>) are not matched at all: there are millions of them in a large sheet.
 */
const TAGS =
  /<(?:(\/)(?:[A-Za-z_][\w.-]*:)?c\s*>|(?:[A-Za-z_][\w.-]*:)?(c|mergeCell|dataValidation|conditionalFormatting|dimension|f|v)\b([^>]*)>)/g;

/**
 * Measures one worksheet's XML against the limits, in one pass over its tags. It runs on every
 * sheet of every file read, so the cell being read is held in plain variables, not an object.
 */
export function scanSheet(xml: string, limits: SheetLimits = SHEET_LIMITS): SheetScan {
  const notes = new Map<string, CellNote>();
  let everyCellAddressed = true;
  const over = (overflow: Overflow): SheetScan => ({ overflow, notes, everyCellAddressed });

  let cells = 0;
  // The cell being read (undefined: none, or one without an address): its address as written,
  // its type, whether it holds a formula, and its <v> text.
  let ref: string | undefined;
  let type = "n";
  let formula = false;
  let v: string | undefined;
  const tags = new RegExp(TAGS);
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    if (m[1]) {
      if (ref !== undefined && !formula && v !== undefined) noteCell(ref, type, v, notes);
      ref = undefined;
      continue;
    }
    const name = m[2]!;
    const attrs = m[3]!;
    switch (name) {
      case "c": {
        cells++;
        if (cells > limits.cells) return over({ what: "cells", count: countCells(xml) });
        const at = attr(attrs, "r");
        if (at === undefined) everyCellAddressed = false;
        else {
          const place = rangeCorner(at);
          if (!place || place.row > limits.rows || place.col > limits.cols)
            return over({ what: "cell", ref: at });
        }
        ref = at === undefined || attrs.endsWith("/") ? undefined : at;
        type = ref === undefined ? "n" : (attr(attrs, "t") ?? "n");
        formula = false;
        v = undefined;
        continue;
      }
      case "f":
        formula = true;
        continue;
      case "v": {
        // The value's text runs to the next tag.
        const end = xml.indexOf("<", tags.lastIndex);
        v = xml.slice(tags.lastIndex, end < 0 ? xml.length : end);
        continue;
      }
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
    const range = attr(attrs, what === "validation" || what === "conditionalFormat" ? "sqref" : "ref") ?? "";
    const area = areaOf(range);
    if (!(area.cells <= limit) || !(area.rows <= limits.rows) || !(area.cols <= limits.cols))
      return over({ what, ref: range.length > 60 ? `${range.slice(0, 59)}…` : range });
  }
  return { notes, everyCellAddressed };
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
function noteCell(ref: string, type: string, v: string, notes: Map<string, CellNote>) {
  if (type === "d") notes.set(address(ref), { kind: "date", text: v });
  else if (type === "n" && (!STRICT_NUMBER.test(v.trim()) || !Number.isFinite(Number(v))))
    notes.set(address(ref), { kind: "badNumber", text: v });
}

/** "$h$9" → "H9", the form notes are looked up by. */
function address(ref: string): string {
  return ref.replace(/\$/g, "").toUpperCase();
}
