// The old-webview guard: one ES5 script (src/pages/oldWebviewGuard.js) that the build inlines into
// every page, which must itself run where the add-in cannot (Internet Explorer 11 parses ES5 only)
// and there say in Danish which Office or WebView2 is needed — in the pane, in the error dialog,
// and from the ribbon button — instead of "Indlæser …" forever. The pages are rendered here as the
// build renders them (the guard where the template says <%= oldWebviewGuard %>); the end-to-end
// test loads the built pane. A page where modern syntax is unavailable is simulated in jsdom by a
// Function constructor that throws SyntaxError on ES2020, as Trident's does.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";

const ROOT = path.resolve(__dirname, "../..");
const PAGES = ["src/taskpane/taskpane.html", "src/commands/commands.html", "src/commands/fejl.html"];
const GUARD = readFileSync(path.join(ROOT, "src/pages/oldWebviewGuard.js"), "utf8");
const PLACE = "<%= oldWebviewGuard %>";

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/** The page as webpack.config.js builds it: the guard inlined where the template names it. */
function rendered(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8").replace(PLACE, () => GUARD);
}

/** The page after DOMContentLoaded (which jsdom fires after the constructor returns). */
async function loaded(file: string, old: boolean, query = "") {
  const p = page(file, old, query);
  const doc = p.dom.window.document;
  await new Promise<void>((resolve) => {
    if (doc.readyState !== "loading") resolve();
    else doc.addEventListener("DOMContentLoaded", () => resolve());
  });
  return p;
}

function page(file: string, old: boolean, query = "") {
  const html = rendered(file);
  const calls: { url: string; completed: number } = { url: "", completed: 0 };
  const dom = new JSDOM(html, {
    runScripts: "dangerously",
    url: `https://localhost:3000/${path.basename(file)}${query}`,
    beforeParse(window) {
      const w = window as unknown as Record<string, unknown>;
      if (old) {
        const Original = window.Function;
        w.Function = function (...args: string[]) {
          const body = args[args.length - 1] ?? "";
          if (/=>|\?\.|\?\?|\bclass\b|\basync\b/.test(body)) throw new window.SyntaxError("Syntaksfejl");
          return Original(...args);
        };
      }
      w.Office = {
        onReady: (f: () => void) => f(),
        actions: { associate: (name: string, fn: unknown) => (w[`associated_${name}`] = fn) },
        context: {
          ui: {
            displayDialogAsync: (url: string) => {
              calls.url = url;
            },
          },
        },
      };
    },
  });
  return { dom, calls };
}

test("the guard parses as ES5, and every page inlines it as its one inline script", () => {
  expect(() => parse(GUARD, { ecmaVersion: 5 })).not.toThrow();
  // And the check really is one: ES2020 does not parse as ES5.
  expect(() => parse("var f = async (a) => a?.b ?? 0;", { ecmaVersion: 5 })).toThrow();
  for (const file of PAGES) {
    const template = inlineScripts(readFileSync(path.join(ROOT, file), "utf8")).map((x) => x.trim());
    expect({ file, template }).toEqual({ file, template: [PLACE] });
    const page = inlineScripts(rendered(file)).map((x) => x.trim());
    expect({ file, page }).toEqual({ file, page: [GUARD.trim()] });
  }
});

test("an old webview: the pane shows the Danish message instead of 'Indlæser …'", async () => {
  const { dom } = await loaded("src/taskpane/taskpane.html", true);
  const text = dom.window.document.getElementById("root")!.textContent ?? "";
  expect(text).toMatch(/kan ikke køre i denne udgave af Office/);
  expect(text).toMatch(/Microsoft 365 eller Office 2021/);
  expect(text).toMatch(/WebView2/);
  expect(text).not.toMatch(/Indlæser/);
  expect(dom.window.document.querySelector("[role=alert]")).not.toBeNull();
});

test("a modern webview: the guard does nothing", async () => {
  const { dom } = await loaded("src/taskpane/taskpane.html", false);
  expect(dom.window.document.getElementById("root")!.textContent).toMatch(/Indlæser Resultatkontrakter/);
  expect((dom.window as unknown as Record<string, unknown>).__RK_OLD_WEBVIEW__).toBeUndefined();
});

test("an old webview: the ribbon button opens the error dialog with the message and completes", () => {
  const { dom, calls } = page("src/commands/commands.html", true);
  const w = dom.window as unknown as Record<string, unknown>;
  const button = w.associated_opsummering as (e: { completed(): void }) => void;
  expect(typeof button).toBe("function");
  let completed = 0;
  button({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(calls.url).toMatch(/^https:\/\/localhost:3000\/fejl\.html\?besked=/);
  expect(decodeURIComponent(calls.url.split("besked=")[1]!)).toMatch(/WebView2/);
});

test("an old webview: the error dialog shows the message it was given", async () => {
  const message = "Resultatkontrakter kan ikke køre her.";
  const { dom } = await loaded("src/commands/fejl.html", true, `?besked=${encodeURIComponent(message)}`);
  expect(dom.window.document.getElementById("besked")!.textContent).toBe(message);
});
