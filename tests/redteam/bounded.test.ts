// Red team, part 1: a small hostile file must not crash, hang or exhaust memory. Every run is a
// child process with a heap limit (HEAP_MB) and a timeout, and the master's bytes are compared
// before and after. Before the fix, each of these died with "JavaScript heap out of memory",
// hung, or read without bound.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { addEmptySheet } from "../../src/xlsx/addSheet";
import { patchCells } from "../../src/xlsx/patchCells";
import {
  afterSheetData,
  bounded,
  editSheet,
  expectDanishRefusal,
  setup,
  sha,
  writeFile,
  type Setup,
} from "./hostile";

jest.setTimeout(120_000);

let s: Setup;
let masterHash: string;
let template: Buffer;
/** A returned CKB template with two figures typed in its first goal row. */
let filled: Buffer;

beforeAll(async () => {
  s = await setup("bounded");
  masterHash = sha(s.master);
  template = await fs.readFile(s.template);
  const first = s.rows[0]!.row;
  filled = await patchCells(template, [
    { sheet: "CKB", address: `H${first}`, value: 1000 },
    { sheet: "CKB", address: `I${first}`, value: 900 },
  ]);
});

afterAll(() => fs.rm(s.dir, { recursive: true, force: true }));

afterEach(() => {
  // No run above may have changed the master it was only reading or refused to write.
  expect(sha(s.master)).toBe(masterHash);
});

async function importInto(name: string, bytes: Buffer, extra: string[] = []) {
  const file = await writeFile(s.dir, name, bytes);
  const out = path.join(s.dir, `ud-${name}`);
  return { run: bounded(["import", s.master, file, "--out", out, ...extra]), out };
}

describe("a returned file far larger inside than a template", () => {
  it("one value at XFD1048576 in the Vejledning sheet: that sheet is left out, the figures are imported", async () => {
    const bytes = await patchCells(filled, [{ sheet: "Vejledning", address: "XFD1048576", value: 1 }]);
    const { run, out } = await importInto("vejledning.xlsx", bytes);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Skrev ud-vejledning\.xlsx: 2 nye/);
    await fs.rm(out);
  });

  it("one value at XFD1048576 in the centre's sheet: refused, naming the sheet and the cell", async () => {
    const bytes = await patchCells(filled, [{ sheet: "CKB", address: "XFD1048576", value: 1 }]);
    const { run } = await importInto("celle.xlsx", bytes);
    expectDanishRefusal(run, /arket "CKB" har en celle i XFD1048576.*Intet er indlæst/);
  });

  it("the same value in the hidden RK_Data sheet: refused", async () => {
    const bytes = await patchCells(filled, [{ sheet: "RK_Data", address: "XFD1048576", value: 1 }]);
    const { run } = await importInto("rkdata.xlsx", bytes);
    expectDanishRefusal(run, /arket "RK_Data" har en celle i XFD1048576/);
  });

  it('<mergeCell ref="A40:XFD1048576"/> is refused before exceljs expands it', async () => {
    const bytes = await editSheet(filled, "CKB", (xml) =>
      afterSheetData(xml, '<mergeCells count="1"><mergeCell ref="A40:XFD1048576"/></mergeCells>'),
    );
    const { run } = await importInto("flettet.xlsx", bytes);
    expectDanishRefusal(run, /flettede celler over A40:XFD1048576/);
  });

  it.each([
    ["the whole sheet", "A1:XFD1048576"],
    ["one whole column (what a centre can add after unprotecting)", "H1:H1048576"],
  ])("a data validation over %s is refused", async (_, sqref) => {
    const bytes = await editSheet(filled, "CKB", (xml) =>
      xml.replace(
        /<dataValidations[^>]*>/,
        (open) =>
          `${open}<dataValidation type="whole" allowBlank="1" sqref="${sqref}"><formula1>0</formula1></dataValidation>`,
      ),
    );
    const { run } = await importInto(`validering-${sqref.length}.xlsx`, bytes);
    expectDanishRefusal(run, new RegExp(`datavalidering over ${sqref}`));
  });

  it("a conditional format and a declared dimension over the whole sheet are refused", async () => {
    const cf = await editSheet(filled, "CKB", (xml) =>
      afterSheetData(
        xml,
        '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="99"><formula>TRUE</formula></cfRule></conditionalFormatting>',
      ),
    );
    expectDanishRefusal((await importInto("cf.xlsx", cf)).run, /betinget formatering over A1:XFD1048576/);
    const dim = await editSheet(filled, "CKB", (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    expectDanishRefusal((await importInto("dim.xlsx", dim)).run, /brugt område angivet som A1:XFD1048576/);
  });
});

describe("the master itself", () => {
  it("an economist's own sheet with a value at XFD1048576: check, fill and import still work", async () => {
    const own = path.join(s.dir, "med-eget-ark.xlsx");
    const withSheet = await addEmptySheet(await fs.readFile(s.master), "Mine noter");
    await fs.writeFile(
      own,
      await patchCells(withSheet, [{ sheet: "Mine noter", address: "XFD1048576", value: 7 }]),
    );
    const ownHash = sha(own);

    const check = bounded(["check", own]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);

    const csv = await writeFile(
      s.dir,
      "tal.csv",
      Buffer.from("center;mål;grundlag\nCKB;" + s.rows[0]!.id + ";1000\n"),
    );
    const fill = bounded(["fill", own, csv, "--out", path.join(s.dir, "fyldt.xlsx")]);
    expect(fill.stderr).toBe("");
    expect(fill.code).toBe(0);

    const returned = await writeFile(s.dir, "retur-eget.xlsx", filled);
    const imported = bounded(["import", own, returned, "--out", path.join(s.dir, "importeret.xlsx")]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(sha(own)).toBe(ownHash);
  });
});

describe("what is not a regular file, or too large", () => {
  it("/dev/zero as a returned file and as a figures file is refused at once", () => {
    expectDanishRefusal(
      bounded(["import", s.master, "/dev/zero", "--dry-run"]),
      /"\/dev\/zero" er ikke en almindelig fil/,
    );
    expectDanishRefusal(
      bounded(["fill", s.master, "/dev/zero", "--out", path.join(s.dir, "x.xlsx")]),
      /"\/dev\/zero" er ikke en almindelig fil/,
    );
  });

  it("a FIFO is refused, not waited on forever (as a returned file, a master and a figures file)", () => {
    const fifo = path.join(s.dir, "kanal.xlsx");
    execFileSync("mkfifo", [fifo]);
    expectDanishRefusal(bounded(["import", s.master, fifo, "--dry-run"]), /ikke en almindelig fil/);
    expectDanishRefusal(bounded(["check", fifo]), /ikke en almindelig fil/);
    expectDanishRefusal(
      bounded(["fill", s.master, fifo, "--out", path.join(s.dir, "y.xlsx")]),
      /ikke en almindelig fil/,
    );
  });

  it("a figures file of 50 MB is refused by its size, before it is read", async () => {
    const big = path.join(s.dir, "stor.csv");
    const line = `CKB;${s.rows[0]!.id};1000\n`;
    await fs.writeFile(
      big,
      "center;mål;grundlag\n" + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)),
    );
    const run = bounded(["fill", s.master, big, "--out", path.join(s.dir, "z.xlsx")]);
    expectDanishRefusal(run, /Filen ".*stor\.csv" er for stor \(50 MB; højst 2 MB\)/);
  });
});
