// Reads the main target of one goal line's body (notes, lists and asides already taken out).
// Each rule is a Danish phrasing of the 2007 appendices; the first that matches wins. A reading
// the text leaves open comes back with a flag that names the alternatives, never silently.
import type { GoalPart, Target } from "../contracts/model";
import { findDeadline } from "./deadline";
import { fraction, NUM, PCT, plainNumber, readNum, type Num } from "./numbers";

/** What kind of number a per-centre value must be to fill the main target. */
export type Slot = "percent" | "count" | "value" | "none";

export type Main =
  | {
      shape: "single";
      /** The target with this line's own number; undefined when the number is "X". */
      target?: Target;
      /** The same kind with another number (a per-centre value), fraction for percent slots. */
      make: (n: number) => Target;
      slot: Slot;
    }
  | { shape: "parts"; parts: GoalPart[] };

export interface TargetReading {
  main: Main;
  flags: string[];
  notes: string[];
}

export interface ReadContext {
  year: number;
  /** The goal applies to more than one centre (a joint count is then the centres together). */
  shared: boolean;
}

const LB = String.raw`(?<![\p{L}\d])`;
const RB = String.raw`(?![\p{L}\d])`;
const re = (src: string, flags = "iu") => new RegExp(src, flags);

const FALL = String.raw`(?:nedbring|reduc|minds|sænk|fald|nedsæt|formindsk)\p{L}*`;
const RISE = String.raw`(?:stig|steg|øg|forøg|hæv|forbedr|udvid)\p{L}*`;
const TIME_UNITS = String.raw`(?:dage|dag|uger|uge|måneder|måned|mdr\.?|år|kr\.?|timer)`;
const AT_LEAST = String.raw`(?:mindst|minimum|min\.?|over|som\s+minimum)`;
const AT_MOST = String.raw`(?:højst|maksimalt|maximalt|maks\.?|max\.?|under|ikke\s+over|(?:må\s+)?ikke\s+overstige)`;

function fixed(target: Target): Main {
  return { shape: "single", target, make: () => target, slot: "none" };
}

function single(num: Num, slot: Slot, make: (n: number) => Target, flags: string[]): Main {
  if (num.kind === "placeholder") return { shape: "single", make, slot };
  if (num.kind === "range") {
    flags.push(`«${num.text}» er et interval: ${num.from} er valgt som krav`);
    return { shape: "single", target: make(slot === "percent" ? fraction(num.from) : num.from), make, slot };
  }
  return { shape: "single", target: make(slot === "percent" ? fraction(num.value) : num.value), make, slot };
}

export function unitOf(word: string): string {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w === "dag") return "dage";
  if (w === "uge") return "uger";
  if (w === "måned" || w === "mdr") return "måneder";
  if (w === "kr") return "kr.";
  return word;
}

export function readTarget(text: string, ctx: ReadContext): TargetReading {
  const flags: string[] = [];
  const notes: string[] = [];
  const body = text
    .replace(/(?:%|\bpct\.?|\bprocent)\s*-?\s*point\b/giu, " procentpoint")
    .replace(/\s+/g, " ")
    .trim();
  const main =
    spendRange(body) ??
    budgetFrame(body, notes) ??
    fromTo(body, flags) ??
    change(body, ctx, flags, notes) ??
    changeTo(body, flags) ??
    percent(body, flags) ??
    value(body, flags) ??
    parts(body) ??
    score(body) ??
    count(body, ctx, flags) ??
    allOrTask(body, ctx, flags);
  unusedPercentages(body, main, flags);
  if (main.shape === "single" && main.target?.kind !== "yesNo") {
    const deadline = findDeadline(body, ctx.year);
    if (deadline && !deadline.soft && deadline.date !== `${ctx.year}-12-31`) {
      flags.push(
        `fristen «${deadline.text}» kan ikke vurderes sammen med et tal: målet vurderes på årets tal`,
      );
    }
  }
  return { main, flags, notes };
}

