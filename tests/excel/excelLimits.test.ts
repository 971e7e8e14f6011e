// What real Excel does that the happy path never sees: the web's request size limit (split and
// sent again), a sync that never settles (the watchdog, on jest's fake timers), Manual calculation
// and the recalculation the add-in asks for, the overview refreshed by onCalculated (a Ja/Nej
// picked from a dropdown on the web fires no onChanged) and by sheet activation, Protect Workbook
// found in the read step, Range.values coming back null, print set-up queued before protection,
// and iPad treated like Mac for templates.
import { builtinContracts } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { createOfficeHost } from "../../src/excel/officeHost";
import { SyncHung, watched } from "../../src/excel/syncWatch";
import { COL, FIRST_GOAL_ROW, META_SHEET } from "../../src/sheets/layout";
import { FakeExcel } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";

const NOW = () => "2026-11-22T10:00:00Z";
const contracts = builtinContracts();
const ids = contracts.map((c) => c.id);
const centres = contracts.flatMap((c) => c.centres.map((x) => x.code));

function setup(
  options: { apiVersion?: string; platform?: "PC" | "Mac" | "OfficeOnline" | "iOS"; keepLog?: boolean } = {},
) {
  const fake = new FakeExcel(options);
  const host = createOfficeHost({ env: fake.env(), now: NOW });
  return { fake, host };
}

function complete(fake: FakeExcel): void {
  for (const code of centres) {
    expect(fake.sheet(code).protected).toBe(true);
    expect(fake.sheet(code).pageLayout.printTitleRows).toBe("$7:$7");
  }
  expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
}

describe("the web's request size limit", () => {
  test("a build's write refused for its size is split in two and sent again: a complete workbook", async () => {
    const { fake, host } = setup();
    fake.failRequest(2, "RequestPayloadSizeLimitExceeded", "before");
    const result = await host.build(ids, { update: false });
    expect(result.created).toEqual(centres);
    // One read, the refused write, and the same writes in two requests.
    expect(fake.stats.syncs).toBe(4);
    expect(result.notes).toEqual([]);
    complete(fake);
    expect(fake.enableEvents).toBe(true);
  });

  test("an update's write refused twice for its size: split into quarters, no figure lost", async () => {
    const { fake, host } = setup();
    await host.build(ids, { update: false });
    typeFigures(fake, contracts);
    const before = centres.map((c) => fake.value(c, `${COL.resultat}${FIRST_GOAL_ROW}`));
    fake.resetStats();
    fake.failRequest(3, "RequestPayloadSizeLimitExceeded", "before");
    fake.failRequest(4, "RequestPayloadSizeLimitExceeded", "before");
    await host.build(ids, { update: true });
    expect(fake.stats.syncs).toBe(7);
    expect(centres.map((c) => fake.value(c, `${COL.resultat}${FIRST_GOAL_ROW}`))).toEqual(before);
    complete(fake);
  });
});

describe("the sync watchdog", () => {
  afterEach(() => jest.useRealTimers());

  test("after 2 s the pane is told Excel is waiting; after 2 minutes the sync is given up in Danish", async () => {
    jest.useFakeTimers();
    const waiting: boolean[] = [];
    const never = new Promise<void>(() => undefined);
    const result = watched(never, { onWaiting: (w) => waiting.push(w) }).then(
      () => "settled",
      (e: unknown) => e,
    );
    jest.advanceTimersByTime(1_999);
    expect(waiting).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(waiting).toEqual([true]);
    jest.advanceTimersByTime(117_999);
    await Promise.resolve();
    expect(waiting).toEqual([true]);
    jest.advanceTimersByTime(1);
    const error = await result;
    expect(error).toBeInstanceOf(SyncHung);
    expect((error as Error).message).toMatch(/^Excel har ikke svaret i 2 minutter\. .*tryk Enter/);
    expect(waiting).toEqual([true, false]);
  });

  test("a sync that settles in time passes its result and leaves no timer behind", async () => {
    jest.useFakeTimers();
    const waiting: boolean[] = [];
    const value = await watched(Promise.resolve(7), { onWaiting: (w) => waiting.push(w) });
    expect(value).toBe(7);
    expect(jest.getTimerCount()).toBe(0);
    expect(waiting).toEqual([]);
  });

  test("through the host: a hung Excel gives the Danish message instead of waiting forever", async () => {
    const fake = new FakeExcel();
    const host = createOfficeHost({ env: fake.env(), now: NOW, watch: { hungMs: 50, slowMs: 10 } });
    fake.hang = new Promise(() => undefined);
    await expect(host.overview()).rejects.toThrow(/^Excel har ikke svaret i 2 minutter/);
  });
});

describe("calculation", () => {
  test("every write asks Excel to recalculate: build, summary, import", async () => {
    const { fake, host } = setup();
    await host.build(ids, { update: false });
    expect(fake.recalculations).toBe(1);
    await host.summary();
    expect(fake.recalculations).toBe(2);
    await host.exportTemplates({ prefill: false });
    expect(fake.recalculations).toBe(3);
  });

  test("in Manual mode the build says so, and still asks for the recalculation", async () => {
    const { fake, host } = setup();
    fake.calculationMode = "Manual";
    const result = await host.build(ids, { update: false });
    expect(result.notes).toEqual([expect.stringMatching(/^Excel beregner manuelt .*F9/)]);
    expect(fake.recalculations).toBe(1);
  });
});

