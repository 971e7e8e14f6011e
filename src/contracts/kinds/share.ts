// Shares: Resultat/Grundlag, or with Grundlag empty Resultat is the share itself. shareMin and
// shareMax read their inputs the same way and differ only in the comparison.
import { formatNumber } from "../formatDa";
import type { ShareMaxTarget, ShareMinTarget } from "../model";
import { type Cell, type InputHint, InvalidInput, numberOf, missing } from "./cells";
import { badNumber, blank, type FormulaRule, type RowRefs, round9 } from "./excelText";
import { withMeasured, type TextContext } from "./texts";

export function shareHint(ctx: TextContext): InputHint {
  return withMeasured(ctx, {
    grundlag: "Antal i alt (nævneren) – eller tom, hvis Resultat er andelen",
    resultat: "Antal, der opfylder målet (tælleren) – eller andelen i %, fx 95 %",
  });
}

/** The share the inputs give, undefined while Resultat is empty, or InvalidInput. */
export function shareFrom(g: Cell, r: Cell, hint: InputHint): number | undefined {
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
  if (part === undefined) return undefined;
  return whole === undefined ? part : part / whole;
}

export function shareMissing(hint: InputHint) {
  return missing([["Resultat", hint.resultat]]);
}

export function shareFormula(t: ShareMinTarget | ShareMaxTarget, c: RowRefs): FormulaRule {
  const { grundlag: g, resultat: r, target } = c;
  const achieved = `IF(${blank(g)},${r},${r}/${g})`;
  const tooLarge = `IF(ISNUMBER(${r}),IF(ISNUMBER(${g}),${r}>${g},IF(${blank(g)},${r}>1,FALSE())),FALSE())`;
  return {
    invalid: `OR(${badNumber(g, `${g}<=0`)},${badNumber(r, `${r}<0`)},${tooLarge})`,
    missing: blank(r),
    met: `${round9(achieved)}${t.kind === "shareMin" ? ">=" : "<="}${target}`,
    achieved,
  };
}
