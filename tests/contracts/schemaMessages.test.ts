// A contract file with a mistake is refused in Danish, naming the goal, the centre and the field
// as the definition sheet names them, and saying what to write instead.
import bcJson from "../../src/contracts/data/beskaeftigelsescentre-2007.json";
import { ContractFileError, parseContract } from "../../src/contracts/schema";
import { sheetNameProblem } from "../../src/contracts/sheetNames";

type Json = Record<string, unknown> & {
  goals: Record<string, unknown>[];
  centres: { code: string; name: string }[];
};

function refusal(edit: (c: Json) => void): string {
  const c = structuredClone(bcJson) as unknown as Json;
  edit(c);
  try {
    parseContract(c, "bc-2008.json");
  } catch (e) {
    expect(e).toBeInstanceOf(ContractFileError);
    return (e as Error).message;
  }
  throw new Error("the contract was accepted");
}

/** A goal as loose JSON, to break on purpose. */
interface LooseGoal {
  [field: string]: unknown;
  measure: {
    perCentre: { CKB: Record<string, unknown>; CAB: Record<string, unknown> };
    target: Record<string, unknown> & { deadline: Record<string, unknown> };
  };
}
const goal = (c: Json, id: string) => c.goals.find((g) => g.id === id) as unknown as LooseGoal;
const goalWith = (c: Json, fragment: string) =>
  c.goals.find((g) => JSON.stringify(g).includes(fragment)) as unknown as LooseGoal;

describe("schema messages", () => {
  it("a share typed as 60 instead of 0.6: names goal, centre and field, and suggests 60 %", () => {
    const message = refusal((c) => {
      goal(c, "bc-b01").measure.perCentre.CKB.atLeast = 60;
    });
    expect(message).toContain(
      "mål bc-b01, CKB: Krav 60 er over 100 % — mente du 60 %? Skriv andele som decimaltal: 0.6",
    );
  });

  it.each<[string, (c: Json) => void, string]>([
    ["an area other than the four known ones is fine", () => {}, ""],
    [
      "an unknown kind lists the kinds with their Danish labels",
      (c) => (goal(c, "bc-b01").measure.perCentre.CKB.kind = "andel"),
      "mål bc-b01, CKB: Måltype «andel» findes ikke; brug en af: change (Fald i % / Stigning i %)",
    ],
    [
      "text where a number belongs",
      (c) => (goal(c, "bc-b01").measure.perCentre.CAB.atLeast = "ti"),
      "mål bc-b01, CAB: Krav skal være et tal — der står «ti»",
    ],
    [
      "min above max",
      (c) => {
        const o = goalWith(c, "spendRange");
        o.measure.target.min = 1.2;
        o.measure.target.max = 1;
      },
      "Krav (min) er større end Krav 2 (max)",
    ],
    ["a goal without text", (c) => (goal(c, "bc-b01").text = ""), "mål bc-b01: Mål må ikke være tom"],
    [
      "a deadline that is not a date",
      (c) => {
        const g = goalWith(c, "deadline");
        g.measure.target.deadline.date = "31.3.2007";
      },
      "Frist (dato) «31.3.2007» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD",
    ],
    ["a misspelt field", (c) => (goal(c, "bc-b01").nots = "x"), "mål bc-b01: ukendt felt «nots»"],
    [
      "a fractional count without decimals",
      (c) => (goal(c, "bc-o03").measure.perCentre.CKB = { kind: "countMin", atLeast: 838.5 }),
      'mål bc-o03, CKB: et antal skal være et helt tal; skriv "decimals": true',
    ],
    [
      "a base year after the year",
      (c) => (c.baseYear = 2009),
      "kontrakten: basisåret 2009 skal ligge før kontraktåret 2007",
    ],
    [
      "a centre code that is no sheet name",
      (c) => (c.centres[0]!.code = "CKB/Amager"),
      "center CKB/Amager: centerkoden «CKB/Amager» bliver navnet på centrets ark og indeholder tegnet «/»",
    ],
  ])("%s", (_name, edit, expected) => {
    if (expected === "") {
      const c = structuredClone(bcJson) as unknown as Json;
      goal(c, "bc-b01").area = "Ungeindsatsen";
      expect(parseContract(c).goals[0]!.area).toBe("Ungeindsatsen");
      return;
    }
    expect(refusal(edit)).toContain(expected);
  });

  it("tolerates and ignores a $schema reference", () => {
    expect((bcJson as Record<string, unknown>).$schema).toBe("../contract.schema.json");
    expect(parseContract(bcJson)).not.toHaveProperty("$schema");
  });
});

describe("centre codes are checked as Excel sheet names", () => {
  it.each([
    ["CKB", undefined],
    ["Sct. Hans' Center", undefined],
    ["x".repeat(31), undefined],
    ["x".repeat(32), "højst have 31 tegn"],
    ["CKB/Amager", "«/»"],
    ["A:B", "«:»"],
    ["Hvem?", "«?»"],
    ["[CKB]", "«[»"],
    ["C*", "«*»"],
    ["C\\D", "«\\»"],
    ["'CKB", "apostrof"],
    ["CKB'", "apostrof"],
    ["history", "projektmappen selv bruger"],
    ["OVERSIGT", "projektmappen selv bruger"],
    ["rk_data", "projektmappen selv bruger"],
    ["Lister", "projektmappen selv bruger"],
    ["Log", "projektmappen selv bruger"],
    ["vejledning", "projektmappen selv bruger"],
    ["definition bc-2008", "definitionsark"],
    [" ", "tom"],
  ])("%s", (code, problem) => {
    if (problem === undefined) expect(sheetNameProblem(code)).toBeUndefined();
    else expect(sheetNameProblem(code)).toContain(problem);
  });

  it("two centres whose codes differ only in case would get the same sheet", () => {
    expect(
      refusal((c) => {
        c.centres[1]!.code = "ckb";
      }),
    ).toContain("centerkoden «ckb» findes flere gange");
  });
});
