// Compares a draft with a contract known to be right (the built-in 2007 ones, or a test's own
// expectation): goal by goal, matched by their text (ids may differ), centre by centre on the
// resolved target. Prose the draft cannot know (note, measured, part keys) is not compared.
import type { Contract, Goal, Target } from "../contracts/model";
import type { DraftResult } from "./draftContract";

export type GoalVerdict = "identical" | "flagged" | "different" | "missing";

export interface GoalComparison {
  referenceId: string;
  draftId?: string;
  verdict: GoalVerdict;
  differences: string[];
}

export interface Comparison {
  lines: number;
  found: number;
  identical: number;
  flagged: number;
  /** Different and not flagged: the defect that must not happen. */
  different: number;
  missing: number;
  /** Draft goals that match no reference goal. */
  extra: string[];
  /** Differences in the contract's header and centres that the review does not name. */
  header: string[];
  /** Differences in the header that the review names (a guessed centre code). */
  headerFlagged: string[];
  goals: GoalComparison[];
}

export const normalText = (t: string) => t.replace(/\s+/g, " ").trim().toLowerCase();

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${k}:${stable((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function applicable(goal: Goal): string[] {
  return goal.centres.filter((c) => !(goal.excluded ?? []).includes(c));
}

/** What a centre is judged on for a goal, as comparable text. */
function judgedOn(goal: Goal, centre: string, rename: (code: string) => string = (c) => c): string {
  const m = goal.measure;
  if (m.kind === "parts") return stable(m.parts.map((p) => ({ label: p.label, target: p.target })));
  const own: Target | undefined = m.perCentre?.[centre] ?? m.target;
  const centres = applicable(goal).map(rename).sort();
  return stable({ own, joint: m.joint ? { centres, target: m.joint } : undefined });
}

/** Reference code → draft code: the same code, or the centre with the same name under another code. */
function codeMap(draft: Contract, reference: Contract): Map<string, string> {
  const map = new Map<string, string>();
  for (const ref of reference.centres) {
    const same =
      draft.centres.find((c) => c.code === ref.code) ??
      draft.centres.find((c) => c.name.toLowerCase() === ref.name.toLowerCase());
    map.set(ref.code, same?.code ?? ref.code);
  }
  return map;
}

export function compareDraft(draft: DraftResult, reference: Contract): Comparison {
  const flagged = new Set(draft.review.map((r) => r.goalId));
  const codes = codeMap(draft.contract, reference);
  const toDraft = (code: string) => codes.get(code) ?? code;
  const used = new Set<string>();
  const goals: GoalComparison[] = reference.goals.map((ref) => {
    const match = draft.contract.goals.find(
      (g) => !used.has(g.id) && normalText(g.text) === normalText(ref.text),
    );
    if (!match) return { referenceId: ref.id, verdict: "missing", differences: ["linjen er ikke fundet"] };
    used.add(match.id);
    const differences: string[] = [];
    if (match.area !== ref.area) differences.push(`område: ${match.area} ≠ ${ref.area}`);
    if ((match.group ?? "") !== (ref.group ?? ""))
      differences.push(`gruppe: ${match.group ?? "–"} ≠ ${ref.group ?? "–"}`);
    if (match.section !== ref.section) differences.push(`afsnit: ${match.section} ≠ ${ref.section}`);
    const a = applicable(match).sort().join(",");
    const b = applicable(ref).map(toDraft).sort().join(",");
    if (a !== b) differences.push(`centre: ${a} ≠ ${b}`);
    for (const centre of applicable(ref)) {
      const mine = judgedOn(match, toDraft(centre));
      const theirs = judgedOn(ref, centre, toDraft);
      if (mine !== theirs) differences.push(`${centre}: ${mine} ≠ ${theirs}`);
    }
    const verdict: GoalVerdict =
      differences.length === 0
        ? flagged.has(match.id)
          ? "flagged"
          : "identical"
        : flagged.has(match.id)
          ? "flagged"
          : "different";
    return { referenceId: ref.id, draftId: match.id, verdict, differences };
  });
  const header: string[] = [];
  const c = draft.contract;
  if (c.title !== reference.title) header.push(`titel: ${c.title} ≠ ${reference.title}`);
  if (c.year !== reference.year) header.push(`år: ${c.year} ≠ ${reference.year}`);
  if ((c.caseNumber ?? "") !== (reference.caseNumber ?? ""))
    header.push(`sagsnr.: ${c.caseNumber ?? "–"} ≠ ${reference.caseNumber ?? "–"}`);
  if ((c.documentNumber ?? "") !== (reference.documentNumber ?? ""))
    header.push(`doknr.: ${c.documentNumber ?? "–"} ≠ ${reference.documentNumber ?? "–"}`);
  const guessed = new Set(
    draft.review.filter((r) => r.goalId === "").map((r) => /koden «([^»]+)»/.exec(r.reason)?.[1]),
  );
  const headerFlagged: string[] = [];
  for (const ref of reference.centres) {
    const mine = c.centres.find((x) => x.code === toDraft(ref.code));
    const diff = !mine
      ? `centret ${ref.code} (${ref.name}) mangler`
      : mine.code !== ref.code || mine.name !== ref.name
        ? `centret ${mine.code} (${mine.name}) ≠ ${ref.code} (${ref.name})`
        : undefined;
    if (diff) (mine && guessed.has(mine.code) ? headerFlagged : header).push(diff);
  }
  const mapped = [...codes.values()];
  for (const x of c.centres)
    if (!mapped.includes(x.code)) header.push(`centret ${x.code} findes ikke i referencen`);
  if (c.centres.map((x) => x.code).join() !== reference.centres.map((x) => toDraft(x.code)).join()) {
    header.push("centrene står i en anden rækkefølge");
  }
  const count = (v: GoalVerdict) => goals.filter((g) => g.verdict === v).length;
  return {
    lines: reference.goals.length,
    found: goals.filter((g) => g.verdict !== "missing").length,
    identical: count("identical"),
    flagged: count("flagged"),
    different: count("different"),
    missing: count("missing"),
    extra: c.goals.filter((g) => !used.has(g.id)).map((g) => g.id),
    header,
    headerFlagged,
    goals,
  };
}
