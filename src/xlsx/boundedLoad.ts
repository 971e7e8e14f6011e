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

export async function loadBounded(bytes: Uint8Array): Promise<BoundedWorkbook> {
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
    const xml = await zip.file(path)!.async("string");
    const scan = scanSheet(xml);
    notes.set(name, scan.notes);
    if (!scan.overflow) {
      const decoded = decodeInlineEscapes(xml);
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
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(input as unknown as ArrayBuffer);
  } catch {
    throw new LoadError("xml");
  }
  return { wb, stubbed, notes };
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
