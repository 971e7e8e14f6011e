// Input validations written per column block (the most common rule and error once, then each
// cell's own prompt), on the fake host that refuses what Excel on the web refuses (office-js
// #2594), and the fallback to one rule per cell when Excel refuses a block anyway.
import { applyPlan, isValidationError } from "../../src/excel/applyPlan";
import { capabilities } from "../../src/excel/env";
import { rereadExisting, writeSafely } from "../../src/excel/safeWrite";
import { parseRange } from "../../src/sheets/a1";
import { emptySheet, type ValidationPlan, type WorkbookPlan } from "../../src/sheets/plan";
import { validationBlocks } from "../../src/sheets/styleGroups";
import { FakeExcel } from "../support/fakeExcel";

const NUMBER = { kind: "decimal" as const, min: 0 };
const NUMBER_ERROR = { title: "Ugyldigt tal", text: "Skriv et tal på 0 eller derover." };
const YES_NO = { kind: "list" as const, source: "=$Z$1:$Z$2" };
const YES_NO_ERROR = { title: "Skriv Ja eller Nej", text: "Vælg Ja eller Nej på listen." };

/** Column H: 20 goals, each with its own hint; every fifth a yes/no goal with another rule. */
function inputs(): ValidationPlan[] {
  return Array.from({ length: 20 }, (_, i) => {
    const yesNo = i % 5 === 4;
    return {
      range: `H${8 + i}`,
      rule: yesNo ? YES_NO : NUMBER,
      prompt: { title: "Resultat", text: `Mål ${i + 1}: skriv resultatet` },
      error: yesNo ? YES_NO_ERROR : NUMBER_ERROR,
    };
  });
}

function planWith(validations: ValidationPlan[]): WorkbookPlan {
  const sheet = {
    ...emptySheet("Center", "centre"),
    cells: [[{ value: "x" }], [], [{ value: "Ja" }], [{ value: "Nej" }]],
    validations,
  };
  return { sheets: [sheet], names: [] };
}

/** Every cell's validation as the fake holds it, next to what the plan gives it. */
function expectEveryCellAsPlanned(fake: FakeExcel, validations: ValidationPlan[]): void {
  for (const v of validations) {
    const seen = fake.validationAt("Center", v.range);
    expect({ cell: v.range, prompt: seen?.prompt?.message, error: seen?.errorAlert?.message }).toEqual({
      cell: v.range,
      prompt: v.prompt.text,
      error: v.error.text,
    });
    expect(Object.keys(seen?.rule ?? {})).toEqual([v.rule.kind]);
  }
}

test("a column's validations become one block with its most common rule, and runs of equal cells", () => {
  const blocks = validationBlocks([
    ...inputs(),
    // A second, separate block in the same column, and one in another column.
    { ...inputs()[0]!, range: "H40:H41" },
    { ...inputs()[4]!, range: "I8" },
  ]);
  expect(blocks.map((b) => b.rect)).toEqual([parseRange("H8:H27"), parseRange("H40:H41"), parseRange("I8")]);
  const first = blocks[0]!;
  // The base leaving the fewest calls: a number goal's (a yes/no goal's would need 16 rules more).
  const { range: _range, ...h8 } = inputs()[0]!;
  expect(first.base).toEqual(h8);
  // Every other cell has its own hint, so its own prompt; the yes/no cells their own rule too.
  expect(first.runs).toHaveLength(19);
  expect(first.runs.every((r) => r.ownPrompt)).toBe(true);
  expect(first.runs.filter((r) => r.ownRule).map((r) => r.rect)).toEqual(
    ["H12", "H17", "H22", "H27"].map(parseRange),
  );
  // Cells equal to the base need nothing more.
  expect(blocks[1]!.runs).toEqual([]);
});

