// Differential test: the Status formula computed by HyperFormula equals the evaluator's status.
import fc from "fast-check";
import { evaluate } from "../../src/contracts/evaluate";
import { kindOf } from "../../src/contracts/kinds";
import type { CellValue, Target } from "../../src/contracts/model";
import { STATUS_LABEL } from "../../src/contracts/status";
import { achievedFormula, statusFormula } from "../../src/sheets/formulas";
import { hfContent, newEngine } from "../support/hyperformula";

const CTX = { year: 2007, baseYear: 2006 };
const hf = newEngine();
const sheetName = hf.addSheet("T");
const sheet = hf.getSheetId(sheetName)!;
const at = (row: number, col: number) => ({ sheet, row, col });
const refsAt = (row: number) => ({
  grundlag: `A${row + 1}`,
  resultat: `B${row + 1}`,
  target: `C${row + 1}`,
  target2: `D${row + 1}`,
});
/**
 * The row holding each distinct pair of formulas (status, achieved), written once: a run types
 * its figures into that row's input cells and reads its results, as a user typing into a sheet
 * would, instead of parsing the same formulas again for each of the ~20,000 runs.
 */
const rowOfFormulas = new Map<string, number>();

function rowFor(t: Target): number {
  const key = statusFormula(t, refsAt(0)) + "\n" + achievedFormula(t, refsAt(0), "E1");
  let row = rowOfFormulas.get(key);
  if (row === undefined) {
    row = rowOfFormulas.size;
    const refs = refsAt(row);
    hf.setCellContents(at(row, 4), [
      ["=" + statusFormula(t, refs), "=" + achievedFormula(t, refs, `E${row + 1}`)],
    ]);
    rowOfFormulas.set(key, row);
  }
  return row;
}

function computeStatus(t: Target, g: CellValue, r: CellValue): { status: unknown; achieved: unknown } {
  const [t1, t2] = targetValues(t);
  const row = rowFor(t);
  hf.setCellContents(at(row, 0), [[hfContent(g), hfContent(r), t1, t2 ?? null]]);
  return { status: hf.getCellValue(at(row, 4)), achieved: hf.getCellValue(at(row, 5)) };
}

function targetValues(t: Target): [number | string, number | null] {
  const cells = kindOf(t).targetCells(t);
  return [cells.target, cells.target2 ?? null];
}

/** Dates around a deadline of 31.3.2007 (serial 39172), as Excel serials and as Danish texts. */
const dateFigure: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 39140, max: 39200 }),
  fc.constantFrom(36525, 36526, 73050, 73051, 39172.5, 39173.01, -39172, 0.5),
  fc
    .record({
      d: fc.integer({ min: 0, max: 32 }),
      m: fc.integer({ min: 0, max: 13 }),
      y: fc.constantFrom(2007, 2008, 1999, 2100, 207),
      sep1: fc.constantFrom(".", "-", "/", ""),
      sep2: fc.constantFrom(".", "-", ".."),
      pad: fc.boolean(),
      space: fc.constantFrom("", " ", "  "),
    })
    .map(
      ({ d, m, y, sep1, sep2, pad, space }) =>
        `${space}${pad ? String(d).padStart(2, "0") : d}${sep1}${pad ? String(m).padStart(2, "0") : m}${sep2}${y}${space}`,
    ),
  fc.constantFrom(
    "15.3.2007",
    "31.3.2007",
    "1.4.2007",
    "15-03-2007",
    "29.2.2008",
    "29.2.2007",
    "1.1.2000",
    "31.12.2099",
    "015.3.2007",
    "15.3.07",
    "a5.3.2007",
    "1.5e1.2007",
  ),
);

/** Figures as a centre might type them: boundaries, blanks, text, zero, negatives, decimals. */
const figure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 60 }).map((n) => n / 2) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => n / 100) },
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 3000 }) },
  // Excel keeps 15 significant digits; figures below a millionth are taken as 0 (ROUND(x,9) of
  // a share over a near-zero denominator overflows in every engine).
  {
    weight: 2,
    arbitrary: fc
      .double({ min: -10, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .map((x) => (Math.abs(x) < 1e-6 ? 0 : Number(x.toPrecision(15)))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 1, 0.95, 0.1, 0.12, 4.4, 5, 0.22, 0.28, 0.85, 0.45, 0.65, 33, 6, 1850),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "Ja",
      "Nej",
      "ja",
      " nej ",
      "JA",
      "Måske",
      "1.000",
      "12,5",
      "abc",
      " ",
      "80 %",
      "x",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  { weight: 1, arbitrary: fc.boolean() },
);

const kinds: Record<Target["kind"], fc.Arbitrary<Target>> = {
  change: fc.record({
    kind: fc.constant("change" as const),
    direction: fc.constantFrom("fall" as const, "rise" as const),
    atLeast: fc.constantFrom(0.1, 0.12, 0.25, 0.4, 0.5, 0.07),
  }),
  absoluteChange: fc.record({
    kind: fc.constant("absoluteChange" as const),
    direction: fc.constantFrom("fall" as const, "rise" as const),
    atLeast: fc.constantFrom(1, 0.5, 2),
    unit: fc.constant("dage" as const),
  }),
  shareMin: fc.record({
    kind: fc.constant("shareMin" as const),
    atLeast: fc.constantFrom(0.95, 0.75, 0.1, 1, 0.7, 0.33),
  }),
  shareMax: fc.record({ kind: fc.constant("shareMax" as const), atMost: fc.constantFrom(0.03, 0.22, 0.5) }),
  spendRange: fc.constantFrom(
    { kind: "spendRange" as const, min: 0.85, max: 1 },
    { kind: "spendRange" as const, min: 0.45, max: 0.65 },
    { kind: "spendRange" as const, min: 0, max: 1 },
  ),
  pointChange: fc.record({
    kind: fc.constant("pointChange" as const),
    direction: fc.constantFrom("fall" as const, "rise" as const),
    atLeast: fc.constantFrom(0.07, 0.1, 0.02, 0.005),
  }),
  countMin: fc.oneof(
    fc.record({ kind: fc.constant("countMin" as const), atLeast: fc.constantFrom(1, 30, 6, 1000) }),
    fc.record({
      kind: fc.constant("countMin" as const),
      atLeast: fc.constantFrom(1, 29.5, 6, 1000),
      decimals: fc.constant(true as const),
    }),
  ),
  valueMin: fc.record({ kind: fc.constant("valueMin" as const), atLeast: fc.constantFrom(4, 4.5, 0, 30) }),
  valueMax: fc.record({
    kind: fc.constant("valueMax" as const),
    atMost: fc.constantFrom(33, 6, 49218),
    unit: fc.constant("uger" as const),
  }),
  yesNo: fc.constantFrom(
    { kind: "yesNo" as const },
    { kind: "yesNo" as const, deadline: { text: "inden udgangen af 1. kvartal 2007", date: "2007-03-31" } },
  ),
};

/** Shares as typed for a percentage-point change: mostly 0–100 %, some outside. */
const shareFigure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.4, 0.47, 0.33, 1.0000001, -0.01, 40, 100) },
  { weight: 2, arbitrary: figure },
);

