// "Sygedagpenge: 1 dag": a fall or rise of a number of units, not a percentage.
import { z } from "zod";
import { direction, unit } from "./schemaParts";
import type { AbsoluteChangeTarget } from "../model";
import { InvalidInput, lackingOf, missing, numberOf, round9, verdict } from "./cells";
import { changeWords } from "./change";
import { badNumber, blank, round9 as round9F } from "./excelText";
import type { KindSpec } from "./kind";
import { directionWord, quantity, withMeasured } from "./texts";
import { unitFormat } from "./valueMax";

export const absoluteChange: KindSpec<AbsoluteChangeTarget> = {
  schema: z.strictObject({
    kind: z.literal("absoluteChange"),
    direction,
    atLeast: z.number().positive(),
    unit,
  }),
  labels: [
    { label: "Fald i enheder", variant: { direction: "fall" } },
    { label: "Stigning i enheder", variant: { direction: "rise" } },
  ],
  inputs: { grundlag: true, percent: false },
  resultatInput: () => "number",
  hint: (t, ctx) =>
    withMeasured(ctx, {
      grundlag: `Antal ${t.unit} i ${ctx.baseYear}`,
      resultat: `Antal ${t.unit} i ${ctx.year}`,
    }),
  requirement: (t, ctx) =>
    `${directionWord(t.direction)} på mindst ${quantity(t.atLeast, t.unit)} ift. ${ctx.baseYear}`,
  judge(t, g, r, hint) {
    const base = numberOf(g, "Grundlag", hint.grundlag);
    const now = numberOf(r, "Resultat", hint.resultat);
    if (base !== undefined && base < 0)
      throw new InvalidInput("Grundlag er negativt. Skriv et tal på 0 eller derover.");
    if (now !== undefined && now < 0)
      throw new InvalidInput("Resultat er negativt. Skriv et tal på 0 eller derover.");
    if (base === undefined || now === undefined) return missing(lackingOf(g, r, hint));
    const achieved = t.direction === "fall" ? base - now : now - base;
    const show = (v: number, d: number) => quantity(v, t.unit, d);
    return verdict(
      round9(achieved) >= t.atLeast,
      achieved,
      changeWords(t.direction, achieved, t.atLeast, show),
    );
  },
  formula(t, { grundlag: g, resultat: r, target }) {
    const achieved = t.direction === "fall" ? `(${g}-${r})` : `(${r}-${g})`;
    return {
      invalid: `OR(${badNumber(g, `${g}<0`)},${badNumber(r, `${r}<0`)})`,
      missing: `OR(${blank(g)},${blank(r)})`,
      met: `${round9F(achieved)}>=${target}`,
      achieved,
    };
  },
  targetCells: (t) => ({ target: t.atLeast }),
  targetFormat: (t, value) => unitFormat(t.unit, Number.isInteger(value) ? "#,##0" : "#,##0.0"),
  achievedFormat: (t) => unitFormat(t.unit, t.unit === "kr." ? "#,##0" : "#,##0.0"),
  inputFormat: (t) => (t.unit === "kr." ? '#,##0 "kr."' : "General"),
  achievedText: (t, a) => (typeof a === "number" ? quantity(a, t.unit) : a),
  inputWord: (t) => `et antal ${t.unit}`,
};
