// What a goal line says besides its main target: bracketed notes ("[ikke mål for JSV og CJF]",
// "[målet er mindst 95 % for Nyropsgade]"), "Samme mål for CAB.", and a per-centre list at the
// end ("Skelbækgade: 1000 Nyropsgade: 450", "CKB: 60 %, CAB: 50 %"). What is left is the body
// the target is read from, with parentheses taken out ("(ca. 450 sager)", "(i året)").
import { mentions } from "./centres";

export interface Annotations {
  body: string;
  /** Parenthesised remarks, kept for the note. */
  asides: string[];
  notes: string[];
  sameFor: string[];
  /** Per-centre values in the order written, value text as written ("61.974 kr."). */
  list: { centre: string; value: string }[];
  /** Text at the list's position that did not read as "Centre: value". */
  listRest?: string;
}

export interface CentreNames {
  /** Code for a code or a full name as written; undefined if unknown. */
  resolve(word: string): string | undefined;
  /** All codes and names, longest first, to find them in text. */
  words(): string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function annotations(text: string, names: CentreNames): Annotations {
  let body = text;
  const notes: string[] = [];
  body = body.replace(/\[([^\]]*[^\]\d\s–-][^\]]*)\]/g, (_, note: string) => {
    notes.push(note.trim());
    return " ";
  });
  const sameFor: string[] = [];
  body = body.replace(/\bSamme mål for ([^.]+)\.?/g, (_, who: string) => {
    sameFor.push(...splitNames(who));
    return " ";
  });
  const asides: string[] = [];
  body = body.replace(/\(([^()]*)\)/g, (_, aside: string) => {
    // "(ikke mål for CJF)" is a note in round brackets; other asides are remarks.
    if (EXCLUSION.test(aside.trim()) || ONLY.test(aside.trim())) notes.push(aside.trim());
    else asides.push(aside.trim());
    return " ";
  });
  const { rest, list, listRest } = centreList(body, names);
  return { body: rest.replace(/\s+/g, " ").trim(), asides, notes, sameFor, list, listRest };
}

/** "[ikke mål for JSV og CJF]", "[gælder ikke for CAB]", "[undtaget: CKB]". */
export const EXCLUSION =
  /^(?:ikke\s+(?:et\s+)?mål\s+for|gælder\s+ikke(?:\s+for)?|undtaget:?|dog\s+ikke(?:\s+for)?)\s+(.+)$/i;
/** "[gælder kun for CKB]", "[kun CAB]". */
export const ONLY = /^(?:gælder\s+)?kun\s+(?:for\s+)?(.+)$/i;

export function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+og\s+|\s*&\s*/)
    .map((s) => s.trim().replace(/\.$/, ""))
    .filter(Boolean);
}

function centreList(
  body: string,
  names: CentreNames,
): { rest: string; list: { centre: string; value: string }[]; listRest?: string } {
  const words = names.words();
  if (words.length === 0) return { rest: body, list: [] };
  const alt = words.map(escape).join("|");
  const start = new RegExp(String.raw`(?<![\p{L}\d])(${alt})\s*:`, "u").exec(body);
  if (!start) return { rest: body, list: [] };
  const tail = body.slice(start.index);
  const item = new RegExp(
    String.raw`(?<![\p{L}\d])(${alt})\s*:\s*(.*?)\s*[,;]?\s*(?=(?:(?<![\p{L}\d])(?:${alt})\s*:)|$)`,
    "gu",
  );
  const list: { centre: string; value: string }[] = [];
  let consumed = "";
  for (const m of tail.matchAll(item)) {
    if (m[0]!.length === 0) continue;
    list.push({ centre: names.resolve(m[1]!) ?? m[1]!, value: m[2]!.replace(/[,;]\s*$/, "").trim() });
    consumed += m[0]!;
  }
  const leftover = tail.replace(item, "").trim();
  return {
    rest: body.slice(0, start.index),
    list,
    listRest: leftover && consumed ? leftover : undefined,
  };
}

/** The centres a note or exclusion names, resolved to codes; unknown words are returned apart. */
export function namedCentres(text: string, names: CentreNames): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  for (const word of names.words()) {
    if (mentions(text, word)) {
      const code = names.resolve(word);
      if (code && !codes.includes(code)) codes.push(code);
    }
  }
  return { codes, unknown: [] };
}
