// The one rulebook: judges a goal from its two input cells. The workbook's Status formulas
// (sheets/formulas.ts) are the same rules in Excel's language; a differential test holds them equal.
import { formatNumber, formatPercent } from "./formatDa";
import type {
  CellValue,
  CountMinTarget,
  GoalRow,
  Inputs,
  JointTarget,
  Outcome,
  Status,
  Target,
} from "./model";
import { parseNumber } from "./parseNumber";
import { inputHint, jointRequirementText, quantity, requirementText } from "./requirement";

/** Rounds as Excel's ROUND(x, 9) does, so a figure exactly on its target meets it. */
export function round9(x: number): number {
  const m = 1e9;
  return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
}

type Cell =
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

type Field = "Grundlag" | "Resultat";

class InvalidInput extends Error {}

/** A number from a cell, or an InvalidInput saying what to type instead. */
function numberOf(cell: Cell, field: Field, hint: string): number | undefined {
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

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function outcome(
  status: Status,
  achieved: Outcome["achieved"],
  requirement: string,
  message: string,
): Outcome {
  return { status, achieved, requirement, message };
}

/** Judges one target on the two inputs of its row. */
export function evaluate(target: Target, inputs: Inputs): Outcome {
  const requirement = requirementText(target);
  const hint = inputHint(target);
  try {
    const g = readCell(inputs.grundlag);
    const r = readCell(inputs.resultat);
    const judged = judge(target, g, r, hint);
    return outcome(judged.status, judged.achieved, requirement, judged.message);
  } catch (e) {
    if (e instanceof InvalidInput) return outcome("invalid", null, requirement, e.message);
    throw e;
  }
}

interface Judged {
  status: Status;
  achieved: Outcome["achieved"];
  message: string;
}

function judge(t: Target, g: Cell, r: Cell, hint: { grundlag: string; resultat: string }): Judged {
  switch (t.kind) {
    case "change":
    case "absoluteChange": {
      const base = numberOf(g, "Grundlag", hint.grundlag);
      const now = numberOf(r, "Resultat", hint.resultat);
      if (base !== undefined && base < 0)
        throw new InvalidInput("Grundlag er negativt. Skriv et tal på 0 eller derover.");
      if (t.kind === "change" && base === 0) {
        throw new InvalidInput(
          "Grundlag er 0, så en ændring i procent kan ikke beregnes. Skriv grundlaget (større end 0).",
        );
      }
      if (now !== undefined && now < 0)
        throw new InvalidInput("Resultat er negativt. Skriv et tal på 0 eller derover.");
      if (base === undefined || now === undefined) return missing(lackingOf(g, r, hint));
      const diff = t.direction === "fall" ? base - now : now - base;
      const achieved = t.kind === "change" ? diff / base : diff;
      const shown = t.kind === "change" ? formatPercent(achieved) : quantity(achieved, t.unit);
      const word = t.direction === "fall" ? "fald" : "stigning";
      return verdict(round9(achieved) >= t.atLeast, achieved, `${word} på ${shown}`);
    }
    case "pointChange": {
      const base = shareOf(g, "Grundlag", hint.grundlag);
      const now = shareOf(r, "Resultat", hint.resultat);
      if (base === undefined || now === undefined) return missing(lackingOf(g, r, hint));
      const achieved = t.direction === "fall" ? base - now : now - base;
      const word = t.direction === "fall" ? "fald" : "stigning";
      return verdict(round9(achieved) >= t.atLeast, achieved, `${word} på ${formatPoints(achieved)}`);
    }
    case "shareMin":
    case "shareMax": {
      const whole = numberOf(g, "Grundlag", hint.grundlag);
      const part = numberOf(r, "Resultat", hint.resultat);
      if (whole !== undefined && whole <= 0) {
        throw new InvalidInput(
          whole === 0
            ? "Grundlag er 0, så andelen kan ikke beregnes. Skriv antallet i alt, eller lad Grundlag stå tomt og skriv andelen i Resultat."
            : "Grundlag er negativt. Skriv antallet i alt (større end 0).",
        );
      }
      if (part !== undefined && part < 0)
        throw new InvalidInput("Resultat er negativt. Skriv et antal eller en andel på 0 eller derover.");
      if (part !== undefined && whole !== undefined && part > whole) {
        throw new InvalidInput(
          `Resultat (${formatNumber(part)}) er større end Grundlag (${formatNumber(whole)}): tælleren kan ikke være større end nævneren.`,
        );
      }
      if (part !== undefined && whole === undefined && part > 1) {
        throw new InvalidInput(
          `Resultat er ${formatNumber(part)}, men en andel kan højst være 100 %. Skriv andelen i procent (fx 95 %) eller som decimaltal (0,95), eller skriv antallet i alt i Grundlag.`,
        );
      }
      if (part === undefined) return missing([["Resultat", hint.resultat]]);
      const share = whole === undefined ? part : part / whole;
      const ok = t.kind === "shareMin" ? round9(share) >= t.atLeast : round9(share) <= t.atMost;
      return verdict(ok, share, `andel på ${formatPercent(share)}`);
    }
    case "spendRange": {
      const budget = numberOf(g, "Grundlag", hint.grundlag);
      const spent = numberOf(r, "Resultat", hint.resultat);
      if (budget !== undefined && budget <= 0)
        throw new InvalidInput("Grundlag (budgettet) skal være større end 0. Skriv budgettet i kr.");
      if (spent !== undefined && spent < 0)
        throw new InvalidInput("Resultat (forbruget) er negativt. Skriv forbruget i kr.");
      if (budget === undefined || spent === undefined) return missing(lackingOf(g, r, hint));
      const used = spent / budget;
      return verdict(
        round9(used) >= t.min && round9(used) <= t.max,
        used,
        `forbrug på ${formatPercent(used)} af budgettet`,
      );
    }
    case "countMin": {
      const n = t.decimals ? nonNegativeOf(r, hint.resultat) : countOf(r, hint.resultat);
      if (n === undefined) return missing([["Resultat", hint.resultat]]);
      return verdict(round9(n) >= t.atLeast, n, quantity(n, t.unit));
    }
    case "valueMin": {
      const v = nonNegativeOf(r, hint.resultat);
      if (v === undefined) return missing([["Resultat", hint.resultat]]);
      return verdict(round9(v) >= t.atLeast, v, quantity(v, t.unit));
    }
    case "valueMax": {
      const v = numberOf(r, "Resultat", hint.resultat);
      if (v !== undefined && v < 0)
        throw new InvalidInput(`Resultat er negativt. Skriv værdien i ${t.unit} (0 eller derover).`);
      if (v === undefined) return missing([["Resultat", hint.resultat]]);
      return verdict(round9(v) <= t.atMost, v, quantity(v, t.unit));
    }
    case "yesNo":
      return judgeYesNo(r);
  }
}

/** A share typed as 40 % or 0,4: a number from 0 to 1. */
function shareOf(cell: Cell, field: Field, hint: string): number | undefined {
  const n = numberOf(cell, field, hint);
  if (n === undefined) return undefined;
  if (n < 0) throw new InvalidInput(`${field} er negativt. Skriv andelen i procent, fx 40 %.`);
  if (n > 1)
    throw new InvalidInput(
      `${field} er ${formatNumber(n, 4)}, men en andel kan højst være 100 %. Skriv andelen i procent, fx 40 % (eller 0,4).`,
    );
  return n;
}

/** "3,5 procentpoint": a difference of two shares. */
export function formatPoints(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)} procentpoint`;
}

/** A non-negative number that may have decimals (a score, helårspladser). */
function nonNegativeOf(r: Cell, hint: string): number | undefined {
  const n = numberOf(r, "Resultat", hint);
  if (n !== undefined && n < 0)
    throw new InvalidInput("Resultat er negativt. Skriv et tal på 0 eller derover.");
  return n;
}

/** A whole, non-negative number of things. */
function countOf(r: Cell, hint: string): number | undefined {
  const n = numberOf(r, "Resultat", hint);
  if (n === undefined) return undefined;
  if (n < 0) throw new InvalidInput("Resultat er negativt. Skriv et antal (0 eller derover).");
  if (!Number.isInteger(n))
    throw new InvalidInput(`Resultat er ${formatNumber(n, 4)}, men et antal skal være et helt tal.`);
  return n;
}

/** Excel's TRIM removes only ordinary spaces; so does this, to judge as the sheet does. */
function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

function judgeYesNo(r: Cell): Judged {
  if (r.kind === "blank") return missing([["Resultat", "Ja eller Nej"]]);
  const answer = r.kind === "text" ? excelTrim(r.text).toLowerCase() : undefined;
  if (answer === "ja") return { status: "met", achieved: "Ja", message: "Opfyldt: gennemført (Ja)." };
  if (answer === "nej")
    return { status: "not_met", achieved: "Nej", message: "Ikke opfyldt: ikke gennemført (Nej)." };
  const shown = r.kind === "text" ? `"${r.text}"` : String(r.value);
  throw new InvalidInput(`Resultat er ${shown}. Skriv Ja eller Nej.`);
}

function lackingOf(g: Cell, r: Cell, hint: { grundlag: string; resultat: string }): [Field, string][] {
  const lacking: [Field, string][] = [];
  if (g.kind === "blank") lacking.push(["Grundlag", hint.grundlag]);
  if (r.kind === "blank") lacking.push(["Resultat", hint.resultat]);
  return lacking;
}

function missing(fields: [Field, string][]): Judged {
  const listed = fields.map(([field, hint]) => `${field} (${lower(hint)})`).join(" og ");
  return { status: "missing", achieved: null, message: `Mangler data: udfyld ${listed}.` };
}

function verdict(ok: boolean, achieved: number, shown: string): Judged {
  return ok
    ? { status: "met", achieved, message: `Opfyldt: ${shown}.` }
    : { status: "not_met", achieved, message: `Ikke opfyldt: ${shown}.` };
}

/**
 * Judges a joint goal on the sum of the contributing centres' Resultat. A contribution that is
 * absent (undefined: the centre's sheet is not in the workbook) counts as missing data.
 */
export function evaluateJoint(
  joint: JointTarget,
  contributions: Record<string, CellValue | undefined>,
): Outcome {
  const requirement = jointRequirementText(joint);
  const target: CountMinTarget = joint.target;
  let sum = 0;
  const lacking: string[] = [];
  for (const centre of joint.centres) {
    const v = contributions[centre];
    const cell = readCell(v);
    try {
      const n = countOf(cell, inputHint(target).resultat);
      if (n === undefined) lacking.push(centre);
      else sum += n;
    } catch (e) {
      if (e instanceof InvalidInput) return outcome("invalid", null, requirement, `${centre}: ${e.message}`);
      throw e;
    }
  }
  if (lacking.length > 0) {
    return outcome(
      "missing",
      null,
      requirement,
      `Mangler data: ${lacking.join(", ")} har ikke udfyldt Resultat.`,
    );
  }
  const ok = sum >= target.atLeast;
  return outcome(
    ok ? "met" : "not_met",
    sum,
    requirement,
    `${ok ? "Opfyldt" : "Ikke opfyldt"}: ${quantity(sum, target.unit)} i alt.`,
  );
}

/** The outcome a row shows: its own target, or the joint one for a goal judged only jointly. */
export function evaluateRow(
  row: GoalRow,
  own: Inputs,
  contributions: Record<string, CellValue | undefined> = {},
): Outcome {
  const a = row.assessment;
  if (a.basis === "joint") return evaluateJoint(a.joint, contributions);
  return evaluate(a.target, own);
}
