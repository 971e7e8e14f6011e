// The domain model of a performance contract. Pure types: no Office, no React, no files.

export type CentreCode = string;

export interface Centre {
  code: CentreCode;
  name: string;
}

/** The appendix's area heading, free text ("Beskæftigelsesindsatsen", "Økonomi", …). */
export type Area = string;

/** The unit a plain value or an absolute change is measured in, as the appendix says it ("uger", "kr."). */
export type ValueUnit = string;

/**
 * What a goal demands. Fractions are stored as fractions (10 % = 0.1).
 * Each kind says by itself which inputs it reads:
 * - change / absoluteChange: Grundlag = the base year's figure, Resultat = the contract year's figure;
 * - pointChange: Grundlag = the base year's share, Resultat = the contract year's share;
 * - shareMin / shareMax: Resultat/Grundlag, or with Grundlag empty Resultat is the share itself;
 * - spendRange: Grundlag = the budget, Resultat = the amount spent (may exceed the budget);
 * - countMin / valueMin / valueMax / yesNo: Resultat only.
 */
export type Target =
  | ChangeTarget
  | PointChangeTarget
  | AbsoluteChangeTarget
  | ShareMinTarget
  | ShareMaxTarget
  | SpendRangeTarget
  | CountMinTarget
  | ValueMinTarget
  | ValueMaxTarget
  | YesNoTarget;

/**
 * "skal nedbringes med mindst 10 %": a relative fall or rise against the base year's figure.
 * A fall from 0 to 0 is met (nothing to bring down); a rise from 0 cannot be measured in %.
 */
export interface ChangeTarget {
  kind: "change";
  direction: "fall" | "rise";
  atLeast: number;
  /** What the change is measured against, where it is not the base year's figure. */
  baseline?: Baseline;
}

/**
 * "andelen skal stige med 7 procentpoint": a change of a share in percentage points. Both inputs
 * are shares (40 % / 0,4); atLeast is a fraction (7 percentage points = 0.07).
 */
export interface PointChangeTarget {
  kind: "pointChange";
  direction: "fall" | "rise";
  atLeast: number;
  baseline?: Baseline;
}

/** "inden varslingsperiodens udløb": the start and end figures of a change that is not base year → year. */
export interface Baseline {
  /** Completes "ift. …", e.g. "antallet ved varsling". */
  label: string;
  grundlag: string;
  resultat: string;
}

/** "Sygedagpenge: 1 dag": a fall or rise of a number of units, not a percentage. */
export interface AbsoluteChangeTarget {
  kind: "absoluteChange";
  direction: "fall" | "rise";
  atLeast: number;
  unit: ValueUnit;
}

/**
 * "mindst 95 %"; "Alle …" is atLeast 1. "[70-75]" is provisional, judged on its lower bound until
 * the economist enters the final value (by editing the target, then without provisionalUpTo).
 */
export interface ShareMinTarget {
  kind: "shareMin";
  atLeast: number;
  provisionalUpTo?: number;
}

/** "højst 3%"; "fra 28% til 22%" is atMost 0.22 with from 0.28 shown as the starting point. */
export interface ShareMaxTarget {
  kind: "shareMax";
  atMost: number;
  from?: number;
}

/** "min 85 % og max 100 % af den samlede bevilling", both ends inclusive. */
export interface SpendRangeTarget {
  kind: "spendRange";
  min: number;
  max: number;
}

/** "mindst 30 unge", "1000 jobordrer": a whole number of at least atLeast. */
export interface CountMinTarget {
  kind: "countMin";
  atLeast: number;
  unit?: string;
  /** Counted in units that allow decimals (helårspladser): the figure need not be whole. */
  decimals?: true;
}

/** "mindst 4,0" (a score): a value of at least atLeast, decimals allowed. */
export interface ValueMinTarget {
  kind: "valueMin";
  atLeast: number;
  unit?: string;
}

/** "33 uger eller derunder", "max. 6 måneder", "højst 61.974 kr. pr. plads". */
export interface ValueMaxTarget {
  kind: "valueMax";
  atMost: number;
  unit: ValueUnit;
}

/**
 * Done or not, by a deadline where the appendix gives one. With a deadline, Resultat may also be
 * the date it was done (a date after the deadline is not met).
 */
