// How each target kind is spread over a definition row: its Danish "Måltype" label, what Krav and
// Krav 2 hold, whether it has a unit, a baseline or a deadline. One entry per kind and direction.
import { KIND_LABELS as TABLE_LABELS, labelOf } from "../contracts/kinds";
import type { Baseline, Deadline, Target } from "../contracts/model";
import type { FieldKind } from "./numberText";

/** A target as the columns of a definition row hold it. */
export interface TargetFields {
  label: string;
  krav?: number;
  krav2?: number;
  unit?: string;
  decimals?: true;
  baseline?: Baseline;
  deadline?: Deadline;
}

export interface KindColumns {
  label: string;
  /** Krav: a number of this kind, or (Ja/Nej) the deadline's own words. */
  krav: FieldKind | "deadlineText";
  /** Krav 2: a second number, the "decimaler" flag of a count, or nothing. */
  krav2: { field: FieldKind; meaning: string; required: boolean } | "decimals" | null;
  unit: "required" | "optional" | "none";
  baseline: boolean;
  /** What the legend beside the table says about the columns. */
  legend: string;
  build(f: Required<Pick<TargetFields, "krav">> & TargetFields): Target;
}

const change = (direction: "fall" | "rise"): KindColumns => ({
  label: direction === "fall" ? "Fald i %" : "Stigning i %",
  krav: "percent",
  krav2: null,
  unit: "none",
  baseline: true,
  legend: `Krav: ${direction === "fall" ? "faldet" : "stigningen"} i % ift. basisåret, fx 10 %. Grundlag og Resultat er tal (ikke andele).`,
  build: (f) => ({
    kind: "change",
    direction,
    atLeast: f.krav,
    ...(f.baseline ? { baseline: f.baseline } : {}),
  }),
});

const pointChange = (direction: "fall" | "rise"): KindColumns => ({
  label: direction === "fall" ? "Fald i procentpoint" : "Stigning i procentpoint",
  krav: "points",
  krav2: null,
  unit: "none",
  baseline: true,
  legend: `Krav: ${direction === "fall" ? "faldet" : "stigningen"} i procentpoint, fx 7 procentpoint. Grundlag og Resultat er andele.`,
  build: (f) => ({
    kind: "pointChange",
    direction,
    atLeast: f.krav,
    ...(f.baseline ? { baseline: f.baseline } : {}),
  }),
});

const absoluteChange = (direction: "fall" | "rise"): KindColumns => ({
  label: direction === "fall" ? "Fald i enheder" : "Stigning i enheder",
  krav: "number",
  krav2: null,
  unit: "required",
  baseline: false,
  legend: `Krav: ${direction === "fall" ? "faldet" : "stigningen"} i Enhed, fx 1 (Enhed: dage).`,
  build: (f) => ({ kind: "absoluteChange", direction, atLeast: f.krav, unit: f.unit ?? "" }),
});

