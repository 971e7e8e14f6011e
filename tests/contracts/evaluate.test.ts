// The rulebook, target kind by target kind: boundaries, blanks and every invalid input.
import fc from "fast-check";
import { evaluate, evaluateJoint, round9 } from "../../src/contracts/evaluate";
import type { CellValue, JointTarget, Status, Target } from "../../src/contracts/model";

/** The texts of a 2007 contract: changes against 2006. */
const CTX = { year: 2007, baseYear: 2006 };
const judge = (t: Target, grundlag: CellValue, resultat: CellValue) =>
  evaluate(t, { grundlag, resultat }, CTX);
const status = (t: Target, g: CellValue, r: CellValue): Status => judge(t, g, r).status;

const fall10: Target = { kind: "change", direction: "fall", atLeast: 0.1 };
const rise10: Target = { kind: "change", direction: "rise", atLeast: 0.1 };
const oneDay: Target = { kind: "absoluteChange", direction: "fall", atLeast: 1, unit: "dage" };
const min95: Target = { kind: "shareMin", atLeast: 0.95 };
const all: Target = { kind: "shareMin", atLeast: 1 };
const provisional: Target = { kind: "shareMin", atLeast: 0.7, provisionalUpTo: 0.75 };
const max3: Target = { kind: "shareMax", atMost: 0.03 };
const from28to22: Target = { kind: "shareMax", atMost: 0.22, from: 0.28 };
const budget: Target = { kind: "spendRange", min: 0.85, max: 1 };
const halfYear: Target = { kind: "spendRange", min: 0.45, max: 0.65 };
const count30: Target = { kind: "countMin", atLeast: 30, unit: "unge" };
const weeks33: Target = { kind: "valueMax", atMost: 33, unit: "uger" };
const kr: Target = { kind: "valueMax", atMost: 61974, unit: "kr." };
const yes: Target = {
  kind: "yesNo",
  deadline: { text: "inden udgangen af 1. kvartal 2007", date: "2007-03-31" },
};

describe("relative change against 2006", () => {
  it("meets a fall of exactly the target, whatever floating point does", () => {
    expect(judge({ kind: "change", direction: "fall", atLeast: 0.12 }, 5, 4.4)).toMatchObject({
      status: "met",
    });
    expect(status(fall10, 100, 90)).toBe("met");
    expect(status(fall10, 0.3, 0.27)).toBe("met");
    expect(status(fall10, 100, 90.01)).toBe("not_met");
  });
  it("reads 'stige med mindst 10 %' as 10 % of the 2006 figure, not 10 percentage points", () => {
    expect(status(rise10, 0.5, 0.55)).toBe("met");
    expect(status(rise10, 0.5, 0.549)).toBe("not_met");
    expect(status(rise10, 0.5, 0.6)).toBe("met");
  });
  it("calls a rise a failure of a fall goal and says so", () => {
    const o = judge(fall10, 100, 120);
    expect(o.status).toBe("not_met");
    expect(o.achieved).toBeCloseTo(-0.2);
    expect(o.requirement).toBe("Fald på mindst 10 % ift. 2006");
  });
  it("needs both figures", () => {
    expect(judge(fall10, null, 90)).toMatchObject({
      status: "missing",
      message: expect.stringContaining("Grundlag"),
    });
    expect(judge(fall10, 100, null)).toMatchObject({
      status: "missing",
      message: expect.stringContaining("Resultat"),
    });
  });
  it("refuses a zero or negative 2006 figure and a negative 2007 figure", () => {
    expect(judge(rise10, 0, 5)).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/Grundlag er 0/),
    });
    expect(status(fall10, -1, 5)).toBe("invalid");
    expect(status(fall10, 10, -1)).toBe("invalid");
  });
});

