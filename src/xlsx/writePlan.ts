// Shell 2: renders a WorkbookPlan into an .xlsx file with exceljs. It makes no layout decisions:
// every value, formula, style, rule and name comes from the plan.
//
// Charts: exceljs cannot write charts, so ChartPlan entries are skipped here. The plan carries
// data bars for the same figures, which exceljs can write; Office.js (excel/) draws the charts.
import ExcelJS from "exceljs";
import type {
  CellStyle,
  ConditionalFormatPlan,
  DataBarPlan,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../sheets/plan";
import { rangeName } from "../sheets/a1";
import { BORDER_COLOR, SHEET_PROTECTION, validationTexts } from "../sheets/excelLimits";
import { groupValidations, layerStyles, StyleTable } from "../sheets/styleGroups";
import { escapeXml } from "./xmlText";
import { headerFooterCode } from "./headerFooter";
import { STORED_ZIP, ZIP_OPTIONS } from "./zipOptions";

const DEFAULT_FONT = { name: "Calibri", size: 11, family: 2 } as const;

export async function writePlan(plan: WorkbookPlan): Promise<Buffer> {
  const wb = newWorkbook();
  renderPlanInto(wb, plan);
  return toBuffer(wb);
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Resultatkontrakter";
  markFullCalcOnLoad(wb);
  return wb;
}

/** No formula carries a cached result; this tells Excel to compute every one when the file opens. */
export function markFullCalcOnLoad(wb: ExcelJS.Workbook): void {
  (wb as unknown as { calcProperties: { fullCalcOnLoad?: boolean } }).calcProperties = {
    fullCalcOnLoad: true,
  };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await toBytes(wb));
}

/**
 * The file's bytes without Node's Buffer: the task pane writes templates in the browser. The
 * command line asks for the entries stored (STORED_ZIP) and deflates them itself (deflateStored.ts).
 */
export async function toBytes(
  wb: ExcelJS.Workbook,
  zipOptions: typeof ZIP_OPTIONS | typeof STORED_ZIP = ZIP_OPTIONS,
): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer({ zip: zipOptions } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  // exceljs gives a Buffer in Node and its own Buffer polyfill (a Uint8Array) in the browser.
  const bytes = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  return quoteSheetNamesInPrintTitles(
    bytes,
    wb.worksheets.map((ws) => ws.name),
    zipOptions,
  );
}

/**
 * exceljs 4.4 writes a sheet's print titles as 'KB'S'!$7:$7, without doubling the apostrophe
 * (lib/xlsx/xform/book/workbook-xform.js), and Excel repairs such a file. Only a workbook with
 * such a sheet name is opened again and its workbook.xml corrected.
 */
async function quoteSheetNamesInPrintTitles(
  bytes: Uint8Array,
  sheetNames: string[],
  zipOptions: typeof ZIP_OPTIONS | typeof STORED_ZIP,
): Promise<Uint8Array> {
  const odd = sheetNames.filter((n) => n.includes("'"));
  if (odd.length === 0) return bytes;
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("xl/workbook.xml");
  if (!part) return bytes;
  let xml = await part.async("string");
  for (const name of odd) {
    const escaped = escapeXml(name);
    const wrong = `>&apos;${escaped.replace(/'/g, "&apos;")}&apos;!`;
    const right = `>&apos;${escaped.replace(/'/g, "&apos;&apos;")}&apos;!`;
    xml = xml.split(wrong).join(right);
  }
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "uint8array", ...zipOptions });
}

/** writePlan for the browser: the same file, as a Uint8Array. */
export async function writePlanBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = newWorkbook();
  renderPlanInto(wb, plan);
  return toBytes(wb);
}

/** Adds the plan's sheets (in order) and names to a workbook, and makes the first visible sheet active. */
export function renderPlanInto(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const styles = new StyleCache();
  for (const sheet of plan.sheets) renderSheet(wb, sheet, styles);
  for (const name of plan.names) addDefinedName(wb, name.name, name.refersTo);
  selectFirstVisible(wb);
}

export function addDefinedName(wb: ExcelJS.Workbook, name: string, refersTo: string): void {
  wb.definedNames.add(refersTo.replace(/^=/, ""), name);
}

/** Excel opens on the active tab; a hidden active tab confuses it, so pick the first visible one. */
export function selectFirstVisible(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const active = Math.max(
    0,
    sheets.findIndex((ws) => ws.state === "visible"),
  );
  sheets.forEach((ws, i) => {
    const view = (ws.views[0] ?? {}) as Partial<ExcelJS.WorksheetView>;
    ws.views = [{ ...view, tabSelected: i === active } as unknown as ExcelJS.WorksheetView];
  });
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" },
  ];
}

/** Renders one SheetPlan as a new worksheet at the end of the workbook. */
export function renderSheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  styles = new StyleCache(),
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.visibility,
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: plan.freeze
      ? [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }]
      : [{ state: "normal" }],
  });

  writeCells(ws, plan, styles);
  plan.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const range of plan.merges) ws.mergeCells(range);
  addValidations(ws, plan.validations, styles.table);
  addConditionalFormats(ws, plan.conditionalFormats, plan.dataBars);
  if (plan.protect) protect(ws);
  if (plan.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: plan.print.landscape ? "landscape" : "portrait",
      paperSize: 9, // A4
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      // exceljs does not double an apostrophe in the sheet name of these two names; toBytes does.
      ...(plan.print.repeatRows ? { printTitlesRow: plan.print.repeatRows } : {}),
      ...(plan.print.area ? { printArea: exceljsPrintArea(plan.print.area) } : {}),
      ...(plan.print.margins ? { margins: plan.print.margins } : {}),
    };
    ws.headerFooter = {
      ...ws.headerFooter,
      oddHeader: headerFooterCode(plan.print.header),
      ...(plan.print.footer ? { oddFooter: headerFooterCode(plan.print.footer) } : {}),
    };
  }
  return ws;
}

