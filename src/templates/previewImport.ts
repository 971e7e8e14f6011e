// What importing a returned template would do to the master, before anything is written: per
// goal and field, a new figure, an unchanged one, or a conflict with a different figure already
// in the master. Pure: the master is seen as the state and grids read from it.
import type { CellValue } from "../contracts/model";
import type { SheetGrid } from "../sheets/grid";
import type { WorkbookState } from "../sheets/readWorkbook";
import { columnNumber } from "../sheets/a1";
import { FIELD_COLUMN, type InputField, type RejectedInput, type TemplateInputs } from "./inputCells";
import type { FieldChangeKind } from "./importTypes";
import type { Refusal } from "./refusal";
import { isBlankFigure, sameFigure } from "./sameFigure";
import type { VerifiedTemplate } from "./verifyTemplate";

/** Still importable from here for the Office shell (src/excel), which is being reworked elsewhere. */
export { sameFigure } from "./sameFigure";

export type { FieldChangeKind };

export interface FieldPreview {
  goalId: string;
  field: InputField;
  kind: FieldChangeKind;
  /** A1 address in the master's centre sheet. */
  masterAddress: string;
  /** A1 address in the returned file. */
  templateAddress: string;
  /** The master's figure (a formula's last result where the master holds a formula). */
  old: CellValue;
  /** The master's formula in that cell, if any: replacing it is always a conflict. */
  oldFormula?: string;
  value: number | string;
}

export interface FilePreview {
  file: string;
  contractId: string;
  centre: string;
  centreName: string;
  /** The master's sheet for the centre. */
  sheet: string;
  fields: FieldPreview[];
  rejected: RejectedInput[];
  /** Goal ids of rows the centre inserted, which the contract does not know (not imported). */
  unknownIds: string[];
  exportedAt: string;
}

export type PreviewResult = { ok: true; preview: FilePreview } | { ok: false; refusal: Refusal };

export function previewImport(
  template: VerifiedTemplate,
  inputs: TemplateInputs,
  master: WorkbookState,
  masterGrids: SheetGrid[],
): PreviewResult {
  const { contract, centre, file } = template;
  const state = master.centres.find((c) => c.contract.id === contract.id && c.centre.code === centre.code);
  const sheetName =
    state?.sheet ??
    master.meta.sheets.find((s) => s.contractId === contract.id && s.centre === centre.code)?.sheet ??
    centre.code;
  const wanted = [...new Set(inputs.values.map((v) => v.goalId))];
  const missing = state
    ? wanted.filter((id) => state.rows.find((r) => r.row.id === id)?.rowNumber === undefined)
    : wanted;
  if (!state || missing.length > 0) {
    return {
      ok: false,
      refusal: {
        kind: "masterRowsMissing",
        file,
        sheet: sheetName,
        missing: missing.length ? missing : [...template.rowNumbers.keys()],
      },
    };
  }
  const formulas = masterGrids.find((g) => g.name === state.sheet)?.formulas;
  const fields: FieldPreview[] = inputs.values.map((input) => {
    const row = state.rows.find((r) => r.row.id === input.goalId)!;
    const n = row.rowNumber!;
    const col = FIELD_COLUMN[input.field];
    const old = row[input.field];
    const oldFormula = formulas?.[n - 1]?.[columnNumber(col) - 1] ?? undefined;
    const kind: FieldChangeKind = sameFigure(old, input.value)
      ? "unchanged"
      : isBlankFigure(old) && !oldFormula
        ? "new"
        : "conflict";
    return {
      goalId: input.goalId,
      field: input.field,
      kind,
      masterAddress: `${col}${n}`,
      templateAddress: input.address,
      old,
      ...(oldFormula ? { oldFormula } : {}),
      value: input.value,
    };
  });
  return {
    ok: true,
    preview: {
      file,
      contractId: contract.id,
      centre: centre.code,
      centreName: centre.name,
      sheet: state.sheet,
      fields,
      rejected: inputs.rejected,
      unknownIds: template.unknownIds,
      exportedAt: template.exportedAt,
    },
  };
}
