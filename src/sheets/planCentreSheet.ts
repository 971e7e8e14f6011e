// One centre's sheet: title block, live status counts, and a row per goal that applies to it.
import type { Centre, Contract, GoalRow, Target } from "../contracts/model";
import { kindOf } from "../contracts/kinds";
import { fillYears } from "../contracts/kinds/texts";
import { inputHint, jointRequirementText, lowerFirst, requirementText } from "../contracts/requirement";
import { statusTarget } from "../contracts/resolve";
import { STATUS_LABEL } from "../contracts/status";
import { achievedFormula, jointStatusFormula, jointTotalFormula, statusFormula } from "./formulas";
import {
  COL,
  COLUMN_ORDER,
  COUNT_LABEL_COL,
  COUNT_VALUE_COL,
  FIRST_GOAL_ROW,
  HEADER_ROW,
  HEADERS,
  LAST_PRINTED_COL,
  YES_NO_NAME,
} from "./layout";
import type { ConditionalFormatPlan, SheetPlan, ValidationPlan } from "./plan";
import { parseRange } from "./a1";
import { estimatedRowHeights } from "./rowHeights";
import { SheetBuilder } from "./sheetBuilder";
import {
  achievedFormat,
  HEADER_FILL,
  HEADER_FONT,
  INPUT_FILL,
  inputFormat,
  MUTED_FONT,
  NARROW_MARGINS,
  headerText,
  PAGE_NUMBERS,
  STATUS_COLOURS,
  targetFormat,
} from "./styles";

/** Where another centre's Resultat cell for a goal row is, if its sheet is in the workbook. */
export type ResultatRef = (centre: string, rowId: string) => string | undefined;

/**
 * Column widths in characters. A4 landscape holds about 200 of them at 75 % (11 pt prints at
 * 8 pt or more), so the printed columns A–N add up to 195; Område and Gruppe are as wide as their
 * longest word ("Arbejdsfastholdelsesindsatsen"), so no word is broken inside itself.
 */
const WIDTHS: Record<keyof typeof COL, number> = {
  id: 7,
  area: 21,
  group: 26,
  text: 27,
  requirement: 18,
  target: 10,
  target2: 8,
  grundlag: 11,
  resultat: 11,
  achieved: 12,
  status: 12,
  jointTotal: 9,
  jointStatus: 11,
  comment: 12,
  hint: 40,
};

const LAST_COL = COL.hint;

export function planCentreSheet(
  contract: Contract,
  centre: Centre,
  rows: GoalRow[],
  resultatRef: ResultatRef,
): SheetPlan {
  const b = new SheetBuilder(centre.code, "centre");
  const last = FIRST_GOAL_ROW + Math.max(rows.length, 1) - 1;
  titleBlock(b, contract, centre, last);
  headerRow(b);
  if (rows.length > 0) goalRowStyles(b, last);
  rows.forEach((row, i) => goalRow(b, row, FIRST_GOAL_ROW + i, centre, resultatRef));
  const plan = b.build();
  plan.columnWidths = COLUMN_ORDER.map((k) => WIDTHS[k]);
  plan.rowHeights = estimatedRowHeights(plan, HEADER_ROW, last);
  plan.conditionalFormats = rows.length ? statusHighlights(`A${FIRST_GOAL_ROW}:${LAST_COL}${last}`) : [];
  plan.validations = rows.flatMap((row, i) => inputValidations(row, FIRST_GOAL_ROW + i));
  plan.protect = true;
  plan.freeze = { rows: HEADER_ROW, columns: 1 };
  plan.tabColor = "2E7D5B";
  plan.print = {
    landscape: true,
    fitToWidth: true,
    header: { left: headerText(contract.title), center: headerText(centre.name), right: "&D" },
    footer: PAGE_NUMBERS,
    repeatRows: `${HEADER_ROW}:${HEADER_ROW}`,
    area: `A1:${LAST_PRINTED_COL}${last}`,
    margins: NARROW_MARGINS,
  };
  return plan;
}

