// End to end, "Ny kontrakt fra bilag": the production task pane in Debian's Chromium on the real
// Office.js shell over the fake Excel host (as tests/e2e/taskpane.e2e.test.ts, whose harness this
// copies). A Word appendix made by python-docx is chosen as a user would; the pane drafts it
// (mammoth's browser build, loaded lazily), lists what to review and writes the definition sheet.
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { docxFromText, fixture } from "../draft/docx";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const BUNDLE = path.join(OUT, "e2e", "testHost.js");
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
    `\n*** SKIPPING the task pane end-to-end test: ${CHROMIUM} is missing (apt-get install chromium). ***\n`,
  );
}
const e2e = haveChromium ? test : test.skip;

/** Newest modification time under a path (files only). */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** dist/ from `npx webpack --mode production`, rebuilt when any source is newer than it. */
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

/** The test host bundle: tests/e2e/testHost.ts and everything it imports, for the browser. */
function bundleTestHost(): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry: path.join(__dirname, "testHost.ts"),
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
    // The bundle is injected as an init script, which has no URL to load later chunks from: the
    // host's import() of the xlsx shell (exceljs) must be in this one file.
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

interface E2E {
  sheets(): { name: string; visibility: string; protected: boolean }[];
  value(sheet: string, address: string): unknown;
  activeSheet(): string | null;
}

const e2eApi = <T>(page: Page, fn: (api: E2E) => T) =>
  page.evaluate((source) => {
    const api = (window as unknown as { __RK_E2E__: E2E }).__RK_E2E__;
    return new Function("api", `return (${source})(api)`)(api);
  }, fn.toString()) as Promise<T>;

describe("Ny kontrakt fra bilag in Chromium", () => {
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
    "choose the Word appendix → draft → review list → definition sheet → build",
    async () => {
      mkdirSync(OUT, { recursive: true });
      ensureProductionBuild();
      await bundleTestHost();
      const served = await serve(DIST);
      server = served.server;
      profile = mkdtempSync(path.join(tmpdir(), "rk-e2e-draft-"));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 340, height: 1000 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("pageerror", (e) => pageErrors.push(String(e)));
      await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
      await page.addInitScript({ path: BUNDLE });
      await page.goto(`${served.url}/taskpane.html`);

      const heading = page.getByRole("heading", { name: "Ny kontrakt fra bilag" });
      await heading.waitFor({ timeout: 30_000 });
      const docx = docxFromText(fixture("seed-jobcenter-kbh-2007.txt"));
      await page.getByLabel("Bilagets fil").setInputFiles({
        name: "BILAG 1.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: docx,
      });
      await page.getByText("62 mål læst, 7 til gennemsyn").waitFor({ timeout: 60_000 });
      const list = page.getByRole("list", { name: "7 punkter til gennemsyn" });
      expect(await list.getByRole("listitem").count()).toBe(7);
      expect(await list.getByText(/relativ stigning på 7 % \(valgt\) eller 7 procentpoint\?/).count()).toBe(
        1,
      );
      await heading.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, "draft-e2e-review.png"), fullPage: true });

      // Keyboard: the write button is reached and pressed without the mouse.
      await page.getByRole("button", { name: "Skriv definitionsark" }).focus();
      await page.keyboard.press("Enter");
      await page
        .getByText(/Arket «Definition [^»]+» er skrevet: 62 mål læst, 7 til gennemsyn/)
        .waitFor({ timeout: 60_000 });
      const sheets = await e2eApi(page, (api) => api.sheets().map((s) => s.name));
      const definition = sheets.find((s) => s.startsWith("Definition "));
      expect(definition).toBeDefined();
      expect(await e2eApi(page, (api) => api.activeSheet())).toBe(definition);
      await heading.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, "draft-e2e-written.png"), fullPage: true });

      // Build: the definitions panel has read the new sheet; its contract builds six centre sheets.
      const build = page.getByRole("button", { name: "Byg ark fra definitionen" });
      await build.waitFor({ timeout: 30_000 });
      await build.click();
      await page.getByText(/6 ark oprettet/).waitFor({ timeout: 120_000 });
      const built = await e2eApi(page, (api) => api.sheets().map((s) => s.name));
      expect(built).toEqual(
        expect.arrayContaining(["Nyropsgade", "Skelbækgade", "Musvågevej", "CJF", "Sygedagpenge", "JSV"]),
      );

      // A PDF renamed .docx: the Danish reason, nothing more written.
      await page.getByLabel("Bilagets fil").setInputFiles({
        name: "bilag.docx",
        mimeType: "application/octet-stream",
        buffer: Buffer.from("%PDF-1.4\n"),
      });
      await page.getByText(/Filen "bilag.docx" er en PDF/).waitFor();
      expect(await e2eApi(page, (api) => api.sheets().length)).toBe(built.length);
      expect(pageErrors).toEqual([]);
    },
    600_000,
  );
});
