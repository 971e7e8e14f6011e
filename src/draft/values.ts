// A per-centre value ("60 %", "1000", "61.974 kr.", "838 pladser", "1 dag") turned into the
// centre's own target, of the same kind as the line's main target where the value fits it.
import type { Target } from "../contracts/model";
import { fraction, plainNumber } from "./numbers";
import { unitOf, type Main } from "./readTarget";

export function perCentreTarget(
  main: Extract<Main, { shape: "single" }>,
  value: string,
  source: string,
  flags: string[],
): Target | undefined {
  const m = /^(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(%|pct\b\.?|procent\b|\p{L}+\.?)?/u.exec(
    value.trim(),
  );
  if (!m) {
    flags.push(`«${source}»: værdien kan ikke læses som et tal`);
    return undefined;
  }
  const n = plainNumber(m[1]!);
  const unit = m[2]?.toLowerCase();
  const isPercent = !!unit && /^(%|pct|procent)/.test(unit);
  if (main.slot === "percent" && isPercent) return main.make(fraction(n));
  if ((main.slot === "count" || main.slot === "value") && !isPercent) return main.make(n);
  const base = main.target ?? main.make(0);
  if (base.kind === "change" && unit && !isPercent) {
    const u = unitOf(m[2]!);
    flags.push(
      `«${source}»: ${base.direction === "fall" ? "fald" : "stigning"} på ${m[1]!} ${m[2]!} i stedet for en procent — pr. medarbejder (fuldtidsansat) eller i alt? Skriv i «Sådan måles», hvad der tælles`,
    );
    return { kind: "absoluteChange", direction: base.direction, atLeast: n, unit: u };
  }
  flags.push(`«${source}»: værdien passer ikke til målets krav (${main.slot}); kontrollér centrets krav`);
  return isPercent ? { kind: "shareMin", atLeast: fraction(n) } : { kind: "countMin", atLeast: n };
}