/**
 * exceljs puts a "$" before each corner of a print area ("$A1:$N40", which LibreOffice ignores);
 * given "A$1:N$40" it writes the absolute "$A$1:$N$40" that Excel and LibreOffice both read.
 */
export function exceljsPrintArea(area: string): string {
  return area.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}

/** Values and formulas, each cell with its one layered, shared style object. */
function writeCells(ws: ExcelJS.Worksheet, plan: SheetPlan, styles: StyleCache): void {
  const styleIds = layerStyles(plan.styles, styles.table);
  const rows = Math.max(plan.cells.length, styleIds.length);
  for (let r = 0; r < rows; r++) {
    const cells = plan.cells[r] ?? [];
    const ids = styleIds[r] ?? [];
    const width = Math.max(cells.length, ids.length);
    if (width === 0) continue;
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const content = cells[c] ?? null;
      const id = ids[c];
      if (content === null && id === undefined) continue;
      const cell = row.getCell(c + 1);
      if (content !== null) {
        // A formula goes in without a result, so Excel and LibreOffice compute it on open.
        cell.value = "formula" in content ? { formula: content.formula.replace(/^=/, "") } : content.value;
      }
      if (id !== undefined) cell.style = styles.excelStyle(id);
    }
  }
}

/** The plan's layered styles (sheets/styleGroups.ts) and one shared exceljs style object per id. */
export class StyleCache {
  readonly table = new StyleTable();
  private readonly excel: (Partial<ExcelJS.Style> | undefined)[] = [];

  excelStyle(id: number): Partial<ExcelJS.Style> {
    let s = this.excel[id];
    if (!s) {
      s = toExcelStyle(this.table.style(id));
      this.excel[id] = s;
    }
    return s;
  }
}

function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      ...DEFAULT_FONT,
      ...(s.size !== undefined ? { size: s.size } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    },
  };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.wrap || s.horizontal || s.vertical) {
    style.alignment = {
      ...(s.wrap ? { wrapText: true } : {}),
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
    };
  }
  if (s.border) {
    const side = { style: "thin" as const, color: { argb: argb(BORDER_COLOR) } };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.locked === false) style.protection = { locked: false };
  return style;
}

/** "RRGGBB" (or "#RRGGBB") → exceljs's "FFRRGGBB". */
function argb(rgb: string): string {
  const hex = rgb.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex}`;
}

/**
 * One rule per rectangle of alike cells (groupValidations, the Office.js shell's fallback; per-cell
 * rules make exceljs write overlapping ranges, which Excel "repairs" away: OFFICE-JS.md).
 */
function addValidations(ws: ExcelJS.Worksheet, plans: ValidationPlan[], table: StyleTable): void {
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const { validation, rects } of groupValidations(plans, table)) {
    const rule = toValidation(validation);
    for (const rect of rects) dv.add(rangeName(rect), rule);
  }
}

function toValidation(v: Omit<ValidationPlan, "range">): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: "stop",
    ...validationTexts(v),
  };
  const rule = v.rule;
  if (rule.kind === "custom") return { ...common, type: "custom", formulae: [rule.formula] };
  return rule.kind === "list"
    ? { ...common, type: "list", formulae: [rule.source.replace(/^=/, "")] }
    : {
        ...common,
        type: rule.kind === "decimal" ? "decimal" : "whole",
        operator: "greaterThanOrEqual",
        formulae: [rule.min],
      };
}

/** The plan's order is the priority order: the first rule wins where two apply. */
function addConditionalFormats(
  ws: ExcelJS.Worksheet,
  formats: ConditionalFormatPlan[],
  bars: DataBarPlan[],
): void {
  let priority = 1;
  for (const f of formats) {
    const color = { argb: argb(f.fill) };
    ws.addConditionalFormatting({
      ref: f.range,
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [f.formula.replace(/^=/, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", fgColor: color, bgColor: color },
            font: { color: { argb: argb(f.fontColor) } },
          },
        },
      ],
    });
  }
  for (const bar of bars) {
    ws.addConditionalFormatting({
      ref: bar.range,
      rules: [
        {
          type: "dataBar",
          priority: priority++,
          minLength: 0,
          maxLength: 100,
          gradient: false,
          border: false,
          cfvo: [{ type: "num", value: 0 }, { type: "max" }],
          color: { argb: argb(bar.color) },
          // [MS-XLSX] 2.6.30: an x14 data bar MUST carry both (Excel's own defaults). Not
          // negativeBorderColor, which exceljs writes out of order (exceljs #2547).
          negativeFillColor: { argb: "FFFF0000" },
          axisColor: { argb: "FF000000" },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

/** SHEET_PROTECTION in exceljs's words: every cell selectable, only locked:false ones editable. */
function protect(ws: ExcelJS.Worksheet): void {
  (ws as unknown as { sheetProtection: object }).sheetProtection = {
    sheet: true,
    selectLockedCells: true,
    selectUnlockedCells: true,
    ...SHEET_PROTECTION,
  };
}