describe("the live overview follows what onChanged misses", () => {
  const jsvYesNo = () => {
    const contract = contracts.find((c) => c.centres.some((x) => x.code === "JSV"))!;
    const i = rowsFor(contract, "JSV").findIndex(
      (r) => r.assessment.basis !== "joint" && r.assessment.target.kind === "yesNo",
    );
    return `${COL.resultat}${FIRST_GOAL_ROW + i}`;
  };

  test("a Ja picked from a dropdown on the web (onCalculated, ExcelApi 1.8+) refreshes it", async () => {
    const { fake, host } = setup();
    await host.build(ids, { update: false });
    await host.overview();
    let calls = 0;
    await host.onChanged(() => calls++);
    fake.pickFromDropdown("JSV", jsvYesNo(), "Ja");
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
  });

  test("without onCalculated (ExcelApi 1.7) the dropdown pick is not seen: the event is what does it", async () => {
    const { fake, host } = setup({ apiVersion: "1.7" });
    await host.build(ids, { update: false });
    let calls = 0;
    await host.onChanged(() => calls++);
    await new Promise((r) => setTimeout(r, 600));
    fake.pickFromDropdown("JSV", jsvYesNo(), "Ja");
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(0);
  });

  test("coming back to a sheet refreshes it (onActivated)", async () => {
    const { fake, host } = setup();
    await host.build(ids, { update: false });
    let calls = 0;
    await host.onChanged(() => calls++);
    fake.activateByUser("CKB");
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
  });
});

describe("checked in the read step, before anything is written", () => {
  test("Protect Workbook: a Danish message, nothing changed", async () => {
    const { fake, host } = setup();
    fake.structureProtected = true;
    await expect(host.build(ids, { update: false })).rejects.toThrow(
      /^Projektmappens struktur er beskyttet.*Intet er ændret\.$/,
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(["Ark1"]);
  });

  test("Range.values null for a centre sheet: a Danish message, no figure touched", async () => {
    const { fake, host } = setup();
    await host.build(ids, { update: false });
    typeFigures(fake, contracts);
    const before = fake.value("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`);
    fake.nullValues.add("CKB");
    await expect(host.build(ids, { update: true })).rejects.toThrow(
      /^Excel sendte ingen værdier for arket "CKB"/,
    );
    expect(fake.value("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`)).toBe(before);
  });
});

test("print set-up is queued before the sheet is protected", async () => {
  const { fake, host } = setup({ keepLog: true });
  await host.build(ids, { update: false });
  const log = fake.stats.requests[1]!.log!;
  for (const code of centres) {
    const mine = (member: string) =>
      log.findIndex((op) => op.target.includes(`"${code}"`) && op.member === member);
    expect(mine("setPrintTitleRows")).toBeGreaterThan(-1);
    expect(mine("setPrintTitleRows")).toBeLessThan(mine("protect"));
  }
});

test("no multi-area address is ever sent (getRanges wants the locale's list separator)", async () => {
  const { fake, host } = setup({ keepLog: true });
  await host.build(ids, { update: false });
  typeFigures(fake, contracts);
  await host.build(ids, { update: true });
  const members = fake.stats.requests.flatMap((r) => r.log ?? []).map((op) => op.member);
  expect(members).not.toContain("getRanges");
  expect(members).toContain("setCellProperties");
});

test("iPad is treated like Mac: templates are opened in Excel, not downloaded", async () => {
  for (const [platform, delivery] of [
    ["iOS", "open"],
    ["Mac", "open"],
    ["PC", "download"],
    ["OfficeOnline", "download"],
  ] as const) {
    const fake = new FakeExcel({ platform });
    const host = createOfficeHost({
      env: { ...fake.env(), createWorkbook: async () => undefined },
      now: NOW,
    });
    await host.build([ids[1]!], { update: false });
    const result = await host.exportTemplates({ prefill: false });
    expect({ platform, delivery: result.delivery }).toEqual({ platform, delivery });
  }
});

test("where files are downloaded, all templates also come as one .zip, for one click", async () => {
  const { default: JSZip } = await import("jszip");
  const { host } = setup({ platform: "OfficeOnline" });
  await host.build([ids[1]!], { update: false });
  const result = await host.exportTemplates({ prefill: false });
  expect(result.zip?.name).toBe("skabeloner_2026-11-22.zip");
  const zip = await JSZip.loadAsync(result.zip!.bytes);
  expect(Object.keys(zip.files).sort()).toEqual(result.files.map((f) => f.name).sort());
  const first = await zip.file(result.files[0]!.name)!.async("uint8array");
  expect(Buffer.from(first).equals(Buffer.from(result.files[0]!.bytes))).toBe(true);
});

describe("protect()/unprotect() throwing AccessDenied once (#6784): one more try", () => {
  test("in a build: the workbook is complete and protected, the user is told of the second attempt", async () => {
    const { fake, host } = setup();
    await host.build(ids, { update: false });
    typeFigures(fake, contracts);
    const before = fake.value("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`);
    fake.brokenOnce.set("WorksheetProtection.protect", "AccessDenied");
    const result = await host.build(ids, { update: true });
    expect(result.notes).toContain("Excel afviste første forsøg; andet forsøg lykkedes.");
    expect(fake.value("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`)).toBe(before);
    complete(fake);
  });

  test("in an export's write: noted in RK_Data after the second try, RK_Data protected again", async () => {
    const { fake, host } = setup();
    await host.build([ids[1]!], { update: false });
    fake.brokenOnce.set("WorksheetProtection.unprotect", "AccessDenied");
    const result = await host.exportTemplates({ prefill: false });
    expect(result.files.length).toBeGreaterThan(0);
    const trips = fake.hf
      .getSheetValues(fake.sheet(META_SHEET).hfId)
      .filter((line) => line[0] === "trip" && line[1] === "exported");
    expect(trips).toHaveLength(result.files.length);
    expect(fake.sheet(META_SHEET).protected).toBe(true);
  });
});
