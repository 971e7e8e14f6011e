// Numbers as the appendices write them: "61.974" (thousands dot), "0,95" and "4,0" (decimal
// comma), "1850", the placeholder "X" that a per-centre list fills, and "[70-75]" (provisional).
export type Num =
  | { kind: "value"; value: number; text: string }
  | { kind: "placeholder"; text: string }
  | { kind: "range"; from: number; to: number; text: string };

/** One number as a regex source (no capture groups): use inside a capture. */
export const NUM = String.raw`(?:\[\s*\d+(?:,\d+)?\s*[-–]\s*\d+(?:,\d+)?\s*\]|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|X)`;

/** A percent sign or word after a number. */
export const PCT = String.raw`\s*(?:%|pct\b\.?|procent\b)`;

export function plainNumber(text: string): number {
  const t = text.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  return Number(t.replace(",", "."));
}

export function readNum(text: string): Num {
  const t = text.trim();
  if (t === "X") return { kind: "placeholder", text: t };
  const range = /^\[\s*(\d+(?:,\d+)?)\s*[-–]\s*(\d+(?:,\d+)?)\s*\]$/.exec(t);
  if (range) return { kind: "range", from: plainNumber(range[1]!), to: plainNumber(range[2]!), text: t };
  return { kind: "value", value: plainNumber(t), text: t };
}

/** A percentage as the fraction the model stores, without binary noise (7 % = 0.07, not 0.07000000000000001). */
export function fraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

const WORDS: Record<string, number> = {
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  tolv: 12,
};

/** "3", "tre" → 3; undefined for anything else. */
export function smallCount(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return WORDS[word.toLowerCase()];
}
