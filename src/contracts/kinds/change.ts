// "skal nedbringes med mindst 10 %": a relative fall or rise against the base year's figure.
import { z } from "zod";
import { direction, baseline } from "./schemaParts";
import { formatNumber, formatPercent } from "../formatDa";
import type { ChangeTarget } from "../model";
import { InvalidInput, lackingOf, missing, numberOf, round9, verdict } from "./cells";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { directionWord, percentText, shownAgainst, withMeasured } from "./texts";

export const change: KindSpec<ChangeTarget> = {
  schema: z.strictObject({
    kind: z.literal("change"),
    direction,
    atLeast: z.number().positive(),
    baseline: baseline.optional(),
  }),
  labels: [
    { label: "Fald i %", variant: { direction: "fall" } },
    { label: "Stigning i %", variant: { direction: "rise" } },
  ],
  inputs: { grundlag: true, percent: true },
  resultatInput: () => "number",
  hint: (t, ctx) =>
    t.baseline
      ? { grundlag: t.baseline.grundlag, resultat: t.baseline.resultat }
      : withMeasured(ctx, { grundlag: `Tallet for ${ctx.baseYear}`, resultat: `Tallet for ${ctx.year}` }),
  requirement: (t, ctx) =>
    `${directionWord(t.direction)} på mindst ${formatPercent(t.atLeast)} ift. ${t.baseline?.label ?? ctx.baseYear}`,
  judge(t, g, r, hint) {
    const base = numberOf(g, "Grundlag", hint.grundlag);
    const now = numberOf(r, "Resultat", hint.resultat);
    if (base !== undefined && base < 0)
      throw new InvalidInput("Grundlag er negativt. Skriv et tal på 0 eller derover.");
    if (now !== undefined && now < 0)
      throw new InvalidInput("Resultat er negativt. Skriv et tal på 0 eller derover.");
    if (t.direction === "rise" && base === 0) {
      throw new InvalidInput(
        "Grundlag er 0, så en stigning i procent kan ikke beregnes. Står der 0, skal målet i kontrakten " +
          "have måltypen «Stigning i procentpoint» (for en andel) eller «Antal mindst» (for et antal).",
      );
    }
    if (base === undefined || now === undefined) return missing(lackingOf(g, r, hint));
    if (base === 0) {
      // A fall from 0: 0 → 0 has nothing to bring down and is met; 0 → more is a rise, not met.
      return now === 0
        ? verdict(true, 0, "intet at nedbringe (0 i begge år)")
        : verdict(false, null, `stigning fra 0 til ${formatNumber(now, 4)}`);
    }
    const diff = t.direction === "fall" ? base - now : now - base;
    const achieved = diff / base;
    return verdict(round9(achieved) >= t.atLeast, achieved, changeWords(t.direction, achieved, t.atLeast));
  },
  formula(t, { grundlag: g, resultat: r, target }) {
    const diff = t.direction === "fall" ? `(${g}-${r})` : `(${r}-${g})`;
    if (t.direction === "rise") {
      return {
        invalid: `OR(${badNumber(g, `${g}<=0`)},${badNumber(r, `${r}<0`)})`,
        missing: `OR(${blank(g)},${blank(r)})`,
        met: `${round9F(`${diff}/${g}`)}>=${target}`,
        achieved: `${diff}/${g}`,
      };
    }
    // A fall from 0 is met when it stays 0, and shows a fall of 0 %; from 0 to more, no figure.
    return {
      invalid: `OR(${badNumber(g, `${g}<0`)},${badNumber(r, `${r}<0`)})`,
      missing: `OR(${blank(g)},${blank(r)})`,
      met: `IF(${g}=0,${r}=0,${round9F(`${diff}/${g}`)}>=${target})`,
      achieved: `IF(${g}=0,IF(${r}=0,0,""),${diff}/${g})`,
    };
  },
  targetCells: (t) => ({ target: t.atLeast }),
  targetFormat: (_t, value) => percentFormat(value),
  achievedFormat: () => "0.0%",
  inputFormat: () => "General",
  achievedText: (_t, a) => (typeof a === "number" ? formatPercent(a) : a),
  inputWord: () => "et tal",
};

/** "fald på 12,5 %", and a fall that is really a rise says so: "stigning på 0,6 %". */
export function changeWords(
  direction: "fall" | "rise",
  achieved: number,
  atLeast: number,
  show: (v: number, d: number) => string = percentText,
): string {
  const fell = direction === "fall" ? achieved >= 0 : achieved < 0;
  const size = Math.abs(achieved);
  return `${fell ? "fald" : "stigning"} på ${shownAgainst(size, [atLeast, 0], show, 1)}`;
}

/** "10%" or "12.5%": as many decimals as the target has. */
export function percentFormat(value: number): string {
  return Number.isInteger(Math.round(value * 1e6) / 1e4) ? "0%" : "0.0%";
}