/** How many percentages the reading used; any other percentage in the line is flagged. */
function unusedPercentages(body: string, main: Main, flags: string[]) {
  const all = [...body.matchAll(re(String.raw`(${NUM})${PCT}`, "giu"))].map((m) => m[0].trim());
  let used = 0;
  if (main.shape === "single" && main.target) {
    const t = main.target;
    if (t.kind === "spendRange") used = t.min === 0 && t.max === 1 ? all.length : 2;
    else if (t.kind === "shareMax" && t.from !== undefined) used = 2;
    else if (main.slot === "percent") used = 1;
  } else if (main.shape === "single" && main.slot === "percent") used = 1;
  if (all.length > used && !flags.some((f) => f.startsWith("flere procenttal"))) {
    flags.push(`flere procenttal i linjen (${all.join(", ")}), end kravet bruger: kontrollér kravet`);
  }
}

const MIN_WORD = String.raw`(?:min(?:imum|\.)?|mindst)`;
const MAX_WORD = String.raw`(?:max(?:imum|\.)?|maks(?:imalt|\.)?|højst)`;

function spendRange(body: string): Main | undefined {
  const m = re(String.raw`${LB}${MIN_WORD}\s+(${NUM})${PCT}\s+og\s+${MAX_WORD}\s+(${NUM})${PCT}`).exec(body);
  if (!m) return spendBound(body);
  const lo = readNum(m[1]!);
  const hi = readNum(m[2]!);
  if (lo.kind !== "value" || hi.kind !== "value") return undefined;
  return fixed({ kind: "spendRange", min: fraction(lo.value), max: fraction(hi.value) });
}

/** "Centret anvender max 100 % af bevillingen": spend of a budget with one bound. */
function spendBound(body: string): Main | undefined {
  if (!re(String.raw`${LB}(?:anvend|brug|forbrug)\p{L}*`).test(body)) return undefined;
  const budget = String.raw`${LB}af\s+(?:den\s+|det\s+)?(?:samlede\s+)?\p{L}*(?:bevilling|budget|ramme)\p{L}*`;
  if (!re(budget).test(body)) return undefined;
  const max = re(String.raw`${LB}${MAX_WORD}\s+(${NUM})${PCT}`).exec(body);
  const min = re(String.raw`${LB}${MIN_WORD}\s+(${NUM})${PCT}`).exec(body);
  const hi = max && readNum(max[1]!);
  const lo = min && readNum(min[1]!);
  if (hi?.kind === "value" && !min) return fixed({ kind: "spendRange", min: 0, max: fraction(hi.value) });
  if (lo?.kind === "value" && !max) return fixed({ kind: "spendRange", min: fraction(lo.value), max: 1 });
  return undefined;
}

function budgetFrame(body: string, notes: string[]): Main | undefined {
  if (/\d/.test(body.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, ""))) return undefined;
  const m = re(
    String.raw`inden\s*for\s+(?:den|det|sin|sit|centrets)?\s*(?:\p{L}+\s+)?(ramme|budget|bevilling)\p{L}*`,
  ).exec(body);
  if (!m) return undefined;
  notes.push(`«${m[0]!}» er læst som et forbrug på højst 100 % af rammen`);
  return fixed({ kind: "spendRange", min: 0, max: 1 });
}

