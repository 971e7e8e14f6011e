// Differential test: the Status formula computed by HyperFormula equals the evaluator's status.
import fc from "fast-check";
import { evaluate } from "../../src/contracts/evaluate";
import type { CellValue, Target } from "../../src/contracts/model";
import { STATUS_LABEL } from "../../src/contracts/status";
import { achievedFormula, statusFormula } from "../../src/sheets/formulas";
import { hfContent, newEngine } from "../support/hyperformula";

const hf = newEngine();
const sheetName = hf.addSheet("T");
const sheet = hf.getSheetId(sheetName)!;
const at = (col: number) => ({ sheet, row: 0, col });
const refs = { grundlag: "A1", resultat: "B1", target: "C1", target2: "D1" };

function computeStatus(t: Target, g: CellValue, r: CellValue): { status: unknown; achieved: unknown } {
  const [t1, t2] = targetValues(t);
  hf.batch(() => {
    hf.setCellContents(at(0), [[hfContent(g), hfContent(r), t1, t2 ?? null]]);
    hf.setCellContents(at(4), [["=" + statusFormula(t, refs), "=" + achievedFormula(t, refs, "E1")]]);
  });
  return { status: hf.getCellValue(at(4)), achieved: hf.getCellValue(at(5)) };
}

function targetValues(t: Target): [number | null, number | null] {
  switch (t.kind) {
    case "change":
    case "pointChange":
    case "absoluteChange":
    case "shareMin":
    case "countMin":
    case "valueMin":
      return [t.atLeast, null];
    case "shareMax":
    case "valueMax":
      return [t.atMost, null];
    case "spendRange":
      return [t.min, t.max];
    case "yesNo":
      return [null, null];
  }
}

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
  yesNo: fc.constant({ kind: "yesNo" as const }),
};

describe.each(Object.entries(kinds))("Status formula = evaluator for %s", (_kind, target) => {
  it("agrees on 1,500 random figure sets", () => {
    fc.assert(
      fc.property(target, figure, figure, (t, g, r) => {
        const expected = evaluate(t, { grundlag: g, resultat: r });
        const computed = computeStatus(t, g, r);
        expect(computed.status).toBe(STATUS_LABEL[expected.status]);
        if (typeof expected.achieved === "number") {
          // HyperFormula shows about 10 significant digits (smartRounding); the status is exact.
          const tolerance = 1e-9 * Math.max(1, Math.abs(expected.achieved));
          expect(Math.abs((computed.achieved as number) - expected.achieved)).toBeLessThanOrEqual(tolerance);
        } else if (expected.status === "met" || expected.status === "not_met") {
          expect(computed.achieved).toBe(expected.achieved);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

it("judges a figure exactly on its target as met in the sheet too (5,0 → 4,4 is a fall of 12 %)", () => {
  const t: Target = { kind: "change", direction: "fall", atLeast: 0.12 };
  expect(computeStatus(t, 5, 4.4).status).toBe("Opfyldt");
  expect(evaluate(t, { grundlag: 5, resultat: 4.4 }).status).toBe("met");
});
