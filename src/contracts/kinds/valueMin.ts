// "mindst 4,0" (a score): a value of at least atLeast, decimals allowed.
import { z } from "zod";
import { unit } from "./schemaParts";
import type { ValueMinTarget } from "../model";
import { missing, nonNegativeOf, round9, verdict } from "./cells";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { quantity, shownAgainst, UNUSED_INPUT, withMeasured } from "./texts";

export const valueMin: KindSpec<ValueMinTarget> = {
  schema: z.strictObject({ kind: z.literal("valueMin"), atLeast: z.number().min(0), unit: unit.optional() }),
  labels: [{ label: "Værdi mindst", variant: {} }],
  inputs: { grundlag: false, percent: false },
  resultatInput: () => "number",
  hint: (t, ctx) =>
    withMeasured(ctx, {
      grundlag: UNUSED_INPUT,
      resultat: t.unit ? `Værdien i ${t.unit} (decimaler tilladt)` : "Værdien (decimaler tilladt), fx 4,2",
    }),
  requirement: (t) => `Mindst ${quantity(t.atLeast, t.unit, 2)}`,
  judge(t, _g, r, hint) {
    const v = nonNegativeOf(r, "Resultat", hint.resultat);
    if (v === undefined) return missing([["Resultat", hint.resultat]]);
    const show = (x: number, d: number) => quantity(x, t.unit, d);
    return verdict(
      round9(v) >= t.atLeast,
      v,
      `${t.unit ? "" : "værdi på "}${shownAgainst(v, [t.atLeast], show, 2)}`,
    );
  },
  formula: (_t, { resultat: r, target }) => ({
    invalid: badNumber(r, `${r}<0`),
    missing: blank(r),
    met: `${round9F(r)}>=${target}`,
    achieved: r,
  }),
  targetCells: (t) => ({ target: t.atLeast }),
  targetFormat: () => "#,##0.0",
  achievedFormat: () => "#,##0.0#",
  inputFormat: () => "General",
  achievedText: (t, a) => (typeof a === "number" ? quantity(a, t.unit) : a),
  inputWord: (t) => (t.unit ? `en værdi i ${t.unit}` : "en værdi"),
};
