// A centre's cell in a goal row. Empty: the row's general target applies. "–": the centre is not
// among the goal's centres. "ikke mål": among them but excluded ("[ikke mål for JSV og CJF]").
// Anything else is the centre's own target, written as briefly as reads back exactly:
//   "20 %"                       a number in the row's Måltype (and Enhed)
//   "85 % / 100 %"               Krav / Krav 2
//   "838 pladser"                with its own unit
//   "Fald i enheder: 1 dage"     another Måltype than the row's
import type { Baseline, CellValue, Deadline, Target } from "../contracts/model";
import {
  kindByLabel,
  kindColumnsOf,
  targetToFields,
  type KindColumns,
  type TargetFields,
} from "./kindColumns";
import { EXCLUDED } from "./layout";
import { formatField, readField } from "./numberText";
import { sameJson } from "./sameJson";
import { targetProblems } from "./targetRules";

/** What a row gives the centre cells to lean on. */
export interface RowContext {
  kind?: KindColumns;
  unit?: string;
  decimals?: true;
  baseline?: Baseline;
  deadline?: Deadline;
}

export type CentreCell =
  | { kind: "general" }
  | { kind: "notAmong" }
  | { kind: "excluded" }
  | { kind: "own"; target: Target }
  | { kind: "problem"; message: string };

const NUMBER_PREFIX = /^[+\-\u2212\u2013]?\s*\d[\d.,]*(?:\s*(?:%-point|procentpoint|procent|pct\.?|%|pp))?/iu;
const DASHES = new Set(["–", "-", "—", "\u2212"]);

function split(part: string): { number: string; unit: string } {
  const m = NUMBER_PREFIX.exec(part.trim());
  if (!m) return { number: part.trim(), unit: "" };
  return { number: m[0].trim(), unit: part.trim().slice(m[0].length).trim() };
}

export type TargetField = "krav" | "krav2" | "unit";
export type BuiltTarget = { ok: true; target: Target } | { ok: false; message: string; field: TargetField };

/** Builds a target from a kind, typed numbers and the row's context, or says what is wrong. */
export function buildTarget(
  kind: KindColumns,
  typed: { krav: CellValue; krav2: CellValue; unit?: string },
  ctx: RowContext,
  where: string,
): BuiltTarget {
  const fail = (field: TargetField, message: string): BuiltTarget => ({ ok: false, message, field });
  const f: TargetFields = { label: kind.label };
  if (kind.krav === "deadlineText") {
    if (ctx.deadline) f.deadline = ctx.deadline;
  } else {
    const krav = readField(typed.krav, kind.krav, `${where}Krav`);
    if (!krav.ok) return fail("krav", krav.message);
    f.krav = krav.value;
  }
  const krav2Empty = typed.krav2 === null || typed.krav2 === "";
  if (kind.krav2 === "decimals") {
    if (!krav2Empty) {
      if (String(typed.krav2).trim().toLowerCase() !== "decimaler")
        return fail(
          "krav2",
          `${where}Krav 2 kan for ${kind.label} kun være «decimaler» — der står «${String(typed.krav2)}».`,
        );
      f.decimals = true;
    } else if (ctx.decimals) f.decimals = true;
  } else if (kind.krav2) {
    if (!krav2Empty) {
      const krav2 = readField(typed.krav2, kind.krav2.field, `${where}Krav 2`);
      if (!krav2.ok) return fail("krav2", krav2.message);
      f.krav2 = krav2.value;
    } else if (kind.krav2.required) {
      return fail("krav2", `${where}Krav 2 (${kind.krav2.meaning}) mangler for ${kind.label}, fx 100 %.`);
    }
  } else if (!krav2Empty) {
    return fail(
      "krav2",
      `${where}Krav 2 bruges ikke ved ${kind.label} — der står «${String(typed.krav2)}». Slet det.`,
    );
  }
  const unit = typed.unit || ctx.unit;
  if (kind.unit === "none" && typed.unit)
    return fail("unit", `${where}${kind.label} har ingen enhed — der står «${typed.unit}» efter tallet.`);
  if (kind.unit !== "none" && unit) f.unit = unit;
  if (kind.unit === "required" && !f.unit)
    return fail("unit", `${where}Enhed mangler for ${kind.label}, fx dage, uger eller kr.`);
  if (kind.baseline && ctx.baseline) f.baseline = ctx.baseline;
  const target = kind.build({ ...f, krav: f.krav ?? 0 });
  const problems = targetProblems(target);
  if (problems.length) return fail(/^Krav 2/.test(problems[0]!) ? "krav2" : "krav", `${where}${problems[0]}`);
  return { ok: true, target };
}

