// Drafts a Contract from the appendix's rows. Every goal line becomes a goal; every reading the
// text leaves open is listed for review with the line and the alternatives. Ids follow the
// built-in scheme: a contract prefix ("jc" for Jobcenter …, "bc" for beskæftigelsescentrene), the
// area's first letter and the goal's number within its area (jc-b01, jc-k01, …).
import type { Centre, Contract, Goal, Measure, Target } from "../contracts/model";
import { annotations, EXCLUSION, namedCentres, ONLY, splitNames, type CentreNames } from "./annotations";
import { CentreRegistry, headingSubject, mentions } from "./centres";
import { DraftError } from "./errors";
import { keyOf, readTarget, type Main } from "./readTarget";
import type { Row } from "./rows";
import { classify, type Item } from "./structure";
import { perCentreTarget } from "./values";

export interface ReviewItem {
  /** The goal to look at; "" for the contract's header (title, year, a centre's code). */
  goalId: string;
  line: number;
  reason: string;
}

export interface DraftResult {
  contract: Contract;
  review: ReviewItem[];
  /** Where each goal came from, for the sheet and for comparing with another contract. */
  lines: Record<string, number>;
}

interface GoalDraft {
  goal: Goal;
  line: number;
  flags: string[];
}

export function draftFromRows(rows: Row[]): DraftResult {
  let items = classify(rows);
  const goalsIn = items.filter((i) => i.kind === "goal");
  if (goalsIn.length === 0 || !items.some((i) => i.kind === "heading")) {
    throw new DraftError(
      "Filen ligner ikke et bilag med resultatmål: der er ingen tabel med afsnit som «Fælles mål for …» og mål i anden kolonne. Vælg bilagets Word-fil, eller kopiér hele tabellen ind.",
    );
  }
  const review: ReviewItem[] = [];
  const header = headerOf(items, review);
  const goalText = goalsIn.map((g) => g.text).join("\n");
  const registry = new CentreRegistry(goalText);
  const sectionCodes = new Map<Item, string[] | undefined>();
  const sectionProblems = new Map<Item, string>();
  for (const item of items) {
    if (item.kind !== "heading") continue;
    const subject = headingSubject(item.text);
    const codes = registry.add(subject, item.line);
    sectionCodes.set(item, codes?.length ? codes : undefined);
    if (subject.kind === "list" && subject.items.length === 0) {
      sectionProblems.set(item, `afsnittet «${item.text}» nævner ikke centrene: alle centre er valgt`);
    } else if (
      subject.kind === "list" &&
      subject.count !== undefined &&
      subject.count !== subject.items.length
    ) {
      sectionProblems.set(
        item,
        `afsnittet nævner ${subject.count} centre, men opregner ${subject.items.length}`,
      );
    }
  }
  const centres: Centre[] = registry.centres.map((c) => ({ code: c.code, name: c.name }));
  const names = centreNames(registry);
  const order = orderProblems(items);
  items = mergeContinuations(items, names, review);

  const drafts: GoalDraft[] = [];
  const ids = new IdMaker(header.prefix);
  let area: string | undefined;
  let group: string | undefined;
  let heading: Extract<Item, { kind: "heading" }> | undefined;
  let excludedAbove: { goal: Goal; words: string[] } | undefined;
  for (const item of items) {
    switch (item.kind) {
      case "area":
        area = item.text;
        group = undefined;
        heading = undefined;
        excludedAbove = undefined;
        break;
      case "heading":
        heading = item;
        group = undefined;
        excludedAbove = undefined;
        break;
      case "group":
        group = item.text;
        break;
      case "loose": {
        const last = drafts[drafts.length - 1];
        if (last && last.line === item.line - 1) {
          last.goal.text = `${last.goal.text} ${item.text}`;
          last.flags.push(`linje ${item.line} er læst som fortsættelsen af målet: kontrollér teksten`);
          last.line = item.line;
        } else {
          review.push({
            goalId: "",
            line: item.line,
            reason: `linjen står uden for tabellen og er ikke læst: «${cut(item.text)}»`,
          });
        }
        break;
      }
      case "goal": {
        if (item.group !== undefined) group = item.group;
        const flags: string[] = [];
        if (!area) flags.push("målet står før første område: skriv området");
        if (!heading)
          flags.push("målet står før første afsnit («Fælles mål for …»): skriv, hvilke centre det gælder");
        const codes = heading
          ? (sectionCodes.get(heading) ?? centres.map((c) => c.code))
          : centres.map((c) => c.code);
        const goal = draftGoal(item.text, {
          id: ids.next(area ?? "Uden område"),
          area: area ?? "Uden område",
          group,
          section: heading?.text ?? "",
          codes,
          names,
          year: header.year,
          flags,
        });
        if (goal.excluded?.length) {
          excludedAbove = { goal, words: longWords(goal.text) };
        } else if (excludedAbove) {
          const shared = longWords(goal.text).filter((w) => excludedAbove!.words.includes(w));
          if (shared.length > 0) {
            const ex = excludedAbove.goal.excluded!.filter((c) => goal.centres.includes(c));
            goal.excluded = ex;
            flags.push(
              `målet ovenfor gælder ikke for ${ex.join(" og ")}, og denne linje handler også om «${shared[0]}»: undtaget her også (valgt) eller gælder det dem?`,
            );
          }
        }
        drafts.push({ goal, line: item.line, flags });
        break;
      }
      default:
        break;
    }
  }
  for (const c of registry.centres) {
    if (c.codeSource === "guess") {
      review.push({
        goalId: "",
        line: c.line,
        reason: `koden «${c.code}» for «${c.name}» er gættet: teksten bruger ingen forkortelse for centret. Ret koden, hvis centret kaldes noget andet`,
      });
    }
  }
  if (order.length > 0) {
    for (const d of drafts)
      d.flags.unshift(
        `bilagets rækkefølge ser brudt ud (${order.join("; ")}): kontrollér område, afsnit, gruppe og centre`,
      );
  }
  for (const d of drafts) {
    if (d.flags.length > 0) review.push({ goalId: d.goal.id, line: d.line, reason: d.flags.join("; ") });
  }
  review.sort((a, b) => a.line - b.line);
  const contract: Contract = {
    id: header.id,
    title: header.title,
    year: header.year,
    ...(header.caseNumber ? { caseNumber: header.caseNumber } : {}),
    ...(header.documentNumber ? { documentNumber: header.documentNumber } : {}),
    centres,
    goals: drafts.map((d) => d.goal),
  };
  return { contract, review, lines: Object.fromEntries(drafts.map((d) => [d.goal.id, d.line])) };
}

