// Red team, part 5: a real returned template mutated at random — cell values (numbers of every
// kind, texts with control characters, halves of emoji, very long texts), extra sheets, and
// ranges far too large on any sheet — is either imported with exactly the intended figures, or
// refused with a Danish message. Never a stack trace, never "uventet fejl", within the test's
// time bound and a bound on heap growth.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { checkCellValue } from "../../src/templates/cellValue";
import { addEmptySheet } from "../../src/xlsx/addSheet";
import { excelText, patchCells } from "../../src/xlsx/patchCells";
import { readGrids } from "../../src/xlsx/readGrids";
import { escapeXml } from "../../src/xlsx/xmlText";
import {
  afterSheetData,
  editSheet,
  inProcess,
  rawCells,
  setup,
  sha,
  withSharedStrings,
  type Setup,
} from "./hostile";

jest.setTimeout(600_000);

let s: Setup;
let masterHash: string;
let template: Buffer;

beforeAll(async () => {
  s = await setup("property");
  masterHash = sha(s.master);
  template = await fs.readFile(s.template);
});

afterAll(() => fs.rm(s.dir, { recursive: true, force: true }));

const FIELDS = ["H", "I", "N"] as const;
const ROWS = 5;

type Value =
  | { kind: "number"; n: number }
  | { kind: "text"; t: string }
  | { kind: "raw"; v: string }
  /** A text of this many characters (built when the file is, so a failure report stays short). */
  | { kind: "long"; length: number };

const textOf = (v: Value): string | undefined =>
  v.kind === "text" ? v.t : v.kind === "long" ? "x".repeat(v.length) : undefined;

const controlChar = fc.constantFrom(
  "\u0000",
  "\u0007",
  "\t",
  "\n",
  "\r",
  "\u000B",
  "\u000C",
  "\u001B",
  "\u007F",
  "\u0085",
  "\u202E",
  "\u2028",
  "\uD83D",
  "\uDE00",
  "\uFFFE",
  "_x000D_",
  "_x0041_",
  "&",
  "<",
  "]]>",
);
const text = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), controlChar, fc.constant("😀")), { maxLength: 6 })
  .map((parts) => parts.join(""));
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.double().map((n) => ({ kind: "number" as const, n })),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => ({ kind: "number" as const, n })),
  fc.constantFrom(1e308, 5e-324, -0, 1e15, 1e16, 0.001).map((n) => ({ kind: "number" as const, n })),
  text.map((t) => ({ kind: "text" as const, t })),
  fc.constantFrom(32_767, 32_768, 40_000).map((length) => ({ kind: "long" as const, length })),
  fc.constantFrom("0x10", "5abc", "NaN", "1e400", "-", "").map((v) => ({ kind: "raw" as const, v })),
);
const range = fc.constantFrom("A1:B2", "A40:XFD1048576", "A1:XFD1048576", "H1:H1048576", "C3:D4");
const mutation = fc.record({
  cells: fc.array(fc.option(value, { nil: undefined }), { minLength: ROWS * 3, maxLength: ROWS * 3 }),
  extraSheets: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}$/), { maxLength: 2 }),
  merge: fc.option(fc.record({ sheet: fc.constantFrom("CKB", "Vejledning", "extra"), ref: range }), {
    nil: undefined,
  }),
  farCell: fc.option(fc.constantFrom("Vejledning", "extra", "CKB"), { nil: undefined }),
});

/** What the import must make of a value: the figure written, or a refusal of that cell. */
function intended(v: Value): { write: number | string } | { refuse: true } | { skip: true } {
  if (v.kind === "raw") {
    const n = Number(v.v);
    if (v.v === "") return { skip: true };
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.v) || !Number.isFinite(n))
      return { refuse: true };
    const c = checkCellValue(n);
    return c.ok ? { write: c.value } : { refuse: true };
  }
  const raw = v.kind === "number" ? v.n : textOf(v)!.replace(/\r\n?/g, "\n");
  if (typeof raw === "string" && raw.trim() === "") return { skip: true };
  if (typeof raw === "number" && !Number.isFinite(raw)) return { refuse: true };
  const c = checkCellValue(raw);
  return c.ok ? { write: c.value === 0 ? 0 : c.value } : { refuse: true };
}