function fromTo(body: string, flags: string[]): Main | undefined {
  const units = re(
    String.raw`${LB}fra\s+(${NUM})\s*(${TIME_UNITS})(?!\p{L})\s+til\s+(${NUM})\s*(${TIME_UNITS})(?!\p{L})`,
  ).exec(body);
  if (units) {
    const from = readNum(units[1]!);
    const to = readNum(units[3]!);
    const unit = unitOf(units[4]!);
    if (from.kind === "value" && to.kind === "value" && unitOf(units[2]!) === unit) {
      if (to.value < from.value) return fixed({ kind: "valueMax", atMost: to.value, unit });
      flags.push(`«${units[0]}»: værdi på mindst ${to.text} ${unit} er valgt; udgangspunktet gemmes ikke`);
      return fixed({ kind: "valueMin", atLeast: to.value, unit });
    }
  }
  const m = re(String.raw`${LB}fra\s+(${NUM})(?:${PCT})?\s+til\s+(${NUM})${PCT}`).exec(body);
  if (!m) return undefined;
  const from = readNum(m[1]!);
  const to = readNum(m[2]!);
  if (from.kind !== "value" || to.kind !== "value") return undefined;
  if (to.value < from.value) {
    return fixed({ kind: "shareMax", atMost: fraction(to.value), from: fraction(from.value) });
  }
  flags.push(`«${m[0]!}»: andel på mindst ${to.text} % er valgt; udgangspunktet ${from.text} % gemmes ikke`);
  return fixed({ kind: "shareMin", atLeast: fraction(to.value) });
}

/** "skal nedbringes med mindst 10 %", "stige med 7 %", "reduceres i 2007 med mindst 10 pct. i forhold til 2006". */
function change(body: string, ctx: ReadContext, flags: string[], notes: string[]): Main | undefined {
  const m = re(
    String.raw`${LB}med\s+(?:mindst\s+|minimum\s+|min\.\s+|ca\.\s+)?(${NUM})\s*(%|pct\b\.?|procent\b|procentpoint\b|point\b|${TIME_UNITS}(?!\p{L})|\p{L}+)`,
  ).exec(body);
  if (!m) return undefined;
  const before = body.slice(0, m.index);
  const sentenceStart = Math.max(before.lastIndexOf(". "), 0);
  const verbZone = before.slice(sentenceStart);
  const fall = re(LB + FALL).test(verbZone);
  const rise = re(LB + RISE).test(verbZone);
  if (fall === rise) return undefined;
  const direction = fall ? "fall" : "rise";
  const num = readNum(m[1]!);
  if (/\bca\.\s/i.test(m[0])) flags.push(`«${m[0]}»: «ca.» — ${num.text} er valgt som mindstekrav`);
  const unitWord = m[2]!.toLowerCase();
  const word = direction === "fall" ? "fald" : "stigning";
  const relative = direction === "fall" ? "relativt fald" : "relativ stigning";
  if (/^procentpoint$|^point$/.test(unitWord)) {
    return single(num, "percent", (n) => ({ kind: "pointChange", direction, atLeast: n }), flags);
  }
  baselineChecks(body, m.index + m[0]!.length, ctx, flags, notes);
  if (/^(%|pct|procent)/.test(unitWord)) {
    const subject = before.slice(0, sentenceStart === 0 ? undefined : sentenceStart);
    if (re(String.raw`${LB}andel|grad(?:en)?${RB}|procent(?:en)?${RB}|kvote`).test(verbZone || subject)) {
      flags.push(
        `«${m[0]}» om en andel: ${relative} på ${num.text} % (valgt) eller ${num.text} procentpoint?`,
      );
    }
    return single(num, "percent", (n) => ({ kind: "change", direction, atLeast: n }), flags);
  }
  if (re(`^${TIME_UNITS}$`).test(unitWord)) {
    const unit = unitOf(m[2]!);
    return single(num, "value", (n) => ({ kind: "absoluteChange", direction, atLeast: n, unit }), flags);
  }
  flags.push(`«${m[0]!}»: ${word} på ${num.text} ${m[2]!} er læst som et antal enheder`);
  const unit = m[2]!;
  return single(num, "value", (n) => ({ kind: "absoluteChange", direction, atLeast: n, unit }), flags);
}

