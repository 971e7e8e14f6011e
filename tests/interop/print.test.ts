// What an economist gets on paper: the filled Oversigt and a filled centre sheet, printed to PDF by
// LibreOffice on A4 landscape. Read back with poppler (pdftotext -bbox): every word at least 8 pt
// after the page's scaling, every goal row whole on one page, no word broken inside itself, the
// hint column left off paper, header rows repeated and pages numbered. PNGs of the pages go to
// test-output/ for people to look at.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { builtinContracts } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { HEADERS } from "../../src/sheets/layout";
import { DANISH_CSV, ENGLISH_CSV } from "../cli/figures";
import { kontrakt, tempDir } from "../cli/run";
import { convert, sofficePath } from "./soffice";

const soffice = sofficePath();
const OUTPUT = path.join(__dirname, "..", "..", "test-output");
const havePoppler = spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0;
// Carlito has Calibri's metrics; without it LibreOffice lays the sheets out in a wider font.
const haveCarlito = spawnSync("sh", ["-c", "fc-list | grep -qi carlito"]).status === 0;
const MIN_POINTS = 8;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** pdftotext -bbox: one <page> per page, one <word> with its box per word. */
function readPages(pdf: string): Page[] {
  const r = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  expect(r.status).toBe(0);
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...r.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [
      ...p[3]!.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: unescape(w[5]!),
    })),
  }));
}

/**
 * Shows only one sheet, so LibreOffice prints just that one. The workbook XML is edited in place
 * (not re-saved by exceljs, which drops the print areas).
 */
