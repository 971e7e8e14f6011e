// Loads a workbook with exceljs without letting one sheet's size decide the time and memory it
// takes: every worksheet is measured first (sheetBounds), and one that goes far beyond what a
// contract sheet has is replaced by an empty sheet before exceljs sees it. The caller decides
// whether that sheet mattered (a centre sheet, RK_Data) or not (the economist's own sheet, a
// Vejledning sheet someone pasted into); the bytes on disk are never changed by this.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { worksheetPaths } from "./patchCells";
import { scanSheet, type CellNote, type Overflow } from "./sheetBounds";

export interface BoundedWorkbook {
  wb: ExcelJS.Workbook;
  /** Sheets handed to exceljs empty, and why. */
  stubbed: Map<string, Overflow>;
  /** Per sheet: cells exceljs misreads (dates, numbers that are not), by A1 address. */
  notes: Map<string, Map<string, CellNote>>;
}

/** Why the bytes could not be loaded: the zip itself, or a part inside it (XML). */
export class LoadError extends Error {
  constructor(readonly part: "zip" | "xml") {
    super(part);
  }
}

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/**
 * What the caller does with the workbook, and so what exceljs need not parse. Each sheet's data
 * validations and conditional formats say how cells may be filled in and look, never what they
 * hold, and exceljs expands them into an object per rule and range; a cell's style tells a date
 * from a number, which only a caller that asks for a cell's kind needs.
 * - "grid": values and formulas only (readGrids): rules and cell styles left out, so a date cell
 *   is read as the serial number it holds, as Office.js gives it.
 * - "cells": values and each cell's kind (a returned template): rules left out.
 * - "workbook": everything, for a caller that saves the workbook again.
 */
export type LoadPurpose = "grid" | "cells" | "workbook";

/**
 * A part's text by its path in the zip, or undefined to leave it to JSZip: the command line reads
 * with Node's zlib (nativeParts.ts), the task pane has only JSZip.
 */
export type PartReader = (path: string) => Promise<string | undefined>;

export async function loadBounded(
  bytes: Uint8Array,
  purpose: LoadPurpose,
  readPart?: PartReader,
): Promise<BoundedWorkbook> {
  const prepared = await prepare(bytes, purpose, readPart);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(prepared.input as unknown as ArrayBuffer);
  } catch {
    throw new LoadError("xml");
  }
  return { wb, stubbed: prepared.stubbed, notes: prepared.notes };
}

/**
 * Scans every sheet and gives the bytes exceljs is to load: the file itself, or (when a sheet was
 * stubbed or changed) a copy zipped without compression, so exceljs does not unpack again what
 * was just unpacked here. A function of its own, so the unpacked sheets can be collected before
 * exceljs builds its workbook.
 */
async function prepare(
  bytes: Uint8Array,
  purpose: LoadPurpose,
  readPart: PartReader | undefined,
): Promise<{ input: Uint8Array; stubbed: Map<string, Overflow>; notes: Map<string, Map<string, CellNote>> }> {
  let zip: JSZip;
  let paths: Map<string, string>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new LoadError("zip");
  }
  try {
    const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
    if (workbookXml === undefined) throw new LoadError("xml");
    paths = await worksheetPaths(zip, workbookXml);
  } catch {
    throw new LoadError("xml");
  }
  const stubbed = new Map<string, Overflow>();
  const notes = new Map<string, Map<string, CellNote>>();
  let changed = false;
  for (const [name, path] of paths) {
    const xml = (await readPart?.(path)) ?? (await zip.file(path)!.async("string"));
    const scan = scanSheet(xml);
    notes.set(name, scan.notes);
    if (!scan.overflow) {
      const decoded = decodeInlineEscapes(readOnly(xml, purpose, scan.everyCellAddressed));
      if (decoded !== xml) {
        zip.file(path, decoded);
        changed = true;
      }
      continue;
    }
    changed = true;
    stubbed.set(name, scan.overflow);
    zip.file(path, EMPTY_SHEET);
    // Its comments and drawings would attach to cells that are no longer there.
    zip.remove(path.replace(/([^/]+)$/, "_rels/$1.rels"));
  }
  const input = changed ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : bytes;
  return { input, stubbed, notes };
}