function baselineChecks(body: string, from: number, ctx: ReadContext, flags: string[], notes: string[]) {
  const after = body.slice(from);
  const vs = re(String.raw`(?:i\s+forhold\s+til|i\s+fht\.?|ift\.?|sammenlignet\s+med)\s+(\d{4})`).exec(body);
  if (vs && +vs[1]! !== ctx.year - 1) {
    flags.push(`målt i forhold til ${vs[1]}, ikke ${ctx.year - 1}: ret basisåret eller målets udgangspunkt`);
  }
  const other = re(String.raw`inden\s+(\p{L}+)\s+udløb|i\s+forhold\s+til\s+(?!\d{4})[^,.]+`).exec(after);
  if (other) {
    flags.push(
      `ændringen måles «${other[0]}», ikke mellem ${ctx.year - 1} og ${ctx.year}: skriv, hvad Grundlag og Resultat skal være`,
    );
  }
  const equiv = re(String.raw`svarende\s+til\s+\d[^.,;]*`).exec(body);
  if (equiv) notes.push(`«${equiv[0]}» er kun en oplysning; kravet er procenten`);
}

/** "nedbringes til 33 uger eller derunder", "begrænses til 3 %". */
function changeTo(body: string, flags: string[]): Main | undefined {
  const m = re(
    String.raw`${LB}(?:${FALL}|begræns\p{L}*)\s+(?:\p{L}+\s+){0,3}?til\s+(${NUM})\s*(%|pct\b\.?|procent\b|${TIME_UNITS}(?!\p{L}))`,
  ).exec(body);
  if (!m) return undefined;
  const num = readNum(m[1]!);
  if (/^(%|pct|procent)/i.test(m[2]!)) {
    return single(num, "percent", (n) => ({ kind: "shareMax", atMost: n }), flags);
  }
  const unit = unitOf(m[2]!);
  return single(num, "value", (n) => ({ kind: "valueMax", atMost: n, unit }), flags);
}

const NEGATIVE = String.raw`fejl|klage|fravær|frafald|restance|ventetid|afbrud|udeblivelse|sanktion`;

/** "mindst 95 %", "højst i 3% af sagerne", "være på 75 %" (a bare share is a least share), "Mindst [70-75] pct.". */
function percent(body: string, flags: string[]): Main | undefined {
  const all = [...body.matchAll(re(String.raw`(${NUM})${PCT}`, "giu"))].filter(
    (m) => !/\d$/.test(body.slice(0, m.index)),
  );
  if (all.length === 0) return undefined;
  if (all.length > 1) {
    flags.push(
      `flere procenttal i linjen (${all.map((m) => m[0]!.trim()).join(", ")}): ${all[0]![0].trim()} er valgt`,
    );
  }
  const m = all[0]!;
  const before = body.slice(0, m.index);
  const between = re(String.raw`(?:mellem\s+)?(${NUM})(?:${PCT})?\s*(?:[-–]|og)\s*$`).exec(before);
  if (between && (/^mellem/i.test(between[0]) || /[-–]\s*$/.test(between[0]))) {
    flags.push(`«${between[0]}${m[0].trim()}» er et interval: den nederste grænse er valgt som krav`);
    const low = readNum(between[1]!);
    if (low.kind === "value") return single(low, "percent", (n) => ({ kind: "shareMin", atLeast: n }), flags);
  }
  const after = body.slice(m.index! + m[0]!.length);
  const num = readNum(m[1]!);
  // "må højst udgøre 5 %", "skal mindst være 60 %": a strong word a few words before counts too.
  const near = before.split(/\s+/).slice(-4).join(" ");
  const max =
    re(String.raw`${LB}${AT_MOST}\s+(?:i\s+|på\s+)?$`).test(before) ||
    re(String.raw`${LB}(?:højst|maksimalt|maks\.?|max\.?)${RB}`).test(near) ||
    /^\s*eller\s+(derunder|mindre)/i.test(after);
  const min =
    re(String.raw`${LB}${AT_LEAST}\s+(?:i\s+|på\s+)?$`).test(before) ||
    re(String.raw`${LB}(?:mindst|minimum|min\.)${RB}`).test(near) ||
    /^\s*eller\s+(derover|mere)/i.test(after);
  if (max && min) {
    flags.push(`«${near} ${m[0]!.trim()}»: både «mindst» og «højst» — andel højst (valgt) eller mindst?`);
  }
  if (max) return single(num, "percent", (n) => ({ kind: "shareMax", atMost: n }), flags);
  if (!min && re(String.raw`${LB}(?:${NEGATIVE})`).test(body)) {
    flags.push(
      `«${m[0]!.trim()}» uden «mindst» eller «højst» om noget, der skal ned: andel mindst (valgt) eller højst?`,
    );
  }
  if (num.kind === "range") {
    const make = (n: number) =>
      ({ kind: "shareMin", atLeast: n, provisionalUpTo: fraction(num.to) }) as Target;
    return {
      shape: "single",
      target: make(fraction(num.from)),
      make: (n) => ({ kind: "shareMin", atLeast: n }),
      slot: "percent",
    };
  }
  return single(num, "percent", (n) => ({ kind: "shareMin", atLeast: n }), flags);
}

