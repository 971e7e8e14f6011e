// Centre sheets that look alike: the first is written in full, each later one copies its looks
// (formats, locks, validations with their prompts, status colours) from it with one
// Range.copyFrom and then gets its own cells. The workbook must come out exactly as when every
// sheet is written in full — on a new workbook, over sheets rewritten in place, and when Excel
// refuses a copy — only in fewer bytes.
import { applyPlan, type ApplyOptions } from "../../src/excel/applyPlan";
import { LookAlikes } from "../../src/excel/lookAlikes";
import { capabilities } from "../../src/excel/env";
import { rereadExisting, writeSafely } from "../../src/excel/safeWrite";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { emptySheet, type SheetPlan, type WorkbookPlan } from "../../src/sheets/plan";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { columnNumber } from "../../src/sheets/a1";
import { syntheticContract } from "../support/fakeContract";
import { FakeExcel } from "../support/fakeExcel";
import { FAILURES, updateFailingOnce, updateRequests, type Workload } from "./updateMatrix";

const AT = "2026-11-29T10:00:00.000Z";
/** Four centres, every target kind twice: the three later centre sheets look like the first. */
const plan = () => planWorkbook([syntheticContract(4, 16)], { generatedAt: AT });
const centreSheets = (p: WorkbookPlan) => p.sheets.filter((s) => s.role === "centre");

/** Everything the fake holds of every sheet, in an order that does not depend on write order. */
function workbookState(fake: FakeExcel): unknown {
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return fake.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    protectionOptions: s.protectionOptions,
    tabColor: s.tabColor,
    freeze: s.freeze,
    pageLayout: s.pageLayout,
    columnWidths: [...s.columnWidths].sort(([a], [b]) => a - b),
    merges: s.merges,
    formats: sorted(s.formats),
    validations: sorted(s.validations),
    highlights: s.conditionalFormats.map(({ id: _id, ...cf }) => JSON.stringify(cf)).sort(),
    cells: fake.hf.getSheetSerialized(s.hfId),
  }));
}

async function write(fake: FakeExcel, p: WorkbookPlan, options: Partial<ApplyOptions> = {}) {
  return fake.run(async (context) => {
    const now = await rereadExisting(
      context,
      p.sheets.map((s) => s.name),
    );
    return applyPlan(context, p, { caps: capabilities(fake.env()), ...now, ...options });
  });
}

/** A first build as the add-in makes it: a failed request is tried once more (safeWrite). */
async function writeSafelyOn(fake: FakeExcel, p: WorkbookPlan) {
  return fake.run((context) =>
    writeSafely(
      context,
      p,
      { caps: capabilities(fake.env()), existing: new Map(), existingNames: new Set() },
      [],
      () =>
        rereadExisting(
          context,
          p.sheets.map((s) => s.name),
        ),
      "web",
    ),
  );
}

/** How many Range.copyFrom calls the fake saw. */
const copies = (fake: FakeExcel) =>
  fake.stats.requests.flatMap((r) => r.log ?? []).filter((op) => op.member === "copyFrom").length;

/** The plan with each centre's own figures in its input cells (a figure carried by an update). */
function withFigures(p: WorkbookPlan): WorkbookPlan {
  const grundlag = columnNumber(COL.grundlag) - 1;
  const resultat = columnNumber(COL.resultat) - 1;
  return {
    ...p,
    sheets: p.sheets.map((s, i) => {
      if (s.role !== "centre") return s;
      const cells = s.cells.map((row, r) =>
        r + 1 < FIRST_GOAL_ROW
          ? row
          : row.map((cell, c) =>
              c === grundlag ? { value: 100 + i } : c === resultat ? { value: r * 10 + i } : cell,
            ),
      );
      return { ...s, cells };
    }),
  };
}

test("a new workbook: the later centre sheets copy the first one's looks; same workbook as writing each in full, fewer bytes", async () => {
  const full = new FakeExcel({ keepLog: true });
  const fullReport = await write(full, plan(), { noCopies: true });
  const copied = new FakeExcel({ keepLog: true });
  const copiedReport = await write(copied, plan());

  expect(copies(full)).toBe(0);
  expect(copies(copied)).toBe(centreSheets(plan()).length - 1);
  expect(workbookState(copied)).toEqual(workbookState(full));
  const bytes = (r: typeof fullReport) => r.batches.reduce((n, b) => n + b.bytes, 0);
  expect(bytes(copiedReport)).toBeLessThan(bytes(fullReport) * 0.75);
});

test("sheets rewritten in place with their own figures: each keeps its own, none the sheet it copied from", async () => {
  const build = async (noCopies: boolean) => {
    const fake = new FakeExcel({ keepLog: true });
    await write(fake, plan(), { noCopies });
    fake.resetStats();
    await write(fake, withFigures(plan()), { noCopies });
    return fake;
  };
  const full = await build(true);
  const copied = await build(false);
  expect(copies(copied)).toBe(centreSheets(plan()).length - 1);
  expect(workbookState(copied)).toEqual(workbookState(full));
  // And the figures are the plan's: the last centre's, not the first's it copied its looks from.
  const p = plan();
  const last = centreSheets(p).at(-1)!;
  expect(copied.value(last.name, `${COL.grundlag}${FIRST_GOAL_ROW}`)).toBe(100 + p.sheets.indexOf(last));
});

