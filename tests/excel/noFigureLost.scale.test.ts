// The exhaustive matrices of noFigureLost.test.ts: a first build, an update with figures in the
// workbook and an import, each with its nth request refused for every n and in each of the ways
// real Excel refuses one (the update once and twice: the second attempt's first write too). It
// takes about a minute on two cores, so it runs in `npm run test:all` (what CI runs); the fast
// loop tries representative boundaries for every failure mode with the same checks (updateMatrix.ts).
import {
  buildFailing,
  buildRequests,
  FAILURES,
  importFailing,
  importRequests,
  updateFailingOnce,
  updateFailingTwice,
  updateRequests,
  type Workload,
} from "./updateMatrix";
import { syntheticContract } from "../support/fakeContract";

describe("a first build whichever request fails, request by request", () => {
  let count = 0;
  beforeAll(async () => {
    count = await buildRequests();
  });
  for (const f of FAILURES) {
    test(`${f.name}: a clear message or a complete build, and a build that works afterwards`, async () => {
      for (let n = 1; n <= count; n++) await buildFailing(f, n);
    });
  }
});

describe("an import loses no figure whichever request fails, request by request", () => {
  let count = 0;
  beforeAll(async () => {
    count = await importRequests();
  });
  for (const f of FAILURES) {
    test(`${f.name}: all of it or none of it`, async () => {
      for (let n = 1; n <= count; n++) await importFailing(f, n);
    });
  }
});

describe("an update loses no figure whichever request fails, request by request", () => {
  let count = 0;
  beforeAll(async () => {
    count = (await updateRequests()).count;
  });

  test("the update takes several requests, so every boundary between them is tried", () => {
    expect(count).toBeGreaterThan(3);
  });

  for (const f of FAILURES) {
    test(`${f.name}: failing once, request by request`, async () => {
      for (let n = 1; n <= count; n++) await updateFailingOnce(f, n);
    });

    test(`${f.name}: failing twice (the second attempt fails too), request by request`, async () => {
      for (let n = 2; n <= count; n++) await updateFailingTwice(f, n);
    });
  }
});

describe("an update of centre sheets that copy their looks loses no figure whichever request fails", () => {
  // Every centre sheet after the first copies its looks from it (Range.copyFrom); a failed
  // request may leave a copy without its own cells, and the second attempt copies nothing.
  const alike: Workload = { contracts: [syntheticContract(6, 16)], budget: 60_000 };
  let count = 0;
  beforeAll(async () => {
    count = (await updateRequests(alike)).count;
  });

  test("the update takes several requests", () => {
    expect(count).toBeGreaterThan(3);
  });

  for (const f of FAILURES) {
    test(`${f.name}: failing once, request by request`, async () => {
      for (let n = 1; n <= count; n++) await updateFailingOnce(f, n, alike);
    });
  }
});
