// Words shared by the kinds' requirement texts, hints and messages. Years always come from the
// contract (TextContext), never from the code.
import { formatNumber } from "../formatDa";
import type { TextContext } from "../model";
import { round9 } from "./cells";

export type { TextContext };

/** Plural → singular endings of the units the appendices use ("1 seminar", "1 plads", "1 dag"). */
const SINGULAR_ENDINGS: [string, string][] = [
  ["ninger", "ning"],
  ["pladser", "plads"],
  ["heder", "hed"],
  ["måneder", "måned"],
  ["møder", "møde"],
  ["ordrer", "ordre"],
  ["samtaler", "samtale"],
  ["seminarer", "seminar"],
  ["personer", "person"],
  ["borgere", "borger"],
  ["ledige", "ledig"],
  ["unge", "ung"],
  ["dage", "dag"],
  ["uger", "uge"],
  ["timer", "time"],
  ["kurser", "kursus"],
];

/** The unit as it reads after the value: "1 dag", "2 dage", "1 seminar". */
export function unitText(value: number, unit: string): string {
  if (value !== 1) return unit;
  const ending = SINGULAR_ENDINGS.find(([plural]) => unit.endsWith(plural));
  return ending ? unit.slice(0, unit.length - ending[0].length) + ending[1] : unit;
}

export function quantity(value: number, unit?: string, maxDecimals = 2): string {
  return unit
    ? `${formatNumber(value, maxDecimals)} ${unitText(value, unit)}`
    : formatNumber(value, maxDecimals);
}

/** "7 procentpoint": a difference of two shares, given as a fraction. */
export function formatPoints(fraction: number, maxDecimals = 1): string {
  return `${formatNumber(fraction * 100, maxDecimals)} procentpoint`;
}

/** "12,5 %", with as many decimals as asked. */
export function percentText(fraction: number, maxDecimals = 1): string {
  return `${formatNumber(fraction * 100, maxDecimals)} %`;
}

/**
 * A judged figure in words that never contradicts its status: where the usual rounding would show
 * a limit the figure does not reach (or passes), more decimals are shown ("100,0001 %"), and where
 * even four more do not tell them apart, "over 100 %" or "under 85 %".
 */
export function shownAgainst(
  value: number,
  limits: number[],
  show: (value: number, maxDecimals: number) => string,
  decimals: number,
): string {
  const judged = round9(value);
  const clashing = (d: number) =>
    limits.find((limit) => judged !== round9(limit) && show(limit, d) === show(value, d));
  for (let d = decimals; d <= decimals + 4; d++) {
    if (clashing(d) === undefined) return show(value, d);
  }
  const limit = clashing(decimals + 4)!;
  return `${judged > limit ? "over" : "under"} ${show(limit, decimals)}`;
}

/** "Fald" / "Stigning" at the start of a requirement. */
export function directionWord(direction: "fall" | "rise"): string {
  return direction === "fall" ? "Fald" : "Stigning";
}

export const UNUSED_INPUT = "Bruges ikke (lad feltet stå tomt)";

/**
 * A contract's own text with its years filled in: "{år}" is the contract year, "{basisår}" the
 * base year, so a "Sådan måles" or a note stays right when the contract is copied to next year.
 */
export function fillYears(text: string, ctx: Pick<TextContext, "year" | "baseYear">): string {
  return text.replace(/\{år\}/g, String(ctx.year)).replace(/\{basisår\}/g, String(ctx.baseYear));
}

/** The goal's own words for an input where it has them, else the kind's default. */
export function withMeasured(
  ctx: TextContext,
  defaults: { grundlag: string; resultat: string },
): { grundlag: string; resultat: string } {
  const own = (text: string | undefined) => (text === undefined ? undefined : fillYears(text, ctx));
  return {
    grundlag: own(ctx.measured?.grundlag) ?? defaults.grundlag,
    resultat: own(ctx.measured?.resultat) ?? defaults.resultat,
  };
}
