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
  /** Differences in the contract's header and centres. */
  header: string[];
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
function judgedOn(goal: Goal, centre: string): string {
  const m = goal.measure;
  if (m.kind === "parts") return stable(m.parts.map((p) => ({ label: p.label, target: p.target })));
  const own: Target | undefined = m.perCentre?.[centre] ?? m.target;
  return stable({
    own,
    joint: m.joint ? { centres: [...applicable(goal)].sort(), target: m.joint } : undefined,
  });
}

export function compareDraft(draft: DraftResult, reference: Contract): Comparison {
  const flagged = new Set(draft.review.map((r) => r.goalId));
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
    const b = applicable(ref).sort().join(",");
    if (a !== b) differences.push(`centre: ${a} ≠ ${b}`);
    for (const centre of applicable(ref)) {
      const mine = judgedOn(match, centre);
      const theirs = judgedOn(ref, centre);
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
  if (stable(c.centres) !== stable(reference.centres))
    header.push(`centre: ${stable(c.centres)} ≠ ${stable(reference.centres)}`);
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
    goals,
  };
}
