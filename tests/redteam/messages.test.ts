// Red team, part 4: names the product owns, and messages that say what is wrong. Each case was
// an "uventet fejl", a wrong reason, or a refusal of something harmless before.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseNumber } from "../../src/contracts/parseNumber";
import { readWorkbook } from "../../src/sheets/readWorkbook";
import { paneReview } from "../../src/templates/importReview";
import { addEmptySheet } from "../../src/xlsx/addSheet";
import { patchCells } from "../../src/xlsx/patchCells";
import { readGrids } from "../../src/xlsx/readGrids";
import { reviewReturnedFiles } from "../../src/xlsx/templateFiles";
import { editSheet, expectDanishRefusal, inProcess, setup, sha, writeFile, type Setup } from "./hostile";

jest.setTimeout(120_000);

let s: Setup;
let masterHash: string;
let template: Buffer;

beforeAll(async () => {
  s = await setup("messages");
  masterHash = sha(s.master);
  template = await fs.readFile(s.template);
});

afterAll(() => fs.rm(s.dir, { recursive: true, force: true }));

afterEach(() => expect(sha(s.master)).toBe(masterHash));

async function metaRow(bytes: Buffer, kind: string): Promise<number> {
  const grids = await readGrids(bytes);
  return grids.find((g) => g.name === "RK_Data")!.values.findIndex((line) => line[0] === kind) + 1;
}

