// The update-failure matrix of noFigureLost: an update of the built-in workbook with figures in
// it, with one request (or one request and the second attempt's first write) refused in each of
// the ways real Excel refuses one. noFigureLost.test.ts (the fast loop) tries a representative set
// of request boundaries for every failure mode; noFigureLost.scale.test.ts (npm run test:all)
// tries every boundary. Both use these checks, so neither asserts less than the other.
import ExcelJS from "exceljs";
import { builtinContracts } from "../../src/contracts/builtin";
import type { Contract } from "../../src/contracts/model";
import { createOfficeHost } from "../../src/excel/officeHost";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { FakeExcel, type InjectedFailure } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";

export const NOW = () => "2026-11-22T10:00:00Z";
export const contracts = builtinContracts();
export const ids = contracts.map((c) => c.id);
export const centres = contracts.flatMap((c) => c.centres.map((x) => x.code));
/** Small enough that a build takes several write requests, so every boundary is tried. */
export const BUDGET = 250_000;

/** The contracts an update is tried on, and a budget small enough for several write requests. */
export interface Workload {
  contracts: Contract[];
  budget: number;
}
export const BUILTIN: Workload = { contracts, budget: BUDGET };
const idsOf = (w: Workload) => w.contracts.map((c) => c.id);
const centresOf = (w: Workload) => w.contracts.flatMap((c) => c.centres.map((x) => x.code));

export interface Failure {
  name: string;
  code: string;
  when: InjectedFailure["when"];
  says: RegExp;
}

export const FAILURES: Failure[] = [
  { name: "refused half-way", code: "GeneralException", when: "midway", says: /generel fejl/ },
  {
    name: "payload too large",
    code: "RequestPayloadSizeLimitExceeded",
    when: "before",
    says: /for stor til at sende/,
  },
  { name: "cell-edit mode", code: "InvalidOperationInCellEditMode", when: "before", says: /Enter/ },
  { name: "access denied", code: "AccessDenied", when: "midway", says: /beskytt/ },
];

/** Every figure and comment by sheet and goal id, as a user would find them. */
export function figures(fake: FakeExcel, w = BUILTIN): Record<string, [unknown, unknown, unknown]> {
  const out: Record<string, [unknown, unknown, unknown]> = {};
  for (const code of centresOf(w)) {
    const s = fake.findSheet(code);
    if (!s) continue;
    for (let row = FIRST_GOAL_ROW; row < FIRST_GOAL_ROW + 80; row++) {
      const id = fake.value(code, `${COL.id}${row}`);
      if (typeof id !== "string" || id === "") continue;
      out[`${code}/${id}`] = [
        fake.value(code, `${COL.grundlag}${row}`),
        fake.value(code, `${COL.resultat}${row}`),
        fake.value(code, `${COL.comment}${row}`),
      ];
    }
  }
  return out;
}

export async function builtWithFigures(w = BUILTIN) {
  const fake = new FakeExcel();
  const host = createOfficeHost({
    env: fake.env(),
    contracts: () => w.contracts,
    now: NOW,
    budgetBytes: w.budget,
  });
  await host.build(idsOf(w), { update: false });
  typeFigures(fake, w.contracts);
  return { fake, host };
}

/** The requests an update makes when nothing fails: how many, and the first that writes cells. */
export async function updateRequests(w = BUILTIN): Promise<{ count: number; firstWrite: number }> {
  const { fake, host } = await builtWithFigures(w);
  fake.resetStats();
  await host.build(idsOf(w), { update: true });
  const requests = fake.stats.requests;
  const firstWrite = requests.findIndex((r) => r.writesWithEvents + r.writesWithoutEvents > 0) + 1;
  return { count: requests.length, firstWrite };
}

/** The nth request of an update fails once: no figure lost, and the next update completes. */
export async function updateFailingOnce(f: Failure, n: number, w = BUILTIN): Promise<void> {
  const { fake, host } = await builtWithFigures(w);
  const before = figures(fake, w);
  fake.failRequest(n, f.code, f.when);
  let message = "";
  const result = await host.build(idsOf(w), { update: true }).catch((e: Error) => {
    message = e.message;
    return undefined;
  });
  // Either it went through (a second attempt or a split) or it says why; never silently.
  if (!result) expect({ n, message }).toEqual({ n, message: expect.stringMatching(f.says) });
  expect({ n, figures: figures(fake, w) }).toEqual({ n, figures: before });
  expect(fake.enableEvents).toBe(true);
  // And the next update, with Excel well again, leaves a complete, protected workbook.
  await host.build(idsOf(w), { update: true });
  expect({ n, figures: figures(fake, w) }).toEqual({ n, figures: before });
  for (const code of centresOf(w)) expect(fake.sheet(code).protected).toBe(true);
}

/** The nth request fails, and so does the second attempt's first write: still no figure lost. */
export async function updateFailingTwice(f: Failure, n: number): Promise<void> {
  const { fake, host } = await builtWithFigures();
  const before = figures(fake);
  // The nth request and the first write of the second attempt (after its two reads).
  fake.failRequest(n, f.code, f.when);
  fake.failRequest(n + 3, f.code, f.when);
  let message = "";
  await host.build(ids, { update: true }).then(
    () => undefined,
    (e: Error) => (message = e.message),
  );
  expect({ n, figures: figures(fake) }).toEqual({ n, figures: before });
  fake.clearFailures();
  if (message) {
    expect(message).toMatch(f.says);
    expect(message).toMatch(/(intet|ingen) (tal )?er gået tabt|Intet er ændret/);
    expect(message).not.toMatch(/uden at gemme/);
  }
  await host.build(ids, { update: true });
  expect({ n, figures: figures(fake) }).toEqual({ n, figures: before });
}

/** How many requests a first build of the built-in contracts takes at BUDGET when nothing fails. */
export async function buildRequests(): Promise<number> {
  const fake = new FakeExcel();
  await createOfficeHost({ env: fake.env(), now: NOW, budgetBytes: BUDGET }).build(ids, { update: false });
  return fake.stats.syncs;
}

/** A first build whose nth request fails: a clear message (and nothing left) or a complete build. */
export async function buildFailing(f: Failure, n: number): Promise<void> {
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

/** A workbook of the employment-centre contract, and CKB's returned template with three figures. */
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

let cleanImport: { count: number; after: string } | undefined;

/** How many requests the import takes when nothing fails (and the workbook it leaves). */
export async function importRequests(): Promise<number> {
  const clean = await withReturnedFile();
  clean.fake.resetStats();
  await clean.host.applyImport(clean.review, { conflicts: "keep" });
  cleanImport = { count: clean.fake.stats.syncs, after: cells(clean.fake) };
  return cleanImport.count;
}

/** An import whose nth request fails: all of it (as without failure) or none of it. */
export async function importFailing(f: Failure, n: number): Promise<void> {
  if (!cleanImport) await importRequests();
  const { fake, host, review } = await withReturnedFile();
  const before = cells(fake);
  fake.failRequest(n, f.code, f.when);
  const outcome = await host.applyImport(review, { conflicts: "keep" }).then(
    () => "applied",
    (e: Error) => e.message,
  );
  if (outcome === "applied") {
    expect({ n, applied: cells(fake) === cleanImport!.after }).toEqual({ n, applied: true });
  } else {
    expect({ n, outcome }).toEqual({ n, outcome: expect.stringMatching(f.says) });
    expect({ n, unchanged: cells(fake) === before }).toEqual({ n, unchanged: true });
  }
  expect(fake.enableEvents).toBe(true);
}
