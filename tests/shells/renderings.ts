// What a shell wrote, read back into one shape so the two shells can be compared cell by cell:
// the Office.js shell over the fake Excel host, the exceljs shell from the saved file.
// Inherent differences left out on purpose: charts (exceljs cannot make them, see ChartPlan) and
// a data bar's look (exceljs reads back only where the bar is, not its x14 colour settings).
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/excel/applyPlan";
import { capabilities } from "../../src/excel/env";
import { columnLetters, parseRange } from "../../src/sheets/a1";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { writePlan } from "../../src/xlsx/writePlan";
import { FakeExcel } from "../support/fakeExcel";

export interface CellSeen {
  /** "=…" for a formula (normalised by HyperFormula), else the value; "" when empty. */
  content: string | number | boolean;
  numberFormat: string;
  unlocked: boolean;
}

export interface ValidationSeen {
  type: string;
  /** The list source, the custom formula or the minimum, without "=". */
  formula: string;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface HighlightSeen {
  range: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface SheetSeen {
  name: string;
  visibility: string;
  cells: Map<string, CellSeen>;
  validations: Map<string, ValidationSeen>;
  highlights: HighlightSeen[];
  dataBars: { range: string }[];
  protection: { protected: boolean; formatColumns: boolean; formatRows: boolean };
}

/** The plan applied through src/excel/applyPlan.ts to a fresh fake Excel. */
export async function throughOffice(plan: WorkbookPlan): Promise<{ fake: FakeExcel; sheets: SheetSeen[] }> {
  const fake = new FakeExcel({ sheets: ["Ark1"] });
  await fake.run((context) =>
    applyPlan(context, plan, {
      caps: capabilities(fake.env()),
      existing: new Map(),
      existingNames: new Set(),
    }),
  );
  const sheets = plan.sheets.map((p): SheetSeen => {
    const s = fake.sheet(p.name);
    const cells = new Map<string, CellSeen>();
    const keys = new Set<string>(s.formats.keys());
    fake.hf.getSheetSerialized(s.hfId).forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") keys.add(`${r},${c}`);
      }),
    );
    for (const key of keys) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      const format = s.formats.get(key) ?? {};
      const formula = fake.hf.getCellFormula({ sheet: s.hfId, row: r, col: c });
      const seen: CellSeen = {
        content:
          formula ??
          ((fake.hf.getCellSerialized({ sheet: s.hfId, row: r, col: c }) ?? "") as string | number),
        numberFormat: (format.numberFormat as string | undefined) ?? "General",
        unlocked: format["protection.locked"] === false,
      };
      // Text went in with Excel's apostrophe prefix ("'1.2" stays text); Excel shows it without.
      if (typeof seen.content === "string" && seen.content.startsWith("'"))
        seen.content = seen.content.slice(1);
      if (isBlank(seen)) continue;
      cells.set(`${columnLetters(c + 1)}${r + 1}`, seen);
    }
    const validations = new Map<string, ValidationSeen>();
    for (const [key, v] of s.validations) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      validations.set(`${columnLetters(c + 1)}${r + 1}`, officeValidation(v));
    }
    const highlights: HighlightSeen[] = [];
    const dataBars: { range: string }[] = [];
    for (const cf of s.conditionalFormats) {
      const range = cf.boxes.map((b) => rangeOf(b.r0 + 1, b.c0 + 1, b.r1 + 1, b.c1 + 1)).join(" ");
      if (cf.type === "DataBar") dataBars.push({ range });
      else
        highlights.push({
          range,
          formula: normalise(fake, cf.formula ?? ""),
          fill: hex(cf.fill),
          fontColor: hex(cf.fontColor),
        });
    }
    return {
      name: s.name,
      visibility: s.visibility.toLowerCase(),
      cells,
      validations,
      highlights,
      dataBars,
      protection: {
        protected: s.protected,
        formatColumns: s.protectionOptions?.allowFormatColumns === true,
        formatRows: s.protectionOptions?.allowFormatRows === true,
      },
    };
  });
  return { fake, sheets };
}