export interface YesNoTarget {
  kind: "yesNo";
  deadline?: Deadline;
}

export interface Deadline {
  /** The appendix's own words, e.g. "inden udgangen af 1. kvartal 2007". */
  text: string;
  /** ISO date of the last day that counts. */
  date: string;
}

export type TargetKind = Target["kind"];

/** A joint goal is judged on the sum of the contributing centres' Resultat. */
export interface JointTarget {
  centres: CentreCode[];
  target: CountMinTarget;
}

/**
 * How one goal row is judged for one centre:
 * - own: on the centre's own figures;
 * - joint: on the sum over all contributing centres (the row shows the centre's contribution);
 * - ownAndJoint: on the centre's own share, with the joint total shown beside it.
 */
export type Assessment =
  | { basis: "own"; target: Target }
  | { basis: "joint"; joint: JointTarget }
  | { basis: "ownAndJoint"; target: CountMinTarget; joint: JointTarget };

/** What a goal row's texts need besides its target: the contract's years and the goal's own words. */
export interface TextContext {
  /** The contract year: "Tallet for 2008". */
  year: number;
  /** The year changes are measured against: "ift. 2007". */
  baseYear: number;
  /** "Sådan måles": the goal's own words for its inputs, replacing the kind's default hint. */
  measured?: Measured;
}

/** One judged row of one centre's sheet: a goal, or one part of a goal with two targets. */
export interface GoalRow {
  /** Stable id: the goal's id, or `${goalId}.${partKey}` for a part. */
  id: string;
  goalId: string;
  text: string;
  partLabel?: string;
  area: Area;
  group?: string;
  /** Why the goal is read this way (the goal's note), shown on the row. */
  note?: string;
  context: TextContext;
  assessment: Assessment;
}

export interface GoalPart {
  key: string;
  label: string;
  target: Target;
}

/** The measure of a goal as the appendix states it, before it is resolved per centre. */
export type Measure =
  | {
      kind: "single";
      /** The target of every applicable centre that has no entry in perCentre. */
      target?: Target;
      /** Per-centre targets and overrides ("Skelbækgade: 1000", "[… 95 % for Nyropsgade]"). */
      perCentre?: Record<CentreCode, Target>;
      /** Judged on the sum over the applicable centres. */
      joint?: CountMinTarget;
    }
  | { kind: "parts"; parts: GoalPart[] };

export interface Goal {
  id: string;
  /** The appendix's line, verbatim, HTML tags removed, bracketed notes kept. */
  text: string;
  area: Area;
  group?: string;
  /** The appendix's heading the goal stands under, e.g. "Fælles mål for alle centre". */
  section: string;
  /** Why the goal is read the way it is, where the appendix leaves room; shown in the centre's sheet. */
  note?: string;
  /** What to count in Grundlag and Resultat, where the kind's default words are not enough. */
  measured?: Measured;
  /** The centres the section names. */
  centres: CentreCode[];
  /** "[ikke mål for JSV og CJF]". */
  excluded?: CentreCode[];
  measure: Measure;
}

/** "Sådan måles": the words a centre sees as the hint and prompt of each input. */
export interface Measured {
  grundlag?: string;
  resultat?: string;
}

export interface Contract {
  id: string;
  title: string;
  year: number;
  /** The year changes are measured against; absent means the year before `year`. */
  baseYear?: number;
  caseNumber?: string;
  documentNumber?: string;
  centres: Centre[];
  goals: Goal[];
}

export type Status = "met" | "not_met" | "missing" | "invalid" | "not_applicable";

/** What a cell holds: nothing, a number, or text (including "Ja"/"Nej"). */
export type CellValue = null | number | string | boolean;

export interface Inputs {
  grundlag: CellValue;
  resultat: CellValue;
}

export interface Outcome {
  status: Status;
  /** The figure judged: a fraction for shares and changes, a value or a sum, "Ja"/"Nej", or null. */
  achieved: number | string | null;
  /** The requirement in plain Danish, e.g. "Fald på mindst 10 % ift. 2006" for a 2007 contract. */
  requirement: string;
  /** Why, in Danish; for invalid input, what to type instead. */
  message: string;
}