let run = 0;

it("import takes exactly the intended figures, or refuses in Danish", async () => {
  await fc.assert(
    fc.asyncProperty(mutation, async (m) => {
      run++;
      const cells: { address: string; v: Value }[] = [];
      m.cells.forEach((v, i) => {
        if (v) cells.push({ address: `${FIELDS[i % 3]}${s.rows[Math.floor(i / 3)]!.row}`, v });
      });
      // Texts as Excel stores them (shared strings, _xHHHH_ escapes); numbers and raw values as cell XML.
      const texts = cells.filter((c) => textOf(c.v) !== undefined);
      const shared = await withSharedStrings(
        template,
        texts.map((c) => escapeXml(excelText(textOf(c.v)!))),
      );
      let bytes = await rawCells(
        shared.bytes,
        "CKB",
        cells.map((c) => {
          const v = c.v;
          if (v.kind === "text" || v.kind === "long")
            return {
              address: c.address,
              xml: `<c r="{r}" t="s"><v>${shared.index[texts.indexOf(c)]}</v></c>`,
            };
          const num = v.kind === "number" ? String(v.n) : (v as { v: string }).v;
          return { address: c.address, xml: `<c r="{r}"><v>${escapeXml(num)}</v></c>` };
        }),
      );
      const sheets = ["CKB", "Vejledning", "RK_Data", "Lister"];
      for (const name of [...new Set(m.extraSheets)]) {
        if (sheets.some((x) => x.toLowerCase() === name.toLowerCase())) continue;
        bytes = await addEmptySheet(bytes, name);
        sheets.push(name);
      }
      const extra = sheets[4];
      const target = (sheet: string) => (sheet === "extra" ? extra : sheet);
      let hostileOnCentre = false;
      if (m.merge && target(m.merge.sheet)) {
        const sheet = target(m.merge.sheet)!;
        bytes = await editSheet(bytes, sheet, (xml) =>
          afterSheetData(xml, `<mergeCells count="1"><mergeCell ref="${m.merge!.ref}"/></mergeCells>`),
        );
        // Any merge on the centre's sheet may cover a locked cell (the title in A1:B2): a refusal is right then.
        hostileOnCentre ||= sheet === "CKB";
      }
      if (m.farCell && target(m.farCell)) {
        bytes = await patchCells(bytes, [{ sheet: target(m.farCell)!, address: "XFD1048576", value: 1 }]);
        hostileOnCentre ||= m.farCell === "CKB";
      }

      const file = path.join(s.dir, `p${run}.xlsx`);
      const out = path.join(s.dir, `p${run}-ud.xlsx`);
      await fs.writeFile(file, bytes);
      const heapBefore = process.memoryUsage().heapUsed;
      const r = await inProcess(["import", s.master, file, "--out", out, "--on-conflict", "replace"]);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
      expect(r.stderr).not.toMatch(/uventet fejl|\n\s+at |Error:/);
      expect(sha(s.master)).toBe(masterHash);

      const wanted = cells.map((c) => ({ ...c, want: intended(c.v) }));
      const writes = wanted.filter((c) => "write" in c.want);
      if ((hostileOnCentre && r.code === 2) || (r.code === 2 && writes.length === 0)) {
        // Refused as a whole (a range on the centre's sheet), or nothing to import.
        expect(r.stderr).toMatch(
          /^kontrakt: .*(Intet er indlæst|Intet er skrevet|ingen skabeloner at indlæse)/s,
        );
        return;
      }
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const grid = (await readGrids(await fs.readFile(out))).find((g) => g.name === "CKB")!;
      for (const c of wanted) {
        const m2 = /^([A-Z])(\d+)$/.exec(c.address)!;
        const got = grid.values[Number(m2[2]) - 1]?.[m2[1]!.charCodeAt(0) - 65] ?? null;
        if ("write" in c.want) expect(got).toEqual(c.want.write);
        else expect(got).toBeNull();
        if ("refuse" in c.want) expect(r.stdout).toContain(`Celle ${c.address} (`);
      }
      await fs.rm(out, { force: true });
      await fs.rm(file, { force: true });
    }),
    { numRuns: 25, seed: 20071231, endOnFailure: true },
  );
});
