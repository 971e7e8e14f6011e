// Turns the previews of the accepted files into one set of changes to the master: the figures
// to write (conflicts resolved as the user chose), the audit log rows and the `returned` trips.
// Pure; the shell writes all of it in one go or nothing.
import type { CellValue } from "../contracts/model";
import type { TripEvent } from "../sheets/meta";
import type { ConflictChoice, ConflictPolicy } from "./importTypes";
import { FIELD_LABEL } from "./inputCells";
import type { FieldPreview, FilePreview } from "./previewImport";

export type { ConflictChoice, ConflictPolicy };

export interface CellWrite {
  sheet: string;
  /** A1 address. */
  address: string;
  value: number | string;
}

export interface LogRow {
  /** ISO time of the import. */
  at: string;
  file: string;
  centre: string;
  goalId: string;
  /** "Grundlag", "Resultat" or "Bemærkning". */
  field: string;
  old: CellValue;
  value: number | string;
}

export interface Conflict extends FieldPreview {
  file: string;
  centre: string;
}

export interface AppliedImport {
  writes: CellWrite[];
  log: LogRow[];
  trips: TripEvent[];
  added: FieldPreview[];
  replaced: FieldPreview[];
  kept: FieldPreview[];
  unchanged: FieldPreview[];
}

export type ApplyResult = { ok: true; applied: AppliedImport } | { ok: false; conflicts: Conflict[] };

export function conflictsOf(previews: FilePreview[]): Conflict[] {
  return previews.flatMap((p) =>
    p.fields.filter((f) => f.kind === "conflict").map((f) => ({ ...f, file: p.file, centre: p.centre })),
  );
}

export function applyImport(previews: FilePreview[], choice: ConflictPolicy, at: string): ApplyResult {
  const conflicts = conflictsOf(previews);
  if (conflicts.length > 0 && choice === "fail") return { ok: false, conflicts };
  const applied: AppliedImport = {
    writes: [],
    log: [],
    trips: [],
    added: [],
    replaced: [],
    kept: [],
    unchanged: [],
  };
  for (const p of previews) {
    for (const f of p.fields) {
      if (f.kind === "unchanged") {
        applied.unchanged.push(f);
        continue;
      }
      if (f.kind === "conflict" && choice === "keep") {
        applied.kept.push(f);
        continue;
      }
      (f.kind === "new" ? applied.added : applied.replaced).push(f);
      applied.writes.push({ sheet: p.sheet, address: f.masterAddress, value: f.value });
      applied.log.push({
        at,
        file: p.file,
        centre: p.centre,
        goalId: f.goalId,
        field: FIELD_LABEL[f.field],
        old: f.oldFormula ? `=${f.oldFormula.replace(/^=/, "")}` : f.old,
        value: f.value,
      });
    }
    applied.trips.push({ event: "returned", contractId: p.contractId, centre: p.centre, at, file: p.file });
  }
  return { ok: true, applied };
}
