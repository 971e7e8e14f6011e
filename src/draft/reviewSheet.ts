// A draft's review as the definition sheet shows it: the reason on each row to look at (each part
// of a goal with two targets), and the header's questions (a guessed centre code, a year not in
// the title) on the first goal they concern, since the sheet's review column is per row.
import type { DefinitionReview } from "../definition/planDefinitionSheet";
import type { DraftResult } from "./draftContract";

export function definitionReview(result: DraftResult): DefinitionReview {
  const { contract, review } = result;
  const reasons = new Map<string, string[]>();
  const add = (goalId: string, reason: string) =>
    reasons.set(goalId, [...(reasons.get(goalId) ?? []), reason]);
  for (const item of review) {
    if (item.goalId) {
      add(item.goalId, item.reason);
      continue;
    }
    const code = /koden «([^»]+)»/.exec(item.reason)?.[1];
    const goal =
      (code && contract.goals.find((g) => g.centres.length === 1 && g.centres[0] === code)) ??
      (code && contract.goals.find((g) => g.centres.includes(code))) ??
      contract.goals[0];
    if (goal) add(goal.id, `Kontraktens hoved (linje ${item.line}): ${item.reason}`);
  }
  const rows: Record<string, string> = {};
  for (const goal of contract.goals) {
    const text = reasons.get(goal.id)?.join("; ");
    if (!text) continue;
    const ids =
      goal.measure.kind === "parts" ? goal.measure.parts.map((p) => `${goal.id}.${p.key}`) : [goal.id];
    for (const id of ids) rows[id] = capitalise(text);
  }
  return { rows };
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** "62 mål læst, 4 til gennemsyn". */
export function draftSummary(result: DraftResult): string {
  const goals = result.contract.goals.length;
  const toReview = new Set(Object.keys(definitionReview(result).rows).map((id) => id.split(".")[0])).size;
  return `${goals} mål læst, ${toReview} til gennemsyn`;
}
