// "33 uger eller derunder", "max. 6 måneder", "højst 61.974 kr. pr. plads".
import { z } from "zod";
import { unit } from "./schemaParts";
import type { ValueMaxTarget } from "../model";
import { InvalidInput, missing, numberOf, round9, verdict } from "./cells";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { quantity, shownAgainst, UNUSED_INPUT, withMeasured } from "./texts";

/** A number format with the unit after it: #,##0 "uger". */
export function unitFormat(unit: string, number: string): string {
  return `${number} "${unit.replace(/"/g, "")}"`;
}

export const valueMax: KindSpec<ValueMaxTarget> = {
  schema: z.strictObject({ kind: z.literal("valueMax"), atMost: z.number().min(0), unit }),
  labels: [{ label: "Værdi højst", variant: {} }],
  inputs: { grundlag: false, percent: false },
  resultatInput: () => "number",
  hint: (t, ctx) => withMeasured(ctx, { grundlag: UNUSED_INPUT, resultat: `Værdien i ${t.unit}` }),
  requirement: (t) => `Højst ${quantity(t.atMost, t.unit)}`,
  judge(t, _g, r, hint) {
    const v = numberOf(r, "Resultat", hint.resultat);
    if (v !== undefined && v < 0)
      throw new InvalidInput(`Resultat er negativt. Skriv værdien i ${t.unit} (0 eller derover).`);
    if (v === undefined) return missing([["Resultat", hint.resultat]]);
    const show = (x: number, d: number) => quantity(x, t.unit, d);
    return verdict(round9(v) <= t.atMost, v, shownAgainst(v, [t.atMost], show, 2));
  },
  formula: (_t, { resultat: r, target }) => ({
    invalid: badNumber(r, `${r}<0`),
    missing: blank(r),
    met: `${round9F(r)}<=${target}`,
    achieved: r,
  }),
  targetCells: (t) => ({ target: t.atMost }),
  targetFormat: (t, value) => unitFormat(t.unit, Number.isInteger(value) ? "#,##0" : "#,##0.0"),
  achievedFormat: (t) => unitFormat(t.unit, t.unit === "kr." ? "#,##0" : "#,##0.0"),
  inputFormat: (t) => (t.unit === "kr." ? '#,##0 "kr."' : "General"),
  achievedText: (t, a) => (typeof a === "number" ? quantity(a, t.unit) : a),
  inputWord: (t) => `et antal ${t.unit}`,
};
