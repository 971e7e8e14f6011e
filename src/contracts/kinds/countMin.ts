// "mindst 30 unge", "1000 jobordrer": a count of at least atLeast; whole unless the unit allows
// decimals (helårspladser).
import { z } from "zod";
import type { CountMinTarget } from "../model";
import { countOf, missing, nonNegativeOf, round9, verdict } from "./cells";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { quantity, shownAgainst, UNUSED_INPUT, withMeasured } from "./texts";

/** Also the schema of a joint goal's target (a sum of counts). */
export const countMinSchema = z
  .strictObject({
    kind: z.literal("countMin"),
    atLeast: z.number().min(0),
    unit: z.string().optional(),
    decimals: z.literal(true).optional(),
  })
  .refine((t) => t.decimals || Number.isInteger(t.atLeast), {
    message:
      'et antal skal være et helt tal; skriv "decimals": true, hvis enheden tillader decimaler (fx helårspladser)',
    path: ["atLeast"],
  });

export const countMin: KindSpec<CountMinTarget> = {
  schema: countMinSchema,
  labels: [{ label: "Antal mindst", variant: {} }],
  inputs: { grundlag: false, percent: false },
  resultatInput: (t) => (t.decimals ? "number" : "wholeNumber"),
  hint(t, ctx) {
    const whole = t.decimals ? "decimaler tilladt" : "helt tal";
    return withMeasured(ctx, {
      grundlag: UNUSED_INPUT,
      resultat: t.unit ? `Antal ${t.unit} (${whole})` : `Antal (${whole})`,
    });
  },
  requirement: (t) => `Mindst ${quantity(t.atLeast, t.unit)}`,
  judge(t, _g, r, hint) {
    const n = t.decimals ? nonNegativeOf(r, "Resultat", hint.resultat) : countOf(r, hint.resultat);
    if (n === undefined) return missing([["Resultat", hint.resultat]]);
    const show = (v: number, d: number) => quantity(v, t.unit, d);
    return verdict(round9(n) >= t.atLeast, n, shownAgainst(n, [t.atLeast], show, 2));
  },
  formula: (t, { resultat: r, target }) => ({
    invalid: badNumber(r, t.decimals ? `${r}<0` : `OR(${r}<0,${r}<>INT(${r}))`),
    missing: blank(r),
    met: `${round9F(r)}>=${target}`,
    achieved: r,
  }),
  targetCells: (t) => ({ target: t.atLeast }),
  targetFormat: (t, value) => (t.decimals && !Number.isInteger(value) ? "#,##0.0" : "#,##0"),
  achievedFormat: (t) => (t.decimals ? "#,##0.0" : "#,##0"),
  inputFormat: () => "General",
  achievedText: (t, a) => (typeof a === "number" ? quantity(a, t.unit) : a),
  inputWord: (t) => (t.decimals ? "et antal" : "et helt antal"),
};
