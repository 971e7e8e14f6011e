// End to end: "Selvtest" in the production task pane (dist/ from webpack --mode production) in
// Debian's Chromium, on the real Office.js shell over the fake Excel host with ExcelApi 1.11:
// every row ✓; then with one Office.js method made to fail, that row ✗ with Excel's error and the
// others still ✓; the user's sheets untouched and the scratch sheet gone. Screenshots go to
// test-output/selftest-e2e*.png. On the shared harness, tests/e2e/harness.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { bundleTestHost, e2eTest, inPage, OUT, openPane, type Pane } from "./harness";

const ENTRY = path.join(OUT, "e2e", "selfTestHost.ts");
const BUNDLE = path.join(OUT, "e2e", "selfTestHost.js");
const e2e = e2eTest("the self-test end-to-end test");

/** The browser entry: the Office.js shell over a fake Excel with ExcelApi 1.11, and test hooks. */
const HOST_SOURCE = `
import { builtinContracts } from "../../src/contracts/builtin";
import { createOfficeHost } from "../../src/excel/officeHost";
import { FakeExcel } from "../../tests/support/fakeExcel";

const fake = new FakeExcel({ apiVersion: "1.11", platform: "OfficeOnline" });
const host = createOfficeHost({ env: fake.env() });
Object.assign(window, {
  __RK_TEST_HOST__: host,
  __RK_SELFTEST__: {
    build: () => host.build(builtinContracts().slice(1).map((c) => c.id), { update: false }).then(() => true),
    breakMethod: (location: string, code: string) => void fake.broken.set(location, code),
    sheets: () => fake.sheets.map((s) => s.name),
    cells: () => JSON.stringify(fake.sheets.map((s) => [s.name, s.protected, s.visibility, fake.hf.getSheetSerialized(s.hfId)])),
  },
});
`;

function bundleHost(): Promise<void> {
  mkdirSync(path.dirname(ENTRY), { recursive: true });
  writeFileSync(ENTRY, HOST_SOURCE);
  return bundleTestHost(ENTRY, BUNDLE);
}

interface Hooks {
  build(): Promise<boolean>;
  breakMethod(location: string, code: string): void;
  sheets(): string[];
  cells(): string;
}

const hooks = <T>(page: Page, fn: (api: Hooks) => T) => inPage(page, "__RK_SELFTEST__", fn);

async function runSelfTest(page: Page, run: number): Promise<{ ok: number; bad: string[] }> {
  await page.getByRole("button", { name: "Selvtest", exact: true }).click();
  const table = page.locator(`[data-testid="selftest"][data-run="${run}"]`);
  await table.waitFor({ timeout: 60_000 });
  await table.getByText(/^Selvtest: \d+ af \d+ virker$/).waitFor();
  const ok = await table.locator('[data-ok="ja"]').count();
  const bad = await table.locator('[data-ok="nej"]').allTextContents();
  return { ok, bad };
}

describe("Selvtest in Chromium", () => {
  let pane: Pane | undefined;
  afterAll(() => pane?.close());

  e2e(
    "all ✓ on the fake host; a broken feature ✗ with Excel's error; the user's sheets untouched",
    async () => {
      await bundleHost();
      pane = await openPane({ width: 320, height: 900, bundle: BUNDLE, profilePrefix: "rk-selftest-" });
      const { page, pageErrors } = pane;
      await page.getByRole("heading", { name: "Resultatkontrakter" }).waitFor();

      // The economist's workbook: the selftest must leave it exactly as it is.
      expect(await hooks(page, (api) => api.build())).toBe(true);
      const before = await hooks(page, (api) => api.cells());

      const first = await runSelfTest(page, 1);
      expect(first.bad).toEqual([]);
      expect(first.ok).toBeGreaterThan(15);
      expect(await page.getByText(/Platform: OfficeOnline/).count()).toBe(1);
      expect(await hooks(page, (api) => api.cells())).toBe(before);
      expect((await hooks(page, (api) => api.sheets())).some((n) => n.startsWith("RK_Selvtest"))).toBe(false);
      await page.getByTestId("selftest").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, "selftest-e2e.png"), fullPage: true });

      await hooks(page, (api) => api.breakMethod("ConditionalFormatCollection.add", "GeneralException"));
      const second = await runSelfTest(page, 2);
      // Status colours, data bars, and the copied looks (whose source sheet has a status colour).
      expect(second.bad).toHaveLength(3);
      expect(second.bad[0]).toMatch(
        /Betinget formatering .*GeneralException: ConditionalFormatCollection\.add/,
      );
      expect(second.bad[2]).toMatch(/Ens ark: udseendet kopieret .*GeneralException/);
      expect(second.ok).toBe(first.ok - 3);
      expect(await hooks(page, (api) => api.cells())).toBe(before);
      await page.getByTestId("selftest").locator('[data-ok="nej"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, "selftest-e2e-failing.png") });

      expect(pageErrors).toEqual([]);
    },
    600_000,
  );
});
