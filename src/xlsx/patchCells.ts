// Sets a few cells' values in an .xlsx file by editing the sheets' XML inside the zip, leaving
// every other part byte for byte as it was.
//
// Why not load and save with exceljs: measured here, an exceljs round trip rewrites per-cell
// validation rules into overlapping ranges (its optimiser sorts addresses as text: H10 < H8),
// drops calcPr's fullCalcOnLoad, and loses everything exceljs does not model — charts the
// add-in drew, images, the add-in's own settings (webextension parts), custom XML parts and
// names that are not plain ranges. Changing only the cells we own avoids all of it.
//
// Cached formula results are removed from every worksheet and the workbook is marked for a full
// calculation on load, so Excel and LibreOffice both recompute statuses from the new figures
// (LibreOffice keeps a stale cached result otherwise: OFFICE-JS.md).
import JSZip from "jszip";
import { cellName, parseCell } from "../sheets/a1";
import { escapeXml, unescapeXml } from "./xmlText";
import type { PartReader } from "./boundedLoad";
import { STORED_ZIP, ZIP_OPTIONS } from "./zipOptions";

export interface CellPatch {
  /** The sheet's name as Excel shows it. */
  sheet: string;
  /** "H12". */
  address: string;
  value: number | string;
}

export class PatchError extends Error {}

export interface PatchOptions {
  /**
   * How the parts it changes are compressed: deflated like every file written here, or
   * (STORED_ZIP, for the command line) left stored for deflateStored.ts. The others are copied
   * as they are.
   */
  changed?: typeof ZIP_OPTIONS | typeof STORED_ZIP;
  /** Reads the sheets' XML faster than JSZip where it can (the command line: nativeParts.ts). */
  readPart?: PartReader;
}

/** The file with the cells set. */
export async function patchCells(
  buffer: Buffer,
  patches: CellPatch[],
  { changed = ZIP_OPTIONS, readPart }: PatchOptions = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const workbookPath = "xl/workbook.xml";
  const workbookXml = await text(zip, workbookPath);
  const sheetPaths = await worksheetPaths(zip, workbookXml);

  const bySheet = new Map<string, CellPatch[]>();
  for (const p of patches) {
    if (!sheetPaths.has(p.sheet)) throw new PatchError(`Arket "${p.sheet}" findes ikke i projektmappen.`);
    const list = bySheet.get(p.sheet) ?? [];
    list.push(p);
    bySheet.set(p.sheet, list);
  }

  for (const [sheet, path] of sheetPaths) {
    let xml = (await readPart?.(path)) ?? (await text(zip, path));
    const mine = bySheet.get(sheet);
    if (mine) xml = setCells(xml, mine);
    const stripped = stripCachedResults(xml);
    if (mine || stripped !== xml) zip.file(path, stripped, changed);
  }
  zip.file(workbookPath, withFullCalcOnLoad(workbookXml), changed);
  return zip.generateAsync({ type: "nodebuffer", ...ZIP_OPTIONS });
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new PatchError(`Projektmappen mangler delen ${path}.`);
  return file.async("string");
}

/** Sheet name → zip path of its worksheet part, from workbook.xml and its relationships. */
export async function worksheetPaths(zip: JSZip, workbookXml: string): Promise<Map<string, string>> {
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (id && target)
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const paths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, "name");
    const rid = attr(m[1]!, "r:id") ?? /\b\w+:id="([^"]*)"/.exec(m[1]!)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path && zip.file(path)) paths.set(unescapeXml(name), path);
  }
  return paths;
}

/** Each attribute name's pattern, compiled once: a fill looks up two attributes per patched cell. */
const ATTR_PATTERNS = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let pattern = ATTR_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}\\s*=\\s*"([^"]*)"`);
    ATTR_PATTERNS.set(name, pattern);
  }
  return pattern.exec(attrs)?.[1];
}

/**
 * Text as Excel stores it: a literal "_x0041_" escaped as "_x005F_x0041_" (or Excel would show
 * "A"), and a character XML 1.0 cannot carry as its _xHHHH_ escape rather than dropped.
 */
