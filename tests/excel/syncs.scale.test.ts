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
  // Measured 2026-11-29: build 8 syncs / 56,528 actions, rebuild 9 / 61,795, summary 2 / 1,121
  // (was 11 / 96,347 and 12 / 101,604 before validations went per column block and, on 1.9,
  // widths in one call). The rest is mostly cells (status formulas, goal texts, hints) and each
  // input cell's own prompt: its goal's hint, which changes from row to row, and multi-area
  // addresses are out (office-js #1167).
  expect(large.build).toBeLessThanOrEqual(8);
  expect(large.rebuild).toBeLessThanOrEqual(9);
  expect(operations(large.byAction.build)).toBeLessThan(58_000);
  expect(operations(large.byAction.rebuild)).toBeLessThan(63_500);
  expect(operations(large.byAction.summary)).toBeLessThan(1_150);
});
