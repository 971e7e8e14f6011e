// Shell 2, reading: every sheet of an .xlsx file (hidden ones too) as a grid of values and formulas.
// A formula cell's value is its cached result (what Excel last computed); callers that judge
// figures read input cells only and never trust those results.
import ExcelJS from "exceljs";
import type { CellValue } from "../contracts/model";
import type { SheetGrid } from "../sheets/grid";
import { META_SHEET, SUMMARY_SHEET } from "../sheets/layout";
import { LoadError, loadBounded, type LoadPurpose, type PartReader } from "./boundedLoad";
import { overflowText, type Overflow } from "./sheetBounds";
import { isOleFile, zipEntries } from "./zipEntries";

export class XlsxReadError extends Error {
  override name = "XlsxReadError";
}

export interface ReadOptions {
  /** Refuse a file larger than this (default 25 MB). */
  maxBytes?: number;
  /** Refuse a file whose parts unpack to more than this (default 300 MB): a zip bomb. */
  maxUnpackedBytes?: number;
  /** The file's name, for messages. */
  fileName?: string;
  /** Reads the sheets' XML faster than JSZip where it can (the command line: nativeParts.ts). */
  readPart?: PartReader;
}

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
const DEFAULT_MAX_UNPACKED = 300 * 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString("da-DK", { maximumFractionDigits: 1 })} MB`;
}

/** Checks that the bytes are a zip holding a workbook within the limits, before exceljs parses them. */
export function assertXlsx(buffer: Buffer, options: ReadOptions = {}): void {
  const file = options.fileName ? `Filen "${options.fileName}"` : "Filen";
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buffer.length > maxBytes) {
    throw new XlsxReadError(`${file} er for stor (${mb(buffer.length)}; højst ${mb(maxBytes)}).`);
  }
  if (isOleFile(buffer)) {
    throw new XlsxReadError(
      `${file} er ikke en Excel-projektmappe (.xlsx): den er enten i det gamle .xls-format eller beskyttet med adgangskode. Gem den som .xlsx uden adgangskode.`,
    );
  }
  const looksLikeZip = buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
  if (!looksLikeZip) throw new XlsxReadError(`${file} er ikke en Excel-projektmappe (.xlsx).`);
  const entries = zipEntries(buffer);
  if (!entries)
    throw new XlsxReadError(`${file} er beskadiget og kan ikke læses som Excel-projektmappe (.xlsx).`);
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new XlsxReadError(
      `${file} er ikke en Excel-projektmappe (.xlsx): den mangler selve projektmappen.`,
    );
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const maxUnpacked = options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
  if (unpacked > maxUnpacked) {
    throw new XlsxReadError(
      `${file} er for stor, når den pakkes ud (${Number.isFinite(unpacked) ? mb(unpacked) : "over 4 GB"}; højst ${mb(maxUnpacked)}).`,
    );
  }
}

function fileLabel(options: ReadOptions): string {
  return options.fileName ? `Filen "${options.fileName}"` : "Filen";
}

/** The Danish reason a load failed: a broken zip, or a part inside it that is not valid XML. */
function loadFailure(e: unknown, options: ReadOptions): XlsxReadError {
  const file = fileLabel(options);
  if (e instanceof LoadError && e.part === "xml")
    return new XlsxReadError(
      `${file} er beskadiget og kan ikke læses som Excel-projektmappe: en af dens dele er ikke gyldig XML. Åbn den i Excel, gem den igen, og prøv så igen.`,
    );
  return new XlsxReadError(`${file} er beskadiget og kan ikke læses som Excel-projektmappe (.xlsx).`);
}

function overflowError(sheet: string, overflow: Overflow, options: ReadOptions, todo: string): XlsxReadError {
  return new XlsxReadError(
    `${fileLabel(options)}: arket "${sheet}" har ${overflowText(overflow)} – langt mere, end et kontraktark har, så det læses ikke. ${todo}`,
  );
}

async function load(buffer: Buffer, options: ReadOptions, purpose: LoadPurpose) {
  assertXlsx(buffer, options);
  try {
    return await loadBounded(buffer, purpose, options.readPart);
  } catch (e) {
    throw loadFailure(e, options);
  }
}

/**
 * Loads the whole workbook with exceljs after assertXlsx, for a caller that saves it again
 * (replaceSheet): a sheet too large to read is refused, since leaving it out would lose it.
 */
export async function loadWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<ExcelJS.Workbook> {
  const loaded = await load(buffer, options, "workbook");
  for (const [sheet, overflow] of loaded.stubbed)
    throw overflowError(sheet, overflow, options, "Slet det overflødige indhold i Excel, og prøv igen.");
  return loaded.wb;
}

/**
 * Every sheet's grid. A sheet too large to read is given as empty, unless the contract needs it
 * (RK_Data, a centre sheet, Oversigt): then the file is refused, with the sheet and what to do.
 */
export async function readGrids(buffer: Buffer, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const loaded = await load(buffer, options, "grid");
  const grids = gridsOf(loaded.wb);
  if (loaded.stubbed.size > 0) {
    const needed = neededSheets(grids);
    for (const [sheet, overflow] of loaded.stubbed) {
      if (needed.has(sheet.toLowerCase()))
        throw overflowError(
          sheet,
          overflow,
          options,
          "Slet det overflødige indhold i arket (eller fjern fletningen, valideringen eller formateringen), gem, og prøv igen.",
        );
    }
  }
  return grids;
}

/** The sheets a contract workbook's reader needs: RK_Data, Oversigt and the centre sheets it lists. */
function neededSheets(grids: SheetGrid[]): Set<string> {
  const needed = new Set([META_SHEET, SUMMARY_SHEET].map((s) => s.toLowerCase()));
  const meta = grids.find((g) => g.name === META_SHEET);
  for (const line of meta?.values ?? []) {
    if (line?.[0] === "sheet" && typeof line[1] === "string") needed.add(line[1].toLowerCase());
  }
  return needed;
}

export function gridsOf(wb: ExcelJS.Workbook): SheetGrid[] {
  return wb.worksheets.map(gridOf);
}

/** Up to this many cells a grid is a full rectangle (as Office.js gives it); beyond, rows end at their last cell. */
const DENSE_CELLS = 1_000_000;

export function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let height = 0;
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = valueOf(cell);
      const formula = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : null;
      if (value === null && formula === null) return;
      (values[rowNumber - 1] ??= [])[colNumber - 1] = value;
      if (formula !== null) (formulas[rowNumber - 1] ??= [])[colNumber - 1] = formula;
      height = Math.max(height, rowNumber);
      width = Math.max(width, colNumber);
    });
  });
  // One value far out (XFD1048576) must not cost height × width: then each row is only as long as it is.
  const dense = height * width <= DENSE_CELLS;
  return {
    name: ws.name,
    values: filled(values, height, dense ? width : undefined, null),
    formulas: filled(formulas, height, dense ? width : undefined, null),
  };
}

/** Rows 1..height without holes; each as wide as `width`, or (undefined) up to its own last cell. */
function filled<T>(sparse: T[][], height: number, width: number | undefined, empty: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < height; r++) {
    const row = sparse[r];
    const w = width ?? row?.length ?? 0;
    const line: T[] = new Array<T>(w);
    for (let c = 0; c < w; c++) line[c] = row?.[c] ?? empty;
    out.push(line);
  }
  return out;
}

/** The value a user sees (a formula's cached result), as Office.js's range.values gives it. */
function valueOf(cell: ExcelJS.Cell): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      return plain(cell.result);
    default:
      return plain(cell.value);
  }
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if (typeof o.error === "string") return o.error;
    if ("text" in o) return plain(o.text); // hyperlink
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
  }
  return String(v);
}

/** Dates come back as Excel serial numbers, as Office.js returns them. */
function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}
