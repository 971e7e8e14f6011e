// Round trips and request sizes. Each action costs a fixed number of context.sync() calls
// whatever the size of the contracts, except that a build sends one write request per ~3 MB:
// Excel on the web refuses requests over 5 MB, so a workbook bigger than that cannot be written
// in one. Everything is measured on the fake host, which counts syncs and sizes requests itself.
import { builtinContracts } from "../../src/contracts/builtin";
import { createOfficeHost } from "../../src/excel/officeHost";
import { FakeExcel } from "../support/fakeExcel";
import { countsFor, type Counts } from "./syncCounts";
import { syntheticContract } from "../support/fakeContract";
import { typeFigures } from "../support/fakeFigures";

describe("sync counts", () => {
  let builtin: Counts;
  beforeAll(async () => {
    builtin = await countsFor(builtinContracts());
  });

  test("built-in contracts: build ≤ 3, rebuild ≤ 3, overview ≤ 2, summary ≤ 2", () => {
    expect(builtin.build).toBeLessThanOrEqual(3);
    expect(builtin.rebuild).toBeLessThanOrEqual(3);
    expect(builtin.overview).toBeLessThanOrEqual(2);
    expect(builtin.summary).toBeLessThanOrEqual(2);
    expect(builtin.buildWrites).toBe(1);
    expect(builtin.rebuildWrites).toBe(1);
  });

  test("the same counts for 24 centres × 60 goals, which still fits in one request", async () => {
    const medium = await countsFor([syntheticContract(24, 60)]);
    // A workload well beyond the built-in one (1,440 goal rows against about 180; the built-in rows
    // carry notes and longer texts, and the 23 centre sheets after the first copy its looks, so
    // the bytes grow less than the rows) …
    expect(Math.max(...medium.requests.map((r) => r.bytes))).toBeGreaterThan(
      builtin.requests.reduce((n, r) => Math.max(n, r.bytes), 0) * 2,
    );
    expect({
      build: medium.build,
      rebuild: medium.rebuild,
      overview: medium.overview,
      summary: medium.summary,
    }).toEqual({
      build: builtin.build,
      rebuild: builtin.rebuild,
      overview: builtin.overview,
      summary: builtin.summary,
    });
  });
});

describe("requests are split by size, not by count", () => {
  test("a small budget gives more, smaller requests and exactly the same workbook", async () => {
    const one = await countsFor(builtinContracts());
    const small = await countsFor(builtinContracts(), 120_000);
    expect(small.buildWrites).toBeGreaterThan(3);
    const buildRequests = small.byAction.build.slice(1);
    for (const r of buildRequests) expect(r.bytes).toBeLessThanOrEqual(120_000);
    // Full requests: no two neighbours would have fitted in one (a centre sheet is never split
    // across two requests, so a request may end early when the next sheet is large).
    buildRequests
      .slice(1)
      .forEach((r, i) => expect(buildRequests[i]!.bytes + r.bytes).toBeGreaterThan(120_000));

    for (const s of one.fake.sheets) {
      const t = small.fake.sheet(s.name);
      expect(t.visibility).toBe(s.visibility);
      expect(t.protected).toBe(s.protected);
      expect([...t.formats]).toEqual([...s.formats]);
      expect([...t.validations]).toEqual([...s.validations]);
      expect(t.conditionalFormats.map(({ id: _id, ...cf }) => cf)).toEqual(
        s.conditionalFormats.map(({ id: _id, ...cf }) => cf),
      );
      expect(one.fake.hf.getSheetSerialized(s.hfId)).toEqual(small.fake.hf.getSheetSerialized(t.hfId));
    }
  });
});

describe("quiet writes", () => {
  test("events are off in every request that writes cells; calculation suspended until the last, which recalculates", async () => {
    const fake = new FakeExcel();
    const host = createOfficeHost({ env: fake.env(), now: () => "2026-11-22T10:00:00Z" });
    const ids = builtinContracts().map((c) => c.id);
    await host.build(ids, { update: false });
    typeFigures(fake, builtinContracts());
    await host.summary();
    await host.build(ids, { update: true });
    const writing = fake.stats.requests.filter((r) => r.writesWithEvents + r.writesWithoutEvents > 0);
    expect(writing.length).toBeGreaterThanOrEqual(3);
    for (const r of writing) expect(r.writesWithEvents).toBe(0);
    // Each action's writes end with a request for recalculation (build, summary, rebuild).
    expect(fake.recalculations).toBe(3);
    expect(fake.enableEvents).toBe(true);
  });

  test("with a small budget, every write request but the last of a build suspends calculation", async () => {
    const fake = new FakeExcel();
    const host = createOfficeHost({
      env: fake.env(),
      now: () => "2026-11-22T10:00:00Z",
      budgetBytes: 200_000,
    });
    await host.build(
      builtinContracts().map((c) => c.id),
      { update: false },
    );
    const writes = fake.stats.requests.slice(1);
    expect(writes.length).toBeGreaterThan(2);
    for (const r of writes.slice(0, -1)) expect(r.calculationSuspended).toBe(true);
    expect(writes[writes.length - 1]!.calculationSuspended).toBe(false);
    expect(fake.recalculations).toBe(1);
  });
});