describe("names the product owns", () => {
  it.each(["Log", "oversigt", "RK_DATA", "Vejledning", "lister"])(
    "a template claiming to be for a centre coded %s is refused in Danish",
    async (code) => {
      const row = await metaRow(template, "template");
      const file = await writeFile(
        s.dir,
        `reserveret-${code}.xlsx`,
        await patchCells(template, [{ sheet: "RK_Data", address: `C${row}`, value: code }]),
      );
      expectDanishRefusal(
        await inProcess(["import", s.master, file, "--dry-run"]),
        new RegExp(`centret "${code}", men det navn bruger programmet selv til et ark`),
      );
    },
  );

  it('an economist\'s own sheet called "log" does not break the import: the audit rows go to a sheet found by its header row', async () => {
    const own = path.join(s.dir, "med-log.xlsx");
    const withSheet = await addEmptySheet(await fs.readFile(s.master), "log");
    await fs.writeFile(
      own,
      await patchCells(withSheet, [{ sheet: "log", address: "A1", value: "mine noter" }]),
    );
    const first = s.rows[0]!.row;
    const returned = await writeFile(
      s.dir,
      "retur-log.xlsx",
      await patchCells(template, [{ sheet: "CKB", address: `H${first}`, value: 10 }]),
    );
    const out = path.join(s.dir, "med-log-ud.xlsx");
    const r = await inProcess(["import", own, returned, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 linje i arket "Log \(2\)"/);
    const grids = await readGrids(await fs.readFile(out));
    expect(grids.find((g) => g.name === "log")!.values).toEqual([["mine noter"]]);
    expect(grids.find((g) => g.name === "Log (2)")!.values[1]).toContain("CKB");

    // The next import finds the same audit sheet by its header row and appends to it.
    const again = await writeFile(
      s.dir,
      "retur-log-2.xlsx",
      await patchCells(template, [{ sheet: "CKB", address: `I${first}`, value: 12 }]),
    );
    const r2 = await inProcess(["import", out, again, "--out", out]);
    expect(r2.code).toBe(0);
    const log = (await readGrids(await fs.readFile(out))).find((g) => g.name === "Log (2)")!;
    expect(log.values.filter((line) => line[2] === "CKB")).toHaveLength(2);
  });
});

describe("messages that say what is wrong", () => {
  it("a sheet whose XML cannot be parsed is not called a partly downloaded zip", async () => {
    const broken = await editSheet(template, "CKB", (xml) => xml.slice(0, xml.indexOf("<sheetData>") + 40));
    const file = await writeFile(s.dir, "xml.xlsx", broken);
    const r = await inProcess(["import", s.master, file, "--dry-run"]);
    expectDanishRefusal(r, /zip-arkivet er helt, men en af delene i det er ikke gyldig XML/);
    expect(r.stderr).not.toMatch(/delvist hentet/);
  });

  it("locked texts that differ only after 60 characters are shown where they differ", async () => {
    const row = s.rows[0]!.row;
    const grids = await readGrids(template);
    const text = String(grids.find((g) => g.name === "CKB")!.values[row - 1]![3]);
    expect(text.length).toBeGreaterThan(60);
    const file = await writeFile(
      s.dir,
      "tekst.xlsx",
      await patchCells(template, [{ sheet: "CKB", address: `D${row}`, value: `${text} (men kun 1 %)` }]),
    );
    const r = await inProcess(["import", s.master, file, "--dry-run"]);
    expectDanishRefusal(r, /låste celler/);
    const m = /skulle være "([^"]*)", men er "([^"]*)"/.exec(r.stderr)!;
    expect(m[1]).not.toBe(m[2]);
    expect(m[2]).toContain("(men kun 1 %)");
  });

  it("a CSV line for a goal with parts names its parts", async () => {
    const csv = await writeFile(s.dir, "dele.csv", Buffer.from("center;mål;resultat\nCAB;bc-p07;6\n"));
    expectDanishRefusal(
      await inProcess(["fill", s.master, csv, "--out", path.join(s.dir, "dele.xlsx")]),
      /målet bc-p07 har flere dele; skriv hver del på sin egen linje: bc-p07\.moeder, bc-p07\.seminarer/,
    );
  });

  it("trailing ;;;; lines (Excel's formatted empty rows) and a decomposed å (macOS) are fine in a CSV", async () => {
    const text = `center;ma\u030Al;grundlag;resultat;bemærkning\nMusva\u030Agevej;jc-b01;1000;1100;\n;;;;\n;;;;\n`;
    const csv = await writeFile(s.dir, "excel.csv", Buffer.from(text));
    const out = path.join(s.dir, "excel.xlsx");
    const r = await inProcess(["fill", s.master, csv, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const state = readWorkbook(await readGrids(await fs.readFile(out)));
    const row = state.centres
      .find((c) => c.centre.code === "Musvågevej")!
      .rows.find((x) => x.row.id === "jc-b01")!;
    expect([row.grundlag, row.resultat]).toEqual([1000, 1100]);
  });

  // Bounded by the test's timeout (the quadratic version took 31 s here); the time itself is in the bench.
  it("parseNumber is linear: '1', 100,000 spaces and 'x' is refused at once", () => {
    expect(parseNumber(`1${" ".repeat(100_000)}x`).kind).toBe("error");
    expect(parseNumber(`1${" ".repeat(100_000)}%`)).toEqual({ kind: "number", value: 0.01, percent: true });
  }, 5_000);

  it("the pane gets text from a file with its direction overrides and control characters made visible", async () => {
    const first = s.rows[0]!.row;
    const bytes = await patchCells(template, [
      { sheet: "CKB", address: `N${first}`, value: "Opfyldt\u202E tlyfdpo ikke" },
    ]);
    const grids = await readGrids(await fs.readFile(s.master));
    const review = await reviewReturnedFiles(
      [{ name: "retur\u0007.xlsx", shown: "retur\u0007.xlsx", size: bytes.length, bytes: async () => bytes }],
      { state: readWorkbook(grids), grids },
      "skipRefused",
    );
    const shown = paneReview(review);
    expect(shown.files[0]!.file).toBe("retur\\u0007.xlsx");
    expect(shown.files[0]!.fields[0]!.value).toBe("Opfyldt\\u202E tlyfdpo ikke");
    // What is written is the text itself, not its escaped form.
    expect(review.accepted[0]!.preview.fields[0]!.value).toBe("Opfyldt\u202E tlyfdpo ikke");
  });
});
