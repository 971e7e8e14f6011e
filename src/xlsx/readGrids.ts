// Shell 2, reading: every sheet of an .xlsx file (hidden ones too) as a grid of values and formulas.
// A formula cell's value is its cached result (what Excel last computed); callers that judge
// figures read input cells only and never trust those results.
import ExcelJS from "exceljs";
import type { CellValue } from "../contracts/model";
import type { SheetGrid } from "../sheets/grid";
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

/** Loads the workbook with exceljs after assertXlsx, turning a parse failure into a Danish error. */
export async function loadWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<ExcelJS.Workbook> {
  assertXlsx(buffer, options);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    const file = options.fileName ? `Filen "${options.fileName}"` : "Filen";
    throw new XlsxReadError(`${file} er beskadiget og kan ikke læses som Excel-projektmappe (.xlsx).`);
  }
  return wb;
}

export async function readGrids(buffer: Buffer, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return gridsOf(await loadWorkbook(buffer, options));
}

export function gridsOf(wb: ExcelJS.Workbook): SheetGrid[] {
  return wb.worksheets.map(gridOf);
}

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
  return {
    name: ws.name,
    values: dense(values, height, width, null),
    formulas: dense(formulas, height, width, null),
  };
}

function dense<T>(sparse: T[][], height: number, width: number, empty: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < height; r++) {
    const row = sparse[r];
    const line: T[] = new Array<T>(width);
    for (let c = 0; c < width; c++) line[c] = row?.[c] ?? empty;
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
