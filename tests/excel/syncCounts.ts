// What each action of the Office host costs on the fake Excel: syncs and the requests of each
// action (tests/excel/syncs.test.ts and syncs.scale.test.ts).
import type { Contract } from "../../src/contracts/model";
import { createOfficeHost } from "../../src/excel/officeHost";
import { FakeExcel, type RecordedRequest } from "../support/fakeExcel";

export const FIVE_MB = 5 * 1024 * 1024;

export interface Counts {
  build: number;
  buildWrites: number;
  rebuild: number;
  rebuildWrites: number;
  overview: number;
  summary: number;
  requests: RecordedRequest[];
  byAction: Record<"build" | "overview" | "summary" | "rebuild", RecordedRequest[]>;
}

export async function countsFor(
  contracts: Contract[],
  budgetBytes?: number,
): Promise<Counts & { fake: FakeExcel }> {
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
