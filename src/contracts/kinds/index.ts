// The table of target kinds: one entry per kind, and the lookups everything else uses. Adding a
// kind: its type in the Target union (model.ts), a file here with its entry (JSON schema, label,
// hint, requirement, evaluator, formula, formats) and its line in KINDS — the compiler points at
// anything left out, including the differential test's figures for it.
import type { Target, TargetKind } from "../model";
import { absoluteChange } from "./absoluteChange";
import { change } from "./change";
import { countMin } from "./countMin";
import type { KindSpec } from "./kind";
import { pointChange } from "./pointChange";
import { shareMax } from "./shareMax";
import { shareMin } from "./shareMin";
import { spendRange } from "./spendRange";
import { valueMax } from "./valueMax";
import { valueMin } from "./valueMin";
import { yesNo } from "./yesNo";

export type TargetOf<K extends TargetKind> = Extract<Target, { kind: K }>;

export const KINDS: { readonly [K in TargetKind]: KindSpec<TargetOf<K>> } = {
  change,
  pointChange,
  absoluteChange,
  shareMin,
  shareMax,
  spendRange,
  countMin,
  valueMin,
  valueMax,
  yesNo,
};

/** The entry of a target's own kind. */
export function kindOf<T extends Target>(t: T): KindSpec<T> {
  return KINDS[t.kind] as unknown as KindSpec<T>;
}

/** A definition sheet's "Måltype": the kind and the fields the label fixes. */
export interface KindChoice {
  label: string;
  kind: TargetKind;
  variant: Partial<Target>;
}

/** Every "Måltype" label in the table's order: Fald i %, Stigning i %, … Ja/Nej. */
export const KIND_CHOICES: readonly KindChoice[] = (Object.keys(KINDS) as TargetKind[]).flatMap((kind) =>
  KINDS[kind].labels.map((l) => ({ label: l.label, kind, variant: l.variant as Partial<Target> })),
);

export const KIND_LABELS: readonly string[] = KIND_CHOICES.map((c) => c.label);

/** The "Måltype" label of a target: "Fald i %" for a relative fall. */
export function labelOf(t: Target): string {
  const entry = kindOf(t);
  const match = entry.labels.find((l) =>
    Object.entries(l.variant).every(
      ([key, value]) => (t as unknown as Record<string, unknown>)[key] === value,
    ),
  );
  return (match ?? entry.labels[0]!).label;
}

/** The kind and fixed fields of a "Måltype" label, in any case; undefined for an unknown label. */
export function choiceOfLabel(label: string): KindChoice | undefined {
  const wanted = label.trim().toLowerCase();
  return KIND_CHOICES.find((c) => c.label.toLowerCase() === wanted);
}

export type { KindSpec, KindLabel, ResultatInput, TargetCells } from "./kind";
export type { TextContext } from "./texts";
export type { RowRefs, FormulaRule } from "./excelText";
