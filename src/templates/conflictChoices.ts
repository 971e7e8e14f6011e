// applyImport with a choice per conflict: the task pane lets the user keep some of the workbook's
// figures and replace others. Kept conflicts are taken out before applyImport replaces the rest.
import { applyImport, type AppliedImport, type ConflictChoice } from "./applyImport";
import type { InputField } from "./inputCells";
import type { FieldPreview, FilePreview } from "./previewImport";

/** Names one field of one file, e.g. for the user's choice on a conflict. */
export function fieldKey(file: string, goalId: string, field: InputField): string {
  return `${file}\u0000${goalId}\u0000${field}`;
}

export function applyWithChoices(
  previews: FilePreview[],
  choice: ConflictChoice,
  perConflict: Readonly<Record<string, ConflictChoice>>,
  at: string,
): AppliedImport {
  const kept: FieldPreview[] = [];
  const trimmed = previews.map((p) => ({
    ...p,
    fields: p.fields.filter((f) => {
      if (f.kind !== "conflict") return true;
      const mine = perConflict[fieldKey(p.file, f.goalId, f.field)] ?? choice;
      if (mine === "keep") kept.push(f);
      return mine !== "keep";
    }),
  }));
  const result = applyImport(trimmed, "replace", at);
  // "replace" never stops on a conflict.
  if (!result.ok) throw new Error("applyImport refused with replace");
  result.applied.kept.push(...kept);
  return result.applied;
}