/**
 * A row that only continues the goal above — its per-centre list ("CKB: 60 %, CAB: 50 %"), a note
 * ("[ikke mål for CJF]") or "Samme mål for CAB." on a line of its own, as a Word cell with line
 * breaks gives — is joined to that goal. A table's own header row ("Område | Mål") is skipped.
 */
function mergeContinuations(items: Item[], names: CentreNames, review: ReviewItem[]): Item[] {
  const out: Item[] = [];
  const alt = names
    .words()
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  const listStart = alt ? new RegExp(`^(?:${alt})\\s*:`, "u") : undefined;
  for (const item of items) {
    if (item.kind !== "goal") {
      out.push(item);
      continue;
    }
    const continuation =
      (listStart?.test(item.text) ?? false) ||
      /^\[[^\]]*\]$/.test(item.text) ||
      /^Samme mål for /i.test(item.text);
    const previous = out[out.length - 1];
    if (continuation && !item.group && previous?.kind === "goal") {
      out[out.length - 1] = { ...previous, text: `${previous.text} ${item.text}` };
      continue;
    }
    if (item.text.split(/\s+/).length <= 2 && !/\d/.test(item.text)) {
      review.push({
        goalId: "",
        line: item.line,
        reason: `rækken «${cut(item.text)}» er ikke læst som et mål (en kolonneoverskrift?)`,
      });
      continue;
    }
    out.push(item);
  }
  return out;
}

const cut = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

