// "min 85 % og max 100 % af den samlede bevilling", both ends inclusive.
import { z } from "zod";
import { formatPercent } from "../formatDa";
import type { SpendRangeTarget } from "../model";
import { InvalidInput, lackingOf, missing, numberOf, round9, verdict } from "./cells";
import { percentFormat } from "./change";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { percentText, shownAgainst, withMeasured } from "./texts";

export const spendRange: KindSpec<SpendRangeTarget> = {
  schema: z
    .strictObject({ kind: z.literal("spendRange"), min: z.number().min(0), max: z.number().positive() })
    .refine((t) => t.min <= t.max, {
      message: "Krav (min) er større end Krav 2 (max); byt om på dem",
      path: ["min"],
    }),
  labels: [{ label: "Forbrug mellem", variant: {} }],
  inputs: { grundlag: true, percent: false },
  resultatInput: () => "number",
  hint: (_t, ctx) => withMeasured(ctx, { grundlag: "Budget/bevilling i kr.", resultat: "Forbrug i kr." }),
  requirement: (t) =>
    t.min === 0
      ? `Forbrug på højst ${formatPercent(t.max)} af rammen`
      : `Forbrug mellem ${formatPercent(t.min)} og ${formatPercent(t.max)} af budgettet`,
  judge(t, g, r, hint) {
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
      `forbrug på ${shownAgainst(used, [t.min, t.max], percentText, 1)} af budgettet`,
    );
  },
  formula(_t, { grundlag: g, resultat: r, target, target2 }) {
    const achieved = `${r}/${g}`;
    return {
      invalid: `OR(${badNumber(g, `${g}<=0`)},${badNumber(r, `${r}<0`)})`,
      missing: `OR(${blank(g)},${blank(r)})`,
      met: `AND(${round9F(achieved)}>=${target},${round9F(achieved)}<=${target2 ?? target})`,
      achieved,
    };
  },
  targetCells: (t) => ({ target: t.min, target2: t.max }),
  targetFormat: (_t, value) => percentFormat(value),
  achievedFormat: () => "0.0%",
  inputFormat: () => '#,##0 "kr."',
  achievedText: (_t, a) => (typeof a === "number" ? formatPercent(a) : a),
  inputWord: () => "et beløb i kr.",
};
