// Danish number formatting for requirements and messages: "1.000", "12,5", "95 %", "61.974 kr.".

/** A number with Danish thousands dots and decimal comma, at most maxDecimals decimals. */
export function formatNumber(value: number, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = "0", decimals] = rounded.toFixed(maxDecimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const trimmed = (decimals ?? "").replace(/0+$/, "");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return sign + grouped + (trimmed ? "," + trimmed : "");
}

/** A fraction as a Danish percentage: 0.125 → "12,5 %". */
export function formatPercent(fraction: number, maxDecimals = 1): string {
  return `${formatNumber(fraction * 100, maxDecimals)} %`;
}

export function formatWithUnit(value: number, unit: string): string {
  return `${formatNumber(value)} ${unit}`;
}
