// The one rulebook: judges a goal from its two input cells, by the evaluator of the target's kind
// (contracts/kinds/). The workbook's Status formulas are the same rules in Excel's language, from
// the same entries; a differential test holds them equal.
import { countOf, InvalidInput, nonNegativeOf, readCell, round9 } from "./kinds/cells";
import { kindOf } from "./kinds";
import type {
  CellValue,
  CountMinTarget,
  GoalRow,
  Inputs,
  JointTarget,
  Outcome,
  Status,
  Target,
  TextContext,
} from "./model";
import { inputHint, jointRequirementText, quantity, requirementText } from "./requirement";

export { readCell, round9 };
export { formatPoints } from "./kinds/texts";

function outcome(
  status: Status,
  achieved: Outcome["achieved"],
  requirement: string,
  message: string,
): Outcome {
  return { status, achieved, requirement, message };
}

/** Judges one target on the two inputs of its row; the texts take their years from ctx. */
export function evaluate(target: Target, inputs: Inputs, ctx: TextContext): Outcome {
  const requirement = requirementText(target, ctx);
  const hint = inputHint(target, ctx);
  try {
    const judged = kindOf(target).judge(target, readCell(inputs.grundlag), readCell(inputs.resultat), hint);
    return outcome(judged.status, judged.achieved, requirement, judged.message);
  } catch (e) {
    if (e instanceof InvalidInput) return outcome("invalid", null, requirement, e.message);
    throw e;
  }
}

/**
 * Judges a joint goal on the sum of the contributing centres' Resultat. A contribution that is
 * absent (undefined: the centre's sheet is not in the workbook) counts as missing data.
 */
export function evaluateJoint(
  joint: JointTarget,
  contributions: Record<string, CellValue | undefined>,
  ctx: TextContext,
): Outcome {
  const requirement = jointRequirementText(joint, ctx);
  const target: CountMinTarget = joint.target;
  let sum = 0;
  const lacking: string[] = [];
  for (const centre of joint.centres) {
    const cell = readCell(contributions[centre]);
    try {
      const hint = inputHint(target, ctx).resultat;
      const n = target.decimals ? nonNegativeOf(cell, "Resultat", hint) : countOf(cell, hint);
      if (n === undefined) lacking.push(centre);
      else sum += n;
    } catch (e) {
      if (e instanceof InvalidInput) return outcome("invalid", null, requirement, `${centre}: ${e.message}`);
      throw e;
    }
  }
  if (lacking.length > 0) {
    return outcome(
      "missing",
      null,
      requirement,
      `Mangler data: ${lacking.join(", ")} har ikke udfyldt Resultat.`,
    );
  }
  const ok = round9(sum) >= target.atLeast;
  return outcome(
    ok ? "met" : "not_met",
    sum,
    requirement,
    `${ok ? "Opfyldt" : "Ikke opfyldt"}: ${quantity(sum, target.unit)} i alt.`,
  );
}

/** The outcome a row shows: its own target, or the joint one for a goal judged only jointly. */
export function evaluateRow(
  row: GoalRow,
  own: Inputs,
  contributions: Record<string, CellValue | undefined> = {},
): Outcome {
  const a = row.assessment;
  if (a.basis === "joint") return evaluateJoint(a.joint, contributions, row.context);
  return evaluate(a.target, own, row.context);
}