describe("absolute change (Sygedagpenge: 1 dag)", () => {
  it("is a fall of days, not a percentage", () => {
    expect(judge(oneDay, 12, 11)).toMatchObject({
      status: "met",
      achieved: 1,
      requirement: "Fald på mindst 1 dag ift. 2006",
    });
    expect(status(oneDay, 12, 11.5)).toBe("not_met");
    expect(status(oneDay, 0, 0)).toBe("not_met");
    expect(status(oneDay, 2.3, 1.3)).toBe("met");
  });
});

describe("shares", () => {
  it("takes Resultat/Grundlag as numerator/denominator", () => {
    expect(judge(min95, 200, 190)).toMatchObject({ status: "met", achieved: 0.95 });
    expect(status(min95, 200, 189)).toBe("not_met");
  });
  it("takes Resultat as the share itself when Grundlag is empty", () => {
    expect(status(min95, null, 0.95)).toBe("met");
    expect(status(min95, null, 0.9499)).toBe("not_met");
  });
  it("refuses a share above 100 %, a numerator above its denominator and a zero denominator", () => {
    expect(judge(min95, null, 95)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("95 %"),
    });
    expect(judge(min95, 10, 11)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("større end Grundlag"),
    });
    expect(judge(min95, 0, 0)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("Grundlag er 0"),
    });
  });
  it("reads 'Alle' as 100 %", () => {
    expect(judge(all, 40, 40)).toMatchObject({ status: "met", requirement: "Alle (100 %)" });
    expect(status(all, 40, 39)).toBe("not_met");
  });
  it("judges a provisional [70-75] target on its lower bound and says it is provisional", () => {
    const o = judge(provisional, 100, 70);
    expect(o.status).toBe("met");
    expect(o.requirement).toMatch(/70-75 %.*foreløbigt/);
    expect(status(provisional, 100, 69)).toBe("not_met");
  });
  it("judges 'fra 28% til 22%' on at most 22 % and shows where it started", () => {
    const o = judge(from28to22, 100, 22);
    expect(o.status).toBe("met");
    expect(o.requirement).toBe("Højst 22 % (ned fra 28 %)");
    expect(status(from28to22, 100, 23)).toBe("not_met");
    expect(status(max3, null, 0.03)).toBe("met");
    expect(status(max3, 1000, 31)).toBe("not_met");
  });
});

describe("spending ranges, both ends inclusive", () => {
  it.each([
    [budget, 1000, 850, "met"],
    [budget, 1000, 1000, "met"],
    [budget, 1000, 849.99, "not_met"],
    [budget, 1000, 1000.01, "not_met"],
    [halfYear, 1000, 450, "met"],
    [halfYear, 1000, 650, "met"],
    [halfYear, 1000, 651, "not_met"],
  ] as const)("%o: budget %d, spent %d → %s", (t, g, r, expected) => {
    expect(status(t, g, r)).toBe(expected);
  });
  it("allows spending above the budget (it is a failure, not an error) but not a zero budget", () => {
    expect(status(budget, 100, 150)).toBe("not_met");
    expect(status(budget, 0, 10)).toBe("invalid");
  });
});

describe("counts and maxima", () => {
  it("counts whole things, at least the target", () => {
    expect(judge(count30, null, 30)).toMatchObject({ status: "met", requirement: "Mindst 30 unge" });
    expect(status(count30, null, 29)).toBe("not_met");
    expect(status(count30, null, -1)).toBe("invalid");
    expect(judge(count30, null, 30.5)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("helt tal"),
    });
  });
  it("caps values: 33 uger eller derunder, højst 61.974 kr.", () => {
    expect(status(weeks33, null, 33)).toBe("met");
    expect(status(weeks33, null, 33.1)).toBe("not_met");
    expect(judge(kr, null, 61974)).toMatchObject({ status: "met", requirement: "Højst 61.974 kr." });
    expect(status(kr, null, 61975)).toBe("not_met");
  });
});

