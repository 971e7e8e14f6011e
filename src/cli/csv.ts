// Reads a figures file (CSV) as people save it from Excel: ";" with Danish numbers, "," with
// English ones, or tab-separated; UTF-8 with or without a byte order mark. Hand-written rather
// than papaparse so every field knows the line it started on, for messages like "Linje 4, …".
import { CliError } from "./errors";

export type Separator = ";" | "," | "\t";

export interface CsvField {
  text: string;
  line: number;
}

export interface CsvRecord {
  /** 1-based line number of the record's first character in the file. */
  line: number;
  fields: CsvField[];
}

export interface CsvFile {
  separator: Separator;
  records: CsvRecord[];
}

/** Decodes UTF-8 (dropping a BOM), refusing bytes that are not UTF-8 with a Danish reason. */
export function decodeUtf8(bytes: Buffer, fileName: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      `Filen "${fileName}" er ikke gemt som UTF-8. Gem den i Excel som "CSV UTF-8 (kommasepareret) (*.csv)" eller som tekst med UTF-8-kodning.`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator of the header line: tab, then ";", then ",". */
export function detectSeparator(headerLine: string): Separator | undefined {
  if (headerLine.includes("\t")) return "\t";
  if (headerLine.includes(";")) return ";";
  if (headerLine.includes(",")) return ",";
  return undefined;
}

export function parseCsv(text: string, fileName: string): CsvFile {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  const separator = detectSeparator(firstLine);
  if (!separator) {
    throw new CliError(
      `Filen "${fileName}" har ingen overskriftslinje med skilletegn. Første linje skal være fx: center;mål;grundlag;resultat;bemærkning`,
    );
  }
  return { separator, records: splitRecords(text, separator, fileName) };
}

function splitRecords(text: string, sep: Separator, fileName: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let fields: CsvField[] = [];
  let field = "";
  let fieldLine = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endField = () => {
    fields.push({ text: field, line: fieldLine });
    field = "";
    fieldLine = line;
  };
  const endRecord = () => {
    endField();
    // An empty line, and a line of separators only (";;;;", what Excel writes for a formatted empty row), are no records.
    if (!fields.every((f) => f.text.trim() === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\r" || ch === "\n") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        line++;
        field += "\n";
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      quoteLine = line;
      field = "";
      i++;
      continue;
    }
    if (ch === sep) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      i++;
      endRecord();
      line++;
      fieldLine = line;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted) {
    throw new CliError(`Linje ${quoteLine} i "${fileName}": et anførselstegn (") bliver aldrig lukket.`);
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
