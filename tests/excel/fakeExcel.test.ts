// The fake Excel host behaves like Office where the add-in depends on it: queued operations run
// at sync and in order, unloaded properties cannot be read, a failing operation stops its request,
// newer APIs fail on older Excel, text is text only when written as text.
import { FakeExcel, FakeOfficeError } from "../support/fakeExcel";

test("operations wait for sync; reading before load and sync throws PropertyNotLoaded", async () => {
  const fake = new FakeExcel();
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Ark1").getRange("A1:B1");
    range.formulas = [[2, "=A1*3"]];
    expect(fake.value("Ark1", "B1")).toBe("");
    expect(() => range.values).toThrow(/load method/);
    range.load("values");
    expect(() => range.values).toThrow(/load method/);
    await context.sync();
    expect(range.values).toEqual([[2, 6]]);
  });
  expect(fake.stats.syncs).toBe(1);
  expect(fake.stats.operations).toBe(4);
});

test("a failing operation stops its request and rejects the sync with an Office-style error", async () => {
  const fake = new FakeExcel();
  const error = await fake
    .run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark1");
      ws.getRange("A1").values = [[1]];
      context.workbook.worksheets.getItem("Findes ikke").getRange("A1").values = [[2]];
      ws.getRange("A2").values = [[3]];
      await context.sync();
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FakeOfficeError);
  expect((error as FakeOfficeError).code).toBe("ItemNotFound");
  expect(fake.value("Ark1", "A1")).toBe(1);
  expect(fake.value("Ark1", "A2")).toBe("");
});

test("APIs newer than the simulated requirement set fail with ApiNotFound", async () => {
  const fake = new FakeExcel({ apiVersion: "1.8" });
  expect(fake.isSetSupported("ExcelApi", "1.8")).toBe(true);
  expect(fake.isSetSupported("ExcelApi", "1.9")).toBe(false);
  const error = await fake
    .run(async (context) => {
      context.workbook.worksheets
        .getItem("Ark1")
        .getRange("A1")
        .setCellProperties([[{ format: { wrapText: true } }]]);
      await context.sync();
    })
    .catch((e: unknown) => e);
  expect((error as FakeOfficeError).code).toBe("ApiNotFound");
});

test("*OrNullObject: isNullObject after sync; a null object's own properties stay unloaded", async () => {
  const fake = new FakeExcel();
  await fake.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Nej").load("name");
    const there = context.workbook.worksheets.getItemOrNullObject("Ark1").load("name");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(() => missing.name).toThrow(/load method/);
    expect(there.isNullObject).toBe(false);
    expect(there.name).toBe("Ark1");
  });
});

test("text with the apostrophe stays text; without it, Excel reads a number", async () => {
  const fake = new FakeExcel();
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Ark1").getRange("A1:C1").formulas = [["'1.2", "1.2", "'=1+1"]];
    await context.sync();
  });
  expect(fake.value("Ark1", "A1")).toBe("1.2");
  expect(fake.value("Ark1", "B1")).toBe(1.2);
  expect(fake.value("Ark1", "C1")).toBe("=1+1");
});

test("protection: API writes into locked cells of a protected sheet are refused", async () => {
  const fake = new FakeExcel();
  const attempt = (address: string) =>
    fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange(address).values = [[1]];
      await context.sync();
    });
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("B2").format.protection.locked = false;
    ws.protection.protect();
    await context.sync();
  });
  await expect(attempt("A1")).rejects.toMatchObject({ code: "AccessDenied" });
  await expect(attempt("B2")).resolves.toBeUndefined();
});

test("the custom conditional format rule is read relative to its range's top-left cell", async () => {
  const fake = new FakeExcel();
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("A1:A3").values = [[1], [5], [1]];
    const cf = ws.getRange("B1:B3").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = "=$A1>2";
    cf.custom.format.fill.color = "#ff0000";
    await context.sync();
  });
  expect(fake.highlightsAt("Ark1", "B1")).toHaveLength(0);
  expect(fake.highlightsAt("Ark1", "B2").map((h) => h.fill)).toEqual(["#FF0000"]);
  expect(fake.highlightsAt("Ark1", "B3")).toHaveLength(0);
});