/** The plan written by src/xlsx/writePlan.ts and read back with exceljs. */
export async function throughExceljs(plan: WorkbookPlan, fake: FakeExcel): Promise<SheetSeen[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writePlan(plan)) as unknown as ArrayBuffer);
  return plan.sheets.map((p): SheetSeen => {
    const ws = wb.getWorksheet(p.name)!;
    const cells = new Map<string, CellSeen>();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        const seen: CellSeen = {
          content:
            v === null || v === undefined
              ? ""
              : v instanceof Date
                ? // exceljs reads a number with a date format back as a Date: Excel's serial again.
                  v.getTime() / 86_400_000 + 25_569
                : typeof v === "object" && "formula" in v
                  ? normalise(fake, v.formula ?? "")
                  : (v as string | number | boolean),
          numberFormat: cell.numFmt ?? "General",
          unlocked: cell.protection?.locked === false,
        };
        if (!isBlank(seen)) cells.set(cell.address, seen);
      }),
    );
    const validations = new Map<string, ValidationSeen>();
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    for (const [address, v] of Object.entries(model)) {
      for (const cell of cellsOf(address)) validations.set(cell, exceljsValidation(v));
    }
    const highlights: HighlightSeen[] = [];
    const dataBars: { range: string }[] = [];
    for (const cf of (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings) {
      for (const rule of cf.rules) {
        if (rule.type === "dataBar") {
          dataBars.push({ range: cf.ref });
          continue;
        }
        const r = rule as ExcelJS.ExpressionRuleType;
        const fill = r.style?.fill as ExcelJS.FillPattern | undefined;
        highlights.push({
          range: cf.ref,
          formula: normalise(fake, r.formulae?.[0] ?? ""),
          fill: hex(fill?.fgColor?.argb),
          fontColor: hex(r.style?.font?.color?.argb),
        });
      }
    }
    const protection = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
    return {
      name: ws.name,
      visibility: ws.state.toLowerCase(),
      cells,
      validations,
      highlights,
      dataBars,
      protection: {
        protected: protection?.sheet === true,
        formatColumns: protection?.formatColumns === true,
        formatRows: protection?.formatRows === true,
      },
    };
  });
}

/** Every difference between the two renderings, as readable lines (empty when they agree). */
export function differences(office: SheetSeen[], exceljs: SheetSeen[]): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  office.forEach((o, i) => {
    const x = exceljs[i]!;
    const at = (what: string, a: unknown, b: unknown) => {
      if (!same(a, b))
        out.push(`${o.name} ${what}: Office.js ${JSON.stringify(a)} ≠ exceljs ${JSON.stringify(b)}`);
    };
    at("name", o.name, x.name);
    at("visibility", o.visibility, x.visibility);
    at("protection", o.protection, x.protection);
    for (const address of union(o.cells, x.cells)) at(address, o.cells.get(address), x.cells.get(address));
    for (const address of union(o.validations, x.validations))
      at(`validation ${address}`, o.validations.get(address), x.validations.get(address));
    at("highlights", o.highlights, x.highlights);
    at("data bars", o.dataBars, x.dataBars);
  });
  return out;
}

function union<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

function isBlank(c: CellSeen): boolean {
  return c.content === "" && c.numberFormat === "General" && !c.unlocked;
}

/** Formulas through HyperFormula's own printer, so spacing and case cannot differ. */
function normalise(fake: FakeExcel, formula: string): string {
  const f = formula.startsWith("=") ? formula : `=${formula}`;
  return fake.hf.normalizeFormula(f);
}

function hex(color: string | undefined): string {
  return (color ?? "")
    .replace(/^#/, "")
    .replace(/^FF(?=[0-9A-F]{6}$)/i, "")
    .toUpperCase();
}

function rangeOf(top: number, left: number, bottom: number, right: number): string {
  const a = `${columnLetters(left)}${top}`;
  return top === bottom && left === right ? a : `${a}:${columnLetters(right)}${bottom}`;
}

function cellsOf(range: string): string[] {
  const r = parseRange(range.replace(/\$/g, ""));
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(`${columnLetters(col)}${row}`);
  return out;
}

function officeValidation(v: {
  rule?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}): ValidationSeen {
  const [type, body] = Object.entries(v.rule ?? {})[0] ?? ["none", {}];
  const b = body as { source?: string; formula?: string; formula1?: unknown };
  const formula = String(b.source ?? b.formula ?? b.formula1 ?? "").replace(/^=/, "");
  return {
    type: type === "wholeNumber" ? "whole" : type,
    formula,
    promptTitle: String(v.prompt?.title ?? ""),
    prompt: String(v.prompt?.message ?? ""),
    errorTitle: String(v.errorAlert?.title ?? ""),
    error: String(v.errorAlert?.message ?? ""),
  };
}

function exceljsValidation(v: ExcelJS.DataValidation): ValidationSeen {
  return {
    type: v.type,
    formula: String(v.formulae?.[0] ?? "").replace(/^=/, ""),
    promptTitle: v.promptTitle ?? "",
    prompt: v.prompt ?? "",
    errorTitle: v.errorTitle ?? "",
    error: v.error ?? "",
  };
}