/** "33 uger eller derunder", "på max. 6 måneder", "højst X kr. pr. plads", "mindst 4,0". */
function value(body: string, flags: string[]): Main | undefined {
  const max =
    // Not "under"/"over": "sager under 52 uger" is a condition, not a target.
    re(
      String.raw`${LB}(?:højst|maksimalt|maks\.?|max\.?|(?:må\s+)?ikke\s+overstige|ikke\s+over)\s+(?:være\s+)?(?:på\s+)?(${NUM})\s*(${TIME_UNITS})(?!\p{L})`,
    ).exec(body) ??
    re(String.raw`(${NUM})\s*(${TIME_UNITS})(?!\p{L})\s+eller\s+(?:derunder|mindre)`).exec(body);
  if (max) {
    const unit = unitOf(max[2]!);
    return single(readNum(max[1]!), "value", (n) => ({ kind: "valueMax", atMost: n, unit }), flags);
  }
  const min = re(String.raw`${LB}${AT_LEAST}\s+(${NUM})\s*(kr\.?)(?!\p{L})`).exec(body);
  if (min) {
    return single(readNum(min[1]!), "value", (n) => ({ kind: "valueMin", atLeast: n, unit: "kr." }), flags);
  }
  return undefined;
}

const ADJECTIVE = /(?:ende|ede|ske|ige|te|ne|lige)$|^(?:nye|flere|store|små|gode|ekstra|konkrete|faste)$/i;
const HEADS = [
  "forløb",
  "ordninger",
  "pladser",
  "samtaler",
  "møder",
  "aftaler",
  "kurser",
  "projekter",
  "planer",
  "sager",
  "tilbud",
  "job",
];
const STOP = new Set([
  "i",
  "til",
  "for",
  "på",
  "med",
  "af",
  "som",
  "der",
  "skal",
  "målrettet",
  "inden",
  "om",
  "pr",
  "pr.",
  "ved",
  "fra",
  "og",
  "eller",
  "at",
]);

/** The unit after a count: "50 uddannelsesforberedende forløb målrettet …" → forløb. */
function nounAfter(rest: string, flags: string[]): { unit?: string; label?: string } {
  const words = rest.trim().split(/\s+/);
  const label: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] ?? "").replace(/[.,;:]+$/, "");
    if (!w || STOP.has(w.toLowerCase()) || /^\d/.test(w)) {
      if (w.endsWith("-")) continue;
      break;
    }
    if (w.endsWith("-") && /^(og|eller)$/i.test(words[i + 1] ?? "")) {
      // "sprog- og beskæftigelsesforløb": the shared head is the unit.
      const next = (words[i + 2] ?? "").replace(/[.,;:]+$/, "");
      label.push(w, words[i + 1] ?? "", next);
      const head = HEADS.find((h) => next.toLowerCase().endsWith(h) && next.length > h.length);
      if (!head) flags.push(`enheden i «${label.join(" ")}» er uklar: «${next}» er valgt`);
      return { unit: head ?? next, label: label.join(" ") };
    }
    label.push(w);
    if (!ADJECTIVE.test(w) || /[.,;:]$/.test(words[i] ?? "")) return { unit: w, label: label.join(" ") };
  }
  return label.length ? { unit: label[label.length - 1], label: label.join(" ") } : {};
}

