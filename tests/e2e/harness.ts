// The end-to-end harness: the production build of the pane, the test host bundle, a small static
// server, and Chromium opened on the pane. Shared by every end-to-end test.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "test-output");
export const BUNDLE = path.join(OUT, "e2e", "testHost.js");
export const CHROMIUM = "/usr/bin/chromium";
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * `test` when Chromium is here; without it a loud warning and `test.skip` — except in CI
 * (CI=true), where the test runs and fails on the missing browser instead of passing silently.
 */
export function e2eTest(what: string): jest.It {
  if (existsSync(CHROMIUM) || process.env.CI) return test;
  console.error(`\n*** SKIPPING ${what}: ${CHROMIUM} is missing (apt-get install chromium). ***\n`);
  return test.skip;
}

/**
 * The pane under test is the production build in dist/, as served to Excel. The tests do not
 * build it: `npm run test:all` and `npm run test:e2e` run `npm run build` once before jest. (No
 * staleness check by modification times: webpack leaves unchanged output files untouched.)
 */
function requireProductionBuild(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  if (!existsSync(path.join(DIST, "taskpane.html")))
    throw new Error("dist/ has no production build: run `npm run build` first");
}

export interface Pane {
  page: Page;
  /** Uncaught errors in the page; every test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * The production pane (dist/taskpane.html) in headless Chromium, served from 127.0.0.1, with a
 * host bundle injected before the page's own scripts. Office's CDN script is refused, as it
 * fails offline, and the pane must cope.
 */
export async function openPane(options: {
  width: number;
  height: number;
  /** The bundled test host (bundleTestHost's output). */
  bundle?: string;
  profilePrefix: string;
}): Promise<Pane> {
  requireProductionBuild();
  mkdirSync(OUT, { recursive: true });
  const { server, url } = await serve(DIST);
  const profile = mkdtempSync(path.join(tmpdir(), options.profilePrefix));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: options.width, height: options.height },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.addInitScript({ path: options.bundle ?? BUNDLE });
    await page.goto(`${url}/taskpane.html`);
    return { page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs fn in the page on the test hooks the host bundle put on window[global]. */
export function inPage<Api, T>(page: Page, global: string, fn: (api: Api) => T): Promise<Awaited<T>> {
  return page.evaluate(
    ([name, source]) => {
      const api = (window as unknown as Record<string, unknown>)[name];
      return new Function("api", `return (${source})(api)`)(api);
    },
    [global, fn.toString()] as const,
  ) as Promise<Awaited<T>>;
}

/**
 * A test host bundle for the browser: tests/e2e/testHost.ts by default, or another entry (the
 * self-test's host) into another file, with everything it imports.
 */
export function bundleTestHost(entry = path.join(__dirname, "testHost.ts"), bundle = BUNDLE): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry,
    output: { path: path.dirname(bundle), filename: path.basename(bundle) },
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

export function serve(dir: string): Promise<{ server: Server; url: string }> {
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
