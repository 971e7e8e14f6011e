// "højst 3%"; "fra 28% til 22%" is at most 22 % with 28 % shown as the starting point.
import { z } from "zod";
import { fraction } from "./schemaParts";
import { formatPercent } from "../formatDa";
import type { ShareMaxTarget } from "../model";
import { round9, verdict } from "./cells";
import { percentFormat } from "./change";
import type { KindSpec } from "./kind";
import { shareFormula, shareFrom, shareHint, shareMissing } from "./share";
import { percentText, shownAgainst } from "./texts";

export const shareMax: KindSpec<ShareMaxTarget> = {
  schema: z.strictObject({ kind: z.literal("shareMax"), atMost: fraction, from: fraction.optional() }),
  labels: [{ label: "Andel højst", variant: {} }],
  inputs: { grundlag: true, percent: true },
  resultatInput: () => "number",
  hint: (_t, ctx) => shareHint(ctx),
  requirement: (t) =>
    t.from !== undefined
      ? `Højst ${formatPercent(t.atMost)} (ned fra ${formatPercent(t.from)})`
      : `Højst ${formatPercent(t.atMost)}`,
  judge(t, g, r, hint) {
    const share = shareFrom(g, r, hint);
    if (share === undefined) return shareMissing(hint);
    return verdict(
      round9(share) <= t.atMost,
      share,
      `andel på ${shownAgainst(share, [t.atMost], percentText, 1)}`,
    );
  },
  formula: shareFormula,
  targetCells: (t) => ({ target: t.atMost }),
  targetFormat: (_t, value) => percentFormat(value),
  achievedFormat: () => "0.0%",
  inputFormat: () => "General",
  achievedText: (_t, a) => (typeof a === "number" ? formatPercent(a) : a),
  inputWord: () => "et antal eller en andel",
};
