// Round trips, operations and request sizes for 200 centres × 60 goals (about a minute on the fake
// host, so outside the fast loop). The figures are those of bench/excel.ts, with a little room:
// a change that makes the large build cost more requests or many more operations fails here.
import { builtinContracts } from "../../src/contracts/builtin";
import { WRITE_BUDGET as DEFAULT_BUDGET } from "../../src/excel/requestBudget";
import { syntheticContract } from "../support/fakeContract";
import { countsFor, FIVE_MB } from "./syncCounts";

/** Operations Excel runs (the fake's RecordedRequest.operations: queued actions, not proxy calls). */
const operations = (requests: { operations: number }[]) => requests.reduce((n, r) => n + r.operations, 0);

test("200 centres × 60 goals: reads and summary as for the built-in ones; writes split by size, each under 5 MB", async () => {
  const builtin = await countsFor(builtinContracts());
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
  // Measured 2026-11-30: build 4 syncs / 9,318 actions, rebuild 5 / 14,621, summary 2 / 1,121
  // (8 / 56,528 and 9 / 61,795 before the 199 centre sheets after the first copied its looks
  // with one Range.copyFrom each, read back three things the copy must have brought, and wrote
  // only their own cells: mostly status formulas, goal texts and hints).
  expect(large.build).toBeLessThanOrEqual(4);
  expect(large.rebuild).toBeLessThanOrEqual(5);
  expect(operations(large.byAction.build)).toBeLessThan(10_000);
  expect(operations(large.byAction.rebuild)).toBeLessThan(15_500);
  expect(operations(large.byAction.summary)).toBeLessThan(1_150);
});
