// Both 2007 appendices, drafted as text and as Word tables, against the built-in contracts: every
// goal line found, each centre's target equal to the built-in one or the goal flagged for review.
import { builtinContracts } from "../../src/contracts/builtin";
import { parseContract } from "../../src/contracts/schema";
import { compareDraft, type Comparison } from "../../src/draft/compare";
import type { DraftResult } from "../../src/draft/draftContract";
import { draftFromFile } from "../../src/draft/draftFile";
import { draftFromText } from "../../src/draft/draftText";
import { docxFromText, fixture } from "./docx";

const SEEDS = [
  { id: "jobcenter-kbh-2007", file: "seed-jobcenter-kbh-2007.txt" },
  { id: "beskaeftigelsescentre-2007", file: "seed-beskaeftigelsescentre-2007.txt" },
];

const reference = (id: string) => builtinContracts().find((c) => c.id === id)!;

function figures(c: Comparison) {
  return { lines: c.lines, found: c.found, different: c.different, header: c.header, extra: c.extra };
}

function explain(c: Comparison): string[] {
  return c.goals
    .filter((g) => g.verdict === "different" || g.verdict === "missing")
    .map((g) => `${g.referenceId}: ${g.differences.join(" | ")}`);
}

describe.each(SEEDS)("the appendix of $id", ({ id, file }) => {
  const text = fixture(file);
  let asText: DraftResult;
  let asDocx: DraftResult;

  beforeAll(async () => {
    asText = draftFromText(text);
    asDocx = await draftFromFile(docxFromText(text), "bilag.docx");
  });

  test.each(["text", "docx"] as const)(
    "drafted from %s: every line found, nothing different and unflagged",
    (how) => {
      const draft = how === "text" ? asText : asDocx;
      const ref = reference(id);
      const c = compareDraft(draft, ref);
      expect(explain(c)).toEqual([]);
      expect(figures(c)).toEqual({
        lines: ref.goals.length,
        found: ref.goals.length,
        different: 0,
        header: [],
        extra: [],
      });
      expect(c.flagged).toBeLessThanOrEqual(Math.floor(ref.goals.length * 0.1) + 1);
    },
  );

  test("the Word file gives the same draft as its text", () => {
    expect(asDocx.contract).toEqual(asText.contract);
    expect(asDocx.review.map((r) => [r.goalId, r.reason])).toEqual(
      asText.review.map((r) => [r.goalId, r.reason]),
    );
  });

  test("the draft is a valid contract file", () => {
    expect(() => parseContract(JSON.parse(JSON.stringify(asText.contract)), id)).not.toThrow();
  });

  test("ids follow the built-in scheme", () => {
    const c = compareDraft(asText, reference(id));
    const renamed = c.goals
      .filter((g) => g.draftId !== g.referenceId)
      .map((g) => `${g.referenceId}→${g.draftId}`);
    expect(renamed).toEqual([]);
  });
});

test("both appendices together: the figures in the README", () => {
  const all = SEEDS.map(({ id, file }) => compareDraft(draftFromText(fixture(file)), reference(id)));
  const sum = (k: "lines" | "found" | "identical" | "flagged" | "different") =>
    all.reduce((s, c) => s + c[k], 0);
  const total = {
    lines: sum("lines"),
    found: sum("found"),
    identical: sum("identical"),
    flagged: sum("flagged"),
    different: sum("different"),
  };
  expect(total.lines).toBe(91);
  expect(total.found).toBe(91);
  expect(total.different).toBe(0);
  expect(total.identical + total.flagged).toBe(91);
  expect(total.flagged / total.lines).toBeLessThanOrEqual(0.1);
  // Printed so the README's figures can be checked against a run.
  console.log(`Udkast af de to 2007-bilag: ${JSON.stringify(total)}`);
});

test("the specific readings the review must name", () => {
  const draft = draftFromText(fixture("seed-jobcenter-kbh-2007.txt"));
  const reason = (goalId: string) => draft.review.find((r) => r.goalId === goalId)?.reason ?? "";
  expect(reason("jc-b40")).toContain("relativ stigning på 7 % (valgt) eller 7 procentpoint?");
  expect(reason("jc-p02")).toContain("1 dag");
  expect(reason("jc-o03")).toContain("CJF og JSV");
  expect(draft.review.find((r) => r.goalId === "jc-b40")?.line).toBe(54);
});
