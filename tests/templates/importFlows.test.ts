// kontrakt import and export as an economist uses them: values only, inserted rows, conflicts
// both ways, a messy folder, the Log, trips in Oversigt, --prefill, --dry-run, and check on a
// single template.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { findBuiltin } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { exists, goalOf, hash, kontrakt, tempDir, type CheckJson } from "../cli/run";
import { cellOf, editWithOpenpyxl, gridsOfFile, openpyxlProblem, type Op } from "./helpers";

const problem = openpyxlProblem();
if (problem)
  console.warn(
    `\n!!! TEMPLATE IMPORT TESTS SKIPPED: ${problem}. Install python3-openpyxl for /usr/bin/python3.\n`,
  );
const describeIfPython = problem ? describe.skip : describe;

const CKB = "beskaeftigelsescentre-2007_CKB_2007.xlsx";
const CAB = "beskaeftigelsescentre-2007_CAB_2007.xlsx";
const TODAY = /\d\d\.\d\d\.\d{4}/.source;

describeIfPython("kontrakt import and export", () => {
  let dir: string;
  let master: string;
  let sent: string;
  let n = 0;

  beforeAll(async () => {
    dir = await tempDir("flows");
    master = path.join(dir, "kontrakter.xlsx");
    sent = path.join(dir, "ud");
    expect(kontrakt(["build", "--out", master]).code).toBe(0);
    expect(kontrakt(["export", master, "--dir", sent]).code).toBe(0);
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  async function filled(template: string, ops: Op[], name = `retur-${++n}.xlsx`): Promise<string> {
    const out = path.join(dir, name);
    await editWithOpenpyxl([{ in: path.join(sent, template), out, ops }], dir);
    return out;
  }

  function ok(args: string[]) {
    const r = kontrakt(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return r;
  }

  it("imports the date a Ja/Nej goal with a deadline was done, and judges it against the deadline", async () => {
    const contract = findBuiltin("beskaeftigelsescentre-2007")!;
    const row = FIRST_GOAL_ROW + rowsFor(contract, "CKB").findIndex((r) => r.id === "bc-k02");
    const file = await filled(CKB, [{ op: "date", sheet: "CKB", cell: `I${row}`, value: "2007-04-02" }]);
    const out = path.join(dir, "dato.xlsx");
    const r = ok(["import", master, file, "--out", out]);
    expect(r.stdout).not.toContain("indeholder en dato");
    const report = JSON.parse(kontrakt(["check", out, "--json"]).stdout) as CheckJson;
    expect(goalOf(report, "CKB", "bc-k02")).toMatchObject({
      status: "not_met",
      message: "Ikke opfyldt: gennemført 2.4.2007, 2 dage efter fristen 31.3.2007.",
    });
  });

  it("imports plain values only: a formula, a date and an error are reported by A1 address and left out", async () => {
    const file = await filled(CKB, [
      { op: "set", sheet: "CKB", cell: "H8", value: 100 },
      { op: "set", sheet: "CKB", cell: "I8", value: 65 },
      { op: "set", sheet: "CKB", cell: "N8", value: "Tal fra fagsystemet" },
      { op: "formula", sheet: "CKB", cell: "I9", formula: "=SUM(30,20)" },
      { op: "date", sheet: "CKB", cell: "H10", value: "2007-12-31" },
      { op: "set", sheet: "CKB", cell: "I11", value: "#DIV/0!" },
    ]);
    const out = path.join(dir, "vaerdier.xlsx");
    const r = ok(["import", master, file, "--out", out]);
    expect(r.stdout).toContain(
      "Celle I9 (Resultat, mål bc-b02) indeholder en formel (=SUM(30,20)); kun tal og tekst indlæses – skriv resultatet som et tal.",
    );
    expect(r.stdout).toContain("Celle H10 (Grundlag, mål bc-b03) indeholder en dato, ikke et tal.");
    expect(r.stdout).toContain("Celle I11 (Resultat, mål bc-b04) viser fejlen #DIV/0!.");
    expect(r.stdout).toMatch(
      /CKB – Center for Kompetence og Beskæftigelse \(retur-\d+\.xlsx, sendt ud \d\d\.\d\d\.\d{4}\): 3 nye, 0 uændrede, 0 i konflikt/,
    );
    const grids = await gridsOfFile(out);
    expect(["H8", "I8", "N8", "I9", "H10", "I11"].map((a) => cellOf(grids, "CKB", a))).toEqual([
      100,
      65,
      "Tal fra fagsystemet",
      null,
      null,
      null,
    ]);
    const report = JSON.parse(kontrakt(["check", out, "--json"]).stdout) as CheckJson;
    expect(goalOf(report, "CKB", "bc-b01")).toMatchObject({ status: "met", achieved: 0.65 });
    expect(goalOf(report, "CKB", "bc-b02").status).toBe("missing");
  });

  it("tolerates rows the centre inserted: figures follow their goal id, not their row", async () => {
    // Two rows inserted above bc-b03 (row 10): it and every goal below move down two rows.
    const file = await filled(CAB, [
      { op: "insertRows", sheet: "CAB", row: 10, count: 2 },
      { op: "set", sheet: "CAB", cell: "D10", value: "Vores egen note" },
      { op: "set", sheet: "CAB", cell: "A11", value: "note-1" },
      { op: "set", sheet: "CAB", cell: "I9", value: 0.55 },
      { op: "set", sheet: "CAB", cell: "H12", value: 200 },
      { op: "set", sheet: "CAB", cell: "I12", value: 120 },
    ]);
    const out = path.join(dir, "indsat.xlsx");
    const r = ok(["import", master, file, "--out", out]);
    expect(r.stdout).toContain("Indsatte rækker med ukendte mål-id'er er ikke indlæst: note-1.");
    const grids = await gridsOfFile(out);
    expect(cellOf(grids, "CAB", "A10")).toBe("bc-b03");
    expect([
      cellOf(grids, "CAB", "I9"),
      cellOf(grids, "CAB", "H10"),
      cellOf(grids, "CAB", "I10"),
      cellOf(grids, "CAB", "H12"),
    ]).toEqual([0.55, 200, 120, null]);
  });

  describe("conflicts with figures already in the master", () => {
    let first: string;
    let second: string;

    beforeAll(async () => {
      first = path.join(dir, "foerste.xlsx");
      ok([
        "import",
        master,
        await filled(
          CKB,
          [
            { op: "set", sheet: "CKB", cell: "H8", value: 100 },
            { op: "set", sheet: "CKB", cell: "I8", value: 65 },
          ],
          "ckb-1.xlsx",
        ),
        "--out",
        first,
      ]);
      second = await filled(
        CKB,
        [
          { op: "set", sheet: "CKB", cell: "H8", value: 100 },
          { op: "set", sheet: "CKB", cell: "I8", value: 58 },
          { op: "set", sheet: "CKB", cell: "I9", value: 0.5 },
        ],
        "ckb-2.xlsx",
      );
    });

    it("fail (the default): exit 2 listing each conflict, nothing written", () => {
      const before = hash(first);
      const out = path.join(dir, "konflikt.xlsx");
      const r = kontrakt(["import", first, second, "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "kontrakt: 1 konflikt: projektmappen har allerede et andet tal. Vælg --on-conflict keep (behold projektmappens tal) eller --on-conflict replace (brug filens). Intet er skrevet.\n" +
          "  CKB bc-b01 Resultat (I8): projektmappen har 65, ckb-2.xlsx har 58\n",
      );
      expect(r.stdout).toMatch(/1 nye, 1 uændrede, 1 i konflikt/);
      expect(r.stdout).toMatch(/bc-b01 +Resultat +I8 +65 +58 +KONFLIKT/);
      expect(hash(first)).toBe(before);
      return expect(exists(out)).resolves.toBe(false);
    });

    it("keep: the master's figure stays, the new one is added, and only that is logged", async () => {
      const out = path.join(dir, "behold.xlsx");
      const r = ok(["import", first, second, "--out", out, "--on-conflict", "keep"]);
      expect(r.stdout).toMatch(
        /Skrev behold\.xlsx: 1 nye, 0 erstattede, 1 beholdt ved konflikt, 1 uændrede; 1 linje i arket "Log"/,
      );
      const grids = await gridsOfFile(out);
      expect([cellOf(grids, "CKB", "I8"), cellOf(grids, "CKB", "I9")]).toEqual([65, 0.5]);
      const log = grids.find((g) => g.name === "Log")!.values;
      expect(log.map((row) => row.slice(1))).toEqual([
        ["Fil", "Center", "Mål-ID", "Felt", "Gammel værdi", "Ny værdi"],
        ["ckb-1.xlsx", "CKB", "bc-b01", "Grundlag", null, 100],
        ["ckb-1.xlsx", "CKB", "bc-b01", "Resultat", null, 65],
        ["ckb-2.xlsx", "CKB", "bc-b02", "Resultat", null, 0.5],
      ]);
      for (const row of log.slice(1)) expect(row[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });

    it("replace: the file's figure wins, and the Log keeps the old and the new value", async () => {
      const out = path.join(dir, "erstat.xlsx");
      const r = ok(["import", first, second, "--out", out, "--on-conflict", "replace"]);
      expect(r.stdout).toMatch(
        /1 nye, 1 erstattede, 0 beholdt ved konflikt, 1 uændrede; 2 linjer i arket "Log"/,
      );
      const grids = await gridsOfFile(out);
      expect(cellOf(grids, "CKB", "I8")).toBe(58);
      const log = grids.find((g) => g.name === "Log")!.values;
      expect(log.slice(3).map((row) => row.slice(1))).toEqual([
        ["ckb-2.xlsx", "CKB", "bc-b01", "Resultat", 65, 58],
        ["ckb-2.xlsx", "CKB", "bc-b02", "Resultat", null, 0.5],
      ]);
      const report = JSON.parse(kontrakt(["check", out, "--json"]).stdout) as CheckJson;
      expect(goalOf(report, "CKB", "bc-b01")).toMatchObject({ status: "not_met", achieved: 0.58 });
    });

    it("--dry-run shows the conflicts and writes nothing", async () => {
      const before = hash(first);
      const out = path.join(dir, "proeve.xlsx");
      const r = ok(["import", first, second, "--out", out, "--dry-run"]);
      expect(r.stdout).toContain("CKB bc-b01 Resultat (I8): projektmappen har 65, ckb-2.xlsx har 58");
      expect(r.stdout).toMatch(/Prøvekørsel: intet er skrevet\.\n$/);
      expect(hash(first)).toBe(before);
      expect(await exists(out)).toBe(false);
      const noOut = ok(["import", first, second, "--dry-run", "--on-conflict", "replace"]);
      expect(noOut.stdout).toMatch(
        /Ved indlæsning: 1 nye, 1 erstattede, 0 beholdt ved konflikt, 1 uændrede\.\nPrøvekørsel: intet er skrevet\.\n$/,
      );
    });
  });

  it("skips lock files, files that are not .xlsx and duplicates in a folder, with a note each", async () => {
    const folder = path.join(dir, "indbakke");
    await fs.mkdir(folder);
    const ckb = await filled(CKB, [{ op: "set", sheet: "CKB", cell: "I8", value: 70 }]);
    await fs.copyFile(ckb, path.join(folder, CKB));
    await fs.copyFile(ckb, path.join(folder, "kopi af CKB.xlsx"));
    await fs.writeFile(
      path.join(folder, `~$${CKB}`),
      Buffer.from([0x0b, 0x4a, 0x65, 0x6e, 0x73, 0x20, 0x4a, 0x65, 0x6e, 0x73, 0x65, 0x6e]),
    );
    await fs.writeFile(path.join(folder, "noter.txt"), "Husk CAB\n", "utf8");
    await fs.mkdir(path.join(folder, "gammelt"));
    await fs.copyFile(
      await filled(CAB, [{ op: "set", sheet: "CAB", cell: "I8", value: 0.4 }]),
      path.join(folder, "CAB første.xlsx"),
    );
    await fs.copyFile(
      await filled(CAB, [{ op: "set", sheet: "CAB", cell: "I8", value: 0.45 }]),
      path.join(folder, "CAB rettet.xlsx"),
    );
    const out = path.join(dir, "mappe.xlsx");
    const r = ok(["import", master, folder, "--out", out]);
    const f = (name: string) => path.join(folder, name);
    expect(r.stdout).toContain(
      "Sprunget over:\n" +
        `  ${f("gammelt")}: sprunget over – en mappe (undermapper læses ikke).\n` +
        `  ${f("noter.txt")}: sprunget over – ikke en .xlsx-fil.\n` +
        `  ${f(`~$${CKB}`)}: sprunget over – en Office-låsefil (~$), som Excel laver, mens en fil er åben; ikke en skabelon.\n` +
        `  ${f("kopi af CKB.xlsx")}: sprunget over – samme indhold som ${f(CKB)}.\n` +
        `  ${f("CAB første.xlsx")}: sprunget over – 2 forskellige filer for CAB (${f("CAB første.xlsx")}, ${f("CAB rettet.xlsx")}); ingen af dem er indlæst. Angiv den rigtige fil direkte.\n` +
        `  ${f("CAB rettet.xlsx")}: sprunget over – 2 forskellige filer for CAB (${f("CAB første.xlsx")}, ${f("CAB rettet.xlsx")}); ingen af dem er indlæst. Angiv den rigtige fil direkte.\n`,
    );
    const grids = await gridsOfFile(out);
    expect([cellOf(grids, "CKB", "I8"), cellOf(grids, "CAB", "I8")]).toEqual([70, null]);
  });

  it("says so when a folder holds nothing to import, and writes nothing", async () => {
    const empty = path.join(dir, "tom");
    await fs.mkdir(empty);
    await fs.writeFile(path.join(empty, "læs mig.txt"), "x", "utf8");
    const out = path.join(dir, "intet.xlsx");
    const r = kontrakt(["import", master, empty, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kontrakt: Der er ingen skabeloner at indlæse. Intet er skrevet.\n");
    expect(await exists(out)).toBe(false);
  });

  it("export records the time sent only with --out; import records the return; Oversigt shows both", async () => {
    const copy = path.join(dir, "spor.xlsx");
    await fs.copyFile(master, copy);
    const before = hash(copy);
    const plain = ok(["export", copy, "--dir", path.join(dir, "ud2"), "--centre", "CKB"]);
    expect(plain.stdout).toMatch(
      new RegExp(
        `Tidspunktet for udsendelsen \\(${TODAY}\\) er ikke gemt i projektmappen\\. Angiv --out spor\\.xlsx for at gemme det\\.`,
      ),
    );
    expect(hash(copy)).toBe(before);

    const rec = ok([
      "export",
      copy,
      "--dir",
      path.join(dir, "ud3"),
      "--centre",
      "CKB",
      "--centre",
      "cab",
      "--out",
      copy,
    ]);
    expect(rec.stdout).toMatch(
      new RegExp(`Skrev spor\\.xlsx: udsendelsen ${TODAY} er noteret for CKB, CAB\\.`),
    );
    let grids = await gridsOfFile(copy);
    const sentRow = () =>
      grids.find((g) => g.name === "Oversigt")!.values.filter((r) => r[0] === "Indsendt")[1]!;
    expect(sentRow().slice(2, 5)).toEqual([
      expect.stringMatching(new RegExp(`^Sendt ${TODAY}; ikke retur$`)),
      expect.stringMatching(new RegExp(`^Sendt ${TODAY}; ikke retur$`)),
      "Ikke sendt",
    ]);
    const trips = grids.find((g) => g.name === "RK_Data")!.values.filter((r) => r[0] === "trip");
    expect(trips.map((r) => r.slice(0, 4).concat(r.slice(5, 6)))).toEqual([
      ["trip", "exported", "beskaeftigelsescentre-2007", "CKB", CKB],
      ["trip", "exported", "beskaeftigelsescentre-2007", "CAB", CAB],
    ]);

    const back = await filled(CKB, [{ op: "set", sheet: "CKB", cell: "I8", value: 0.7 }], "ckb-retur.xlsx");
    ok(["import", copy, back, "--out", copy]);
    grids = await gridsOfFile(copy);
    expect(sentRow()[2]).toMatch(new RegExp(`^Sendt ${TODAY}; retur ${TODAY}$`));
    const last = grids
      .find((g) => g.name === "RK_Data")!
      .values.filter((r) => r[0] === "trip")
      .at(-1)!;
    expect([last[1], last[2], last[3], last[5]]).toEqual([
      "returned",
      "beskaeftigelsescentre-2007",
      "CKB",
      "ckb-retur.xlsx",
    ]);
  });

  it("refuses to overwrite templates already in the folder unless --force", async () => {
    const again = kontrakt(["export", master, "--dir", sent, "--centre", "CKB"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `kontrakt: Disse skabeloner findes allerede i "${sent}": ${CKB}. Brug --force for at overskrive dem, eller vælg en anden mappe. Intet er skrevet.\n`,
    );
  });

  it("--prefill writes the master's figures into the template, which then imports as unchanged", async () => {
    const withFigures = path.join(dir, "med-tal.xlsx");
    ok([
      "import",
      master,
      await filled(CKB, [
        { op: "set", sheet: "CKB", cell: "H8", value: 100 },
        { op: "set", sheet: "CKB", cell: "I8", value: 65 },
        { op: "set", sheet: "CKB", cell: "N8", value: "Foreløbigt" },
      ]),
      "--out",
      withFigures,
    ]);
    const out = path.join(dir, "forudfyldt");
    const e = ok(["export", withFigures, "--dir", out, "--centre", "CKB", "--prefill"]);
    expect(e.stdout).toContain(`${CKB}  (CKB, 3 tal udfyldt på forhånd)`);
    const grids = await gridsOfFile(path.join(out, CKB));
    expect(["H8", "I8", "N8", "I9"].map((a) => cellOf(grids, "CKB", a))).toEqual([
      100,
      65,
      "Foreløbigt",
      null,
    ]);
    const r = ok(["import", withFigures, path.join(out, CKB), "--dry-run"]);
    expect(r.stdout).toMatch(/0 nye, 3 uændrede, 0 i konflikt/);
  });

  it("writes only the cells it changes: every other part of the master stays byte for byte", async () => {
    const out = path.join(dir, "uroert.xlsx");
    ok([
      "import",
      master,
      await filled(CKB, [{ op: "set", sheet: "CKB", cell: "I8", value: 0.61 }]),
      "--out",
      out,
    ]);
    const parts = async (file: string) => {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const out: Record<string, string> = {};
      for (const f of Object.values(zip.files)) if (!f.dir) out[f.name] = await f.async("string");
      return out;
    };
    const a = await parts(master);
    const b = await parts(out);
    const changed = Object.keys(b)
      .filter((k) => a[k] !== b[k])
      .sort();
    // Oversigt (sheet 1), CKB (8), RK_Data (12), the new Log (13) and the parts that list sheets.
    expect(changed).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet12.xml",
      "xl/worksheets/sheet13.xml",
      "xl/worksheets/sheet8.xml",
    ]);
    expect(Object.keys(a).every((k) => k in b)).toBe(true);
  });

  it("check works on a single template, with the same JSON; joint goals are missing the other centres", async () => {
    const file = await filled(CKB, [
      { op: "set", sheet: "CKB", cell: "H8", value: 100 },
      { op: "set", sheet: "CKB", cell: "I8", value: 65 },
      { op: "set", sheet: "CKB", cell: "I12", value: 900 },
    ]);
    const r = ok(["check", file, "--json"]);
    const report = JSON.parse(r.stdout) as CheckJson;
    expect(report.centres.map((c) => [c.code, c.sheet, c.contract])).toEqual([
      ["CKB", "CKB", "beskaeftigelsescentre-2007"],
    ]);
    expect(goalOf(report, "CKB", "bc-b01")).toMatchObject({
      status: "met",
      achieved: 0.65,
      cells: { grundlag: "H8", resultat: "I8", status: "K8" },
    });
    expect(goalOf(report, "CKB", "bc-b05")).toMatchObject({
      joint: true,
      status: "missing",
      message: "Mangler data: CAB, CBSI har ikke udfyldt Resultat.",
    });
  });

  it("refuses to export from a template, or to import into one", async () => {
    const template = path.join(sent, CKB);
    const e = kontrakt(["export", template, "--dir", path.join(dir, "nej")]);
    expect([e.code, e.stderr]).toEqual([
      2,
      `kontrakt: "${CKB}" er en skabelon til ét center, ikke projektmappen. Eksportér fra projektmappen.\n`,
    ]);
    const i = kontrakt(["import", template, template, "--out", path.join(dir, "nej.xlsx")]);
    expect([i.code, i.stderr]).toEqual([
      2,
      `kontrakt: "${CKB}" er en skabelon til ét center, ikke projektmappen. Angiv projektmappen først.\n`,
    ]);
  });
});