/** "Antal personer placeret …", "Antal etablerede mentorordninger udgør …" → the counted noun. */
function subjectNoun(body: string): string | undefined {
  const m = re(String.raw`^(?:antal(?:let)?)\s+(?:af\s+)?(.*)$`).exec(body.trim());
  if (!m) return undefined;
  for (const w of m[1]!.split(/\s+/)) {
    const word = w.replace(/[.,;:]+$/, "");
    if (!ADJECTIVE.test(word) || word.length <= 3) return word;
  }
  return undefined;
}

const COUNT_VERB = String.raw`fremskaff|gennemfør|afhold|etabler|stille|stilles|placer|formidl|opret|ansæt|visiter|iværksæt|udarbejd|besøg|leve|tilbyd|skaffe|rekrutter`;

/** Two counts in one line: "Der afholdes 6 tematiserede personalemøder og 2 seminarer". */
function parts(body: string): Main | undefined {
  if (/%|\bpct\b/i.test(body)) return undefined;
  const m = re(
    String.raw`${LB}(?:mindst\s+)?(\d+)\s+((?:\p{L}+\s+){0,2}?\p{L}+)\s+og\s+(?:mindst\s+)?(\d+)\s+((?:\p{L}+\s+){0,2}?\p{L}+)(?=\s+(?:i|inden|om|pr\.?|til|for|på)\s|[.,;]|$)`,
  ).exec(body);
  if (!m) return undefined;
  if (re(`^${TIME_UNITS}`).test(m[2]!) || re(`^${TIME_UNITS}`).test(m[4]!)) return undefined;
  const part = (n: string, label: string): GoalPart => {
    const words = label.split(/\s+/);
    const unit = words[words.length - 1] ?? label;
    return { key: keyOf(unit), label, target: { kind: "countMin", atLeast: Number(n), unit } };
  };
  return { shape: "parts", parts: [part(m[1]!, m[2]!), part(m[3]!, m[4]!)] };
}

export function keyOf(word: string): string {
  return (
    word
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "oe")
      .replace(/å/g, "aa")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "del"
  );
}

function count(body: string, ctx: ReadContext, flags: string[]): Main | undefined {
  const qualified = re(
    String.raw`${LB}(?:mindst|minimum|min\.)\s+(${NUM})(?!\s*${PCT})(?=\s|$|[.,;])(.*)$`,
  ).exec(body);
  const capacity = qualified
    ? undefined
    : re(
        String.raw`${LB}(?:som\s+minimum|mindst|minimum)\s[^.]*?${LB}(?:på|af)\s+(${NUM})\s+(\p{L}.*)$`,
      ).exec(body);
  const bare =
    qualified || capacity
      ? undefined
      : re(
          String.raw`${LB}(?:${COUNT_VERB})\p{L}*\s+(?:\p{L}+\s+){0,2}?(${NUM})\s+(?!${TIME_UNITS}(?!\p{L}))(\p{L}.*)$`,
        ).exec(body);
  const m = qualified ?? capacity ?? bare;
  if (!m) return undefined;
  const num = readNum(m[1]!);
  if (num.kind === "value" && /^(?:19|20)\d{2}$/.test(num.text)) return undefined;
  const rest = m[2]!;
  let unit: string | undefined;
  if (re(String.raw`^\s*(?:i|inden|om)\s`).test(rest) || rest.trim() === "") {
    unit = subjectNoun(body);
  } else {
    if (re(`^\\s*${TIME_UNITS}(?!\\p{L})`).test(rest)) return undefined;
    unit = nounAfter(rest, flags).unit;
  }
  if (!unit) flags.push(`enheden for antallet ${num.text} står ikke i linjen`);
  const u = unit;
  // Capacity is counted in helårspladser (year-places), which have decimals; so are decimal counts.
  const inPlaces = /pladser$/i.test(unit ?? "") || re(String.raw`${LB}kapacitet`).test(body);
  const decimals = num.text.includes(",") || inPlaces ? ({ decimals: true } as const) : {};
  const make = (n: number): Target =>
    u
      ? { kind: "countMin", atLeast: n, unit: u, ...decimals }
      : { kind: "countMin", atLeast: n, ...decimals };
  void ctx;
  return single(num, "count", make, flags);
}

