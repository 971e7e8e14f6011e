// The figures a returned template holds, read as plain values by goal id. A formula, an error, a
// date or a link in an input cell is not a figure anyone typed: it is left out, and the person is
// told which cell and why.
import { kindOf } from "../contracts/kinds";
import type { CellValue } from "../contracts/model";
import { rowsFor, statusTarget } from "../contracts/resolve";
import { cellAt } from "../sheets/grid";
import { columnNumber, tryParseCell } from "../sheets/a1";
import { COL } from "../sheets/layout";
import { checkCellValue } from "./cellValue";
import type { InputField } from "./importTypes";
import { shownText } from "./shownText";
import type { VerifiedTemplate } from "./verifyTemplate";

export type { InputField };

export const INPUT_FIELDS: readonly InputField[] = ["grundlag", "resultat", "comment"];

export const FIELD_COLUMN: Record<InputField, string> = {
  grundlag: COL.grundlag,
  resultat: COL.resultat,
  comment: COL.comment,
};

export const FIELD_LABEL: Record<InputField, string> = {
  grundlag: "Grundlag",
  resultat: "Resultat",
  comment: "Bemærkning",
};

/** What a cell holds, as the xlsx shell tells it (the grid alone cannot tell a date from a number). */
export type CellKind =
  | { kind: "value" }
  | { kind: "formula"; formula: string }
  | { kind: "error"; error: string }
  | { kind: "date" }
  | { kind: "hyperlink" }
  /** Stored as a number, but its text is none ("0x10", "5abc", "NaN"). */
  | { kind: "badNumber"; text: string }
  | { kind: "other"; what: string };

export type KindAt = (address: string) => CellKind | undefined;

export interface TemplateInput {
  goalId: string;
  field: InputField;
  /** A1 address in the returned file. */
  address: string;
  value: number | string;
}

export interface RejectedInput {
  goalId: string;
  field: InputField;
  address: string;
  reason: string;
}

export interface TemplateInputs {
  values: TemplateInput[];
  rejected: RejectedInput[];
}

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** What the grid itself tells: a formula, or (by its text) an error value. */
export function kindFromGrid(template: VerifiedTemplate): KindAt {
  const { grid } = template;
  return (address) => {
    const at = tryParseCell(address);
    if (!at) return undefined;
    const row = at.row;
    const col = at.col - 1;
    const formula = grid.formulas?.[row - 1]?.[col];
    if (formula) return { kind: "formula", formula };
    const value = cellAt(grid.values, row, col);
    if (typeof value === "string" && ERROR_VALUE.test(value)) return { kind: "error", error: value };
    return undefined;
  };
}

export function rejectionReason(kind: CellKind, value: CellValue): string | undefined {
  switch (kind.kind) {
    case "value":
      return typeof value === "boolean"
        ? `indeholder sandhedsværdien ${value ? "SAND" : "FALSK"}, ikke et tal eller Ja/Nej`
        : undefined;
    case "formula":
      return `indeholder en formel (${shownText(kind.formula.startsWith("=") ? kind.formula : `=${kind.formula}`)}); kun tal og tekst indlæses – skriv resultatet som et tal`;
    case "error":
      return `viser fejlen ${shownText(kind.error)}`;
    case "date":
      return "indeholder en dato, ikke et tal";
    case "hyperlink":
      return "indeholder et link, ikke et tal eller en tekst";
    case "badNumber":
      return `er gemt som et tal, men "${kind.text}" er ikke et gyldigt tal; skriv tallet igen i Excel`;
    case "other":
      return `indeholder ${kind.what}, ikke et tal eller en tekst`;
  }
}

/** A reason the cell is not imported, or the value to import (line breaks normalised). */
function reasonOrValue(kind: CellKind, value: CellValue): { reason: string } | { value: number | string } {
  const reason = rejectionReason(kind, value);
  if (reason !== undefined) return { reason };
  const checked = checkCellValue(value as number | string);
  return checked.ok ? { value: checked.value } : { reason: checked.reason };
}

/** Every non-empty input cell of every goal row: a value to import, or a reason it is not imported. */
export function templateInputs(template: VerifiedTemplate, kindAt: KindAt = () => undefined): TemplateInputs {
  const fromGrid = kindFromGrid(template);
  const out: TemplateInputs = { values: [], rejected: [] };
  const takesDate = datedRows(template);
  for (const [goalId, row] of template.rowNumbers) {
    for (const field of INPUT_FIELDS) {
      const col = FIELD_COLUMN[field];
      const address = `${col}${row}`;
      const value = cellAt(template.grid.values, row, columnNumber(col) - 1);
      const told = kindAt(address) ?? fromGrid(address) ?? { kind: "value" };
      // A Ja/Nej goal with a deadline takes the date it was done: the grid holds its serial.
      const kind: CellKind =
        told.kind === "date" && field === "resultat" && takesDate.has(goalId) ? { kind: "value" } : told;
      if (kind.kind === "value" && (value === null || (typeof value === "string" && value.trim() === "")))
        continue;
      const checked = reasonOrValue(kind, value);
      const reason = "reason" in checked ? checked.reason : undefined;
      if (reason !== undefined)
        out.rejected.push({
          goalId,
          field,
          address,
          reason: `Celle ${address} (${FIELD_LABEL[field]}, mål ${goalId}) ${reason}.`,
        });
      else if ("value" in checked) out.values.push({ goalId, field, address, value: checked.value });
    }
  }
  return out;
}

/** The goal rows whose Resultat may be a date (a Ja/Nej goal with a deadline). */
function datedRows(template: VerifiedTemplate): Set<string> {
  return new Set(
    rowsFor(template.contract, template.centre.code)
      .filter((r) => {
        const t = statusTarget(r.assessment);
        return kindOf(t).resultatInput(t) === "yesNoOrDate";
      })
      .map((r) => r.id),
  );
}
