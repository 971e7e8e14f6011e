// What one target kind is, in one place: its definition label, inputs, hint, requirement text,
// evaluator, Excel formula and number formats. kinds/index.ts holds one entry per kind, typed so
// that a kind without an entry does not compile.
import type { ZodType } from "zod";
import type { Target } from "../model";
import type { Cell, InputHint, Judged } from "./cells";
import type { FormulaRule, RowRefs } from "./excelText";
import type { TextContext } from "./texts";

/** A "Måltype" of the definition sheet: the label and the fields it fixes (e.g. the direction). */
export interface KindLabel<T extends Target> {
  label: string;
  variant: Partial<T>;
}

/** What a Resultat cell takes, for its validation and the CLI's reading of typed figures. */
export type ResultatInput = "number" | "wholeNumber" | "yesNo" | "yesNoOrDate";

/** The locked target cells a row's formulas point at: Mål-værdi and Mål-værdi 2. */
export interface TargetCells {
  target: number | string;
  target2?: number;
}

// Methods (not function-valued properties), so an entry for one kind is usable as an entry for
// the whole Target union where the table is looked up by a target's own kind.
export interface KindSpec<T extends Target> {
  /** The target's JSON form, checked when a contract is read (schema.ts joins them). */
  schema: ZodType;
  /** The definition sheet's "Måltype" labels, one per variant (Fald i % / Stigning i %). */
  labels: readonly KindLabel<T>[];
  /** Whether Grundlag is read and whether a figure typed with % makes sense. */
  inputs: { grundlag: boolean; percent: boolean };
  resultatInput(t: T): ResultatInput;
  /** What to type in Grundlag and Resultat (before a goal's own "Sådan måles" words). */
  hint(t: T, ctx: TextContext): InputHint;
  /** The requirement in plain Danish: "Fald på mindst 10 % ift. 2006". */
  requirement(t: T, ctx: TextContext): string;
  /** The evaluator: may throw InvalidInput with a Danish reason. */
  judge(t: T, g: Cell, r: Cell, hint: InputHint): Judged;
  /** The same rule as `judge` in Excel's language. */
  formula(t: T, refs: RowRefs): FormulaRule;
  targetCells(t: T): TargetCells;
  targetFormat(t: T, value: number): string;
  achievedFormat(t: T): string;
  /** Format of the Grundlag and Resultat cells. */
  inputFormat(t: T): string;
  /** The judged figure as a person reads it: "12,5 %", "33 uger", "Ja". */
  achievedText(t: T, achieved: number | string): string;
  /** "et antal uger": what the CLI says a figure must be. */
  inputWord(t: T): string;
}
