// Round trips and request sizes. Each action costs a fixed number of context.sync() calls
// whatever the size of the contracts, except that a build sends one write request per ~4 MB:
// Excel on the web refuses requests over 5 MB, so a workbook bigger than that cannot be written
// in one. Everything is measured on the fake host, which counts syncs and sizes requests itself.
import { builtinContracts } from "../../src/contracts/builtin";
import type { Contract } from "../../src/contracts/model";
import { WRITE_BUDGET as DEFAULT_BUDGET } from "../../src/excel/requestBudget";
import { createOfficeHost } from "../../src/excel/officeHost";
import { FakeExcel, type RecordedRequest } from "../support/fakeExcel";
import { syntheticContract } from "../support/fakeContract";
import { typeFigures } from "../support/fakeFigures";

const FIVE_MB = 5 * 1024 * 1024;

interface Counts {
  build: number;
  buildWrites: number;
  rebuild: number;
  rebuildWrites: number;
  overview: number;
  summary: number;
  requests: RecordedRequest[];
  byAction: Record<"build" | "overview" | "summary" | "rebuild", RecordedRequest[]>;
}

async function countsFor(contracts: Contract[], budgetBytes?: number): Promise<Counts & { fake: FakeExcel }> {
  const fake = new FakeExcel();
  const host = createOfficeHost({
    env: fake.env(),
    contracts: () => contracts,
    now: () => "2026-11-22T10:00:00Z",
    budgetBytes,
  });
  const ids = contracts.map((c) => c.id);
  const requests: RecordedRequest[] = [];
  const byAction = {} as Counts["byAction"];
  const step = async (name: keyof Counts["byAction"], action: () => Promise<unknown>) => {
    fake.resetStats();
    await action();
    requests.push(...fake.stats.requests);
    byAction[name] = fake.stats.requests;
    return fake.stats.syncs;
  };
  let built = { syncs: 0 };
  let rebuilt = { syncs: 0 };
  const build = await step("build", async () => (built = await host.build(ids, { update: false })));
  const overview = await step("overview", () => host.overview());
  const summary = await step("summary", () => host.summary());
  const rebuild = await step("rebuild", async () => (rebuilt = await host.build(ids, { update: true })));
  // Writes are the requests after the read phase (1 sync for a new workbook, 2 for a rebuild).
  return {
    build,
    buildWrites: built.syncs - 1,
    rebuild,
    rebuildWrites: rebuilt.syncs - 2,
    overview,
    summary,
    requests,
    byAction,
    fake,
  };
}

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

  test("the same counts for 16 centres × 60 goals, which still fits in one request", async () => {
    const medium = await countsFor([syntheticContract(16, 60)]);
    // A workload well beyond the built-in one (960 goal rows against about 180; the built-in rows carry
    // notes and longer texts, so the bytes grow less than the rows) …
    expect(Math.max(...medium.requests.map((r) => r.bytes))).toBeGreaterThan(
      builtin.requests.reduce((n, r) => Math.max(n, r.bytes), 0) * 2.5,
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

  test("200 centres × 60 goals: reads and summary as for the built-in ones; writes split by size, each under 5 MB", async () => {
    const large = await countsFor([syntheticContract(200, 60)]);
    expect(large.overview).toBe(builtin.overview);
    expect(large.summary).toBe(builtin.summary);
    // The read phase of a build is as long as for the built-in contracts …
    expect(large.build - large.buildWrites).toBe(builtin.build - builtin.buildWrites);
    expect(large.rebuild - large.rebuildWrites).toBe(builtin.rebuild - builtin.rebuildWrites);
    // … and the writes take as many requests as their size needs, no more.
    expect(large.buildWrites).toBeGreaterThan(1);
    for (const r of large.requests) expect(r.bytes).toBeLessThan(FIVE_MB);
    // Split by size: every write request but the last is well filled.
    for (const name of ["build", "rebuild"] as const) {
      const writes = large.byAction[name].slice(name === "build" ? 1 : 2);
      for (const r of writes.slice(0, -1)) expect(r.bytes).toBeGreaterThan(DEFAULT_BUDGET / 2);
    }
  });
});

describe("requests are split by size, not by count", () => {
  test("a small budget gives more, smaller requests and exactly the same workbook", async () => {
    const one = await countsFor(builtinContracts());
    const small = await countsFor(builtinContracts(), 120_000);
    expect(small.buildWrites).toBeGreaterThan(3);
    const buildRequests = small.byAction.build.slice(1);
    for (const r of buildRequests) expect(r.bytes).toBeLessThanOrEqual(120_000);
    // Full requests: every one but the last carries a good part of the budget (a centre sheet is
    // never split across two requests, so a request may end early).
    for (const r of buildRequests.slice(0, -1)) expect(r.bytes).toBeGreaterThan(40_000);

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
