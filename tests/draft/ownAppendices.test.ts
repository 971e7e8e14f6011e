// Two appendices the drafter was not written for, in the 2007 style: other years, thresholds and
// centres (one with no abbreviation anywhere), new overrides and exclusions, percentage points, a
// score, a capacity split that does not add up. Each has its expected contract, written by hand
// from the text (fixtures/*.expected.json); the draft must equal it or flag the goal.
import type { Contract } from "../../src/contracts/model";
import { parseContract } from "../../src/contracts/schema";
import { compareDraft } from "../../src/draft/compare";
import type { DraftResult } from "../../src/draft/draftContract";
import { draftFromFile } from "../../src/draft/draftFile";
import { draftFromText } from "../../src/draft/draftText";
import { docxFromText, fixture } from "./docx";

const APPENDICES = ["jobcenter-aarhus-2009", "beskaeftigelsescentre-2010"];

describe.each(APPENDICES)("%s", (name) => {
  const text = fixture(`${name}.txt`);
  const expected = parseContract(JSON.parse(fixture(`${name}.expected.json`)), name) as Contract;
  let drafts: Record<"text" | "docx", DraftResult>;

  beforeAll(async () => {
    drafts = { text: draftFromText(text), docx: await draftFromFile(docxFromText(text), `${name}.docx`) };
  });

  test.each(["text", "docx"] as const)(
    "drafted from %s equals the expected contract or is flagged",
    (how) => {
      const c = compareDraft(drafts[how], expected);
      const wrong = c.goals.filter((g) => g.verdict === "different" || g.verdict === "missing");
      expect(wrong.map((g) => `${g.referenceId}: ${g.differences.join(" | ")}`)).toEqual([]);
      expect(c.header).toEqual([]);
      expect(c.extra).toEqual([]);
      expect(c.found).toBe(expected.goals.length);
      expect(c.flagged / c.lines).toBeLessThanOrEqual(0.15);
    },
  );

  test("the draft is a valid contract file", () => {
    expect(() => parseContract(JSON.parse(JSON.stringify(drafts.text.contract)), name)).not.toThrow();
  });
});

test("a centre whose code the text never gives is flagged as a guess, the others are not", () => {
  const draft = draftFromText(fixture("beskaeftigelsescentre-2010.txt"));
  const guesses = draft.review.filter((r) => r.goalId === "" && r.reason.includes("gættet"));
  expect(guesses.map((g) => g.reason)).toEqual([expect.stringContaining("«VA» for «Værkstedet på Amager»")]);
  const c = compareDraft(
    draft,
    parseContract(JSON.parse(fixture("beskaeftigelsescentre-2010.expected.json"))),
  );
  expect(c.headerFlagged).toEqual(["centret VA (Værkstedet på Amager) ≠ Værkstedet (Værkstedet på Amager)"]);
});

test("a code the text uses for a centre named in full is certain: Center for Integration og Sprog is CIS", () => {
  const draft = draftFromText(fixture("jobcenter-aarhus-2009.txt"));
  expect(draft.contract.centres.find((c) => c.name === "Center for Integration og Sprog")?.code).toBe("CIS");
  expect(draft.review.filter((r) => r.reason.includes("«CIS»"))).toEqual([]);
});

test("a capacity split that does not add up to its total is flagged with both figures", () => {
  const draft = draftFromText(fixture("beskaeftigelsescentre-2010.txt"));
  const goal = draft.contract.goals.find((g) => g.text.startsWith("Antal etablerede virksomhedspraktikker"))!;
  expect(draft.review.find((r) => r.goalId === goal.id)?.reason).toContain("summer til 950, ikke 900");
});

test("percentage points, a score and an override in a note are read without a flag", () => {
  const draft = draftFromText(fixture("jobcenter-aarhus-2009.txt"));
  const byText = (start: string) => draft.contract.goals.find((g) => g.text.startsWith(start))!;
  const flagged = new Set(draft.review.map((r) => r.goalId));
  const points = byText("Andelen af ledige, der er i aktivering");
  expect(points.measure).toEqual({
    kind: "single",
    target: { kind: "pointChange", direction: "rise", atLeast: 0.05 },
  });
  const score = byText("Brugertilfredsheden skal i gennemsnit");
  expect(score.measure).toEqual({ kind: "single", target: { kind: "valueMin", atLeast: 4 } });
  const override = byText("Kontaktforløbsgraden");
  expect(override.measure).toEqual({
    kind: "single",
    target: { kind: "shareMin", atLeast: 0.9 },
    perCentre: { Øst: { kind: "shareMin", atLeast: 0.85 } },
  });
  for (const g of [points, score, override]) expect(flagged.has(g.id)).toBe(false);
});