describe("yes/no goals", () => {
  it("accepts Ja and Nej in any case and with spaces around", () => {
    expect(status(yes, null, "Ja")).toBe("met");
    expect(status(yes, null, " ja ")).toBe("met");
    expect(status(yes, null, "NEJ")).toBe("not_met");
    expect(judge(yes, null, "Ja").requirement).toBe("Gennemført inden udgangen af 1. kvartal 2007 (Ja/Nej)");
  });
  it("refuses anything else and tells the user to type Ja or Nej", () => {
    const plain: Target = { kind: "yesNo" };
    for (const v of ["Måske", 1, true, "J", "15.3.2007"] as CellValue[]) {
      expect(judge(plain, null, v)).toMatchObject({
        status: "invalid",
        message: expect.stringContaining("Skriv Ja eller Nej"),
      });
    }
    for (const v of ["Måske", 1, true, "J", "31.2.2007", "2007-03-15"] as CellValue[]) {
      expect(judge(yes, null, v)).toMatchObject({
        status: "invalid",
        message: expect.stringContaining("Skriv Ja, Nej eller datoen, det blev gennemført, fx 15.3.2007"),
      });
    }
    expect(status(yes, null, null)).toBe("missing");
  });
});

describe("text in a number cell", () => {
  it("is invalid, and a number typed as text is recognised in the message", () => {
    expect(judge(count30, null, "1.000")).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("ligner tallet 1.000"),
    });
    expect(judge(fall10, "mange", 5)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining('teksten "mange"'),
    });
  });
});

describe("joint goals", () => {
  const joint: JointTarget = {
    centres: ["CKB", "CAB", "CBSI"],
    target: { kind: "countMin", atLeast: 1850, unit: "personer" },
  };
  it("are judged on the sum over the centres", () => {
    expect(evaluateJoint(joint, { CKB: 900, CAB: 500, CBSI: 450 }, CTX)).toMatchObject({
      status: "met",
      achieved: 1850,
    });
    expect(evaluateJoint(joint, { CKB: 900, CAB: 500, CBSI: 449 }, CTX)).toMatchObject({
      status: "not_met",
      achieved: 1849,
    });
  });
  it("lack data while a centre has not reported, and name it", () => {
    expect(evaluateJoint(joint, { CKB: 900, CAB: null, CBSI: 449 }, CTX)).toMatchObject({
      status: "missing",
      message: expect.stringContaining("CAB"),
    });
    expect(evaluateJoint(joint, { CKB: 900, CBSI: 449 }, CTX).status).toBe("missing");
  });
  it("are invalid when a contribution is, and say whose", () => {
    expect(evaluateJoint(joint, { CKB: 900, CAB: "x", CBSI: 1 }, CTX)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("CAB"),
    });
  });
});

