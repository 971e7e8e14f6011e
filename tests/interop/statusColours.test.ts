// LibreOffice renders a filled centre sheet (xlsx → PDF → image with poppler's pdftoppm), and the
// picture must show each goal's status in its colour: reading the image top to bottom, the runs
// of status fill colours must be the statuses `kontrakt check` gives, in the sheet's row order.
// This proves the conditional formats reach a real renderer, not only that a file was written.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Status } from "../../src/contracts/model";
import { STATUS_COLOURS } from "../../src/sheets/styles";
import { DANISH_CSV } from "../cli/figures";
import { run, tempDir, type CheckJson } from "../cli/run";
import { convert, sofficePath } from "./soffice";

const soffice = sofficePath();
const pdftoppm = spawnSync("sh", ["-c", "command -v pdftoppm"], { encoding: "utf8" }).stdout.trim();
const OUTPUT = path.join(__dirname, "..", "..", "test-output");
const SHEET = "Nyropsgade";

// On a developer's machine without the tools the test is skipped loudly; in CI (CI=true) it runs
// and fails on its first assertion, which names what is missing.
const missing = [soffice ? "" : "LibreOffice (soffice)", pdftoppm ? "" : "pdftoppm (poppler-utils)"].filter(
  Boolean,
);
if (missing.length && !process.env.CI) {
  console.warn(`\n*** ${missing.join(" and ")} not installed: the status colour test is SKIPPED. ***\n`);
}
const renderTest = missing.length === 0 || process.env.CI ? it : it.skip;

type Shown = Exclude<Status, "not_applicable">;

interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, row by row. */
  pixels: Buffer;
}

/** A binary PPM (P6, 8 bits), as pdftoppm writes without -png. */
function readPpm(bytes: Buffer): Image {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PPM with 8-bit channels");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height * 3) };
}

/**
 * The status colour of each pixel line that shows one (at least `minPixels` pixels of one status
 * fill), runs of lines with the same colour collapsed, lines without a status colour skipped.
 */
function statusRuns(image: Image, minPixels: number): Shown[] {
  const fills = (Object.keys(STATUS_COLOURS) as Shown[]).map((status) => {
    const hex = STATUS_COLOURS[status].fill;
    return { status, rgb: [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) };
  });
  const runs: Shown[] = [];
  for (let y = 0; y < image.height; y++) {
    const counts = new Map<Shown, number>();
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 3;
      const fill = fills.find(({ rgb }) => rgb.every((c, i) => Math.abs(image.pixels[at + i]! - c) <= 3));
      if (fill) counts.set(fill.status, (counts.get(fill.status) ?? 0) + 1);
    }
    const [best] = [...counts].sort((a, b) => b[1] - a[1]);
    if (best && best[1] >= minPixels && runs[runs.length - 1] !== best[0]) runs.push(best[0]);
  }
  return runs;
}

/** Consecutive equal statuses as one. */
const collapse = (statuses: Shown[]) => statuses.filter((s, i) => i === 0 || statuses[i - 1] !== s);

describe("LibreOffice renders the centre sheet with its status colours", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir("colours");
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  renderTest("renders a filled centre sheet with its status colours (PDF → image)", async () => {
    expect(missing).toEqual([]);
    const built = path.join(dir, "kontrakter.xlsx");
    const filled = path.join(dir, "udfyldt.xlsx");
    await fs.writeFile(path.join(dir, "tal.csv"), DANISH_CSV, "utf8");
    expect(await run(["build", "--out", built])).toMatchObject({ code: 0 });
    expect(await run(["fill", built, path.join(dir, "tal.csv"), "--out", filled])).toMatchObject({
      code: 0,
      stderr: "",
    });
    const report = JSON.parse((await run(["check", filled, "--json"])).stdout) as CheckJson;
    const goals = report.centres.find((c) => c.code === SHEET)!.goals;
    const rowOf = (a1: string) => Number(/\d+$/.exec(a1)![0]);
    const inRowOrder = [...goals].sort((a, b) => rowOf(a.cells!.status) - rowOf(b.cells!.status));
    const statuses = inRowOrder.map((g) => g.status as Shown);
    // The figures reach every status, so the picture has all four colours to get right.
    expect(new Set(statuses)).toEqual(new Set(["met", "not_met", "missing", "invalid"]));

    // Only the centre sheet is visible, so the PDF holds just that sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(filled)) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) ws.state = ws.name === SHEET ? "visible" : "hidden";
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: wb.worksheets.findIndex((w) => w.name === SHEET),
        visibility: "visible",
      },
    ];
    const single = path.join(dir, "centre-sheet.xlsx");
    await fs.writeFile(single, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const pdf = await convert(soffice!, single, "pdf", path.join(dir, "pdf"));

    // A PNG per page for people (test-output/), and the same pages as PPM to read pixels from.
    await fs.mkdir(OUTPUT, { recursive: true });
    const png = spawnSync(pdftoppm, ["-png", "-r", "60", pdf, path.join(OUTPUT, "centre-sheet")]);
    expect(png.status).toBe(0);
    const ppm = spawnSync(pdftoppm, ["-r", "60", pdf, path.join(dir, "page")]);
    expect(ppm.status).toBe(0);
    const pages = (await fs.readdir(dir)).filter((f) => /^page-\d+\.ppm$/.test(f)).sort();
    expect(pages.length).toBeGreaterThan(0);

    const seen: Shown[] = [];
    for (const page of pages) seen.push(...statusRuns(readPpm(await fs.readFile(path.join(dir, page))), 8));
    // At the top, the count legend shows each status in its colour once; then come the goal rows.
    const legend: Shown[] = ["met", "not_met", "missing", "invalid"];
    expect(collapse(seen)).toEqual(collapse([...legend, ...statuses]));
  });
});
