// End to end: the production task pane (webpack --mode production, from dist/) in Debian's
// Chromium, driven by playwright-core, on the real Office.js shell over the fake Excel host.
// Office's CDN script cannot load here; it is refused on purpose and the pane must cope.
import path from "node:path";
import ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { bundleTestHost, e2eTest, inPage, OUT, openPane, type Pane } from "./harness";

const e2e = e2eTest("the task pane end-to-end test");

interface E2E {
  typeFigures(seed?: number): number;
  sheets(): { name: string; visibility: string; protected: boolean }[];
  value(sheet: string, address: string): unknown;
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string | null;
  metaLines(): string[][];
}

const e2eApi = <T>(page: Page, fn: (api: E2E) => T) => inPage(page, "__RK_E2E__", fn);

describe("the task pane in Chromium", () => {
  let pane: Pane | undefined;
  afterAll(() => pane?.close());

  e2e(
    "build → overview → Opsummering, as a user sees it",
    async () => {
      await bundleTestHost();
      pane = await openPane({ width: 380, height: 1000, profilePrefix: "rk-e2e-" });
      const { page, pageErrors } = pane;

      await page.getByRole("heading", { name: "Resultatkontrakter" }).waitFor();
      await page.getByText("Projektmappen har endnu ingen kontraktark.").waitFor();

      // Choose the smaller contract (three centres) and build.
      await page.getByRole("checkbox", { name: /beskæftigelsescentre/i }).check();
      await page.getByRole("button", { name: "Byg ark" }).click();
      await page.getByText("Færdig: 3 ark oprettet.").waitFor({ timeout: 30_000 });
      await page.getByTestId("centre-CKB").waitFor();
      expect(await page.getByTestId("centre-CKB").textContent()).toMatch(/Mangler data: \d+/);

      // A centre types its figures; the pane follows by itself (onChanged, debounced).
      expect(await e2eApi(page, (api) => api.typeFigures(0))).toBeGreaterThan(0);
      await page
        .getByTestId("centre-CKB")
        .getByText(/Opfyldt: [1-9]/)
        .waitFor({ timeout: 10_000 });
      const ckbText = (await page.getByTestId("centre-CKB").textContent()) ?? "";
      expect(ckbText).toMatch(/Ikke opfyldt: [1-9]/);
      expect(ckbText).toMatch(/Ugyldig: [1-9]/);

      // Opsummering.
      await page.getByRole("button", { name: "Lav oversigtsark" }).click();
      await page.getByText("Arket Oversigt er opdateret.").waitFor({ timeout: 30_000 });
      const sheets = await e2eApi(page, (api) => api.sheets());
      expect(sheets.map((s) => s.name)).toEqual(
        expect.arrayContaining(["Oversigt", "CKB", "CAB", "CBSI", "Lister", "RK_Data"]),
      );
      expect(await e2eApi(page, (api) => api.activeSheet())).toBe("Oversigt");

      // A goal that needs attention: a click selects its row in its sheet.
      // Many goals need attention, so each centre's list starts folded: open CAB's.
      const cab = page.getByTestId("centre-CAB");
      await cab.getByRole("button", { name: /mål kræver opmærksomhed/ }).click();
      const link = cab.getByRole("list").getByRole("button").first();
      const title = (await link.getAttribute("title")) ?? "";
      await link.click();
      const row = /række (\d+)/.exec(title)?.[1];
      expect(row).toMatch(/^\d+$/);
      await page.waitForFunction(
        () => (window as unknown as { __RK_E2E__: E2E }).__RK_E2E__.selection() !== null,
      );
      expect(await e2eApi(page, (api) => api.selection())).toEqual({
        sheet: "CAB",
        address: `A${row}:O${row}`,
      });

      // Templates out: one download per centre, noted in RK_Data and in the overview.
      const downloads: Download[] = [];
      page.on("download", (d) => downloads.push(d));
      await page.getByRole("button", { name: "Send skabeloner ud" }).click();
      await page.getByText("3 skabeloner er lavet og hentet", { exact: false }).waitFor({ timeout: 60_000 });
      for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
      expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
        "beskaeftigelsescentre-2007_CAB_2007.xlsx",
        "beskaeftigelsescentre-2007_CBSI_2007.xlsx",
        "beskaeftigelsescentre-2007_CKB_2007.xlsx",
      ]);
      const trips = await e2eApi(page, (api) => api.metaLines().filter((l) => l[0] === "trip"));
      expect(trips.map((t) => [t[1], t[3]])).toEqual([
        ["exported", "CKB"],
        ["exported", "CAB"],
        ["exported", "CBSI"],
      ]);
      await page
        .getByTestId("trips-CKB")
        .getByText(/Skabelon sendt \d\d\.\d\d\.\d{4} · ikke retur/)
        .waitFor();

      // CKB fills in its template (a figure that differs from the workbook's) and sends it back.
      const ckbDownload = downloads.find((d) => d.suggestedFilename().includes("_CKB_"))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await ckbDownload.path())!);
      const ckbSheet = wb.getWorksheet("CKB")!;
      // The figures typed above (seed 0) put a number in CKB!H8, so the file's figure conflicts.
      const before = await e2eApi(page, (api) => api.value("CKB", "H8"));
      expect(typeof before).toBe("number");
      const typed = (before as number) + 1;
      ckbSheet.getCell("H8").value = typed;
      ckbSheet.getCell("N8").value = { formula: "1+1", result: 2 };
      const returned = Buffer.from(await wb.xlsx.writeBuffer());
      await page.getByLabel("Vælg udfyldte skabeloner (.xlsx)").setInputFiles([
        { name: "CKB-retur.xlsx", mimeType: "application/octet-stream", buffer: returned },
        { name: "~$CKB-retur.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("lås") },
      ]);
      const review = page.getByTestId("review-CKB");
      await review.waitFor({ timeout: 60_000 });
      expect(await page.getByText(/en Office-låsefil/).count()).toBe(1);
      expect(
        await review.getByText(/Celle N8 \(Bemærkning, mål .*\) indeholder en formel \(=1\+1\)/).count(),
      ).toBe(1);
      expect(await review.getByText(/Konflikter \(1\)/).count()).toBe(1);
      await page.getByRole("radio", { name: "Brug filens tal" }).check();
      await page.getByRole("heading", { name: "Skabeloner til centrene" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, "taskpane-e2e-import.png") });
      await page.getByRole("button", { name: "Indlæs", exact: true }).click();
      await page.getByText(/Indlæst for CKB: /).waitFor({ timeout: 30_000 });
      expect(await e2eApi(page, (api) => api.value("CKB", "H8"))).toBe(typed);
      expect(await e2eApi(page, (api) => api.sheets().map((s) => s.name))).toContain("Log");
      await page
        .getByTestId("trips-CKB")
        .getByText(/retur \d\d\.\d\d\.\d{4}/)
        .waitFor({ timeout: 10_000 });

      await page.getByRole("button", { name: "Lav oversigtsark" }).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT, "taskpane-e2e.png"), fullPage: true });
      // The top and the bottom of the pane at readable size, for people looking at the result.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: path.join(OUT, "taskpane-e2e-top.png"),
        fullPage: true,
        clip: { x: 0, y: 0, width: 380, height: 760 },
      });
      await page.screenshot({
        path: path.join(OUT, "taskpane-e2e-bottom.png"),
        fullPage: true,
        clip: { x: 0, y: Math.max(0, height - 500), width: 380, height: Math.min(500, height) },
      });
      expect(pageErrors).toEqual([]);
      expect(await page.getByRole("alert").count()).toBe(0);
    },
    600_000,
  );
});