export const KIND_COLUMNS: KindColumns[] = [
  change("fall"),
  change("rise"),
  pointChange("fall"),
  pointChange("rise"),
  absoluteChange("fall"),
  absoluteChange("rise"),
  {
    label: "Andel mindst",
    krav: "percent",
    krav2: { field: "percent", meaning: "foreløbigt krav op til", required: false },
    unit: "none",
    baseline: false,
    legend: "Krav: mindst denne andel, fx 95 %. Krav 2: kun for et foreløbigt krav «[70-75]» (75 %).",
    build: (f) => ({
      kind: "shareMin",
      atLeast: f.krav,
      ...(f.krav2 !== undefined ? { provisionalUpTo: f.krav2 } : {}),
    }),
  },
  {
    label: "Andel højst",
    krav: "percent",
    krav2: { field: "percent", meaning: "udgangspunkt (ned fra)", required: false },
    unit: "none",
    baseline: false,
    legend: "Krav: højst denne andel, fx 3 %. Krav 2: udgangspunktet, hvis teksten nævner det (fra 28 %).",
    build: (f) => ({ kind: "shareMax", atMost: f.krav, ...(f.krav2 !== undefined ? { from: f.krav2 } : {}) }),
  },
  {
    label: "Forbrug mellem",
    krav: "percent",
    krav2: { field: "percent", meaning: "højst", required: true },
    unit: "none",
    baseline: false,
    legend:
      "Krav: mindst så stor en del af budgettet, fx 85 % (0 % = ingen nedre grænse). Krav 2: højst, fx 100 %.",
    build: (f) => ({ kind: "spendRange", min: f.krav, max: f.krav2 ?? 0 }),
  },
  {
    label: "Antal mindst",
    krav: "number",
    krav2: "decimals",
    unit: "optional",
    baseline: false,
    legend:
      "Krav: mindst dette antal, fx 1.850 (Enhed: personer). Krav 2: «decimaler», hvis tallet må have decimaler (helårspladser).",
    build: (f) => ({
      kind: "countMin",
      atLeast: f.krav,
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.decimals ? { decimals: true as const } : {}),
    }),
  },
  {
    label: "Værdi mindst",
    krav: "number",
    krav2: null,
    unit: "optional",
    baseline: false,
    legend: "Krav: mindst denne værdi, fx 4,0 (en score; decimaler tilladt).",
    build: (f) => ({ kind: "valueMin", atLeast: f.krav, ...(f.unit ? { unit: f.unit } : {}) }),
  },
  {
    label: "Værdi højst",
    krav: "number",
    krav2: null,
    unit: "required",
    baseline: false,
    legend: "Krav: højst denne værdi, fx 33 (Enhed: uger) eller 61.974 kr.",
    build: (f) => ({ kind: "valueMax", atMost: f.krav, unit: f.unit ?? "" }),
  },
  {
    label: "Ja/Nej",
    krav: "deadlineText",
    krav2: null,
    unit: "none",
    baseline: false,
    legend: "Gennemført eller ej. Frist: datoen; Krav: fristen med appendiksets ord (tom: «senest <dato>»).",
    build: (f) => ({ kind: "yesNo", ...(f.deadline ? { deadline: f.deadline } : {}) }),
  },
];

/** The kind table's labels (src/contracts/kinds), in its order; each must have columns here. */
export const KIND_LABELS: readonly string[] = TABLE_LABELS;
for (const label of TABLE_LABELS) {
  if (!KIND_COLUMNS.some((k) => k.label === label))
    throw new Error(`The definition sheet has no columns for the Måltype "${label}" (kindColumns.ts)`);
}

/** The kind columns of a "Måltype" as typed: any case, surrounding spaces ignored. */
export function kindByLabel(label: string): KindColumns | undefined {
  const wanted = label.trim().toLowerCase().replace(/\s+/g, " ");
  return KIND_COLUMNS.find((k) => k.label.toLowerCase() === wanted);
}

/** A target spread over the row's columns; the kind's `build` undoes it exactly. */
export function targetToFields(t: Target): TargetFields {
  const label = labelOf(t);
  switch (t.kind) {
    case "change":
    case "pointChange":
      return { label, krav: t.atLeast, baseline: t.baseline };
    case "absoluteChange":
      return { label, krav: t.atLeast, unit: t.unit };
    case "shareMin":
      return { label, krav: t.atLeast, krav2: t.provisionalUpTo };
    case "shareMax":
      return { label, krav: t.atMost, krav2: t.from };
    case "spendRange":
      return { label, krav: t.min, krav2: t.max };
    case "countMin":
      return { label, krav: t.atLeast, unit: t.unit, decimals: t.decimals };
    case "valueMin":
      return { label, krav: t.atLeast, unit: t.unit };
    case "valueMax":
      return { label, krav: t.atMost, unit: t.unit };
    case "yesNo":
      return { label, deadline: t.deadline };
  }
}

export function kindColumnsOf(t: Target): KindColumns {
  const label = labelOf(t);
  return KIND_COLUMNS.find((k) => k.label === label)!;
}
