// applyPlan's parts and readGrids on their own.
import { rectanglesOf } from "../../src/sheets/rectangles";
import { rereadExisting, writeSafely } from "../../src/excel/safeWrite";
import { parseRange } from "../../src/sheets/a1";
import { applyPlan, batchOps, formulaCell, widthPoints, type WriteOp } from "../../src/excel/applyPlan";
import { capabilities } from "../../src/excel/env";
import { readGrids } from "../../src/excel/readGrids";
import { groupStyles, groupValidations } from "../../src/sheets/styleGroups";
import { emptySheet, type WorkbookPlan } from "../../src/sheets/plan";
import { FakeExcel } from "../support/fakeExcel";

test("plan cells become one formulas array: formulas with =, text with the apostrophe, numbers as numbers", () => {
  expect(formulaCell(null)).toBe("");
  expect(formulaCell({ formula: "SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
  expect(formulaCell({ value: 12.5 })).toBe(12.5);
  expect(formulaCell({ value: "1.2" })).toBe("'1.2");
  expect(formulaCell({ value: "Mål" })).toBe("'Mål");
});

test("column widths in characters become points as Excel sizes them", () => {
  expect(widthPoints(10)).toBe(56.25);
  expect(widthPoints(60)).toBe(318.75);
});

test("cells become few rectangles", () => {
  const cells = [];
  for (let row = 8; row <= 40; row++) for (const col of [8, 9, 14]) cells.push({ row, col });
  expect(rectanglesOf(cells)).toEqual([parseRange("H8:I40"), parseRange("N8:N40")]);
});

test("styles merge property by property in plan order, then group by look and by number format", () => {
  const { looks, numberFormats } = groupStyles([
    { range: "A1:C1", style: { bold: true, fill: "EEEEEE" } },
    { range: "B1", style: { fill: "FF0000", numberFormat: "0%" } },
    { range: "A2:C2", style: { locked: true } },
  ]);
  expect(looks).toEqual(
    expect.arrayContaining([
      { style: { bold: true, fill: "EEEEEE" }, rects: [parseRange("A1"), parseRange("C1")], cells: 2 },
      { style: { bold: true, fill: "FF0000" }, rects: [parseRange("B1")], cells: 1 },
    ]),
  );
  expect(looks).toHaveLength(2);
  expect(numberFormats).toEqual([{ numberFormat: "0%", rects: [parseRange("B1")], cells: 1 }]);
});

test("equal validations over many cells become one rule over one rectangle", () => {
  const v = (range: string, title = "Grundlag") => ({
    range,
    rule: { kind: "decimal" as const, min: 0 },
    prompt: { title, text: "tal" },
    error: { title: "Fejl", text: "tal" },
  });
  const groups = groupValidations([v("H8"), v("H9"), v("H10"), v("I8", "Resultat")]);
  expect(groups.map((g) => g.rects)).toEqual([[parseRange("H8:H10")], [parseRange("I8")]]);
});

test("batches are cut by estimated size, in order, and an oversized operation goes alone", () => {
  const op = (bytes: number): WriteOp => ({ bytes, queue: () => undefined });
  const ops = [op(40), op(40), op(40), op(500), op(10)];
  expect(batchOps(ops, 100).map((b) => b.map((o) => o.bytes))).toEqual([[40, 40], [40], [500], [10]]);
});

test("readGrids reads many sheets in one sync, from A1, with formulas when asked", async () => {
  const fake = new FakeExcel({ sheets: ["Et", "To"] });
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Et").getRange("B2:C3").formulas = [
      [1, "'x"],
      ["=B2+1", null],
    ];
    context.workbook.worksheets.getItem("To").getRange("A1").values = [["a"]];
    context.workbook.worksheets.getItem("To").getRange("D5").values = [[9]];
    await context.sync();
  });
  fake.resetStats();
  const grids = await fake.run((context) =>
    readGrids(context, [
      { sheet: "Et", formulas: true },
      { sheet: "To", columns: ["A", "D"] },
    ]),
  );
  expect(fake.stats.syncs).toBe(1);
  expect(grids[0]).toEqual({
    name: "Et",
    values: [
      [null, null, null],
      [null, 1, "x"],
      [null, 2, null],
    ],
    formulas: [
      [null, null, null],
      [null, null, null],
      [null, "=B2+1", null],
    ],
  });
  expect(grids[1]!.values[0]![0]).toBe("a");
  expect(grids[1]!.values[4]![3]).toBe(9);
});

test("a print set-up Excel refuses is left out in a second attempt; the rest of the build stands", async () => {
  const fake = new FakeExcel();
  const sheet = {
    ...emptySheet("Ark2", "summary"),
    cells: [[{ value: "x" }]],
    print: {
      landscape: true,
      fitToWidth: true,
      header: { left: "x", center: "", right: "" },
      repeatRows: "bad",
    },
  };
  const plan: WorkbookPlan = { sheets: [sheet], names: [] };
  const report = await fake.run((context) =>
    writeSafely(
      context,
      plan,
      { caps: capabilities(fake.env()), existing: new Map(), existingNames: new Set() },
      [],
      () => rereadExisting(context, ["Ark2"]),
      "desktop",
    ),
  );
  expect(report.retried).toBe(true);
  expect(report.skipped).toEqual(["Udskriftsopsætning (Excel afviste den)"]);
  expect(fake.value("Ark2", "A1")).toBe("x");
  expect(fake.enableEvents).toBe(true);
});

test("…also when the print set-up is spread over several requests", async () => {
  const fake = new FakeExcel();
  const print = {
    landscape: true,
    fitToWidth: true,
    header: { left: "x", center: "", right: "" },
    repeatRows: "bad",
  };
  const sheets = ["Et", "To", "Tre"].map((name) => ({
    ...emptySheet(name, "summary" as const),
    cells: [[{ value: name }]],
    print,
  }));
  const report = await fake.run((context) =>
    writeSafely(
      context,
      { sheets, names: [] },
      { caps: capabilities(fake.env()), existing: new Map(), existingNames: new Set(), budgetBytes: 1500 },
      [],
      () => rereadExisting(context, ["Et", "To", "Tre"]),
      "desktop",
    ),
  );
  expect(report.batches.length).toBeGreaterThan(3);
  expect(report.skipped).toEqual(["Udskriftsopsætning (Excel afviste den)"]);
  for (const name of ["Et", "To", "Tre"]) expect(fake.value(name, "A1")).toBe(name);
  expect(fake.enableEvents).toBe(true);
});

for (const apiVersion of ["1.8", "1.9"]) {
  test(`ExcelApi ${apiVersion}: every column gets its planned width${apiVersion === "1.9" ? ", all in one setColumnProperties" : ""}`, async () => {
    const fake = new FakeExcel({ apiVersion, keepLog: true });
    const widths = [10, 10, 20, 30, 30, 12, 60, 8];
    const sheet = { ...emptySheet("Ark2", "summary"), cells: [[{ value: "x" }]], columnWidths: widths };
    await fake.run((context) =>
      applyPlan(
        context,
        { sheets: [sheet], names: [] },
        {
          caps: capabilities(fake.env()),
          existing: new Map(),
          existingNames: new Set(),
        },
      ),
    );
    const ws = fake.sheet("Ark2");
    expect(widths.map((_, c) => ws.columnWidths.get(c))).toEqual(widths.map(widthPoints));
    const calls = fake.stats.requests
      .flatMap((r) => r.log ?? [])
      .filter((op) => op.member === "setColumnProperties");
    expect(calls).toHaveLength(apiVersion === "1.9" ? 1 : 0);
  });
}