async function onlySheet(file: string, sheet: string, out: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  let index = -1;
  let i = 0;
  const shown = xml.replace(/<sheet ([^>]*?)\/>/g, (_, attributes: string) => {
    const name = /name="([^"]*)"/
      .exec(attributes)![1]!
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    if (name === sheet) index = i;
    i++;
    const rest = attributes.replace(/\s*state="[^"]*"/, "");
    return name === sheet ? `<sheet ${rest}/>` : `<sheet ${rest} state="hidden"/>`;
  });
  expect(index).toBeGreaterThanOrEqual(0);
  // LibreOffice prints a hidden sheet that has a print area: keep only this sheet's print set-up.
  const own = shown.replace(
    /<definedName name="_xlnm\.Print_(Area|Titles)" localSheetId="(\d+)">[^<]*<\/definedName>/g,
    (name, _kind: string, id: string) => (Number(id) === index ? name : ""),
  );
  zip.file("xl/workbook.xml", own.replace(/activeTab="\d+"/, `activeTab="${index}"`));
  await fs.writeFile(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

/** The PDF's pages as PNGs in test-output/, for people to look at. */
async function pictures(pdf: string, name: string): Promise<void> {
  for (const old of await fs.readdir(OUTPUT))
    if (old.startsWith(`${name}-`) && old.endsWith(".png")) await fs.rm(path.join(OUTPUT, old));
  await fs.copyFile(pdf, path.join(OUTPUT, `${name}.pdf`));
  const r = spawnSync("pdftoppm", ["-png", "-r", "70", pdf, path.join(OUTPUT, name)], { encoding: "utf8" });
  expect(r.status).toBe(0);
}

if (!soffice || !havePoppler || !haveCarlito) {
  console.warn(
    "\n*** LibreOffice (soffice), poppler (pdftotext) or the Carlito font is missing: the print test is SKIPPED. ***\n",
  );
  it.skip("SKIPPED: soffice, pdftotext or Carlito (fonts-crosextra-carlito) not installed", () => undefined);
} else {
  describe("printed on A4 landscape by LibreOffice", () => {
    let dir: string;
    let filled: string;
    /** Height of a word's box per point of font size, measured on a sheet printed at 100 %. */
    let boxPerPoint: number;

    beforeAll(async () => {
      dir = await tempDir("print");
      await fs.mkdir(OUTPUT, { recursive: true });
      const built = path.join(dir, "kontrakter.xlsx");
      expect(kontrakt(["build", "--out", built]).code).toBe(0);
      await fs.writeFile(path.join(dir, "da.csv"), DANISH_CSV);
      await fs.writeFile(path.join(dir, "en.csv"), ENGLISH_CSV);
      const da = path.join(dir, "da.xlsx");
      expect(kontrakt(["fill", built, path.join(dir, "da.csv"), "--out", da]).code).toBe(0);
      const en = path.join(dir, "en.xlsx");
      expect(kontrakt(["fill", da, path.join(dir, "en.csv"), "--out", en]).code).toBe(0);
      filled = path.join(dir, "udfyldt.xlsx");
      expect(kontrakt(["summary", en, "--out", filled]).code).toBe(0);

      // Calibration: 10 pt text at 100 %, no fitting, in the workbook's own font.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Kalibrering");
      ws.getCell("A1").value = "Kalibrering";
      ws.getCell("A1").font = { name: "Calibri", size: 10 };
      const calibration = path.join(dir, "kalibrering.xlsx");
      await fs.writeFile(calibration, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      const pdf = await convert(soffice, calibration, "pdf", path.join(dir, "pdf"));
      const word = readPages(pdf)[0]!.words.find((w) => w.text === "Kalibrering")!;
      boxPerPoint = (word.yMax - word.yMin) / 10;
    });

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    const points = (w: Word) => (w.yMax - w.yMin) / boxPerPoint;
    /** Words printed under 8 pt, with their size (a few, to say which). */
    const tooSmall = (pages: Page[]) =>
      pages
        .flatMap((p) => p.words)
        .filter((w) => points(w) < MIN_POINTS)
        .slice(0, 8)
        .map((w) => `${w.text}: ${points(w).toFixed(1)} pt`);

    // Nyropsgade has the figures of every status; JSV has the longest word ("Arbejdsfastholdelsesindsatsen").
    it.each(["Nyropsgade", "JSV"])(
      "prints the centre sheet %s readably, each goal row whole on one page",
      async (sheet) => {
        const pdf = await convert(
          soffice,
          await onlySheet(filled, sheet, path.join(dir, `${sheet}.xlsx`)),
          "pdf",
          dir,
        );
        await pictures(pdf, `print-${sheet}`);
        const pages = readPages(pdf);
        expect(pages.length).toBeGreaterThan(1);
        for (const p of pages) expect(p.width).toBeGreaterThan(p.height); // landscape

        expect(tooSmall(pages)).toEqual([]);

        const all = pages.flatMap((p) => p.words.map((w) => w.text));
        // A figure too wide for its column prints as "###".
        expect(all.filter((w) => w.includes("##"))).toEqual([]);
        // The hint column ("Grundlag: … Resultat: …") stays on screen and in the input prompt, not on paper.
        expect(all).not.toContain("Grundlag:");
        // Every page carries the header row and its number.
        pages.forEach((p, i) => {
          const text = p.words.map((w) => w.text).join(" ");
          expect(text).toContain(HEADERS.requirement);
          expect(text).toContain(HEADERS.status);
          // (LibreOffice counts the hidden sheets' pages in "af N"; Excel counts the sheet's own.)
          expect(text).toContain(`Side ${i + 1} af`);
        });

        // Every goal row: its id once, and its whole goal text within its own row on the same page.
        const contract = builtinContracts().find((c) => c.centres.some((x) => x.code === sheet))!;
        const rows = rowsFor(contract, sheet);
        const problems: string[] = [];
        for (const row of rows) {
          const at = pages.flatMap((p, i) =>
            p.words.filter((w) => w.text === row.id).map((w) => ({ page: i, w })),
          );
          if (at.length !== 1) {
            problems.push(`${row.id}: ${at.length} gange`);
            continue;
          }
          const { page, w: id } = at[0]!;
          const words = pages[page]!.words;
          const header = words.find((w) => w.text === HEADERS.text)!;
          const krav = words.find((w) => w.text === HEADERS.requirement)!;
          const below = words
            .filter(
              (w) =>
                /^[a-z]{2}-[a-z]\d\d/.test(w.text) && w.yMin > id.yMin + 1 && Math.abs(w.xMin - id.xMin) < 2,
            )
            .reduce((top, w) => Math.min(top, w.yMin), pages[page]!.height);
          const textWords = words.filter(
            (w) =>
              w.xMin >= header.xMin - 2 &&
              w.xMax <= krav.xMin &&
              w.yMin >= id.yMin - 1 &&
              w.yMax <= below + 0.5,
          );
          const expected = (row.partLabel ? `${row.text} [del: ${row.partLabel}]` : row.text)
            .split(/\s+/)
            .join(" ");
          const got = textWords.map((w) => w.text).join(" ");
          // A token wider than the column ("opkvalificering/sprogundervisning.") may wrap inside itself.
          const bare = (t: string) => t.replace(/\s/g, "");
          if (bare(got) !== bare(expected))
            problems.push(`${row.id} på side ${page + 1}: "${got}" ≠ "${expected}"`);
        }
        expect(problems).toEqual([]);

        // The long words of Område and Gruppe stay whole.
        const long = new Set(
          rows
            .flatMap((r) => [r.area, r.group ?? ""])
            .flatMap((s) => s.split(/\s+/))
            .filter((s) => s.length >= 12),
        );
        const broken = all.filter((w) => [...long].some((l) => l !== w && w.length >= 6 && l.startsWith(w)));
        expect(broken).toEqual([]);
        for (const l of long) expect(all).toContain(l);
      },
    );

    // Print titles are one range per sheet, so the matrix header repeats when the workbook holds one
    // contract (the usual case); the Jobcenter's contract has the most centres and goals.
    it("prints the Oversigt readably, its header row on every page", async () => {
      const built = path.join(dir, "jobcenter.xlsx");
      expect(kontrakt(["build", "--contract", "jobcenter-kbh-2007", "--out", built]).code).toBe(0);
      const jobcentres = DANISH_CSV.split("\r\n").filter((l) => !/^(CKB|CAB|CBSI);/.test(l));
      await fs.writeFile(path.join(dir, "jobcenter.csv"), jobcentres.join("\r\n"));
      const figures = path.join(dir, "jobcenter-tal.xlsx");
      expect(kontrakt(["fill", built, path.join(dir, "jobcenter.csv"), "--out", figures]).code).toBe(0);
      const summary = path.join(dir, "jobcenter-oversigt.xlsx");
      expect(kontrakt(["summary", figures, "--out", summary]).code).toBe(0);
      const single = await onlySheet(summary, "Oversigt", path.join(dir, "Oversigt.xlsx"));
      const pdf = await convert(soffice, single, "pdf", dir);
      await pictures(pdf, "print-oversigt");
      const pages = readPages(pdf);
      for (const p of pages) expect(p.width).toBeGreaterThan(p.height);
      expect(tooSmall(pages)).toEqual([]);
      const all = pages.flatMap((p) => p.words.map((w) => w.text)).join(" ");
      expect(all.split(" ").filter((w) => w.includes("##"))).toEqual([]);
      // Labels are whole, not cut by the next column.
      expect(all).toContain("Opfyldelsesgrad");
      pages.forEach((p, i) => {
        const text = p.words.map((w) => w.text).join(" ");
        expect(text).toContain(`Side ${i + 1} af`);
        if (i > 0) expect(text).toMatch(/Mål-ID/);
      });
    });
  });
}