test("the base is the validation that leaves the fewest calls, not the most common cell", () => {
  const at = (range: string, text: string) => ({
    ...inputs()[0]!,
    range,
    prompt: { title: "Resultat", text },
  });
  // B fills the most cells (one run of 3), but A's three runs would each need a call otherwise.
  const [block] = validationBlocks([
    at("H1", "A"),
    at("H2", "B"),
    at("H3", "B"),
    at("H4", "B"),
    at("H5", "A"),
    at("H6", "C"),
    at("H7", "A"),
  ]);
  expect(block!.base.prompt.text).toBe("A");
  expect(block!.runs.map((r) => r.rect)).toEqual([parseRange("H2:H4"), parseRange("H6")]);
});

test("the fake host refuses, as Excel on the web does, a rule over cells whose prompts differ (#2594)", async () => {
  const fake = new FakeExcel({ platform: "OfficeOnline" });
  const error = await fake
    .run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark1");
      ws.getRange("A1").dataValidation.prompt = { showPrompt: true, title: "a", message: "a" };
      ws.getRange("A1:A2").dataValidation.rule = {
        decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
      };
      await context.sync();
    })
    .catch((e: unknown) => e);
  expect(isValidationError(error)).toBe(true);
  expect((error as { code: string }).code).toBe("InvalidArgument");
});

test("the fake host applies a rule over a block to every cell, and a prompt on one cell to that cell only", async () => {
  const fake = new FakeExcel();
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("A1:A3").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    ws.getRange("A2").dataValidation.prompt = { showPrompt: true, title: "to", message: "to" };
    await context.sync();
  });
  expect(Object.keys(fake.validationAt("Ark1", "A3")?.rule ?? {})).toEqual(["decimal"]);
  expect(fake.validationAt("Ark1", "A2")?.prompt?.message).toBe("to");
  expect(fake.validationAt("Ark1", "A1")?.prompt).toBeUndefined();
});

for (const platform of ["PC", "OfficeOnline"] as const) {
  test(`${platform}: blocks cost fewer bytes than a rule per cell, and every cell ends as planned`, async () => {
    const validations = inputs();
    const measure = async (perCell: boolean) => {
      const fake = new FakeExcel({ platform });
      const report = await fake.run((context) =>
        applyPlan(context, planWith(validations), {
          caps: capabilities(fake.env()),
          existing: new Map(),
          existingNames: new Set(),
          validationsPerCell: perCell,
        }),
      );
      expectEveryCellAsPlanned(fake, validations);
      return report.batches.reduce((n, b) => n + b.bytes, 0);
    };
    const blocks = await measure(false);
    const cells = await measure(true);
    expect(blocks).toBeLessThan(cells);
  });
}

/** How many validation rules each request set. */
function rulesPerRequest(fake: FakeExcel): number[] {
  return fake.stats.requests
    .map((r) => (r.log ?? []).filter((op) => op.kind === "set" && op.member === "rule").length)
    .filter((n) => n > 0);
}

test("a block Excel refuses: the second attempt writes the validations cell by cell, every cell as planned", async () => {
  const fake = new FakeExcel({ platform: "OfficeOnline", keepLog: true });
  // The first rule written (the first block's) is refused once, as Excel on the web might.
  fake.brokenOnce.set("DataValidation.rule", "InvalidArgument");
  const validations = inputs();
  const report = await fake.run((context) =>
    writeSafely(
      context,
      planWith(validations),
      { caps: capabilities(fake.env()), existing: new Map(), existingNames: new Set() },
      [],
      () => rereadExisting(context, ["Center"]),
      "web",
    ),
  );
  expect(report.retried).toBe(true);
  expect(fake.brokenOnce.size).toBe(0);
  // First attempt: one block rule and the four yes/no cells' own; the second: one per cell.
  expect(rulesPerRequest(fake)).toEqual([5, 20]);
  expectEveryCellAsPlanned(fake, validations);
  expect(fake.value("Center", "A1")).toBe("x");
  expect(fake.enableEvents).toBe(true);
});
