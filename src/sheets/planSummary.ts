// The Oversigt sheet: per contract a status table per centre (with a chart in Excel and data
// bars everywhere), the goals × centres matrix, the joint goals, and who has sent what.
// Every figure is a formula pointing at the centre sheets, so it stays current.
import type { Contract, GoalRow } from "../contracts/model";
import { jointRequirementText } from "../contracts/requirement";
import { rowsFor } from "../contracts/resolve";
import { STATUS_LABEL } from "../contracts/status";
import { danishDate } from "./danishTime";
import { sheetRef } from "./formulas";
import { columnLetters } from "./a1";
import { lastTrips } from "./overview";
import { COL, SUMMARY_SHEET } from "./layout";
import type { TripEvent } from "./meta";
import type { SheetPlan } from "./plan";
import { estimatedRowHeights } from "./rowHeights";
import { SheetBuilder } from "./sheetBuilder";
import {
  HEADER_FILL,
  HEADER_FONT,
  MUTED_FONT,
  NARROW_MARGINS,
  NOT_APPLICABLE_FILL,
  headerText,
  PAGE_NUMBERS,
  STATUS_COLOURS,
} from "./styles";

export interface PlacedCentreSheet {
  sheet: string;
  contractId: string;
  centre: string;
  /** 1-based sheet row of each goal row id. */
  rows: Map<string, number>;
}

export interface SummaryOptions {
  generatedAt: string;
  trips?: TripEvent[];
}

/**
 * Oversigt's labels in column A, which its readers find rows by (tripCells.ts re-makes the
 * Indsendt row under the status table's header).
 */
export const SUMMARY_LABEL = {
  title: "Oversigt – resultatkontrakter",
  statusHeader: "Status pr. center",
  goalId: "Mål-ID",
  rate: "Opfyldelsesgrad",
  sent: "Indsendt",
  joint: "Fælles mål",
} as const;

const COUNTED = ["met", "not_met", "missing", "invalid"] as const;

export function planSummary(
  contracts: Contract[],
  placed: PlacedCentreSheet[],
  options: SummaryOptions,
): SheetPlan {
  const b = new SheetBuilder(SUMMARY_SHEET, "summary");
  b.value("A", 1, SUMMARY_LABEL.title).style("A1", { bold: true, size: 14 });
  b.value(
    "A",
    2,
    `Dannet ${danishDate(options.generatedAt)}. Tallene er formler, der peger på centrenes ark.`,
  ).style("A2", {
    italic: true,
    fontColor: MUTED_FONT,
  });
  let r = 4;
  let widest = 2;
  const plan = b.plan;
  const matrixHeaders: number[] = [];
  for (const contract of contracts) {
    const sheets = contract.centres
      .map((c) => placed.find((p) => p.contractId === contract.id && p.centre === c.code))
      .filter((p): p is PlacedCentreSheet => p !== undefined);
    if (sheets.length === 0) continue;
    widest = Math.max(widest, sheets.length + 2);
    const block = contractBlock(b, plan, contract, sheets, r, options);
    matrixHeaders.push(block.matrixHeader);
    r = block.next;
  }
  const built = b.build();
  built.columnWidths = [
    ID_WIDTH,
    TEXT_WIDTH,
    ...Array.from({ length: Math.max(widest - 2, 6) }, () => CENTRE_WIDTH),
  ];
  // Goal texts wrap in B; the Indsendt line wraps in the centre columns.
  built.rowHeights = estimatedRowHeights(
    built,
    4,
    built.cells.length,
    built.columnWidths.map((_, i) => i).filter((i) => i > 0),
  );
  built.print = {
    landscape: true,
    fitToWidth: true,
    header: {
      left: "Resultatkontrakter",
      center: contracts.map((c) => headerText(c.title)).join(" · "),
      right: "&D",
    },
    footer: PAGE_NUMBERS,
    area: `A1:${columnLetters(widest)}${built.cells.length}`,
    margins: NARROW_MARGINS,
    // Print titles are one range per sheet: with one contract its matrix header repeats on every
    // page; with several, each block carries its own header and no single row would be right.
    ...(matrixHeaders.length === 1 ? { repeatRows: `${matrixHeaders[0]}:${matrixHeaders[0]}` } : {}),
  };
  built.tabColor = HEADER_FILL;
  return built;
}

/** Mål-ID and labels ("Opfyldelsesgrad" in bold), the goal text, one centre's status words. */
const ID_WIDTH = 16;
const TEXT_WIDTH = 56;
const CENTRE_WIDTH = 13;