/** The sheet's XML with what the purpose does not need left out. */
function readOnly(xml: string, purpose: LoadPurpose, everyCellAddressed: boolean): string {
  if (purpose === "workbook") return xml;
  let out = withoutRules(xml);
  // An empty cell (a styled input cell not yet filled in) is read as empty all the same; an
  // unaddressed cell's place depends on the ones before it, so then none is left out.
  if (everyCellAddressed) out = withoutEmptyCells(out);
  return purpose === "grid" ? withoutCellStyles(out) : out;
}

/** A cell with nothing in it: <c r="H8" s="5"/>. */
const EMPTY_CELL = /<(?:[A-Za-z_][\w.-]*:)?c\b[^<>]*\/>/g;

/** The cells that hold nothing (exceljs would make an object for each), left out. */
export function withoutEmptyCells(xml: string): string {
  return xml.replace(EMPTY_CELL, "");
}

/** A cell's style attribute (s="12"), with the start of its tag kept in $1. */
const CELL_STYLE = /(<(?:[A-Za-z_][\w.-]*:)?c\b[^<>]*?)\ss\s*=\s*"[^"<>]*"/g;

/** The cells without their style index: exceljs then neither looks the style up nor turns a number into a date. */
export function withoutCellStyles(xml: string): string {
  return xml.replace(CELL_STYLE, "$1");
}

/** The elements withoutRules leaves out: they say how cells may be filled in and look, never what they hold. */
const RULES = /<((?:[A-Za-z_][\w.-]*:)?)(dataValidations|conditionalFormatting)\b/g;
const SHEET_DATA_END = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>|<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/;

/**
 * A worksheet's XML without its data validations and conditional formats (also the Excel 2010
 * ones in extLst). Only what follows the cells (</sheetData>) is looked at, where the schema puts
 * both, so no cell can be cut away; an element without its end tag is left as it is.
 */
export function withoutRules(xml: string): string {
  const dataEnd = SHEET_DATA_END.exec(xml);
  if (!dataEnd) return xml;
  const rules = new RegExp(RULES);
  rules.lastIndex = dataEnd.index + dataEnd[0].length;
  let out = "";
  let cursor = 0;
  for (let m = rules.exec(xml); m; m = rules.exec(xml)) {
    const tagEnd = xml.indexOf(">", rules.lastIndex);
    if (tagEnd < 0) break;
    let end: number;
    if (xml[tagEnd - 1] === "/") end = tagEnd + 1;
    else {
      const close = `</${m[1]}${m[2]}>`;
      const at = xml.indexOf(close, tagEnd);
      if (at < 0) break;
      end = at + close.length;
    }
    out += xml.slice(cursor, m.index);
    cursor = end;
    rules.lastIndex = end;
  }
  return cursor === 0 ? xml : out + xml.slice(cursor);
}

/** Whether XML 1.0 can carry the character. */
function xmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd)
  );
}

/**
 * Excel writes a character XML cannot carry, and a literal "_x0041_", as _xHHHH_ escapes
 * (_x000D_, _x005F_x0041_). exceljs decodes them in shared strings but not in inline strings
 * (which patchCells and other tools write), so they are decoded here, into character references.
 * Found with indexOf from a cursor that only moves forward: linear, whatever the XML.
 */
export function decodeInlineEscapes(xml: string): string {
  if (!xml.includes("_x")) return xml;
  const open = /<((?:[A-Za-z_][\w.-]*:)?)is>/g;
  let out = "";
  let cursor = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const close = xml.indexOf(`</${m[1]}is>`, open.lastIndex);
    if (close < 0) break;
    out += xml.slice(cursor, open.lastIndex) + decodeEscapes(xml.slice(open.lastIndex, close));
    cursor = close;
    open.lastIndex = close;
  }
  return out + xml.slice(cursor);
}

function decodeEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (m, hex: string) =>
    xmlChar(parseInt(hex, 16)) ? `&#x${hex};` : m,
  );
}