describe("properties", () => {
  const numericTargets: fc.Arbitrary<Target> = fc.constantFrom(
    fall10,
    rise10,
    oneDay,
    min95,
    provisional,
    max3,
    from28to22,
    count30,
    weeks33,
  );
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  );

  it("a better figure never turns met into not_met", () => {
    fc.assert(
      fc.property(numericTargets, figure, figure, fc.integer({ min: 0, max: 500 }), (t, g, r, step) => {
        const before = judge(t, g, r);
        if (before.status !== "met") return;
        const better = improve(t, g, r, step);
        const after = judge(t, g, better);
        expect(after.status === "not_met").toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("a blank never passes", () => {
    const anyTarget = fc.constantFrom(
      fall10,
      rise10,
      oneDay,
      min95,
      all,
      provisional,
      max3,
      budget,
      halfYear,
      count30,
      weeks33,
      kr,
      yes,
    );
    fc.assert(
      fc.property(anyTarget, fc.oneof(figure, fc.constant(null), fc.string()), (t, other) => {
        expect(judge(t, other, null).status).not.toBe("met");
        expect(judge(t, other, "").status).not.toBe("met");
      }),
      { numRuns: 2000 },
    );
  });

  it("round9 matches the boundary cases an economist checks by hand", () => {
    expect(round9((5 - 4.4) / 5)).toBe(0.12);
    expect(round9((0.3 - 0.27) / 0.3)).toBe(0.1);
  });
});

/** A Resultat that is better for the target: lower for falls and maxima, higher otherwise. */
function improve(t: Target, g: number, r: number, step: number): number {
  const lowerIsBetter =
    t.kind === "change" || t.kind === "absoluteChange"
      ? t.direction === "fall"
      : t.kind === "shareMax" || t.kind === "valueMax";
  if (lowerIsBetter) return Math.max(0, r - step);
  // A higher numerator is better up to its denominator (or 100 % for a share typed as such).
  if (t.kind === "shareMin") return Math.min(r + step / 1000, g);
  return t.kind === "countMin" ? r + step : r + step / 1000;
}

describe("messages never contradict the status", () => {
  it("show enough decimals at a boundary, or say over/under", () => {
    expect(judge(budget, 1_000_000, 1_000_000.1)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: forbrug på 100,00001 % af budgettet.",
    });
    expect(judge(budget, 1e9, 1e9 + 0.5)).toMatchObject({
      status: "not_met", // ROUND(1,0000000005; 9) is 1,000000001, as in the sheet
      message: "Ikke opfyldt: forbrug på over 100 % af budgettet.",
    });
    expect(judge(budget, 1e9, 1e9 + 0.4)).toMatchObject({
      status: "met", // ROUND(x, 9) cannot tell 1,0000000004 from 1
      message: "Opfyldt: forbrug på 100 % af budgettet.",
    });
    expect(judge(min95, 100000, 94999)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: andel på 94,999 %.",
    });
    expect(judge(min95, 1e9, 949999999)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: andel på under 95 %.",
    });
    expect(judge(fall10, 1000, 900.01).message).toBe("Ikke opfyldt: fald på 9,999 %.");
  });
  it("call a fall that is really a rise a rise", () => {
    expect(judge(fall10, 1000, 1006)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: stigning på 0,6 %.",
    });
    expect(judge(rise10, 1000, 990).message).toBe("Ikke opfyldt: fald på 1 %.");
    expect(judge(oneDay, 10, 12).message).toBe("Ikke opfyldt: stigning på 2 dage.");
  });
  it("never end in 'kr..' and say '1 seminar', '1 plads', '1 dag'", () => {
    expect(judge(kr, null, 61974).message).toBe("Opfyldt: 61.974 kr.");
    expect(judge({ kind: "countMin", atLeast: 1, unit: "seminarer" }, null, 1).message).toBe(
      "Opfyldt: 1 seminar.",
    );
    expect(judge({ kind: "countMin", atLeast: 2, unit: "pladser" }, null, 1).message).toBe(
      "Ikke opfyldt: 1 plads.",
    );
    expect(judge(oneDay, 12, 11).message).toBe("Opfyldt: fald på 1 dag.");
  });
  it("keep centre codes in their case in joint texts", () => {
    const joint: JointTarget = { centres: ["Nyropsgade", "CKB"], target: { kind: "countMin", atLeast: 5 } };
    expect(evaluateJoint(joint, { Nyropsgade: 1 }, CTX).message).toBe(
      "Mangler data: CKB har ikke udfyldt Resultat.",
    );
    expect(evaluateJoint(joint, {}, CTX).requirement).toBe("Mindst 5 i alt for Nyropsgade og CKB");
  });
});