function titleBlock(b: SheetBuilder, contract: Contract, centre: Centre, last: number): void {
  b.value("A", 1, `${centre.name} – resultatkontrakt ${contract.year}`).style("A1", { bold: true, size: 14 });
  b.value("A", 2, contract.title).style("A2", { italic: true });
  const numbers = [
    contract.caseNumber && `Sagsnr.: ${contract.caseNumber}`,
    contract.documentNumber && `Doknr.: ${contract.documentNumber}`,
  ]
    .filter(Boolean)
    .join(", ");
  b.value("A", 3, `Center: ${centre.code} · År: ${contract.year}${numbers ? ` · ${numbers}` : ""}`);
  b.value(
    "A",
    5,
    "Udfyld Grundlag og Resultat (de gule felter) og evt. Bemærkning. Status beregnes af sig selv; kolonnen “Sådan udfyldes rækken” siger, hvad der skal stå.",
  ).style("A5", { italic: true, fontColor: MUTED_FONT });
  const statuses = ["met", "not_met", "missing", "invalid"] as const;
  statuses.forEach((s, i) => {
    const row = i + 1;
    b.value(COUNT_LABEL_COL, row, STATUS_LABEL[s]);
    b.formula(
      COUNT_VALUE_COL,
      row,
      `COUNTIF(${COL.status}$${FIRST_GOAL_ROW}:${COL.status}$${last},"${STATUS_LABEL[s]}")`,
    );
    b.style(`${COUNT_LABEL_COL}${row}:${COUNT_VALUE_COL}${row}`, {
      fill: STATUS_COLOURS[s].fill,
      fontColor: STATUS_COLOURS[s].font,
      bold: true,
    });
  });
}

function headerRow(b: SheetBuilder): void {
  for (const key of COLUMN_ORDER) b.value(COL[key], HEADER_ROW, HEADERS[key]);
  b.style(`A${HEADER_ROW}:${LAST_COL}${HEADER_ROW}`, {
    bold: true,
    fill: HEADER_FILL,
    fontColor: HEADER_FONT,
    wrap: true,
    vertical: "middle",
  });
}

/** Styles shared by every goal row, as whole-column ranges: one request each, however many rows. */
function goalRowStyles(b: SheetBuilder, last: number): void {
  const rows = (from: string, to: string = from) => `${from}${FIRST_GOAL_ROW}:${to}${last}`;
  b.style(rows("A", LAST_COL), { wrap: true, vertical: "top", border: true });
  b.style(rows(COL.hint), { fontColor: MUTED_FONT, italic: true });
  b.style(rows(COL.grundlag, COL.resultat), { locked: false, fill: INPUT_FILL });
  b.style(rows(COL.comment), { locked: false, fill: INPUT_FILL });
  b.style(rows(COL.jointTotal), { numberFormat: "#,##0" });
  b.style(rows(COL.status), { bold: true });
}

function goalRow(b: SheetBuilder, row: GoalRow, r: number, centre: Centre, resultatRef: ResultatRef): void {
  const a = row.assessment;
  const target = statusTarget(a);
  const refs = {
    grundlag: `${COL.grundlag}${r}`,
    resultat: `${COL.resultat}${r}`,
    target: `${COL.target}${r}`,
    target2: `${COL.target2}${r}`,
  };

  b.value(COL.id, r, row.id);
  b.value(COL.area, r, row.area);
  b.value(COL.group, r, row.group);
  b.value(COL.text, r, row.partLabel ? `${row.text} [del: ${row.partLabel}]` : row.text);
  b.value(COL.requirement, r, requirementLine(row));
  targetCells(b, target, r, a.basis === "ownAndJoint" ? a.joint.target.atLeast : undefined);

  if (a.basis !== "own") {
    // The joint total is in F for a goal judged only jointly, beside the own share (G) otherwise.
    const contributions = a.joint.centres.map((c) =>
      c === centre.code ? refs.resultat : resultatRef(c, row.id),
    );
    const jointTarget = a.basis === "joint" ? refs.target : refs.target2;
    b.formula(COL.jointStatus, r, jointStatusFormula(contributions, jointTarget, a.joint.target.decimals));
    b.formula(COL.jointTotal, r, jointTotalFormula(contributions, `${COL.jointStatus}${r}`));
  }
  if (a.basis === "joint") {
    b.formula(COL.status, r, `${COL.jointStatus}${r}`);
    b.formula(COL.achieved, r, `IF(ISNUMBER(${refs.resultat}),${refs.resultat},"")`);
  } else {
    b.formula(COL.status, r, statusFormula(target, refs));
    b.formula(COL.achieved, r, achievedFormula(target, refs, `${COL.status}${r}`));
  }

  const hint = inputHint(target, row.context);
  b.value(COL.hint, r, hintLine(hint, row.note && fillYears(row.note, row.context)));
  b.style(`${COL.achieved}${r}`, { numberFormat: achievedFormat(target) });
  b.style(`${COL.grundlag}${r}:${COL.resultat}${r}`, { numberFormat: inputFormat(target) });
}

