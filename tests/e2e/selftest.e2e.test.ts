// End to end: "Selvtest" in the production task pane (dist/ from webpack --mode production) in
// Debian's Chromium, on the real Office.js shell over the fake Excel host with ExcelApi 1.11:
// every row ✓; then with one Office.js method made to fail, that row ✗ with Excel's error and the
// others still ✓; the user's sheets untouched and the scratch sheet gone. Screenshots go to
// test-output/selftest-e2e*.png. Modelled on taskpane.e2e.test.ts.
import { execFileSync } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const ENTRY = path.join(OUT, "e2e", "selfTestHost.ts");
const BUNDLE = path.join(OUT, "e2e", "selfTestHost.js");
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.error(
    `\n*** SKIPPING the self-test end-to-end test: ${CHROMIUM} is missing (apt-get install chromium). ***\n`,
  );
}
const e2e = haveChromium ? test : test.skip;

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

function ensureProductionBuild(): void {
  const built = existsSync(path.join(DIST, "taskpane.html"))
    ? statSync(path.join(DIST, "taskpane.html")).mtimeMs
    : 0;
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    newest(path.join(ROOT, "webpack.config.js")),
    newest(path.join(ROOT, "package.json")),
  );
  if (built > sources) return;
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe", timeout: 600_000 });
}

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
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry: ENTRY,
    output: { path: path.dirname(BUNDLE), filename: path.basename(BUNDLE) },
    resolve: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", target: "es2020" } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    }),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
};

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

interface Hooks {
  build(): Promise<boolean>;
  breakMethod(location: string, code: string): void;
  sheets(): string[];
  cells(): string;
}

const hooks = <T>(page: Page, fn: (api: Hooks) => T) =>
  page.evaluate((source) => {
    const api = (window as unknown as { __RK_SELFTEST__: Hooks }).__RK_SELFTEST__;
    return new Function("api", `return (${source})(api)`)(api);
  }, fn.toString()) as Promise<Awaited<T>>;

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
  let context: BrowserContext | undefined;
  let server: Server | undefined;
  let profile: string | undefined;
  const pageErrors: string[] = [];

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  e2e(
    "all ✓ on the fake host; a broken feature ✗ with Excel's error; the user's sheets untouched",
    async () => {
      mkdirSync(OUT, { recursive: true });
      ensureProductionBuild();
      await bundleHost();
      const served = await serve(DIST);
      server = served.server;
      profile = mkdtempSync(path.join(tmpdir(), "rk-selftest-"));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 320, height: 900 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("pageerror", (e) => pageErrors.push(String(e)));
      await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
      await page.addInitScript({ path: BUNDLE });
      await page.goto(`${served.url}/taskpane.html`);
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
      expect(second.bad).toHaveLength(2);
      expect(second.bad[0]).toMatch(
        /Betinget formatering .*GeneralException: ConditionalFormatCollection\.add/,
      );
      expect(second.ok).toBe(first.ok - 2);
      expect(await hooks(page, (api) => api.cells())).toBe(before);
      await page.getByTestId("selftest").locator('[data-ok="nej"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, "selftest-e2e-failing.png") });

      expect(pageErrors).toEqual([]);
    },
    600_000,
  );
});