export function readCentreCell(cell: CellValue, ctx: RowContext): CentreCell {
  if (cell === null || cell === "") return { kind: "general" };
  if (typeof cell === "number") {
    if (!ctx.kind)
      return { kind: "problem", message: "Vælg en Måltype for rækken, før et center får sit eget krav." };
    const built = buildTarget(ctx.kind, { krav: cell, krav2: null }, ctx, "");
    return built.ok ? { kind: "own", target: built.target } : { kind: "problem", message: built.message };
  }
  const text = String(cell).trim();
  if (text === "") return { kind: "general" };
  if (DASHES.has(text)) return { kind: "notAmong" };
  if (text.toLowerCase() === EXCLUDED) return { kind: "excluded" };
  if (text.toLowerCase().includes(EXCLUDED))
    return {
      kind: "problem",
      message: `Cellen siger både «${EXCLUDED}» og et krav («${text}»). Et center, der er undtaget, kan ikke have et krav: slet kravet eller «${EXCLUDED}».`,
    };
  let kind = ctx.kind;
  let rest = text;
  const whole = kindByLabel(text);
  if (whole) {
    kind = whole;
    rest = "";
  } else {
    const colon = /^([^:]+):\s*(.*)$/u.exec(text);
    if (colon && /\p{L}/u.test(colon[1]!)) {
      const named = kindByLabel(colon[1]!);
      if (!named)
        return {
          kind: "problem",
          message: `Måltypen «${colon[1]!.trim()}» findes ikke. Brug en fra listen, fx «Fald i enheder: 1 dage».`,
        };
      kind = named;
      rest = colon[2]!;
    }
  }
  if (!kind)
    return { kind: "problem", message: "Vælg en Måltype for rækken, før et center får sit eget krav." };
  const [first = "", second, ...more] = rest.split("/");
  if (more.length)
    return { kind: "problem", message: `«${text}» har mere end to tal. Skriv Krav eller Krav / Krav 2.` };
  const a = split(first);
  const b = second === undefined ? undefined : split(second);
  if (a.unit && b && kind.krav2 !== "decimals")
    return { kind: "problem", message: `«${text}»: skriv enheden efter det sidste tal.` };
  const unit = b ? b.unit : a.unit;
  const krav2 = b ? (kind.krav2 === "decimals" ? second!.trim() : b.number) : null;
  const built = buildTarget(
    kind,
    { krav: a.number === "" ? null : a.number, krav2, unit: kind.krav2 === "decimals" && b ? a.unit : unit },
    ctx,
    "",
  );
  return built.ok ? { kind: "own", target: built.target } : { kind: "problem", message: built.message };
}

/** The shortest text for a centre's own target that reads back as exactly that target. */
export function writeCentreTarget(target: Target, ctx: RowContext): string {
  const kind = kindColumnsOf(target);
  const f = targetToFields(target);
  const numbers = (withUnit: boolean) => {
    const parts: string[] = [];
    if (kind.krav !== "deadlineText" && f.krav !== undefined) parts.push(formatField(f.krav, kind.krav));
    const unit = withUnit && f.unit ? ` ${f.unit}` : "";
    if (kind.krav2 === "decimals") {
      return parts.join("") + unit + (f.decimals ? " / decimaler" : "");
    }
    if (kind.krav2 && f.krav2 !== undefined) parts.push(formatField(f.krav2, kind.krav2.field));
    return parts.join(" / ") + unit;
  };
  const candidates = [
    numbers(false),
    numbers(true),
    `${kind.label}: ${numbers(false)}`,
    `${kind.label}: ${numbers(true)}`,
  ];
  if (kind.krav === "deadlineText") candidates.unshift(kind.label);
  for (const candidate of candidates) {
    const back = readCentreCell(candidate.trim(), ctx);
    if (back.kind === "own" && sameJson(back.target, target)) return candidate.trim();
  }
  return candidates[candidates.length - 1]!.trim();
}
