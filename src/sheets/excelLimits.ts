// Facts about Excel that both shells obey when they render a plan, decided once here so the
// Office.js shell (excel/) and the exceljs shell (xlsx/) cannot drift apart. The two-shell test
// (tests/shells/) checks that they write the same.
import type { ValidationPlan } from "./plan";

/** Excel refuses validation texts longer than these (Office.js throws; a file gets "repaired"). */
export const VALIDATION_TEXT_LIMITS = { promptTitle: 32, prompt: 255, errorTitle: 32, error: 225 } as const;

/** A text cut to at most `max` characters, the last one an ellipsis that says it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A validation's prompt and error texts, each within Excel's limit. */
export function validationTexts(v: Pick<ValidationPlan, "prompt" | "error">): {
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
} {
  const max = VALIDATION_TEXT_LIMITS;
  return {
    promptTitle: clip(v.prompt.title, max.promptTitle),
    prompt: clip(v.prompt.text, max.prompt),
    errorTitle: clip(v.error.title, max.errorTitle),
    error: clip(v.error.text, max.error),
  };
}

/** The thin grey line of every border the plan asks for ("RRGGBB", like the plan's colours). */
export const BORDER_COLOR = "BFBFBF";

/**
 * How the add-in protects a sheet the plan protects: no password, every cell selectable, only
 * cells styled locked:false editable; column widths and row heights may still be changed (long
 * texts, printing). Each shell spells these in its own API's words.
 */
export const SHEET_PROTECTION = { formatColumns: true, formatRows: true } as const;