/** "mindst 4,0" without a unit: a score. */
function score(body: string): Main | undefined {
  const m = re(
    String.raw`${LB}(?:mindst|minimum|på\s+mindst)\s+(\d+,\d+)(?!\s*${PCT})(?=\s*(?:$|[.,;]|på\s|i\s|\())`,
  ).exec(body);
  if (!m) return undefined;
  const n = plainNumber(m[1]!);
  return {
    shape: "single",
    target: { kind: "valueMin", atLeast: n },
    make: (v) => ({ kind: "valueMin", atLeast: v }),
    slot: "value",
  };
}

/** "Alle …" is a share of 100 %; a task with a deadline is Ja/Nej by that date; the rest is Ja/Nej. */
const VAGUE = String.raw`mindst|højst|flere|færre|halvdel\p{L}*|fastholde\p{L}*|niveau\p{L}*|${FALL}|${RISE}|begræns\p{L}*`;

function allOrTask(body: string, ctx: ReadContext, flags: string[]): Main {
  const deadline = findDeadline(body, ctx.year);
  const all = re(String.raw`${LB}(?:alle|samtlige)${RB}`).test(body);
  if (deadline && !deadline.soft) {
    if (all) {
      flags.push(`«alle … ${deadline.text}»: Ja/Nej med frist (valgt) eller en andel på mindst 100 %?`);
    }
    return fixed({ kind: "yesNo", deadline: { text: deadline.text, date: deadline.date } });
  }
  if (all) return fixed({ kind: "shareMin", atLeast: 1 });
  const stray = strayNumbers(body, ctx.year, true);
  const vague = re(String.raw`${LB}(?:${VAGUE})${RB}`).exec(body);
  if (stray.length > 0) {
    flags.push(`tal i linjen uden et krav, der kan læses (${stray.join(", ")}): læst som Ja/Nej`);
  } else if (vague) {
    flags.push(
      `«${vague[0]}» uden et tal, der kan måles: læst som Ja/Nej — er det en ændring eller et antal?`,
    );
  }
  return fixed({ kind: "yesNo" });
}

/** Numbers that are neither years, ordinals ("1. kvartal") nor conditions ("inden 10 dage", "12 mdrs"). */
function strayNumbers(body: string, year: number, withUnits = false): string[] {
  return [...body.matchAll(/(?<![\p{L}\d.,])(\d+(?:[.,]\d+)*)(?![\d])(\.?\s*)(\p{L}*)/gu)]
    .filter((m) => {
      const n = plainNumber(m[1]!);
      if (Math.abs(n - year) <= 5) return false;
      if (m[2]!.startsWith(".") && m[2]!.length > 1) return false;
      const word = m[3] ?? "";
      if (!/^(dage|dag|dags|uger|uge|ugers|måneder|måneders|mdr|mdrs|år|årige|timer|timers)$/i.test(word))
        return true;
      // Time figures are conditions in a share ("inden 10 dage"), but in a line read as Ja/Nej
      // any such figure is doubtful ("behandles på 3 uger").
      return withUnits && !/^(dags|årige)$/i.test(word);
    })
    .map((m) => m[1]!);
}
