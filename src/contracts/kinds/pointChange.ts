// "andelen skal stige med 7 procentpoint": a change of a share in percentage points.
import { z } from "zod";
import { direction, baseline } from "./schemaParts";
import type { PointChangeTarget } from "../model";
import { lackingOf, missing, round9, shareOf, verdict } from "./cells";
import { changeWords } from "./change";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { directionWord, formatPoints, withMeasured } from "./texts";

/** Percentage points: Excel can only scale by 100 beside a % sign, so 0.07 shows as "7,0%-point". */
const POINTS_FORMAT = '0.0%"-point"';

export const pointChange: KindSpec<PointChangeTarget> = {
  schema: z.strictObject({
    kind: z.literal("pointChange"),
    direction,
    atLeast: z.number().positive().max(1),
    baseline: baseline.optional(),
  }),
  labels: [
    { label: "Fald i procentpoint", variant: { direction: "fall" } },
    { label: "Stigning i procentpoint", variant: { direction: "rise" } },
  ],
  inputs: { grundlag: true, percent: true },
  resultatInput: () => "number",
  hint: (t, ctx) =>
    t.baseline
      ? { grundlag: t.baseline.grundlag, resultat: t.baseline.resultat }
      : withMeasured(ctx, {
          grundlag: `Andelen i ${ctx.baseYear} i %, fx 40 %`,
          resultat: `Andelen i ${ctx.year} i %, fx 47 %`,
        }),
  requirement: (t, ctx) =>
    `${directionWord(t.direction)} på mindst ${formatPoints(t.atLeast)} ift. ${t.baseline?.label ?? ctx.baseYear}`,
  judge(t, g, r, hint) {
    const base = shareOf(g, "Grundlag", hint.grundlag);
    const now = shareOf(r, "Resultat", hint.resultat);
    if (base === undefined || now === undefined) return missing(lackingOf(g, r, hint));
    const achieved = t.direction === "fall" ? base - now : now - base;
    return verdict(
      round9(achieved) >= t.atLeast,
      achieved,
      changeWords(t.direction, achieved, t.atLeast, formatPoints),
    );
  },
  formula(t, { grundlag: g, resultat: r, target }) {
    const achieved = t.direction === "fall" ? `(${g}-${r})` : `(${r}-${g})`;
    const badShare = (x: string) => badNumber(x, `OR(${x}<0,${x}>1)`);
    return {
      invalid: `OR(${badShare(g)},${badShare(r)})`,
      missing: `OR(${blank(g)},${blank(r)})`,
      met: `${round9F(achieved)}>=${target}`,
      achieved,
    };
  },
  targetCells: (t) => ({ target: t.atLeast }),
  targetFormat: () => POINTS_FORMAT,
  achievedFormat: () => POINTS_FORMAT,
  inputFormat: () => "0.0%",
  achievedText: (_t, a) => (typeof a === "number" ? formatPoints(a) : a),
  inputWord: () => "en andel i %",
};
