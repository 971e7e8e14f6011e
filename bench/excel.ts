// The Office.js shell measured on the fake Excel host: round trips (context.sync) and queued
// operations per action, for the built-in contracts and for a synthetic 200 centres × 60 goals.
import { builtinContracts } from "../src/contracts/builtin";
import type { Contract } from "../src/contracts/model";
import { createOfficeHost } from "../src/excel/officeHost";
import { syntheticContract } from "../tests/support/fakeContract";
import { FakeExcel } from "../tests/support/fakeExcel";

interface Measure {
  syncs: number;
  operations: number;
  /** The largest request, in estimated bytes (Excel on the web refuses more than 5 MB). */
  largestRequestBytes: number;
  ms: number;
}

async function measure(fake: FakeExcel, action: () => Promise<unknown>): Promise<Measure> {
  fake.resetStats();
  const t0 = performance.now();
  await action();
  const ms = Math.round(performance.now() - t0);
  return {
    syncs: fake.stats.syncs,
    operations: fake.stats.operations,
    largestRequestBytes: Math.max(0, ...fake.stats.requests.map((r) => r.bytes)),
    ms,
  };
}

async function scenario(contracts: Contract[]) {
  const fake = new FakeExcel();
  const host = createOfficeHost({
    env: fake.env(),
    contracts: () => contracts,
    now: () => "2026-11-22T10:00:00Z",
  });
  const ids = contracts.map((c) => c.id);
  const build = await measure(fake, () => host.build(ids, { update: false }));
  const refresh = await measure(fake, () => host.overview());
  const summary = await measure(fake, () => host.summary());
  const rebuild = await measure(fake, () => host.build(ids, { update: true }));
  return { build, refresh, summary, rebuild };
}

export async function benchExcel(): Promise<object> {
  const builtin = await scenario(builtinContracts());
  const large = await scenario([syntheticContract(200, 60)]);
  return {
    build: { builtin: builtin.build, large: large.build },
    rebuild: { builtin: builtin.rebuild, large: large.rebuild },
    refresh: { builtin: builtin.refresh, large: large.refresh },
    summary: { builtin: builtin.summary, large: large.summary },
    note: "Measured on tests/support/fakeExcel.ts (operations = queued proxy calls). A build writes in one request per ~3 MB (Excel on the web caps requests at 5 MB), each centre sheet cleared and rewritten in one request, so the large build needs more write syncs than the built-in one; reads and the summary take the same number of syncs at both sizes. In the large build every centre sheet after the first looks exactly like it, so each copies its looks (formats, locks, validations with prompts, status colours) with one Range.copyFrom and sends only its own cells (mostly status formulas, goal texts and hints); the built-in centre sheets all differ, so each is written in full. Multi-area addresses are not used (their separator depends on the locale).",
  };
}

if (require.main === module) {
  benchExcel().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