test("Excel refuses a copy: the second attempt writes the sheets left in full, and the workbook is the same", async () => {
  const full = new FakeExcel();
  await write(full, plan(), { noCopies: true });

  const fake = new FakeExcel({ keepLog: true });
  fake.brokenOnce.set("Range.copyFrom", "GeneralException");
  const p = plan();
  const report = await writeSafelyOn(fake, p);
  expect(report.retried).toBe(true);
  expect(fake.brokenOnce.size).toBe(0);
  expect(workbookState(fake)).toEqual(workbookState(full));
});

test("an update with figures, refused half-way at its first and last write: no figure lost (every request and way: noFigureLost.scale)", async () => {
  // About a sheet per request: most copies come from a sheet an earlier request wrote.
  const alike: Workload = { contracts: [syntheticContract(4, 8)], budget: 20_000 };
  const { count, firstWrite } = await updateRequests(alike);
  expect(count).toBeGreaterThan(firstWrite);
  const halfWay = FAILURES.find((f) => f.when === "midway")!;
  for (const n of [firstWrite, count]) await updateFailingOnce(halfWay, n, alike);
});

for (const left of ["validations", "highlights", "locks"] as const) {
  test(`an Excel whose copy silently leaves out the ${left}: the sheets are written again in full, and the workbook is the same`, async () => {
    const full = new FakeExcel();
    await write(full, plan(), { noCopies: true });
    const fake = new FakeExcel({ keepLog: true, copyLeavesOut: left });
    const report = await write(fake, plan());
    expect(copies(fake)).toBe(centreSheets(plan()).length - 1);
    // One request that copied, then one that wrote the copies again in full.
    expect(report.batches).toHaveLength(2);
    expect(workbookState(fake)).toEqual(workbookState(full));
  });
}

test("the request that writes those sheets again is refused half-way: the second attempt finishes them, and the workbook is the same", async () => {
  const full = new FakeExcel();
  await write(full, plan(), { noCopies: true });
  const fake = new FakeExcel({ copyLeavesOut: "validations" });
  // Request 1 copies (and its checks find the prompts missing), request 2 rewrites: refused.
  fake.failRequest(2, "GeneralException", "midway");
  const p = plan();
  const report = await writeSafelyOn(fake, p);
  expect(report.retried).toBe(true);
  expect(workbookState(fake)).toEqual(workbookState(full));
});

test("an Excel without ExcelApi 1.9 writes every sheet in full", async () => {
  const fake = new FakeExcel({ apiVersion: "1.8", keepLog: true });
  await write(fake, plan());
  expect(copies(fake)).toBe(0);
  expect(
    fake.validationAt(centreSheets(plan()).at(-1)!.name, `${COL.resultat}${FIRST_GOAL_ROW}`),
  ).toBeDefined();
});

describe("which sheets count as looking alike", () => {
  const sheet = (name: string, change: (s: SheetPlan) => Partial<SheetPlan> = () => ({})): SheetPlan => {
    const base: SheetPlan = {
      ...emptySheet(name, "centre"),
      cells: [
        [{ value: name }, null],
        [null, { value: 1 }],
      ],
      styles: [{ range: "A1:B1", style: { bold: true } }],
      validations: [
        {
          range: "B2",
          rule: { kind: "decimal", min: 0 },
          prompt: { title: "Resultat", text: "Antal" },
          error: { title: "Ugyldigt tal", text: "Skriv et tal." },
        },
      ],
    };
    return { ...base, ...change(base) };
  };

  test("the same looks over the same block: copied from the first, over everything the looks cover", () => {
    const alike = new LookAlikes();
    expect(alike.sourceFor(sheet("A"))).toBeUndefined();
    expect(alike.sourceFor(sheet("B"))).toEqual({
      from: "A",
      rect: { top: 1, left: 1, bottom: 2, right: 2 },
      // What is read back afterwards: the input cell's prompt (no lock or colour is planned here).
      evidence: { prompt: { cell: "B2", message: "Antal" } },
    });
    expect(alike.sourceFor(sheet("C"))?.from).toBe("A");
  });

  test("another prompt, style, block size or a merge: written in full", () => {
    const alike = new LookAlikes();
    alike.sourceFor(sheet("A"));
    const otherPrompt = sheet("B", (s) => ({
      validations: [{ ...s.validations[0]!, prompt: { title: "Resultat", text: "Andet" } }],
    }));
    expect(alike.sourceFor(otherPrompt)).toBeUndefined();
    expect(
      alike.sourceFor(sheet("C", () => ({ styles: [{ range: "A1:B1", style: { italic: true } }] }))),
    ).toBeUndefined();
    expect(alike.sourceFor(sheet("D", (s) => ({ cells: [...s.cells, [null]] })))).toBeUndefined();
    expect(alike.sourceFor(sheet("E", () => ({ merges: ["A1:B1"] })))).toBeUndefined();
    // A sheet with another look becomes the source for the sheets after it with that look.
    expect(alike.sourceFor({ ...otherPrompt, name: "F" })?.from).toBe("B");
  });
});
