// The self-test on the fake Excel host: every feature works on an Excel with every set the add-in
// uses; a feature made to fail shows ✗ with Excel's own error while the others still run; a
// missing set is named; the user's sheets are never touched and the scratch sheet goes again.
import { builtinContracts } from "../../src/contracts/builtin";
import { createOfficeHost } from "../../src/excel/officeHost";
import { reportText } from "../../src/taskpane/SelfTest";
import { FakeExcel } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";

async function builtWorkbook(apiVersion: string) {
  const fake = new FakeExcel({ apiVersion, platform: "OfficeOnline" });
  const host = createOfficeHost({ env: fake.env(), now: () => "2026-11-22T10:00:00Z" });
  await host.build(
    builtinContracts().map((c) => c.id),
    { update: false },
  );
  typeFigures(fake, builtinContracts());
  return { fake, host };
}

function userView(fake: FakeExcel): string {
  return JSON.stringify({
    sheets: fake.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      cells: fake.hf.getSheetSerialized(s.hfId),
      formats: [...s.formats],
      cfs: s.conditionalFormats.length,
    })),
    names: [...fake.names.keys()],
    enableEvents: fake.enableEvents,
  });
}

test("every feature ✓ on an Excel with ExcelApi 1.11; the user's sheets untouched, the scratch sheet gone", async () => {
  const { fake, host } = await builtWorkbook("1.11");
  const before = userView(fake);
  const report = await host.selfTest();
  expect(report.rows.filter((r) => !r.ok)).toEqual([]);
  expect(report.rows.length).toBeGreaterThan(15);
  expect(report.platform).toBe("OfficeOnline");
  expect(report.sets).toEqual([
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "1.6",
    "1.7",
    "1.8",
    "1.9",
    "1.10",
    "1.11",
  ]);
  expect(userView(fake)).toBe(before);
  expect(fake.sheets.some((s) => s.name.startsWith("RK_Selvtest"))).toBe(false);
});

test("a feature made to fail: its row ✗ with Excel's error, the rest still ✓, still nothing left behind", async () => {
  const { fake, host } = await builtWorkbook("1.11");
  const before = userView(fake);
  fake.broken.set("ConditionalFormatCollection.add", "GeneralException");
  const report = await host.selfTest();
  const failed = report.rows.filter((r) => !r.ok);
  expect(failed.map((r) => r.feature)).toEqual([
    "Betinget formatering (statusfarver)",
    "Datalinjer (Oversigt)",
    COPY_ROW,
  ]);
  expect(failed[0]!.error).toMatch(/^GeneralException: ConditionalFormatCollection\.add/);
  expect(userView(fake)).toBe(before);
  expect(fake.sheets.some((s) => s.name.startsWith("RK_Selvtest"))).toBe(false);
  const text = reportText(report);
  expect(text).toMatch(/✗ Betinget formatering \(statusfarver\) \[ExcelApi 1\.6\] – GeneralException/);
  expect(text).toMatch(/Platform: OfficeOnline/);
});

test("the column-block validation pattern is tried on its own row, and a refusal shows there", async () => {
  const { fake, host } = await builtWorkbook("1.11");
  const row = "Datavalidering i kolonneblokke (fælles regel, egen besked pr. celle)";
  expect((await host.selfTest()).rows.find((r) => r.feature === row)?.ok).toBe(true);
  fake.broken.set("DataValidation.rule", "InvalidArgument");
  const failed = (await host.selfTest()).rows.filter((r) => !r.ok);
  expect(failed.map((r) => r.feature)).toEqual(["Datavalidering med liste og besked", row, COPY_ROW]);
  expect(failed[1]!.error).toMatch(/^InvalidArgument: DataValidation\.rule/);
});

const COPY_ROW = "Ens ark: udseendet kopieret fra et andet ark (range.copyFrom)";

test("copying one sheet's looks to another is tried on its own row, from a protected sheet, and both scratch sheets go", async () => {
  const { fake, host } = await builtWorkbook("1.11");
  const before = userView(fake);
  expect((await host.selfTest()).rows.find((r) => r.feature === COPY_ROW)?.ok).toBe(true);
  fake.broken.set("Range.copyFrom", "GeneralException");
  const report = await host.selfTest();
  const failed = report.rows.filter((r) => !r.ok);
  expect(failed.map((r) => r.feature)).toEqual([COPY_ROW]);
  expect(failed[0]!.error).toMatch(/^GeneralException: Range\.copyFrom/);
  // The source sheet was protected when the check failed; it is gone all the same.
  expect(fake.sheets.some((s) => s.name.startsWith("RK_Selvtest"))).toBe(false);
  expect(userView(fake)).toBe(before);
});

test("an older Excel: the sets it lacks are named on their rows", async () => {
  const { host } = await builtWorkbook("1.7");
  const report = await host.selfTest();
  const missing = report.rows.filter((r) => !r.ok);
  expect(missing.length).toBeGreaterThan(0);
  for (const r of missing) expect(r.error).toMatch(/^Denne Excel har ikke ExcelApi 1\.(8|9|11)\.$/);
});
