// The requirement of a target in plain Danish, and what to type in each input for it. The words
// per kind are in kinds/; the years come from the contract through the TextContext.
import { kindOf } from "./kinds";
import type { InputHint } from "./kinds/cells";
import type { Contract, JointTarget, Target, TextContext } from "./model";

export { quantity, unitText } from "./kinds/texts";
export type { InputHint };

/** The years every text of a contract speaks of: the contract year and its base year. */
export function contextOf(contract: Pick<Contract, "year" | "baseYear">): TextContext {
  return { year: contract.year, baseYear: contract.baseYear ?? contract.year - 1 };
}

export function requirementText(t: Target, ctx: TextContext): string {
  return kindOf(t).requirement(t, ctx);
}

/** "Mindst 1.850 personer i alt for CKB, CAB og CBSI": the codes as the contract spells them. */
export function jointRequirementText(j: JointTarget, ctx: TextContext): string {
  return `${requirementText(j.target, ctx)} i alt for ${listDa(j.centres)}`;
}

/** "CKB, CAB og CBSI". */
export function listDa(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/** What to type in Grundlag and Resultat; the same words are the input cells' validation prompts. */
export function inputHint(t: Target, ctx: TextContext): InputHint {
  return kindOf(t).hint(t, ctx);
}

/** The first letter in lower case, the rest (centre codes, "CKB") as it is. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