function contractBlock(
  b: SheetBuilder,
  plan: SheetPlan,
  contract: Contract,
  sheets: PlacedCentreSheet[],
  start: number,
  options: SummaryOptions,
): { next: number; matrixHeader: number } {
  let r = start;
  const lastCol = columnLetters(sheets.length + 2);
  const centreCol = (i: number) => columnLetters(i + 3);
  b.value("A", r, `${contract.title} (${contract.year})`).style(`A${r}`, { bold: true, size: 12 });
  r += 1;

  // The goals × centres matrix comes after the status table; work out its rows first.
  const goalRows = uniqueRows(contract, sheets);
  const tableTop = r;
  const matrixTop = tableTop + 7 + 1;
  const matrixFirst = matrixTop + 1;
  const matrixLast = matrixFirst + goalRows.length - 1;

  headerRow(
    b,
    r,
    SUMMARY_LABEL.statusHeader,
    "",
    sheets.map((s) => s.centre),
    lastCol,
  );
  COUNTED.forEach((s, i) => {
    const row = r + 1 + i;
    b.value("A", row, STATUS_LABEL[s]);
    b.style(`A${row}`, { fill: STATUS_COLOURS[s].fill, fontColor: STATUS_COLOURS[s].font, bold: true });
    sheets.forEach((_, c) => {
      const col = centreCol(c);
      b.formula(col, row, `COUNTIF(${col}$${matrixFirst}:${col}$${matrixLast},"${STATUS_LABEL[s]}")`);
    });
  });
  // Centre columns read as columns: header, counts, rate, trips and statuses all centred.
  b.style(`C${r}:${lastCol}${r + 6}`, { horizontal: "center" });
  const rateRow = r + 5;
  b.value("A", rateRow, SUMMARY_LABEL.rate).value(
    "B",
    rateRow,
    "Opfyldte mål ud af de mål, der gælder for centret",
  );
  b.style(`A${rateRow}:B${rateRow}`, { bold: true });
  sheets.forEach((_, c) => {
    const col = centreCol(c);
    const range = `${col}$${matrixFirst}:${col}$${matrixLast}`;
    const applicable = `(COUNTA(${range})-COUNTIF(${range},"${STATUS_LABEL.not_applicable}"))`;
    b.formula(col, rateRow, `IF(${applicable}=0,"",COUNTIF(${range},"${STATUS_LABEL.met}")/${applicable})`);
  });
  b.style(`C${rateRow}:${lastCol}${rateRow}`, { numberFormat: "0%", bold: true });
  plan.dataBars.push({ range: `C${rateRow}:${lastCol}${rateRow}`, color: "63BE7B" });
  const missingRow = rateRow + 1;
  b.value("A", missingRow, SUMMARY_LABEL.sent).value("B", missingRow, "Skabelon sendt ud / kommet retur");
  sheets.forEach((s, c) =>
    b.value(centreCol(c), missingRow, tripText(options.trips ?? [], contract.id, s.centre)),
  );
  b.style(`A${missingRow}:${lastCol}${missingRow}`, { wrap: true, vertical: "top", fontColor: MUTED_FONT });
  plan.charts.push({
    title: `${contract.title}: status pr. center`,
    source: `A${tableTop}:${lastCol}${tableTop + 4}`,
    topLeft: `${columnLetters(sheets.length + 4)}${tableTop}`,
    bottomRight: `${columnLetters(sheets.length + 10)}${tableTop + 14}`,
    colors: COUNTED.map((s) => STATUS_COLOURS[s].fill),
  });

  r = matrixTop;
  headerRow(
    b,
    r,
    SUMMARY_LABEL.goalId,
    "Mål",
    sheets.map((s) => s.centre),
    lastCol,
  );
  if (goalRows.length > 0) {
    // One alignment for the whole row, so the eye can follow it: everything at the top.
    b.style(`A${matrixFirst}:${lastCol}${matrixLast}`, { vertical: "top" });
    b.style(`B${matrixFirst}:B${matrixLast}`, { wrap: true });
    b.style(`C${matrixFirst}:${lastCol}${matrixLast}`, { horizontal: "center" });
  }
  const letters = sheets.map((_, c) => centreCol(c));
  const quoted = sheets.map((s) => sheetRef(s.sheet, COL.status));
  goalRows.forEach((row, i) => {
    const at = matrixFirst + i;
    b.value("A", at, row.id).value("B", at, row.partLabel ? `${row.text} [del: ${row.partLabel}]` : row.text);
    // Neighbouring centres the goal does not apply to share one style range: a joint goal of a
    // few centres would otherwise give a range per cell of a 200-centre row.
    let notApplicableFrom = -1;
    const endNotApplicable = (c: number) => {
      if (notApplicableFrom < 0) return;
      const range = `${letters[notApplicableFrom]}${at}${c - 1 > notApplicableFrom ? `:${letters[c - 1]}${at}` : ""}`;
      b.style(range, { fill: NOT_APPLICABLE_FILL, fontColor: MUTED_FONT });
      notApplicableFrom = -1;
    };
    sheets.forEach((s, c) => {
      const sheetRow = s.rows.get(row.id);
      if (sheetRow === undefined) {
        b.value(letters[c]!, at, STATUS_LABEL.not_applicable);
        if (notApplicableFrom < 0) notApplicableFrom = c;
      } else {
        endNotApplicable(c);
        b.formula(letters[c]!, at, `${quoted[c]}${sheetRow}`);
      }
    });
    endNotApplicable(sheets.length);
  });
  if (goalRows.length > 0) {
    for (const s of COUNTED) {
      plan.conditionalFormats.push({
        range: `C${matrixFirst}:${lastCol}${matrixLast}`,
        formula: `C${matrixFirst}="${STATUS_LABEL[s]}"`,
        fill: STATUS_COLOURS[s].fill,
        fontColor: STATUS_COLOURS[s].font,
      });
    }
  }
  r = matrixLast + 2;
  return { next: jointBlock(b, contract, sheets, r) + 1, matrixHeader: matrixTop };
}