/** What to type, and the goal's note on how it is read where it has one. */
function hintLine(hint: { grundlag: string; resultat: string }, note: string | undefined): string {
  const inputs = `Grundlag: ${withStop(hint.grundlag)} Resultat: ${withStop(hint.resultat)}`;
  return note ? `${inputs} Note: ${withStop(note)}` : inputs;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function requirementLine(row: GoalRow): string {
  const a = row.assessment;
  const ctx = row.context;
  if (a.basis === "joint") return `Fælles mål: ${jointRequirementText(a.joint, ctx)}`;
  if (a.basis === "ownAndJoint")
    return `${requirementText(a.target, ctx)} (fælles: ${lowerFirst(jointRequirementText(a.joint, ctx))})`;
  return requirementText(a.target, ctx);
}

/** The target values in locked cells of their own, so the formulas point at them. */
function targetCells(b: SheetBuilder, t: Target, r: number, jointTotal: number | undefined): void {
  const put = (col: string, value: number | string) => {
    b.value(col, r, value);
    if (typeof value === "number") b.style(`${col}${r}`, { numberFormat: targetFormat(t, value) });
  };
  const cells = kindOf(t).targetCells(t);
  put(COL.target, cells.target);
  if (cells.target2 !== undefined) put(COL.target2, cells.target2);
  if (jointTotal !== undefined)
    b.value(COL.target2, r, jointTotal).style(`${COL.target2}${r}`, { numberFormat: "#,##0" });
}

function statusHighlights(range: string): ConditionalFormatPlan[] {
  const { top } = parseRange(range);
  const order = ["not_met", "invalid", "missing", "met"] as const;
  return order.map((s) => ({
    range,
    formula: `$${COL.status}${top}="${STATUS_LABEL[s]}"`,
    fill: STATUS_COLOURS[s].fill,
    fontColor: STATUS_COLOURS[s].font,
  }));
}

function inputValidations(row: GoalRow, r: number): ValidationPlan[] {
  const t = statusTarget(row.assessment);
  const hint = inputHint(t, row.context);
  const numberRule = { kind: "decimal" as const, min: 0 };
  const numberError = {
    title: "Ugyldigt tal",
    text: "Skriv et tal på 0 eller derover, fx 1.000 eller 12,5 eller 95 %.",
  };
  const cell = `${COL.resultat}${r}`;
  const prompt = { title: "Resultat", text: hint.resultat };
  const resultat = ((): ValidationPlan => {
    const input = kindOf(t).resultatInput(t);
    switch (input) {
      case "yesNo":
        return {
          range: cell,
          rule: { kind: "list", source: `=${YES_NO_NAME}` },
          prompt,
          error: { title: "Skriv Ja eller Nej", text: "Vælg Ja eller Nej på listen." },
        };
      case "yesNoOrDate":
        return {
          range: cell,
          rule: {
            kind: "custom",
            formula: `OR(ISNUMBER(${cell}),TRIM(${cell})="Ja",TRIM(${cell})="Nej")`,
          },
          prompt,
          error: {
            title: "Skriv Ja, Nej eller en dato",
            text: `Skriv Ja, Nej eller datoen, det blev gennemført (fx 15.3.${row.context.year}).`,
          },
        };
      case "wholeNumber":
        return {
          range: cell,
          rule: { kind: "wholeNumber", min: 0 },
          prompt,
          error: { title: "Ugyldigt antal", text: "Skriv et helt tal på 0 eller derover." },
        };
      case "number":
        return { range: cell, rule: numberRule, prompt, error: numberError };
    }
  })();
  return [
    {
      range: `${COL.grundlag}${r}`,
      rule: numberRule,
      prompt: { title: "Grundlag", text: hint.grundlag },
      error: numberError,
    },
    resultat,
  ];
}
