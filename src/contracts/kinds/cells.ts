// Reading a goal row's two input cells for the evaluator: what a cell holds, the number in it, or
// a Danish reason why it cannot be used. Shared by every kind's judge.
import { formatNumber } from "../formatDa";
import type { CellValue, Outcome, Status } from "../model";
import { parseNumber } from "../parseNumber";

/** Rounds as Excel's ROUND(x, 9) does, so a figure exactly on its target meets it. */
export function round9(x: number): number {
  const m = 1e9;
  return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
}

export type Cell =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "bool"; value: boolean };

export function readCell(v: CellValue | undefined): Cell {
  if (v === null || v === undefined || v === "") return { kind: "blank" };
  if (typeof v === "number")
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  return { kind: "text", text: v };
}

export type Field = "Grundlag" | "Resultat";

/** Thrown by a judge for input that cannot be judged; the message says what to type instead. */
export class InvalidInput extends Error {}

export interface InputHint {
  grundlag: string;
  resultat: string;
}

/** What a kind's judge returns; evaluate() adds the requirement text. */
export interface Judged {
  status: Status;
  achieved: Outcome["achieved"];
  message: string;
}

export function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A number from a cell, or an InvalidInput saying what to type instead. */
export function numberOf(cell: Cell, field: Field, hint: string): number | undefined {
  switch (cell.kind) {
    case "blank":
      return undefined;
    case "number":
      return cell.value;
    case "bool":
      throw new InvalidInput(`${field} indeholder en sandhedsværdi, ikke et tal. Skriv: ${lower(hint)}.`);
    case "text": {
      const parsed = parseNumber(cell.text, "da");
      const asNumber =
        parsed.kind === "number"
          ? ` Det ligner tallet ${formatNumber(parsed.value, 4)}: skriv det som et tal, ikke som tekst.`
          : "";
      throw new InvalidInput(
        `${field} indeholder teksten "${cell.text}", ikke et tal.${asNumber || ` Skriv: ${lower(hint)}.`}`,
      );
    }
  }
}

/** A number of 0 or more (a score, helårspladser, an amount). */
export function nonNegativeOf(cell: Cell, field: Field, hint: string): number | undefined {
  const n = numberOf(cell, field, hint);
  if (n !== undefined && n < 0)
    throw new InvalidInput(`${field} er negativt. Skriv ${lower(hint)} (0 eller derover).`);
  return n;
}

/** A whole number of things, 0 or more. */
export function countOf(cell: Cell, hint: string): number | undefined {
  const n = numberOf(cell, "Resultat", hint);
  if (n === undefined) return undefined;
  if (n < 0) throw new InvalidInput("Resultat er negativt. Skriv et antal (0 eller derover).");
  if (!Number.isInteger(n))
    throw new InvalidInput(`Resultat er ${formatNumber(n, 4)}, men et antal skal være et helt tal.`);
  return n;
}

/** A share typed as 40 % or 0,4: a number from 0 to 1. */
export function shareOf(cell: Cell, field: Field, hint: string): number | undefined {
  const n = numberOf(cell, field, hint);
  if (n === undefined) return undefined;
  if (n < 0) throw new InvalidInput(`${field} er negativt. Skriv andelen i procent, fx 40 %.`);
  if (n > 1)
    throw new InvalidInput(
      `${field} er ${formatNumber(n, 4)}, men en andel kan højst være 100 %. Skriv andelen i procent, fx 40 % (eller 0,4).`,
    );
  return n;
}

/** Excel's TRIM removes only ordinary spaces; so does this, to judge as the sheet does. */
export function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

export function lackingOf(g: Cell, r: Cell, hint: InputHint): [Field, string][] {
  const lacking: [Field, string][] = [];
  if (g.kind === "blank") lacking.push(["Grundlag", hint.grundlag]);
  if (r.kind === "blank") lacking.push(["Resultat", hint.resultat]);
  return lacking;
}

export function missing(fields: [Field, string][]): Judged {
  const listed = fields.map(([field, hint]) => `${field} (${lower(hint)})`).join(" og ");
  return { status: "missing", achieved: null, message: `Mangler data: udfyld ${listed}.` };
}

/** Met or not met, with the judged figure in words; never a doubled full stop ("kr.."). */
export function verdict(ok: boolean, achieved: Outcome["achieved"], shown: string): Judged {
  const end = shown.endsWith(".") ? "" : ".";
  return ok
    ? { status: "met", achieved, message: `Opfyldt: ${shown}${end}` }
    : { status: "not_met", achieved, message: `Ikke opfyldt: ${shown}${end}` };
}