export function excelText(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

interface RowSpan {
  row: number;
  start: number;
  end: number;
  xml: string;
}

/** Rewrites the sheetData element with the patched cells. */
function setCells(xml: string, patches: CellPatch[]): string {
  const open = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new PatchError("Arket har ingen celledata (sheetData).");
  const prefix = open[1] ?? "";
  let bodyStart = open.index + open[0].length;
  let bodyEnd: number;
  let head = xml.slice(0, bodyStart);
  let tail: string;
  if (open[2] === "/") {
    head = xml.slice(0, open.index) + `<${prefix}sheetData>`;
    bodyStart = open.index + open[0].length;
    bodyEnd = bodyStart;
    tail = `</${prefix}sheetData>` + xml.slice(bodyStart);
  } else {
    const close = xml.indexOf(`</${prefix}sheetData>`, bodyStart);
    if (close < 0) throw new PatchError("Arkets celledata er beskadiget.");
    bodyEnd = close;
    tail = xml.slice(close);
  }
  const body = xml.slice(bodyStart, bodyEnd);

  const rows: RowSpan[] = [];
  const rowRe = new RegExp(`<${prefix}row\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${prefix}row>)`, "g");
  let lastRow = 0;
  for (const m of body.matchAll(rowRe)) {
    const r = attr(/^<[^>]*/.exec(m[0])![0], "r");
    const row = r ? Number(r) : lastRow + 1;
    lastRow = row;
    rows.push({ row, start: m.index!, end: m.index! + m[0].length, xml: m[0] });
  }

  const byRow = new Map<number, CellPatch[]>();
  for (const p of patches) {
    const { row } = parseCell(p.address);
    byRow.set(row, [...(byRow.get(row) ?? []), p]);
  }

  // Rebuild the body: patched rows replaced, missing rows inserted in order.
  const pieces: string[] = [];
  let cursor = 0;
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const newRow = (row: number) => `<${prefix}row r="${row}"></${prefix}row>`;
  for (const span of rows) {
    while (pending.length && pending[0]! < span.row) {
      const row = pending.shift()!;
      pieces.push(body.slice(cursor, span.start), patchRow(newRow(row), row, byRow.get(row)!, prefix));
      cursor = span.start;
    }
    if (pending[0] === span.row) {
      pending.shift();
      pieces.push(body.slice(cursor, span.start), patchRow(span.xml, span.row, byRow.get(span.row)!, prefix));
      cursor = span.end;
    }
  }
  pieces.push(body.slice(cursor));
  for (const row of pending) pieces.push(patchRow(newRow(row), row, byRow.get(row)!, prefix));
  return head + pieces.join("") + tail;
}

function patchRow(rowXml: string, row: number, patches: CellPatch[], prefix: string): string {
  let xml = rowXml;
  if (xml.endsWith("/>")) xml = `${xml.slice(0, -2)}></${prefix}row>`;
  const openEnd = xml.indexOf(">") + 1;
  const closeStart = xml.lastIndexOf(`</${prefix}row>`);
  const openTag = xml.slice(0, openEnd);
  const body = xml.slice(openEnd, closeStart);

  interface CellSpan {
    col: number;
    xml: string;
  }
  const cells: CellSpan[] = [];
  const cellRe = new RegExp(`<${prefix}c\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${prefix}c>)`, "g");
  let lastCol = 0;
  for (const m of body.matchAll(cellRe)) {
    const r = attr(/^<[^>]*/.exec(m[0])![0], "r");
    const col = r ? parseCell(r).col : lastCol + 1;
    lastCol = col;
    cells.push({ col, xml: m[0] });
  }
  for (const p of patches) {
    const { col } = parseCell(p.address);
    const at = cells.findIndex((c) => c.col >= col);
    const existing = at >= 0 && cells[at]!.col === col ? cells[at] : undefined;
    const style = existing ? attr(/^<[^>]*/.exec(existing.xml)![0], "s") : undefined;
    const replacement = { col, xml: cellXml(prefix, cellName(row, col), style, p.value) };
    if (existing) cells[at] = replacement;
    else if (at >= 0) cells.splice(at, 0, replacement);
    else cells.push(replacement);
  }
  // Row spans are an optimisation hint; a stale one makes Excel complain, so drop it.
  const tag = openTag.replace(/\sspans="[^"]*"/, "");
  return tag + cells.map((c) => c.xml).join("") + `</${prefix}row>`;
}

function cellXml(prefix: string, address: string, style: string | undefined, value: number | string): string {
  const s = style !== undefined ? ` s="${style}"` : "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new PatchError(`Ugyldigt tal til celle ${address}.`);
    return `<${prefix}c r="${address}"${s}><${prefix}v>${String(value)}</${prefix}v></${prefix}c>`;
  }
  const t = escapeXml(excelText(value));
  return `<${prefix}c r="${address}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${t}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** Removes the cached value (and its type) from every formula cell. */
export function stripCachedResults(xml: string): string {
  const prefix = /<((?:\w+:)?)worksheet\b/.exec(xml)?.[1] ?? "";
  const cellRe = new RegExp(`<${prefix}c\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${prefix}c>)`, "g");
  const valueRe = new RegExp(`<${prefix}v>[\\s\\S]*?<\\/${prefix}v>|<${prefix}v\\/>`, "g");
  return xml.replace(cellRe, (cell: string) => {
    if (cell.endsWith("/>") || !cell.includes(`<${prefix}f`)) return cell;
    const openEnd = cell.indexOf(">") + 1;
    const open = cell.slice(0, openEnd).replace(/\st="[^"]*"/, "");
    return open + cell.slice(openEnd).replace(valueRe, "");
  });
}

/** Sets fullCalcOnLoad="1" on calcPr, adding calcPr in its schema position if absent. */
export function withFullCalcOnLoad(xml: string): string {
  const prefix = /<((?:\w+:)?)workbook\b/.exec(xml)?.[1] ?? "";
  const calc = new RegExp(`<${prefix}calcPr\\b([^>]*?)(\\/?)>`).exec(xml);
  if (calc) {
    const attrs = calc[1]!.replace(/\sfullCalcOnLoad="[^"]*"/, "");
    return (
      xml.slice(0, calc.index) +
      `<${prefix}calcPr${attrs} fullCalcOnLoad="1"${calc[2]}>` +
      xml.slice(calc.index + calc[0].length)
    );
  }
  // CT_Workbook's sequence: calcPr follows definedNames and precedes these.
  const after = [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ];
  let at = xml.lastIndexOf(`</${prefix}workbook>`);
  for (const name of after) {
    const i = xml.indexOf(`<${prefix}${name}`);
    if (i >= 0 && i < at) at = i;
  }
  return xml.slice(0, at) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
}
