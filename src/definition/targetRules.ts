// Rules between the numbers of one target that a single cell cannot see, in Danish.
import type { Target } from "../contracts/model";
import { formatField } from "./numberText";

const pct = (x: number) => formatField(x, "percent");

export function targetProblems(t: Target): string[] {
  switch (t.kind) {
    case "spendRange":
      return t.min > t.max
        ? [`Krav (mindst ${pct(t.min)}) er større end Krav 2 (højst ${pct(t.max)}). Byt om på dem.`]
        : t.max === 0
          ? ["Krav 2 (højst) skal være over 0 %, fx 100 %."]
          : [];
    case "shareMin":
      return t.provisionalUpTo !== undefined && t.provisionalUpTo < t.atLeast
        ? [`Krav 2 (foreløbigt op til ${pct(t.provisionalUpTo)}) er mindre end Krav (${pct(t.atLeast)}).`]
        : [];
    case "change":
    case "pointChange":
    case "absoluteChange":
      return t.atLeast === 0 ? ["Krav skal være over 0: en ændring på 0 er intet krav."] : [];
    case "countMin":
      return !t.decimals && !Number.isInteger(t.atLeast)
        ? [
            `Krav ${String(t.atLeast).replace(".", ",")} er ikke et helt antal. Skriv «decimaler» i Krav 2, hvis antallet må have decimaler.`,
          ]
        : [];
    default:
      return [];
  }
}
