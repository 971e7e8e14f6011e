// What the workbook looks like, as data. The two shells (excel/ through Office.js, xlsx/ through
// exceljs) render a WorkbookPlan and make no layout decisions of their own.

/** A cell's content. Formulas are en-US syntax without the leading "=". */
export type PlanCell = null | { value: string | number } | { formula: string };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** "RRGGBB". */
  fontColor?: string;
  /** "RRGGBB" background. */
  fill?: string;
  /** Excel's own format code, e.g. "0.0%", "#,##0", '#,##0 "kr."'. */
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Cells are locked by default, as in Excel; inputs set this to false. */
  locked?: boolean;
  border?: boolean;
}

/** A style applied to every cell of an A1 range such as "H8:I40". */
export interface StyleRange {
  range: string;
  style: CellStyle;
}

export type ValidationRule =
  | { kind: "decimal"; min: number }
  | { kind: "wholeNumber"; min: number }
  /** A list taken from a range or a defined name (never a comma string: see OFFICE-JS.md). */
  | { kind: "list"; source: string }
  /** A formula that must be TRUE, en-US without "=", relative to the range's top-left cell. */
  | { kind: "custom"; formula: string };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  prompt: { title: string; text: string };
  error: { title: string; text: string };
}

/** Highlights a range where the formula (relative to the range's top-left cell) is TRUE. */
export interface ConditionalFormatPlan {
  range: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface DataBarPlan {
  range: string;
  color: string;
}

/** A stacked bar chart of the status counts per centre (Excel only: exceljs cannot make charts). */
export interface ChartPlan {
  title: string;
  /** The range with series names in its first column and categories in its first row. */
  source: string;
  /** Where to place it: top-left and bottom-right cells. */
  topLeft: string;
  bottomRight: string;
  /** Colours of the series in order. */
  colors: string[];
}

export interface PrintPlan {
  landscape: boolean;
  fitToWidth: boolean;
  /** Page header, e.g. the date on the right: { left: "…", center: "…", right: "&D" }. */
  header: PageSections;
  /** Page footer, e.g. { left: "", center: "Side &P af &N", right: "" }. */
  footer?: PageSections;
  /** Rows repeated at the top of each printed page, e.g. "7:7". */
  repeatRows?: string;
  /** The range printed, e.g. "A1:N40"; columns outside it are for the screen only. */
  area?: string;
  /** Page margins in inches: narrow ones leave the columns room at a readable size. */
  margins?: PageMargins;
}

/**
 * The three sections of a page header or footer, as Office.js's HeaderFooter takes them: text
 * with Excel's field codes (&P page, &N pages, &D date) and "&&" for a literal ampersand. The
 * xlsx shell joins them into one "&L…&C…&R…" string, as the file format wants.
 */
export interface PageSections {
  left: string;
  center: string;
  right: string;
}

export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export type SheetRole = "centre" | "summary" | "lists" | "meta" | "log" | "definition";

export interface SheetPlan {
  name: string;
  role: SheetRole;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Dense rows from A1; null is an empty cell. */
  cells: PlanCell[][];
  styles: StyleRange[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /**
   * Row heights in points (1-based row → height) estimated from wrapped text, for writers that
   * cannot measure text (exceljs; LibreOffice does not auto-fit rows on load). Excel measures
   * text itself, so the Office.js shell auto-fits these rows instead.
   */
  rowHeights: Record<number, number>;
  merges: string[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  dataBars: DataBarPlan[];
  charts: ChartPlan[];
  /** Protect the sheet; only cells styled locked:false stay editable. No password by default. */
  protect: boolean;
  /** Rows and columns frozen at the top and left. */
  freeze?: { rows: number; columns: number };
  print?: PrintPlan;
  tabColor?: string;
}

export interface NamePlan {
  name: string;
  /** An absolute reference, e.g. "Lister!$A$1:$A$2". */
  refersTo: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
}

export function emptySheet(name: string, role: SheetRole): SheetPlan {
  return {
    name,
    role,
    visibility: "visible",
    cells: [],
    styles: [],
    columnWidths: [],
    rowHeights: {},
    merges: [],
    validations: [],
    conditionalFormats: [],
    dataBars: [],
    charts: [],
    protect: false,
  };
}