function longWords(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/\p{L}{9,}/gu) ?? []).filter((w) => !COMMON.has(w)))];
}
const COMMON = new Set([
  "kontanthjælpsmodtagere",
  "beskæftigelse",
  "gennemføres",
  "medarbejdere",
  "udarbejdet",
  "sagsbehandlingen",
]);

function centreNames(registry: CentreRegistry): CentreNames {
  const words = registry.centres.flatMap((c) => [c.code, c.name]);
  return {
    resolve: (word) => registry.byCode(word)?.code ?? registry.byName(word)?.code,
    words: () => [...new Set(words)].sort((a, b) => b.length - a.length),
  };
}

interface Header {
  id: string;
  prefix: string;
  title: string;
  year: number;
  caseNumber?: string;
  documentNumber?: string;
}

function headerOf(items: Item[], review: ReviewItem[]): Header {
  const title = items.find((i) => i.kind === "title") as Extract<Item, { kind: "title" }> | undefined;
  const ref = items.find((i) => i.kind === "caseRef") as Extract<Item, { kind: "caseRef" }> | undefined;
  const years = new Map<number, number>();
  for (const i of items) {
    if (i.kind !== "goal") continue;
    for (const y of i.text.match(/(?<!\d)(19|20)\d{2}(?!\d)/g) ?? []) years.set(+y, (years.get(+y) ?? 0) + 1);
  }
  const inTitle = title && /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(title.text);
  const common = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  const year = inTitle ? +inTitle[1]! : (common ?? new Date().getFullYear());
  if (!title) {
    review.push({
      goalId: "",
      line: 1,
      reason: "bilaget har ingen titel («BILAG 1: …»): skriv kontraktens titel",
    });
  }
  if (!inTitle) {
    review.push({
      goalId: "",
      line: title?.line ?? 1,
      reason: common
        ? `titlen nævner intet år: ${year} er valgt, fordi målene oftest nævner det`
        : `hverken titlen eller målene nævner et år: ${year} er valgt`,
    });
  }
  const text = title?.text ?? `Resultatkontrakt ${year}`;
  const subject = (/\bfor\s+(.+)$/i.exec(text)?.[1] ?? text).replace(/\s*(?:19|20)\d{2}\s*$/, "").trim();
  const slug = ascii(subject).replace(/centrene\b/g, "centre");
  const first = ascii(subject.split(/\s+/)[0] ?? "k");
  const prefix = first.includes("cent") ? `${first[0]}c` : first.slice(0, 2) || "k";
  return {
    id: `${slug || "kontrakt"}-${year}`,
    prefix,
    title: text,
    year,
    caseNumber: ref?.caseNumber,
    documentNumber: ref?.documentNumber,
  };
}

export function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** jc-b01, jc-b02, …, jc-k01: a letter per area (two if two areas share it), numbered per area. */
class IdMaker {
  private readonly letters = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  constructor(private readonly prefix: string) {}

  next(area: string): string {
    let letter = this.letters.get(area);
    if (!letter) {
      const a = ascii(area).replace(/-/g, "") || "x";
      const taken = new Set(this.letters.values());
      letter =
        [a.charAt(0), a.slice(0, 2), a.slice(0, 3)].find((l) => !taken.has(l)) ??
        `${a.charAt(0)}${this.letters.size}`;
      this.letters.set(area, letter);
    }
    const n = (this.counts.get(area) ?? 0) + 1;
    this.counts.set(area, n);
    return `${this.prefix}-${letter}${String(n).padStart(2, "0")}`;
  }
}