/** The joint goals with their totals, read off the first contributing centre's sheet. */
function jointBlock(b: SheetBuilder, contract: Contract, sheets: PlacedCentreSheet[], start: number): number {
  const joint = uniqueRows(contract, sheets).filter((row) => row.assessment.basis !== "own");
  if (joint.length === 0) return start;
  let r = start;
  b.value("A", r, SUMMARY_LABEL.joint)
    .value("B", r, "Krav")
    .value("C", r, "Fælles i alt")
    .value("D", r, "Fælles status");
  b.style(`A${r}:D${r}`, { bold: true, fill: HEADER_FILL, fontColor: HEADER_FONT, wrap: true });
  b.style(`C${r}:D${r}`, { horizontal: "center" });
  for (const row of joint) {
    r++;
    const a = row.assessment;
    if (a.basis === "own") continue;
    const host = sheets.find((s) => s.rows.has(row.id));
    b.value("A", r, row.id).value("B", r, `${row.text} — ${jointRequirementText(a.joint, row.context)}`);
    b.style(`A${r}:D${r}`, { vertical: "top" });
    b.style(`B${r}`, { wrap: true });
    b.style(`C${r}:D${r}`, { horizontal: "center" });
    if (host) {
      const at = host.rows.get(row.id)!;
      b.formula("C", r, sheetRef(host.sheet, `${COL.jointTotal}${at}`));
      b.formula("D", r, sheetRef(host.sheet, `${COL.jointStatus}${at}`));
    }
    b.style(`C${r}`, { numberFormat: "#,##0" });
  }
  return r + 1;
}

function headerRow(
  b: SheetBuilder,
  r: number,
  a: string,
  bText: string,
  centres: string[],
  lastCol: string,
): void {
  b.value("A", r, a).value("B", r, bText);
  centres.forEach((c, i) => b.value(columnLetters(i + 3), r, c));
  b.style(`A${r}:${lastCol}${r}`, { bold: true, fill: HEADER_FILL, fontColor: HEADER_FONT, vertical: "top" });
  b.style(`C${r}:${lastCol}${r}`, { horizontal: "center" });
}

/** Every goal row of the contract that applies to at least one placed centre, in appendix order. */
function uniqueRows(contract: Contract, sheets: PlacedCentreSheet[]): GoalRow[] {
  const seen = new Map<string, GoalRow>();
  const order = contract.goals.map((g) => g.id);
  for (const s of sheets)
    for (const row of rowsFor(contract, s.centre)) if (!seen.has(row.id)) seen.set(row.id, row);
  return [...seen.values()].sort(
    (x, y) => order.indexOf(x.goalId) - order.indexOf(y.goalId) || x.id.localeCompare(y.id),
  );
}

function tripText(trips: TripEvent[], contractId: string, centre: string): string {
  const { exported: out, returned: back } = lastTrips(trips, contractId, centre) ?? {};
  if (!out && !back) return "Ikke sendt";
  return `${out ? `Sendt ${danishDate(out)}` : "Ikke sendt"}${back ? `; retur ${danishDate(back)}` : "; ikke retur"}`;
}

// Kept for the importers of the old home; the function lives in danishTime.ts.
export { danishDate };
