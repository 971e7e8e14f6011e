// What the pane looks like to people: the production pane in Debian's Chromium (playwright-core),
// on the real Office.js shell over the fake Excel host, in each of its states — start, built,
// overview, templates sent, import preview. In every state axe-core finds no serious or critical
// accessibility violation, nothing is wider than the pane (270, 320 and 350 px: Mac, Windows and
// a wider pane), and every action is reachable with Tab. Screenshots at each width in light, dark
// and Windows high contrast (Chromium's forced-colors emulation) go to test-output/look-*.png.
import path from "node:path";
import ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { bundleTestHost, e2eTest, OUT, openPane, type Pane } from "./harness";

const e2e = e2eTest("the look end-to-end test");

const AXE = require.resolve("axe-core/axe.min.js");
const WIDTHS = [270, 320, 350] as const;
type Look = "light" | "dark" | "highContrast";
const LOOKS: Look[] = ["light", "dark", "highContrast"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.html.slice(0, 90)} ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`).join(" | ")}`,
    );
}

async function wear(page: Page, look: Look): Promise<void> {
  await page.emulateMedia({
    // Windows' usual high-contrast themes are dark (Night sky, Aquatic): forced colours on a dark scheme.
    colorScheme: look === "light" ? "light" : "dark",
    forcedColors: look === "highContrast" ? "active" : "none",
  });
  // The dark and high-contrast themes are a chunk of their own; wait for the theme to land.
  await page.waitForFunction((dark) => {
    const provider = document.querySelector(".fui-FluentProvider");
    if (!provider) return false;
    const bg = getComputedStyle(provider).backgroundColor;
    const m = /rgba?\((\d+), (\d+), (\d+)/.exec(bg);
    if (!m) return false;
    const light = Number(m[1]) + Number(m[2]) + Number(m[3]) > 384;
    return dark ? !light : light;
  }, look !== "light");
  // Fluent's controls fade to new colours (a new theme, a button enabled again): measure after.
  await page.waitForTimeout(800);
}

/** The widest element sticking out of the pane, if any (a horizontal scroll bar is a bug). */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const wide = [...document.querySelectorAll("body *")]
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter((x) => x.right > width + 1)
      .sort((a, b) => b.right - a.right)[0];
    return wide
      ? `${wide.e.tagName}.${wide.e.className} reaches ${Math.round(wide.right)} px of ${width}`
      : "?";
  });
}

/** Names of what Tab reaches, in order, from the title down, until focus comes round again. */
async function tabStops(page: Page, max = 200): Promise<string[]> {
  // Clicking the title puts the start of keyboard navigation at the top of the pane.
  await page.getByRole("heading", { level: 1 }).click();
  const names: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body || e.hasAttribute("data-rk-visited")) return null;
      e.setAttribute("data-rk-visited", "");
      return (e.getAttribute("aria-label") ?? e.textContent ?? "").trim() || e.tagName;
    });
    if (name === null) break;
    names.push(name);
  }
  await page.evaluate(() =>
    document.querySelectorAll("[data-rk-visited]").forEach((e) => e.removeAttribute("data-rk-visited")),
  );
  return names;
}