/** Signs that the rows are not in the appendix's order (rows shuffled, or a table cut apart). */
function orderProblems(items: Item[]): string[] {
  const problems: string[] = [];
  const firstContent = items.find((i) => i.kind !== "loose");
  if (items.some((i) => i.kind === "title") && firstContent?.kind !== "title")
    problems.push("titlen står ikke øverst");
  const ref = items.findIndex((i) => i.kind === "caseRef");
  const lastGoal = items.map((i) => i.kind).lastIndexOf("goal");
  if (ref >= 0 && ref < lastGoal) problems.push("sagsnummeret står før sidste mål");
  const areas = items.filter((i) => i.kind === "area").map((i) => (i as { text: string }).text.toLowerCase());
  const twice = areas.find((a, k) => areas.indexOf(a) !== k);
  if (twice) problems.push(`området «${twice}» står to steder`);
  let sinceHeading = 1;
  let seenGoal = false;
  for (const i of items) {
    if (i.kind === "goal") {
      sinceHeading++;
      seenGoal = true;
    }
    if (i.kind === "heading") {
      if (sinceHeading === 0 && seenGoal) problems.push(`et afsnit uden mål før linje ${i.line}`);
      sinceHeading = 0;
    }
    if (i.kind === "area" && sinceHeading === 0 && seenGoal)
      problems.push(`et afsnit uden mål før linje ${i.line}`);
  }
  const goalBeforeHeading =
    items.findIndex((i) => i.kind === "goal") < items.findIndex((i) => i.kind === "heading");
  if (goalBeforeHeading) problems.push("mål står før første afsnit");
  return [...new Set(problems)];
}

interface GoalContext {
  id: string;
  area: string;
  group?: string;
  section: string;
  codes: string[];
  names: CentreNames;
  year: number;
  flags: string[];
}

function draftGoal(text: string, ctx: GoalContext): Goal {
  const { flags } = ctx;
  const ann = annotations(text, ctx.names);
  const centres = [...ctx.codes];
  for (const who of ann.sameFor) {
    const code = ctx.names.resolve(who);
    if (!code) flags.push(`«Samme mål for ${who}»: centret kendes ikke fra overskrifterne`);
    else if (!centres.includes(code)) centres.push(code);
  }
  const excluded: string[] = [];
  const noteWords: {
    note: string;
    saysMax: boolean;
    saysMin: boolean;
    saysFall: boolean;
    saysRise: boolean;
  }[] = [];
  const overrides: { codes: string[]; value: string; source: string }[] = [];
  for (const note of ann.notes) {
    const only = ONLY.exec(note);
    if (only) {
      const codes = splitNames(only[1]!).map((who) => ctx.names.resolve(who));
      if (codes.some((c) => !c)) flags.push(`«[${note}]»: et af centrene kendes ikke`);
      const known = codes.filter((c): c is string => !!c);
      if (known.length > 0) centres.splice(0, centres.length, ...known);
      continue;
    }
    const not = EXCLUSION.exec(note);
    if (not) {
      for (const who of splitNames(not[1]!)) {
        const code = ctx.names.resolve(who);
        if (!code) flags.push(`«[${note}]»: «${who}» kendes ikke som center`);
        else if (!centres.includes(code)) flags.push(`«[${note}]»: ${code} hører ikke til afsnittet`);
        else if (!excluded.includes(code)) excluded.push(code);
      }
      continue;
    }
    const named = namedCentres(note, ctx.names).codes;
    const num = /(\d[\d.,]*\s*(?:%|pct\b\.?|procent\b|\p{L}+\.?)?)/u.exec(note);
    if (named.length === 0 || !num) {
      flags.push(`noten «[${note}]» er ikke læst: skriv den som et krav for et center`);
      continue;
    }
    overrides.push({ codes: named, value: num[1]!.trim(), source: `[${note}]` });
    noteWords.push({
      note,
      saysMax: /(?<!\p{L})(?:højst|max|maks)/iu.test(note),
      saysMin: /(?<!\p{L})(?:mindst|min|minimum)(?!\p{L})/iu.test(note),
      saysFall: /(?<!\p{L})(?:reduc|nedbring|minds|sænk|fald)/iu.test(note),
      saysRise: /(?<!\p{L})(?:stig|øg|forøg|hæv)/iu.test(note),
    });
  }
  for (const entry of ann.list)
    overrides.push({ codes: [entry.centre], value: entry.value, source: `${entry.centre}: ${entry.value}` });
  if (ann.listRest) flags.push(`«${ann.listRest}» i listen over centre er ikke læst`);

  const applicable = centres.filter((c) => !excluded.includes(c));
  const reading = readTarget(ann.body, { year: ctx.year, shared: applicable.length > 1 });
  flags.push(...reading.flags);
  const notes = [...reading.notes];
  for (const aside of ann.asides) if (/\d/.test(aside)) notes.push(`I parentes: «${aside}»`);

  const stranger = ctx.names
    .words()
    .filter((w) => mentions(ann.body, w))
    .map((w) => ctx.names.resolve(w)!)
    .filter((c) => c && !centres.includes(c));
  if (stranger.length > 0) {
    flags.push(
      `teksten nævner ${[...new Set(stranger)].join(", ")}, men afsnittet gælder ${centres.join(", ")}: står målet under det rigtige afsnit?`,
    );
  }
  const main = reading.main;
  if (main.shape === "single") {
    const t = main.target ?? main.make(0);
    const isMax = t.kind === "shareMax" || t.kind === "valueMax";
    const direction = "direction" in t ? t.direction : undefined;
    for (const w of noteWords) {
      if (
        (w.saysMax && !isMax) ||
        (w.saysMin && isMax) ||
        (w.saysFall && direction === "rise") ||
        (w.saysRise && direction === "fall")
      ) {
        flags.push(`noten «[${w.note}]» siger noget andet end målets krav: kontrollér centrets krav`);
      }
    }
  }
  const measure = measureOf(main, overrides, applicable, flags, notes);
  const goal: Goal = {
    id: ctx.id,
    text,
    area: ctx.area,
    ...(ctx.group ? { group: ctx.group } : {}),
    section: ctx.section,
    centres,
    ...(excluded.length ? { excluded } : {}),
    measure,
  };
  if (notes.length > 0) goal.note = notes.join(" ");
  return goal;
}

