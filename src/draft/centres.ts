// Centres and their codes, from the section headings ("Fælles mål for de 3 jobcentre – Nyropsgade,
// Skelbækgade og Musvågevej", "Mål for Center for Job og Formidling") and from the goal texts,
// which use the codes ("… visiteres til CJF"). A code the text does not confirm is a guess and
// is flagged.
import { smallCount } from "./numbers";

export type CodeSource = "heading" | "text" | "guess";

export interface DraftCentre {
  code: string;
  name: string;
  codeSource: CodeSource;
  /** The line of the heading that introduced the centre. */
  line: number;
}

export type HeadingSubject =
  | { kind: "all" }
  | { kind: "list"; count?: number; noun?: string; items: { name?: string; code?: string }[] }
  | { kind: "single"; name: string };

/** "Fælles mål for …", "Særlige mål for …", "Mål for …", also "Fælles resultatmål for …". */
const HEADING =
  /^(?:(?:fælles|særlige|specifikke|øvrige|individuelle)\s+)?(?:resultat|indsats|effekt)?mål(?:ene)?\s+for\s+(\S.*)$/i;

export function isHeading(text: string): boolean {
  return HEADING.test(text) && text.length <= 300 && !/%|\bpct\b/i.test(text);
}

const CODE = String.raw`[A-ZÆØÅ][A-ZÆØÅa-zæøå0-9]*`;