/** The variants new in the model, each with figures that reach its own edges, 1,000 runs each. */
const variants: [string, fc.Arbitrary<Target>, fc.Arbitrary<CellValue>, fc.Arbitrary<CellValue>][] = [
  ["pointChange", kinds.pointChange, shareFigure, shareFigure],
  ["valueMin", kinds.valueMin, figure, figure],
  [
    "countMin with decimals",
    fc.record({
      kind: fc.constant("countMin" as const),
      atLeast: fc.constantFrom(1, 29.5, 6, 1000, 0.1),
      decimals: fc.constant(true as const),
    }),
    figure,
    figure,
  ],
  [
    "change from 0",
    kinds.change,
    fc.oneof(fc.constant(0), fc.constant("0"), figure),
    fc.oneof(fc.constant(0), fc.constant(null), figure),
  ],
  [
    "yesNo with a deadline",
    fc.constant({
      kind: "yesNo" as const,
      deadline: { text: "inden udgangen af marts", date: "2007-03-31" },
    }),
    figure,
    fc.oneof(dateFigure, figure),
  ],
  [
    "provisional shareMin",
    fc.constant({ kind: "shareMin" as const, atLeast: 0.7, provisionalUpTo: 0.75 }),
    figure,
    shareFigure,
  ],
];

describe.each(variants)("Status formula = evaluator for %s", (_name, target, grundlag, resultat) => {
  it("agrees on 1,000 random figure sets", () => {
    fc.assert(
      fc.property(target, grundlag, resultat, (t, g, r) => agree(t, g, r)),
      { numRuns: Number(process.env.RUNS ?? 1000) },
    );
  });
});

function agree(t: Target, g: CellValue, r: CellValue): void {
  const expected = evaluate(t, { grundlag: g, resultat: r }, CTX);
  const computed = computeStatus(t, g, r);
  expect(computed.status).toBe(STATUS_LABEL[expected.status]);
  if (typeof expected.achieved === "number") {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected.achieved));
    expect(Math.abs((computed.achieved as number) - expected.achieved)).toBeLessThanOrEqual(tolerance);
  } else if (expected.status === "met" || expected.status === "not_met") {
    expect(computed.achieved).toBe(expected.achieved ?? "");
  }
}

describe.each(Object.entries(kinds))("Status formula = evaluator for %s", (_kind, target) => {
  it("agrees on 1,500 random figure sets", () => {
    fc.assert(
      fc.property(target, figure, fc.oneof(figure, dateFigure), (t, g, r) => {
        const expected = evaluate(t, { grundlag: g, resultat: r }, CTX);
        const computed = computeStatus(t, g, r);
        expect(computed.status).toBe(STATUS_LABEL[expected.status]);
        if (typeof expected.achieved === "number") {
          // HyperFormula shows about 10 significant digits (smartRounding); the status is exact.
          const tolerance = 1e-9 * Math.max(1, Math.abs(expected.achieved));
          expect(Math.abs((computed.achieved as number) - expected.achieved)).toBeLessThanOrEqual(tolerance);
        } else if (expected.status === "met" || expected.status === "not_met") {
          // No figure to show (a fall from 0 to more): the cell is empty.
          expect(computed.achieved).toBe(expected.achieved ?? "");
        }
      }),
      { numRuns: 1500 },
    );
  });
});

it("judges a figure exactly on its target as met in the sheet too (5,0 → 4,4 is a fall of 12 %)", () => {
  const t: Target = { kind: "change", direction: "fall", atLeast: 0.12 };
  expect(computeStatus(t, 5, 4.4).status).toBe("Opfyldt");
  expect(evaluate(t, { grundlag: 5, resultat: 4.4 }, CTX).status).toBe("met");
});
