// No figure is lost by a build, an update or an import, whatever request Excel refuses and how.
// The fake host makes the Nth request of each action fail with each of the ways real Excel
// refuses one: a request refused half-way (GeneralException), the web's size limit, cell-edit
// mode, and AccessDenied. Then the figures by goal id must be exactly as before (or, for a build
// that went through on its second attempt, exactly as before in a complete workbook), and the
// message must say what happened.
// Every failure mode is tried here at representative boundaries, with the checks of
// updateMatrix.ts: a build and an import at their first request and their last; an update failing
// once at its first write and at its last, and failing twice at one of the two, taken in turn
// over the failure modes. noFigureLost.scale.test.ts (npm run test:all, which CI runs) tries all
// three at every request boundary, the update's reads included, with the same checks.
import { createOfficeHost } from "../../src/excel/officeHost";
import { META_SHEET } from "../../src/sheets/layout";
import { FakeExcel } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";
import {
  buildFailing,
  buildRequests,
  FAILURES,
  importFailing,
  importRequests,
  NOW,
  builtWithFigures,
  centres,
  contracts,
  figures,
  ids,
  updateFailingOnce,
  updateFailingTwice,
  updateRequests,
} from "./updateMatrix";

describe("an update (rebuild keeping figures) loses no figure whichever request fails", () => {
  let requests = { count: 0, firstWrite: 0 };
  beforeAll(async () => {
    requests = await updateRequests();
  });
  const once = () => [requests.firstWrite, requests.count];
  const twice = (i: number) => [i % 2 === 0 ? requests.firstWrite : requests.count];

  test("the update takes several requests and reads before it writes, so the writes below differ", () => {
    expect(requests.count).toBeGreaterThan(3);
    expect(requests.firstWrite).toBeGreaterThan(1);
    expect(requests.firstWrite).toBeLessThan(requests.count);
  });

  FAILURES.forEach((f, i) => {
    test(`${f.name}: failing once, at the first write and at the last`, async () => {
      for (const n of once()) await updateFailingOnce(f, n);
    });

    const which = i % 2 === 0 ? "first" : "last";
    test(`${f.name}: failing twice (the second attempt fails too), at the ${which} write`, async () => {
      for (const n of twice(i)) await updateFailingTwice(f, n);
    });
  });

  test("a persistent refusal: the figures written back are named per sheet, and the advice fits the web", async () => {
    const fake = new FakeExcel({ platform: "OfficeOnline" });
    const host = createOfficeHost({ env: fake.env(), now: NOW });
    await host.build(ids, { update: false });
    typeFigures(fake, contracts);
    const before = figures(fake);
    // Sync 3 is the one write; 6 the second attempt's write (after two reads). Each fails right
    // after its last clear, so a sheet holding figures is empty when Excel gives up.
    fake.failRequest(3, "GeneralException", "afterClear");
    fake.failRequest(6, "GeneralException", "afterClear");
    const error = await host.build(ids, { update: true }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/skrevet tilbage i .*\(\d+ celler\)/);
    expect(message).toMatch(/Opdater igen/);
    expect(figures(fake)).toEqual(before);
    expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
    expect(fake.sheet(META_SHEET).protected).toBe(true);
  });

  for (const apiVersion of ["1.7", "1.9"]) {
    test(`ExcelApi ${apiVersion}: a sheet cleared and then refused is written back, cell by cell`, async () => {
      const fake = new FakeExcel({ apiVersion });
      const host = createOfficeHost({ env: fake.env(), now: NOW });
      await host.build(ids, { update: false });
      typeFigures(fake, contracts);
      const before = figures(fake);
      // Every time, right after the first centre sheet's cells were cleared.
      fake.broken.set("WorksheetFreezePanes.unfreeze", "GeneralException");
      const message = await host.build(ids, { update: true }).then(
        () => "",
        (e: Error) => e.message,
      );
      expect(message).toMatch(/skrevet tilbage i Nyropsgade \(\d+ celler\)/);
      expect(message).not.toMatch(/nåede at blive færdige: [a-zæøå]/);
      expect(figures(fake)).toEqual(before);
      fake.broken.clear();
      await host.build(ids, { update: true });
      expect(figures(fake)).toEqual(before);
      for (const code of centres) expect(fake.sheet(code).protected).toBe(true);
    });
  }

  test("when even the write-back fails, the web's advice is Versionshistorik, never 'luk uden at gemme'", async () => {
    const fake = new FakeExcel({ platform: "OfficeOnline" });
    const host = createOfficeHost({ env: fake.env(), now: NOW });
    await host.build(ids, { update: false });
    typeFigures(fake, contracts);
    for (const n of [3, 6, 7]) fake.failRequest(n, "GeneralException", n === 7 ? "before" : "midway");
    const message = await host.build(ids, { update: true }).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(message).toMatch(/Fil → Versionshistorik/);
    expect(message).not.toMatch(/uden at gemme/);
  });
});

describe("a first build whichever request fails", () => {
  let count = 0;
  beforeAll(async () => {
    count = await buildRequests();
  });

  test("the build takes several requests, so its first and last differ", () => {
    expect(count).toBeGreaterThan(2);
  });

  for (const f of FAILURES) {
    test(`${f.name}: a clear message or a complete build, and a build that works afterwards (first and last request)`, async () => {
      for (const n of [1, count]) await buildFailing(f, n);
    });
  }
});

describe("cell-edit mode", () => {
  test("before ExcelApi 1.11: a Danish message, nothing written", async () => {
    const { fake, host } = await builtWithFigures();
    const before = figures(fake);
    fake.beginEdit();
    await expect(host.build(ids, { update: true })).rejects.toThrow(
      /Afslut redigeringen af cellen \(Enter\)/,
    );
    expect(figures(fake)).toEqual(before);
  });

  test("from ExcelApi 1.11 the write waits, the pane is told to ask for Enter, and it then completes", async () => {
    const fake = new FakeExcel({ apiVersion: "1.11" });
    const host = createOfficeHost({ env: fake.env(), now: NOW, watch: { slowMs: 20 } });
    await host.build(ids, { update: false });
    typeFigures(fake, contracts);
    const before = figures(fake);
    const waiting: boolean[] = [];
    host.onWaiting((w) => waiting.push(w));
    fake.beginEdit();
    const update = host.build(ids, { update: true });
    await new Promise((r) => setTimeout(r, 60));
    expect(waiting).toEqual([true]);
    fake.endEdit();
    await update;
    expect(waiting).toEqual([true, false]);
    expect(figures(fake)).toEqual(before);
  });
});

describe("an import loses no figure whichever request fails", () => {
  let count = 0;
  beforeAll(async () => {
    count = await importRequests();
  });

  test("the import takes more than one request, so its first and last differ", () => {
    expect(count).toBeGreaterThan(1);
  });

  for (const f of FAILURES) {
    test(`${f.name}: all of it or none of it, at the first request and the last`, async () => {
      for (const n of [1, count]) await importFailing(f, n);
    });
  }
});
