// No figure is lost by a build, an update or an import, whatever request Excel refuses and how.
// The fake host makes the Nth request of each action fail with each of the ways real Excel
// refuses one: a request refused half-way (GeneralException), the web's size limit, cell-edit
// mode, and AccessDenied. Then the figures by goal id must be exactly as before (or, for a build
// that went through on its second attempt, exactly as before in a complete workbook), and the
// message must say what happened.
// A build and an import are tried at every request boundary here. An update is tried, for every
// failure mode, at a representative set of boundaries with the checks of updateMatrix.ts: failing
// once at its first write and at its last; failing twice at one of the two, taken in turn over
// the failure modes so each is tried twice. noFigureLost.scale.test.ts (npm run test:all, which
// CI runs) tries the update at every boundary, reads included, once and twice, with the same checks.
import ExcelJS from "exceljs";
import { createOfficeHost } from "../../src/excel/officeHost";
import { COL, FIRST_GOAL_ROW, META_SHEET } from "../../src/sheets/layout";
import { FakeExcel } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";
import {
  BUDGET,
  FAILURES,
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
  for (const f of FAILURES) {
    test(`${f.name}: a clear message or a complete build, and a build that works afterwards`, async () => {
      for (let n = 1; n <= 4; n++) {
        const fake = new FakeExcel();
        const host = createOfficeHost({ env: fake.env(), now: NOW, budgetBytes: BUDGET });
        fake.failRequest(n, f.code, f.when);
        const first = await host.build(ids, { update: false }).then(
          () => "",
          (e: Error) => e.message,
        );
        expect(fake.enableEvents).toBe(true);
        fake.clearFailures();
        if (first) {
          expect({ n, first }).toEqual({ n, first: expect.stringMatching(f.says) });
          // What the failed build added is gone again (cell-edit mode: it never got that far)…
          expect({ n, sheets: fake.sheets.map((s) => s.name) }).toEqual({ n, sheets: ["Ark1"] });
          // … so building again just works.
          await host.build(ids, { update: false });
        }
        for (const code of centres) expect(fake.sheet(code).protected).toBe(true);
      }
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
  async function withReturnedFile() {
    const fake = new FakeExcel();
    const host = createOfficeHost({ env: fake.env(), now: NOW });
    const contract = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
    await host.build([contract.id], { update: false });
    const exported = await host.exportTemplates({ prefill: false });
    const file = exported.files.find((x) => x.centre === "CKB")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("CKB")!;
    ws.getCell(`${COL.grundlag}${FIRST_GOAL_ROW}`).value = 10;
    ws.getCell(`${COL.resultat}${FIRST_GOAL_ROW}`).value = 9;
    ws.getCell(`${COL.resultat}${FIRST_GOAL_ROW + 3}`).value = 4;
    const returned = { name: "CKB-retur.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
    const review = await host.previewImport([returned]);
    return { fake, host, review };
  }

  function cells(fake: FakeExcel): string {
    return JSON.stringify(fake.sheets.map((s) => [s.name, fake.hf.getSheetSerialized(s.hfId)]));
  }

  for (const f of FAILURES) {
    test(`${f.name}: all of it or none of it, request by request`, async () => {
      const clean = await withReturnedFile();
      clean.fake.resetStats();
      await clean.host.applyImport(clean.review, { conflicts: "keep" });
      const count = clean.fake.stats.syncs;
      const after = cells(clean.fake);
      for (let n = 1; n <= count; n++) {
        const { fake, host, review } = await withReturnedFile();
        const before = cells(fake);
        fake.failRequest(n, f.code, f.when);
        const outcome = await host.applyImport(review, { conflicts: "keep" }).then(
          () => "applied",
          (e: Error) => e.message,
        );
        if (outcome === "applied") {
          expect({ n, applied: cells(fake) === after }).toEqual({ n, applied: true });
        } else {
          expect({ n, outcome }).toEqual({ n, outcome: expect.stringMatching(f.says) });
          expect({ n, unchanged: cells(fake) === before }).toEqual({ n, unchanged: true });
        }
        expect(fake.enableEvents).toBe(true);
      }
    });
  }
});
