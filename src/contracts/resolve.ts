// Resolves a contract's goals into the rows each centre is judged on.
import type { Assessment, CentreCode, Contract, Goal, GoalRow, Target, TextContext } from "./model";
import { contextOf } from "./requirement";

export function applicableCentres(goal: Goal): CentreCode[] {
  const excluded = goal.excluded ?? [];
  return goal.centres.filter((c) => !excluded.includes(c));
}

/**
 * Each goal's applicable centres as a set: every centre's sheet asks of every goal. Kept with the
 * arrays it was made from, so a goal given new centres (readers build goals step by step) is
 * asked afresh.
 */
const applicable = new WeakMap<
  Goal,
  { centres: CentreCode[]; excluded?: CentreCode[]; set: Set<CentreCode> }
>();

export function appliesTo(goal: Goal, centre: CentreCode): boolean {
  let known = applicable.get(goal);
  if (!known || known.centres !== goal.centres || known.excluded !== goal.excluded) {
    known = { centres: goal.centres, excluded: goal.excluded, set: new Set(applicableCentres(goal)) };
    applicable.set(goal, known);
  }
  return known.set.has(centre);
}

/** Resolved rows per contract object and centre: planning asks for the same rows many times. */
const resolved = new WeakMap<Contract, Map<CentreCode, GoalRow[]>>();

/** The rows of one centre's sheet, in the appendix's order. A goal with parts gives a row per part. */
export function rowsFor(contract: Contract, centre: CentreCode): GoalRow[] {
  let byCentre = resolved.get(contract);
  if (!byCentre) resolved.set(contract, (byCentre = new Map()));
  let rows = byCentre.get(centre);
  if (!rows) {
    const years = contextOf(contract);
    rows = contract.goals
      .filter((g) => appliesTo(g, centre))
      .flatMap((g) => goalRows(g, centre, { ...years, ...(g.measured ? { measured: g.measured } : {}) }));
    byCentre.set(centre, Object.freeze(rows) as GoalRow[]);
  }
  return rows;
}

function goalRows(goal: Goal, centre: CentreCode, context: TextContext): GoalRow[] {
  const base = {
    goalId: goal.id,
    text: goal.text,
    area: goal.area,
    group: goal.group,
    ...(goal.note ? { note: goal.note } : {}),
    context,
  };
  if (goal.measure.kind === "parts") {
    return goal.measure.parts.map((p) => ({
      ...base,
      id: `${goal.id}.${p.key}`,
      partLabel: p.label,
      assessment: { basis: "own", target: p.target },
    }));
  }
  return [{ ...base, id: goal.id, assessment: assessmentOf(goal, centre) }];
}

function assessmentOf(goal: Goal, centre: CentreCode): Assessment {
  if (goal.measure.kind !== "single") throw new Error("assessmentOf expects a single measure");
  const { target, perCentre, joint } = goal.measure;
  const own: Target | undefined = perCentre?.[centre] ?? target;
  if (joint) {
    const jointTarget = { centres: applicableCentres(goal), target: joint };
    if (!own) return { basis: "joint", joint: jointTarget };
    if (own.kind !== "countMin")
      throw new Error(`Goal ${goal.id}: a joint goal's own target must be a count`);
    return { basis: "ownAndJoint", target: own, joint: jointTarget };
  }
  if (!own) throw new Error(`Goal ${goal.id} has no target for ${centre}`);
  return { basis: "own", target: own };
}

/** The target that gives a row its status: the joint one for a pure joint goal, else the own one. */
export function statusTarget(a: Assessment): Target {
  return a.basis === "joint" ? a.joint.target : a.target;
}