describe("the kinds real appendices need", () => {
  const points7: Target = { kind: "pointChange", direction: "rise", atLeast: 0.07 };
  it("percentage points: 40 % → 47 % is a rise of 7 points, 40 % → 42,8 % is not", () => {
    expect(judge(points7, 0.4, 0.47)).toMatchObject({
      status: "met",
      requirement: "Stigning på mindst 7 procentpoint ift. 2006",
      message: "Opfyldt: stigning på 7 procentpoint.",
    });
    expect(status(points7, 0.4, 0.428)).toBe("not_met");
    // …where the relative reading says met: the two readings give opposite statuses.
    expect(status({ kind: "change", direction: "rise", atLeast: 0.07 }, 0.4, 0.428)).toBe("met");
    expect(judge(points7, 40, 47)).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("højst være 100 %"),
    });
    expect(judge({ kind: "pointChange", direction: "fall", atLeast: 0.05 }, 0.3, 0.32).message).toBe(
      "Ikke opfyldt: stigning på 2 procentpoint.",
    );
  });
  it("a score of at least 4,0, decimals allowed", () => {
    const score: Target = { kind: "valueMin", atLeast: 4 };
    expect(judge(score, null, 4)).toMatchObject({
      status: "met",
      requirement: "Mindst 4",
      message: "Opfyldt: værdi på 4.",
    });
    expect(judge(score, null, 3.95)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: værdi på 3,95.",
    });
    expect(status(score, null, -1)).toBe("invalid");
  });
  it("counts in helårspladser may have decimals", () => {
    const places: Target = { kind: "countMin", atLeast: 838, unit: "pladser", decimals: true };
    expect(judge(places, null, 838.4)).toMatchObject({ status: "met", message: "Opfyldt: 838,4 pladser." });
    expect(judge(places, null, 837.999)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: 837,999 pladser.",
    });
    expect(status(count30, null, 30.5)).toBe("invalid");
  });
  it("a change from 0: nothing to bring down is met; a rise from 0 suggests the right kind", () => {
    expect(judge(fall10, 0, 0)).toMatchObject({
      status: "met",
      achieved: 0,
      message: expect.stringContaining("intet at nedbringe"),
    });
    expect(judge(fall10, 0, 3)).toMatchObject({ status: "not_met", achieved: null });
    expect(judge(rise10, 0, 3)).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/Stigning i procentpoint.*Antal mindst/),
    });
  });
  it("a Ja/Nej with a deadline takes the date it was done, and says how late", () => {
    expect(judge(yes, null, 39172)).toMatchObject({
      status: "met",
      achieved: 39172,
      message: "Opfyldt: gennemført 31.3.2007, inden fristen 31.3.2007.",
    });
    expect(judge(yes, null, "15.3.2007")).toMatchObject({ status: "met", achieved: 39156 });
    expect(judge(yes, null, "15-03-2007").status).toBe("met");
    expect(judge(yes, null, 39173)).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: gennemført 1.4.2007, 1 dag efter fristen 31.3.2007.",
    });
    expect(judge(yes, null, "15.04.2007").message).toBe(
      "Ikke opfyldt: gennemført 15.4.2007, 15 dage efter fristen 31.3.2007.",
    );
  });
  it("a provisional [70-75] says when a figure is inside the band", () => {
    expect(judge(provisional, 100, 72).message).toBe(
      "Opfyldt: andel på 72 % – inden for det foreløbige krav 70-75 %, så status kan ændre sig, når det endelige krav kendes.",
    );
    expect(judge(provisional, 100, 80).message).toBe("Opfyldt: andel på 80 %.");
    expect(judge(provisional, 100, 72).requirement).toMatch(/foreløbigt krav/);
  });
});

describe("texts take their years from the contract", () => {
  it("a 2008 contract says ift. 2007 and asks for the 2008 figure", () => {
    const o = evaluate(fall10, { grundlag: null, resultat: null }, { year: 2008, baseYear: 2007 });
    expect(o.requirement).toBe("Fald på mindst 10 % ift. 2007");
    expect(o.message).toBe("Mangler data: udfyld Grundlag (tallet for 2007) og Resultat (tallet for 2008).");
  });
  it("a goal's own 'Sådan måles' words replace the hint, with its years filled in", () => {
    const o = evaluate(
      oneDay,
      { grundlag: 3, resultat: null },
      {
        year: 2008,
        baseYear: 2007,
        measured: { resultat: "Sygedage pr. fuldtidsansat i {år}" },
      },
    );
    expect(o.message).toBe("Mangler data: udfyld Resultat (sygedage pr. fuldtidsansat i 2008).");
  });
});
