// Adds an empty worksheet to an .xlsx file by editing the zip: the sheet part, its relationship,
// its content type and its <sheet> entry at the end of the workbook's sheet list. Every other
// part stays byte for byte as it was, as with patchCells (see there for why not exceljs).
// Appending at the end keeps sheet indices (localSheetId, activeTab) of the others valid.
import JSZip from "jszip";
import { escapeXml, unescapeXml } from "./xmlText";
import { ZIP_OPTIONS } from "./zipOptions";

export interface NewSheetOptions {
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows frozen at the top. */
  frozenRows?: number;
}

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class AddSheetError extends Error {}

export async function addEmptySheet(
  buffer: Buffer,
  name: string,
  options: NewSheetOptions = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new AddSheetError(`Projektmappen mangler delen ${path}.`);
    return f.async("string");
  };
  const workbookXml = await read("xl/workbook.xml");
  const relsXml = await read("xl/_rels/workbook.xml.rels");
  const typesXml = await read("[Content_Types].xml");

  const prefix = /<((?:\w+:)?)workbook\b/.exec(workbookXml)?.[1] ?? "";
  const existingNames = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*\sname="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]!).toLowerCase(),
  );
  if (existingNames.includes(name.toLowerCase())) throw new AddSheetError(`Arket "${name}" findes allerede.`);

  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const partPath = `xl/worksheets/sheet${n}.xml`;
  const relIds = new Set([...relsXml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]!));
  let r = relIds.size + 1;
  while (relIds.has(`rId${r}`)) r++;
  const relId = `rId${r}`;
  const sheetIds = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const sheetId = Math.max(0, ...sheetIds) + 1;

  const relPrefix = /<((?:\w+:)?)Relationships\b/.exec(relsXml)?.[1] ?? "";
  const rels = insertBefore(
    relsXml,
    `</${relPrefix}Relationships>`,
    `<${relPrefix}Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/>`,
  );
  const typesPrefix = /<((?:\w+:)?)Types\b/.exec(typesXml)?.[1] ?? "";
  const types = insertBefore(
    typesXml,
    `</${typesPrefix}Types>`,
    `<${typesPrefix}Override PartName="/${partPath}" ContentType="${WORKSHEET_CONTENT}"/>`,
  );
  const sheetEntry = `<${prefix}sheet xmlns:r="${REL_NS}" name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${relId}"/>`;
  const workbook = insertBefore(workbookXml, `</${prefix}sheets>`, sheetEntry);

  zip.file(partPath, worksheetXml(options));
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  zip.file("xl/workbook.xml", workbook);
  return zip.generateAsync({ type: "nodebuffer", ...ZIP_OPTIONS });
}

function insertBefore(xml: string, marker: string, insert: string): string {
  const at = xml.lastIndexOf(marker);
  if (at < 0) throw new AddSheetError(`Projektmappens opbygning er ukendt (mangler ${marker}).`);
  return xml.slice(0, at) + insert + xml.slice(at);
}

function worksheetXml(options: NewSheetOptions): string {
  const frozen = options.frozenRows ?? 0;
  const pane = frozen
    ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
    : "";
  const cols = options.columnWidths?.length
    ? `<cols>${options.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}
