// Red team, part 2: what a returned file's cells hold is read strictly and stored faithfully.
// Control characters never abort an import; what a cell cannot hold is refused with the cell
// named; numbers that are no figures are refused in the preview and the write alike; text from
// the file reaches the terminal with its control characters made visible.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { readGrids } from "../../src/xlsx/readGrids";
import { inProcess, rawCells, setup, sha, withSharedStrings, writeFile, type Setup } from "./hostile";

jest.setTimeout(120_000);

let s: Setup;
let masterHash: string;
let template: Buffer;
const row = (i: number) => s.rows[i]!.row;

beforeAll(async () => {
  s = await setup("values");
  masterHash = sha(s.master);
  template = await fs.readFile(s.template);
});

afterAll(() => fs.rm(s.dir, { recursive: true, force: true }));

async function masterCell(file: string, sheet: string, address: string): Promise<unknown> {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const grids = await readGrids(await fs.readFile(file));
  return grids.find((g) => g.name === sheet)?.values[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] ?? null;
}

describe("text with control characters, as Excel and Word leave them", () => {
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    // Excel stores a CR in a cell as _x000D_, a character XML cannot carry as _xHHHH_.
    const shared = await withSharedStrings(template, [
      "første_x000D_anden", // CR (Alt+Enter on some platforms, text pasted from Windows)
      "før_x0000_efter", // NUL
      "linje_x000B_to", // vertical tab: a line break pasted from Word
      "halv _xD83D_ emoji", // the first half of 😀 without the second
      "_x005F_x0041_ står som tekst", // a literal "_x0041_" typed by a person
      "_x001B_[2J_x001B_[1;1HAlt er fint", // an escape sequence that clears a terminal
    ]);
    const sharedCell = (i: number) => `<c r="{r}" t="s"><v>${shared.index[i]}</v></c>`;
    const bytes = await rawCells(shared.bytes, "CKB", [
      { address: `N${row(0)}`, xml: sharedCell(0) },
      { address: `N${row(1)}`, xml: sharedCell(1) },
      { address: `N${row(2)}`, xml: sharedCell(2) },
      { address: `N${row(3)}`, xml: sharedCell(3) },
      { address: `N${row(4)}`, xml: sharedCell(4) },
      { address: `N${row(5)}`, xml: sharedCell(5) },
      { address: `N${row(6)}`, value: "x".repeat(40_000) },
      { address: `H${row(7)}`, value: 1000 },
    ]);
    const file = await writeFile(s.dir, "tegn.xlsx", bytes);
    out = path.join(s.dir, "tegn-ud.xlsx");
    const r = await inProcess(["import", s.master, file, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stdout = r.stdout;
  });

  it("imports the rest, with CR and a vertical tab stored as line breaks", async () => {
    expect(await masterCell(out, "CKB", `N${row(0)}`)).toBe("første\nanden");
    expect(await masterCell(out, "CKB", `N${row(2)}`)).toBe("linje\nto");
    expect(await masterCell(out, "CKB", `H${row(7)}`)).toBe(1000);
    expect(sha(s.master)).toBe(masterHash);
  });

  it("refuses NUL, half an emoji and a text over 32,767 characters with the cell named, and writes none of them", async () => {
    expect(stdout).toMatch(
      new RegExp(`Celle N${row(1)} \\(Bemærkning, mål [^)]+\\) indeholder tegnet U\\+0000`),
    );
    expect(stdout).toMatch(
      new RegExp(`Celle N${row(3)} \\(Bemærkning, mål [^)]+\\) indeholder tegnet U\\+D83D`),
    );
    expect(stdout).toMatch(
      new RegExp(
        `Celle N${row(6)} \\(Bemærkning, mål [^)]+\\) har 40\\.000 tegn; en celle kan højst rumme 32\\.767`,
      ),
    );
    for (const i of [1, 3, 6]) expect(await masterCell(out, "CKB", `N${row(i)}`)).toBeNull();
  });

  it('keeps a typed "_x0041_" as that text, escaped in the file as Excel does', async () => {
    expect(await masterCell(out, "CKB", `N${row(4)}`)).toBe("_x0041_ står som tekst");
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith("xl/worksheets/sheet"))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(sheets.some((x) => x.includes("_x005F_x0041_ står som tekst"))).toBe(true);
  });

  it("never writes an escape sequence to the terminal: it is shown as \\u001B", () => {
    expect(stdout).not.toContain("\u001b");
    expect(stdout).toContain("\\u001B[2J");
  });

  it("shows a file name's control characters escaped too", async () => {
    const file = await writeFile(s.dir, "ret\u001b[31mur.xlsx", template);
    const r = await inProcess(["import", s.master, file, "--dry-run"]);
    expect(r.stdout + r.stderr).not.toContain("\u001b");
    expect(r.stdout).toContain("ret\\u001B[31mur.xlsx");
  });
});

describe("numbers that are no figures", () => {
  const bad: [string, string, RegExp][] = [
    [
      'a date cell (t="d"), as other tools write dates',
      '<c r="{r}" t="d"><v>2007-01-01T00:00:00</v></c>',
      /indeholder en dato/,
    ],
    ["0x10", '<c r="{r}"><v>0x10</v></c>', /"0x10" er ikke et gyldigt tal/],
    ["5abc", '<c r="{r}"><v>5abc</v></c>', /"5abc" er ikke et gyldigt tal/],
    ["NaN", '<c r="{r}"><v>NaN</v></c>', /"NaN" er ikke et gyldigt tal/],
    ["1e400", '<c r="{r}"><v>1e400</v></c>', /"1e400" er ikke et gyldigt tal/],
    ["1e308", '<c r="{r}"><v>1e308</v></c>', /er 1\.000e\+308, langt større end noget tal i en kontrakt/],
    ["5e-324", '<c r="{r}"><v>5e-324</v></c>', /er 4\.941e-324, så tæt på 0/],
  ];

  it.each(bad)(
    "%s is refused with the cell named, the same in the preview and the write",
    async (_, xml, reason) => {
      const address = `I${row(0)}`;
      const bytes = await rawCells(template, "CKB", [
        { address, xml },
        { address: `H${row(0)}`, value: 1000 },
      ]);
      const file = await writeFile(s.dir, `tal-${bad.findIndex((b) => b[1] === xml)}.xlsx`, bytes);
      const dry = await inProcess(["import", s.master, file, "--dry-run"]);
      const out = path.join(s.dir, `tal-ud-${bad.findIndex((b) => b[1] === xml)}.xlsx`);
      const wet = await inProcess(["import", s.master, file, "--out", out]);
      for (const r of [dry, wet]) {
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`Celle ${address} \\(Resultat, mål [^)]+\\) .*${reason.source}`));
        expect(r.stdout).not.toMatch(/Infinity/);
        // Never in the preview's table as a figure ("ny") that the write would then fail on.
        expect(r.stdout).not.toMatch(new RegExp(`Resultat\\s+${address}\\s`));
        expect(r.stdout).toMatch(/1 nye/);
      }
      expect(await masterCell(out, "CKB", address)).toBeNull();
      expect(await masterCell(out, "CKB", `H${row(0)}`)).toBe(1000);
      expect(sha(s.master)).toBe(masterHash);
    },
  );
});