export function headingSubject(text: string): HeadingSubject {
  const subject = (HEADING.exec(text)?.[1] ?? "").replace(/[.\s]+$/, "");
  if (
    /^(?:alle|samtlige)\s+(?:(?:\d+|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+)?(?:\S*cent(?:re|er|rene)\b|enheder)/i.test(
      subject,
    ) ||
    /^\S*centrene$/i.test(subject)
  ) {
    return { kind: "all" };
  }
  const collective = /^de\s+(\S+)\s+(\S+?)(?:\s*(?::|–|-)\s*(.+))?$/i.exec(subject);
  if (collective && smallCount(collective[1]!) !== undefined) {
    const list = collective[3]! ?? "";
    return {
      kind: "list",
      count: smallCount(collective[1]!),
      noun: collective[2]!,
      items: listItems(list),
    };
  }
  const pair = pairs(subject);
  if (pair.length === 1) return { kind: "list", items: pair };
  return { kind: "single", name: subject };
}

/** "Center for X – CKB, Center for Y – CAB & Center for Z, Sprog og Integration – CBSI". */
function pairs(list: string): { name: string; code: string }[] {
  const re = new RegExp(String.raw`(.+?)\s+[–-]\s+(${CODE})(?=\s*(?:,|&|\bog\b|\.|$))`, "gu");
  const out: { name: string; code: string }[] = [];
  for (const m of list.matchAll(re)) {
    const name = m[1]!.replace(/^\s*(?:,|&|og\b)\s*/u, "").trim();
    out.push({ name, code: m[2]! });
  }
  return out;
}

function listItems(list: string): { name?: string; code?: string }[] {
  if (!list.trim()) return [];
  const withNames = pairs(list);
  if (withNames.length > 0) return withNames;
  return list
    .split(/\s*,\s*|\s+og\s+|\s*&\s*/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ({ code: s }));
}

/** "jobcentre" → "Jobcenter": the name a listed bare code gets until a heading names it. */
function singular(noun: string | undefined): string {
  if (!noun) return "";
  const s = noun.replace(/centre(?:ne)?$/i, "center");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function mentions(text: string, code: string): boolean {
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(String.raw`(?<![\p{L}\d])${escaped}(?![\p{L}\d])`, "u").test(text);
}

const SMALL_WORDS = new Set(["for", "og", "af", "på", "i", "til", "med", "de", "det", "den"]);

function initials(name: string): string {
  return name
    .split(/[\s,]+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Collects the centres from every heading in document order; goalText is all goal lines joined. */
export class CentreRegistry {
  readonly centres: DraftCentre[] = [];

  constructor(private readonly goalText: string) {}

  byCode(code: string): DraftCentre | undefined {
    return this.centres.find((c) => c.code.toLowerCase() === code.toLowerCase());
  }

  byName(name: string): DraftCentre | undefined {
    const n = name.toLowerCase();
    return (
      this.centres.find((c) => c.name.toLowerCase() === n) ??
      this.centres.find((c) => n.endsWith(` ${c.code.toLowerCase()}`))
    );
  }

  /** Registers what a heading names and returns the codes it stands for (undefined for "alle"). */
  add(subject: HeadingSubject, line: number): string[] | undefined {
    if (subject.kind === "all") return undefined;
    if (subject.kind === "single") {
      const pieces = subject.name.split(/\s*,\s*|\s+og\s+|\s*&\s*/).filter(Boolean);
      const known = pieces.map((p) => this.byCode(p) ?? this.byName(p));
      const codes = pieces.every((p) => /^[A-ZÆØÅ]{2,}$/.test(p));
      // "Jobcenter Nord og Jobcenter Syd": each piece a centre's name of its own.
      const named = pieces.every((p, k) => known[k] || /^\S*cent(?:er|ret)\s+\p{Lu}/u.test(p));
      if (pieces.length > 1 && (known.every(Boolean) || codes || named)) {
        return pieces.map((p) => this.addNamed(p, line));
      }
      return [this.addNamed(subject.name, line)];
    }
    return subject.items.map((item) => {
      if (item.code && item.name) return this.addPair(item.name, item.code, line);
      const code = item.code!;
      const known = this.byCode(code) ?? this.byName(code);
      if (known) return known.code;
      const abbreviation = /^[A-ZÆØÅ]{2,}$/.test(code);
      const name = abbreviation || !subject.noun ? code : `${singular(subject.noun)} ${code}`;
      this.centres.push({ code, name, codeSource: "heading", line });
      return code;
    });
  }

  private addPair(name: string, code: string, line: number): string {
    const known = this.byCode(code);
    if (known) {
      known.name = name;
      return known.code;
    }
    this.centres.push({ code, name, codeSource: "heading", line });
    return code;
  }

  private addNamed(name: string, line: number): string {
    const known = this.byCode(name) ?? this.byName(name);
    if (known) {
      if (known.codeSource === "heading" && known.name === known.code) known.name = name;
      else if (known.name !== name && name.length > known.name.length) known.name = name;
      return known.code;
    }
    const { code, source } = this.codeFor(name);
    const clash = this.byCode(code);
    if (clash) return clash.code;
    this.centres.push({ code, name, codeSource: source, line });
    return code;
  }

  private codeFor(name: string): { code: string; source: CodeSource } {
    const inName = /\(([A-ZÆØÅ]{2,})\)\s*$/.exec(name);
    if (inName) return { code: inName[1]!, source: "heading" };
    const wanted = initials(name);
    const candidates = [...new Set(this.goalText.match(/(?<![\p{L}\d])[A-ZÆØÅ]{2,6}(?![\p{L}\d])/gu) ?? [])]
      .filter(
        (t) => !this.byCode(t) && isSubsequence(t, wanted) && t[t.length - 1] === wanted[wanted.length - 1],
      )
      .sort((a, b) => b.length - a.length);
    if (candidates.length > 0) return { code: candidates[0]!, source: "text" };
    const place = /^\S*cent(?:er|ret)\s+(\p{Lu}.*)$/iu.exec(name);
    if (place && !/^for\b/i.test(place[1]!)) {
      return { code: place[1]!, source: mentions(this.goalText, place[1]!) ? "text" : "guess" };
    }
    // "Særlige mål for Nord": a one-word name is its own code, as Nyropsgade is.
    if (/^\p{Lu}[\p{L}\d-]*$/u.test(name)) return { code: name, source: "heading" };
    if (wanted.length >= 2) return { code: wanted, source: "guess" };
    return { code: name.slice(0, 31), source: "guess" };
  }
}