describe("the pane for every Office, theme and person", () => {
  let pane: Pane | undefined;
  afterAll(() => pane?.close());

  e2e(
    "each state passes axe-core, fits 270–350 px and is reached by keyboard; screenshots in three looks",
    async () => {
      await bundleTestHost();
      pane = await openPane({ width: 320, height: 900, profilePrefix: "rk-look-" });
      const { page, pageErrors } = pane;

      const problems: Record<string, string[]> = {};
      const wide: Record<string, string> = {};
      /** axe in the light look, the widths, and the screenshots of this state. */
      const look = async (state: string, looks: Look[] = ["light"]) => {
        for (const l of looks) {
          await wear(page, l);
          const found = await axeProblems(page);
          if (found.length) problems[`${state}/${l}`] = found;
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            const sticking = await overflow(page);
            if (sticking) wide[`${state}/${l}/${width}`] = sticking;
            await page.screenshot({
              path: path.join(OUT, `look-${state}-${l}-${width}.png`),
              fullPage: true,
            });
          }
        }
        await wear(page, "light");
        await page.setViewportSize({ width: 320, height: 900 });
        expect({ state, problems, wide }).toEqual({ state, problems: {}, wide: {} });
      };

      // Start: nothing built yet.
      await page.getByText("Projektmappen har endnu ingen kontraktark.").waitFor();
      // The contract is named once, not "… 2007 (2007)".
      const label =
        (await page.getByRole("checkbox", { name: /beskæftigelsescentre/i }).getAttribute("id")) ?? "";
      const labelText = await page.locator(`label[for="${label}"]`).textContent();
      expect(labelText).toMatch(/beskæftigelsescentrene 2007 · 3 centre$/);
      await look("start", LOOKS);

      // Built: three centre sheets, everything lacking data.
      await page.getByRole("checkbox", { name: /beskæftigelsescentre/i }).check();
      await page.getByRole("button", { name: "Byg ark" }).click();
      await page.getByText("Færdig: 3 ark oprettet.").waitFor({ timeout: 30_000 });
      await page.getByTestId("centre-CKB").waitFor();
      await look("built");

      // Overview: figures typed in; the worst centre first, its list opened.
      const api = (fn: string) =>
        page.evaluate((f) => new Function(`return window.__RK_E2E__.${f}`)(), fn) as Promise<number>;
      expect(await api("typeFigures(0)")).toBeGreaterThan(0);
      await page
        .getByTestId("centre-CKB")
        .getByText(/Opfyldt: [1-9]/)
        .waitFor({ timeout: 10_000 });
      const first = page.locator('[data-testid^="centre-"]').first();
      const fold = first.getByRole("button", { name: /mål kræver opmærksomhed/ });
      await fold.click();
      await first.getByRole("list").waitFor();
      const goals = await first.getByRole("list").getByRole("button").allTextContents();
      expect(goals.length).toBeGreaterThan(0);
      for (const g of goals) expect(g).toMatch(/^[a-z]{2}-[a-z]\d\d\S* /);
      // Two lines at most per goal, however long its text.
      const heights = await first
        .getByRole("list")
        .getByRole("button")
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(50);
      await look("overview", LOOKS);

      // Keyboard: every action is reached with Tab, with a visible focus.
      const stops = await tabStops(page);
      for (const action of [
        "Byg ark",
        "Opdatér status",
        "Lav oversigtsark",
        "Send skabeloner ud",
        "Indlæs udfyldte skabeloner …",
      ])
        expect(stops).toContain(action);
      // The folded lists of the other centres open from the keyboard too.
      expect(stops.filter((s) => /mål kræver opmærksomhed/.test(s)).length).toBe(3);
      await page.getByRole("button", { name: "Lav oversigtsark" }).focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const after = getComputedStyle(e, "::after");
        return {
          attr: e.hasAttribute("data-fui-focus-visible"),
          ring: after.borderTopWidth || getComputedStyle(e).outlineWidth,
        };
      });
      expect(outline.attr || outline.ring !== "0px").toBe(true);

      // Templates: sent to the centres, listed with a way to get each again.
      const downloads: Download[] = [];
      page.on("download", (d) => downloads.push(d));
      await page.getByRole("button", { name: "Send skabeloner ud" }).click();
      await page.getByText("3 skabeloner er lavet og hentet", { exact: false }).waitFor({ timeout: 60_000 });
      for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
      await look("templates");

      // Import preview: CKB sends its template back with a changed figure.
      const ckb = downloads.find((d) => d.suggestedFilename().includes("_CKB_"))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await ckb.path())!);
      const sheet = wb.getWorksheet("CKB")!;
      const before = sheet.getCell("H8").value;
      sheet.getCell("H8").value = typeof before === "number" ? before + 1 : 1234;
      await page.getByLabel("Vælg udfyldte skabeloner (.xlsx)").setInputFiles([
        {
          name: "CKB-retur.xlsx",
          mimeType: "application/octet-stream",
          buffer: Buffer.from(await wb.xlsx.writeBuffer()),
        },
      ]);
      await page.getByTestId("review-CKB").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Indlæs", exact: true }).scrollIntoViewIfNeeded();
      await look("import", LOOKS);

      expect(problems).toEqual({});
      expect(wide).toEqual({});
      expect(pageErrors).toEqual([]);
    },
    900_000,
  );
});
