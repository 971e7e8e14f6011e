// "mindst 95 %"; "Alle …" is 100 %; "[70-75]" is provisional, judged on 70 until the final value is entered.
import { z } from "zod";
import { fraction } from "./schemaParts";
import { formatNumber, formatPercent } from "../formatDa";
import type { ShareMinTarget } from "../model";
import { round9, verdict } from "./cells";
import { percentFormat } from "./change";
import type { KindSpec } from "./kind";
import { shareFormula, shareFrom, shareHint, shareMissing } from "./share";
import { percentText, shownAgainst } from "./texts";

export const shareMin: KindSpec<ShareMinTarget> = {
  schema: z.strictObject({
    kind: z.literal("shareMin"),
    atLeast: fraction,
    provisionalUpTo: fraction.optional(),
  }),
  labels: [{ label: "Andel mindst", variant: {} }],
  inputs: { grundlag: true, percent: true },
  resultatInput: () => "number",
  hint: (_t, ctx) => shareHint(ctx),
  requirement(t) {
    if (t.provisionalUpTo !== undefined) {
      return `Mindst ${formatNumber(t.atLeast * 100)}-${formatPercent(t.provisionalUpTo)} (foreløbigt krav; vurderes på ${formatPercent(t.atLeast)})`;
    }
    return t.atLeast === 1 ? "Alle (100 %)" : `Mindst ${formatPercent(t.atLeast)}`;
  },
  judge(t, g, r, hint) {
    const share = shareFrom(g, r, hint);
    if (share === undefined) return shareMissing(hint);
    const limits = [t.atLeast, ...(t.provisionalUpTo !== undefined ? [t.provisionalUpTo] : [])];
    const shown = `andel på ${shownAgainst(share, limits, percentText, 1)}`;
    const band =
      t.provisionalUpTo !== undefined && round9(share) < t.provisionalUpTo
        ? round9(share) >= t.atLeast
          ? ` – inden for det foreløbige krav ${formatNumber(t.atLeast * 100)}-${formatPercent(t.provisionalUpTo)}, så status kan ændre sig, når det endelige krav kendes`
          : ` – under det foreløbige krav ${formatNumber(t.atLeast * 100)}-${formatPercent(t.provisionalUpTo)}`
        : "";
    return verdict(round9(share) >= t.atLeast, share, shown + band);
  },
  formula: shareFormula,
  targetCells: (t) => ({ target: t.atLeast }),
  targetFormat: (_t, value) => percentFormat(value),
  achievedFormat: () => "0.0%",
  inputFormat: () => "General",
  achievedText: (_t, a) => (typeof a === "number" ? formatPercent(a) : a),
  inputWord: () => "et antal eller en andel",
};
