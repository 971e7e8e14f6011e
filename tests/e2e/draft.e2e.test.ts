// End to end, "Ny kontrakt fra bilag": the production task pane in Debian's Chromium on the real
// Office.js shell over the fake Excel host (on the shared harness, tests/e2e/harness.ts). A Word appendix made by python-docx is chosen as a user would; the pane drafts it
// (mammoth's browser build, loaded lazily), lists what to review and writes the definition sheet.
import path from "node:path";
import type { Page } from "playwright-core";
import { docxFromText, fixture } from "../draft/docx";
import { bundleTestHost, e2eTest, inPage, OUT, openPane, type Pane } from "./harness";

const e2e = e2eTest("the draft end-to-end test");

interface E2E {
  sheets(): { name: string; visibility: string; protected: boolean }[];
  value(sheet: string, address: string): unknown;
  activeSheet(): string | null;
}

const e2eApi = <T>(page: Page, fn: (api: E2E) => T) => inPage(page, "__RK_E2E__", fn);

describe("Ny kontrakt fra bilag in Chromium", () => {
  let pane: Pane | undefined;
  afterAll(() => pane?.close());

  e2e(
    "choose the Word appendix → draft → review list → definition sheet → build",
    async () => {
      await bundleTestHost();
      pane = await openPane({ width: 340, height: 1000, profilePrefix: "rk-e2e-draft-" });
      const { page, pageErrors } = pane;

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
