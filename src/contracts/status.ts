import type { Status } from "./model";

/** The words the workbook and the people see; the JSON speaks the Status codes. */
export const STATUS_LABEL: Record<Status, string> = {
  met: "Opfyldt",
  not_met: "Ikke opfyldt",
  missing: "Mangler data",
  invalid: "Ugyldig",
  not_applicable: "Ikke relevant",
};

export function statusFromLabel(label: unknown): Status | undefined {
  const entry = Object.entries(STATUS_LABEL).find(([, l]) => l === label);
  return entry ? (entry[0] as Status) : undefined;
}