function measureOf(
  main: Main,
  overrides: { codes: string[]; value: string; source: string }[],
  applicable: string[],
  flags: string[],
  notes: string[],
): Measure {
  if (main.shape === "parts") {
    if (overrides.length > 0)
      flags.push("målet har to krav og værdier pr. center: kontrollér hvert centers krav");
    return { kind: "parts", parts: main.parts.map((p) => ({ ...p, key: keyOf(p.key) })) };
  }
  const perCentre: Record<string, Target> = {};
  for (const o of overrides) {
    const target = perCentreTarget(main, o.value, o.source, flags);
    for (const code of o.codes) {
      if (!applicable.includes(code)) {
        flags.push(`«${o.source}»: ${code} er ikke blandt målets centre`);
        continue;
      }
      if (target) perCentre[code] = target;
    }
  }
  const listed = Object.keys(perCentre);
  const measure: Extract<Measure, { kind: "single" }> = { kind: "single" };
  const target = main.target;
  if (target?.kind === "countMin" && applicable.length > 1) {
    const sum = listed.reduce((s, c) => s + ((perCentre[c] as { atLeast: number }).atLeast ?? 0), 0);
    const allCounts = listed.every((c) => perCentre[c]?.kind === "countMin");
    if (listed.length === 0) {
      notes.push(`Fælles antal: centrene skal tilsammen nå ${target.atLeast}.`);
      measure.joint = target;
    } else if (allCounts && listed.length === applicable.length && Math.abs(sum - target.atLeast) < 1e-9) {
      notes.push(`Fordelingen pr. center summer til det fælles krav på ${target.atLeast}.`);
      measure.joint = target;
      measure.perCentre = perCentre;
      return measure;
    } else if (allCounts && listed.length === applicable.length) {
      flags.push(
        `fordelingen pr. center summer til ${sum}, ikke ${target.atLeast}: hvad er det fælles krav?`,
      );
      measure.joint = target;
      measure.perCentre = perCentre;
      return measure;
    } else {
      measure.target = target;
    }
  } else if (target) {
    measure.target = target;
  }
  if (listed.length > 0) measure.perCentre = perCentre;
  if (!target) {
    const missing = applicable.filter((c) => !listed.includes(c));
    if (missing.length > 0) {
      flags.push(`kravet er «X», men der står ingen værdi for ${missing.join(", ")}`);
      if (listed.length === 0) measure.target = main.make(0);
    }
  }
  return measure;
}
