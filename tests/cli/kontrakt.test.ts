// End to end through main(argv, io), in-process: build → fill (three CSV dialects) → check, and
// every refusal. tests/cli/bin.test.ts (slow set) proves the real bin gives the same results.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readGrids } from "../../src/xlsx/readGrids";
import { DANISH_CSV, ENGLISH_CSV, EXPECTED, TAB_CSV } from "./figures";
import { exists, goalOf, hash, run, tempDir, type CheckJson } from "./run";

let dir: string;
let built: string;
let filled: string;
let report: CheckJson;

beforeAll(async () => {
  dir = await tempDir("cli");
  built = path.join(dir, "kontrakter.xlsx");
  const b = await run(["build", "--out", built]);
  expect(b.stderr).toBe("");
  expect(b.code).toBe(0);

  await fs.writeFile(path.join(dir, "da.csv"), DANISH_CSV, "utf8");
  await fs.writeFile(path.join(dir, "en.csv"), ENGLISH_CSV, "utf8");
  await fs.writeFile(path.join(dir, "tab.txt"), TAB_CSV, "utf8");
  const steps: [string, string, string][] = [
    [built, "da.csv", "step1.xlsx"],
    ["step1.xlsx", "en.csv", "step2.xlsx"],
    ["step2.xlsx", "tab.txt", "udfyldt.xlsx"],
  ];
  for (const [from, csv, to] of steps) {
    const input = path.resolve(dir, from);
    const before = hash(input);
    const r = await run(["fill", input, path.join(dir, csv), "--out", path.join(dir, to)]);
    expect([csv, r.stderr, r.code]).toEqual([csv, "", 0]);
    expect(hash(input)).toBe(before);
  }
  filled = path.join(dir, "udfyldt.xlsx");
  const c = await run(["check", filled, "--json"]);
  expect(c.code).toBe(0);
  report = JSON.parse(c.stdout) as CheckJson;
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("kontrakt --help", () => {
  it("prints Danish help for the command and each subcommand", async () => {
    const main = await run(["--help"]);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Brug: kontrakt KOMMANDO/);
    for (const cmd of ["goals", "build", "fill", "check", "summary"]) {
      const r = await run([cmd, "--help"]);
      expect([cmd, r.code]).toEqual([cmd, 0]);
      expect(r.stdout).toMatch(new RegExp(`^Brug: kontrakt ${cmd}`));
      expect(r.stdout).toMatch(/Tilvalg:/);
      // Contracts of any year: a help text names no year (an example id such as …-2007 aside).
      expect([cmd, r.stdout.match(/(?<![-\w.])(?:19|20)\d\d(?![-\w])/g)]).toEqual([cmd, null]);
    }
  });

  it("refuses an unknown command or option with one Danish line and exit 2", async () => {
    const r = await run(["tjek"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^kontrakt: Ukendt kommando "tjek"\. Kommandoerne er: goals, build, fill, check, summary\b.*\. Se kontrakt --help\.\n$/,
    );
    const o = await run(["check", "--hurtigt"]);
    expect(o.code).toBe(2);
    expect(o.stderr.trim().split("\n")).toHaveLength(1);
    expect(o.stderr).toMatch(/Ukendt tilvalg --hurtigt/);
  });
});

describe("kontrakt goals", () => {
  it("lists each centre's goals as JSON, leaving out goals that do not apply", async () => {
    const r = await run(["goals", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      centres: {
        code: string;
        name: string;
        contract: string;
        goals: { id: string; text: string; area: string; requirement: string; joint: boolean }[];
      }[];
    };
    expect(json.centres.map((c) => c.code)).toEqual([
      "Nyropsgade",
      "Skelbækgade",
      "Musvågevej",
      "CJF",
      "Sygedagpenge",
      "JSV",
      "CKB",
      "CAB",
      "CBSI",
    ]);
    const ids = (code: string) => json.centres.find((c) => c.code === code)!.goals.map((g) => g.id);
    // "[ikke mål for JSV og CJF]"
    for (const excluded of ["CJF", "JSV"]) {
      expect(ids(excluded)).not.toContain("jc-k01");
      expect(ids(excluded)).not.toContain("jc-o01");
      expect(ids(excluded)).not.toContain("jc-o02");
    }
    expect(ids("Nyropsgade")).toContain("jc-k01");
    expect(ids("Skelbækgade")).toContain("jc-b18");
    expect(ids("Nyropsgade")).not.toContain("jc-b18");
    expect(ids("CAB")).toEqual(expect.arrayContaining(["bc-p07.moeder", "bc-p07.seminarer"]));
    const goal = (code: string, id: string) =>
      json.centres.find((c) => c.code === code)!.goals.find((g) => g.id === id)!;
    expect(goal("Nyropsgade", "jc-b09").requirement).toBe("Mindst 95 %");
    expect(goal("Skelbækgade", "jc-b09").requirement).toBe("Mindst 90 %");
    expect(goal("CKB", "bc-b05")).toMatchObject({ joint: true, area: "Beskæftigelsesindsatsen" });
    expect(goal("CKB", "bc-o03").joint).toBe(true);
    expect(goal("CKB", "bc-b01").joint).toBe(false);
    expect(goal("Sygedagpenge", "jc-p02").requirement).toBe("Fald på mindst 1 dag ift. 2006");
    // The goal's note and its "Sådan måles" words, years filled in, as the centre's sheet shows them.
    expect(goal("Musvågevej", "jc-b19")).toMatchObject({
      note: expect.stringMatching(/^Læst som et relativt fald/),
      measured: {
        grundlag: "Andelen i 2006 i %, fx 20 % (en andel, ikke et antal)",
        resultat: "Andelen i 2007 i %, fx 15 % (en andel, ikke et antal)",
      },
    });
    expect(goal("Nyropsgade", "jc-b09")).toMatchObject({ note: null, measured: null });
  });

  it("prints a table for one centre, and refuses an unknown centre", async () => {
    const r = await run(["goals", "--centre", "cjf"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CJF – /);
    expect(r.stdout).toMatch(/Mål-ID\s+Krav\s+Mål/);
    expect(r.stdout).toMatch(/jc-b26\s+Mindst 80 %/);
    expect(r.stdout).not.toMatch(/jc-o01/);
    const bad = await run(["goals", "--centre", "Aarhus"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kontrakt: Ukendt center "Aarhus"\. Centrene er: Nyropsgade, /);
  });
});

describe("kontrakt build", () => {
  it("builds a workbook with a sheet per centre, Oversigt and the hidden sheets", async () => {
    const names = (await readGrids(await fs.readFile(built))).map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(["Oversigt", "Nyropsgade", "CBSI", "Lister", "RK_Data"]));
  });

  it("builds from a contract file validated like the built-in ones, and refuses a bad one", async () => {
    const source = JSON.parse(
      await fs.readFile(
        path.join(__dirname, "..", "..", "src", "contracts", "data", "beskaeftigelsescentre-2007.json"),
        "utf8",
      ),
    );
    const file = path.join(dir, "kontrakt.json");
    await fs.writeFile(file, JSON.stringify(source));
    const out = path.join(dir, "bc.xlsx");
    const contractHash = hash(file);
    const r = await run(["build", "--contract", file, "--out", out]);
    expect(r.code).toBe(0);
    expect(hash(file)).toBe(contractHash);
    expect(r.stdout).toMatch(/3 centerark \(CKB, CAB, CBSI\)/);

    source.goals[0].measure.perCentre.CKB.atLeast = 7;
    await fs.writeFile(file, JSON.stringify(source));
    const bad = await run(["build", "--contract", file, "--out", path.join(dir, "bad.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kontrakt: Kontraktfilen "kontrakt.json" er ikke en gyldig kontrakt: /);
    expect(await exists(path.join(dir, "bad.xlsx"))).toBe(false);

    const unknown = await run(["build", "--contract", "aarhus-2007", "--out", path.join(dir, "bad.xlsx")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /Ukendt kontrakt "aarhus-2007"\. Indbyggede kontrakter: jobcenter-kbh-2007, beskaeftigelsescentre-2007/,
    );
  });

  it("needs --out ending in .xlsx", async () => {
    expect((await run(["build"])).stderr).toMatch(/--out FIL.xlsx/);
    const r = await run(["build", "--out", path.join(dir, "x.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out skal være en .xlsx-fil/);
  });
});

describe("kontrakt fill → check", () => {
  it.each(EXPECTED.map((e) => [`${e.centre} ${e.id}`, e] as const))("%s", (_, e) => {
    const g = goalOf(report, e.centre, e.id);
    expect(g.status).toBe(e.status);
    if (typeof e.achieved === "number") expect(g.achieved).toBeCloseTo(e.achieved, 9);
    else if (e.achieved !== undefined) expect(g.achieved).toBe(e.achieved);
  });

  it("gives exactly the documented JSON shape with A1 cells", async () => {
    const c = report.centres.find((x) => x.code === "Nyropsgade")!;
    expect(Object.keys(c)).toEqual(["code", "name", "contract", "sheet", "goals"]);
    expect(c).toMatchObject({ contract: "jobcenter-kbh-2007", sheet: "Nyropsgade" });
    const g = c.goals[0]!;
    expect(Object.keys(g)).toEqual([
      "id",
      "text",
      "status",
      "achieved",
      "requirement",
      "message",
      "joint",
      "cells",
    ]);
    expect(g).toMatchObject({
      id: "jc-b01",
      joint: false,
      cells: { grundlag: "H8", resultat: "I8", status: "K8" },
    });
    expect(g.message).toBe("Opfyldt: fald på 10 %.");
  });

  it("explains invalid inputs in Danish", async () => {
    expect(goalOf(report, "Nyropsgade", "jc-k01").message).toMatch(/intet at nedbringe/);
    expect(goalOf(report, "Nyropsgade", "jc-b10").message).toMatch(/Grundlag er 0.*Stigning i procentpoint/);
    expect(goalOf(report, "Nyropsgade", "jc-k02").message).toMatch(
      /tælleren kan ikke være større end nævneren/,
    );
    expect(goalOf(report, "Nyropsgade", "jc-k03").message).toMatch(/en andel kan højst være 100 %/);
  });

  it("judges joint goals on the sum, and the capacity split on each centre's own share", async () => {
    for (const code of ["CKB", "CAB", "CBSI"])
      expect(goalOf(report, code, "bc-b05")).toMatchObject({ joint: true, status: "met" });
    expect(goalOf(report, "CBSI", "bc-b06").message).toMatch(/CBSI har ikke udfyldt Resultat/);
    expect(goalOf(report, "CAB", "bc-o03").requirement).toBe("Mindst 799 pladser");
  });

  it("puts figures in the cells exactly as the evaluator reads them, and the comment", async () => {
    const grids = await readGrids(await fs.readFile(filled));
    const sheet = (name: string) => grids.find((g) => g.name === name)!.values;
    const cell = (name: string, a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return sheet(name)[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65];
    };
    const at = (centre: string, id: string) => goalOf(report, centre, id).cells!;
    expect(cell("Nyropsgade", at("Nyropsgade", "jc-b01").grundlag)).toBe(1000);
    expect(cell("Nyropsgade", at("Nyropsgade", "jc-b07").resultat)).toBe(0.44);
    expect(cell("Skelbækgade", at("Skelbækgade", "jc-b18").resultat)).toBe("Ja");
    expect(cell("JSV", at("JSV", "jc-k05").resultat)).toBe("Nej");
    expect(cell("Sygedagpenge", at("Sygedagpenge", "jc-b32").grundlag)).toBe(1000);
    const row = Number(at("Nyropsgade", "jc-b01").grundlag.slice(1));
    expect(sheet("Nyropsgade")[row - 1]![13]).toBe("Præcis 10 %");
  });

  it("leaves a cell alone when its field is empty", async () => {
    // jc-b05 was given only Resultat: Grundlag stays empty.
    const grids = await readGrids(await fs.readFile(filled));
    const row = Number(goalOf(report, "Nyropsgade", "jc-b05").cells!.grundlag.slice(1));
    expect(grids.find((g) => g.name === "Nyropsgade")!.values[row - 1]![7]).toBeNull();
  });

  it("reports text typed in a number cell as invalid", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(filled)) as unknown as ArrayBuffer);
    const cells = goalOf(report, "Musvågevej", "jc-b22").cells!;
    wb.getWorksheet("Musvågevej")!.getCell(cells.grundlag).value = 120;
    wb.getWorksheet("Musvågevej")!.getCell(cells.resultat).value = "mange";
    const file = path.join(dir, "tekst.xlsx");
    await fs.writeFile(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = JSON.parse((await run(["check", file, "--json"])).stdout) as CheckJson;
    expect(goalOf(r, "Musvågevej", "jc-b22")).toMatchObject({ status: "invalid", achieved: null });
    expect(goalOf(r, "Musvågevej", "jc-b22").message).toMatch(/Resultat indeholder teksten "mange"/);
  });

  it("prints a Danish table per centre for people", async () => {
    const r = await run(["check", filled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Nyropsgade – .*\(jobcenter-kbh-2007, arket "Nyropsgade"\)\n {2}Mål-ID\s+Status\s+Opnået\s+Krav\s+Besked\n/,
    );
    expect(r.stdout).toMatch(
      /jc-b01\s+Opfyldt\s+10 %\s+Fald på mindst 10 % ift\. 2006\s+Opfyldt: fald på 10 %\./,
    );
    expect(r.stdout).toMatch(/jc-p02\s+Opfyldt\s+1 dag\s+Fald på mindst 1 dag ift\. 2006/);
    expect(r.stdout).toMatch(/bc-b05\s+Opfyldt\s+1\.850 personer/);
    expect(r.stdout).toMatch(/I alt: \d+ opfyldt, \d+ ikke opfyldt, \d+ mangler data, \d+ ugyldige\./);
  });

  it("never changes its input", async () => {
    const before = hash(filled);
    await run(["check", filled]);
    await run(["check", filled, "--json"]);
    expect(hash(filled)).toBe(before);
  });
});

describe("kontrakt fill refusals", () => {
  const header = "center;mål;grundlag;resultat";
  const cases: [string, string, string, RegExp][] = [
    [
      "an unknown centre",
      "csv",
      `${header}\nNyropsgade;jc-b01;10;9\nAarhus;jc-b01;10;9\n`,
      /Linje 3, kolonne center: ukendt center "Aarhus"/,
    ],
    [
      "an unknown goal",
      "csv",
      `${header}\nNyropsgade;jc-x99;10;9\n`,
      /Linje 2, kolonne mål: ukendt mål "jc-x99" for Nyropsgade/,
    ],
    [
      "a goal that does not apply (excluded)",
      "csv",
      `${header}\nCJF;jc-o01;10;9\n`,
      /Linje 2, kolonne mål: målet jc-o01 gælder ikke for CJF\./,
    ],
    [
      "an ambiguous 1.5 in a tab file",
      "txt",
      "center\tmål\tgrundlag\tresultat\nNyropsgade\tjc-b01\t1.5\t1\n",
      /Linje 2, kolonne grundlag: "1\.5" er tvetydigt/,
    ],
    [
      "Ja where a number is wanted",
      "csv",
      `${header}\nNyropsgade;jc-b01;Ja;\n`,
      /Linje 2, kolonne grundlag: målet jc-b01 skal have et tal, ikke "Ja"\./,
    ],
    [
      "a number where Ja/Nej is wanted",
      "csv",
      `${header}\nSkelbækgade;jc-b18;;1\n`,
      /Linje 2, kolonne resultat: målet jc-b18 skal have Ja eller Nej/,
    ],
    [
      "an English decimal in a Danish file",
      "csv",
      `${header}\nNyropsgade;jc-b01;12.5;9\n`,
      /Linje 2, kolonne grundlag: "12\.5" er ikke et gyldigt dansk tal/,
    ],
    [
      "a percentage for a count",
      "csv",
      `${header}\nSkelbækgade;jc-b14;;30 %\n`,
      /Linje 2, kolonne resultat: "30 %" er en procentdel/,
    ],
    [
      "a figure in an unused Grundlag",
      "csv",
      `${header}\nSkelbækgade;jc-b14;5;30\n`,
      /Linje 2, kolonne grundlag: målet jc-b14 bruger ikke Grundlag/,
    ],
    [
      "the same goal twice",
      "csv",
      `${header}\nNyropsgade;jc-b01;10;9\n\nNyropsgade;jc-b01;10;8\n`,
      /Linje 4, kolonne mål: målet jc-b01 for Nyropsgade står også i linje 2/,
    ],
    [
      "an unknown column",
      "csv",
      "center;mål;resultater\nNyropsgade;jc-b01;9\n",
      /Linje 1, kolonne 3: ukendt overskrift "resultater"/,
    ],
    ["a file that is not UTF-8", "csv", "latin1", /er ikke gemt som UTF-8/],
  ];

  it.each(cases)("refuses %s: exit 2, line and column, no file", async (_, ext, text, message) => {
    const csv = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.${ext}`);
    if (text === "latin1")
      await fs.writeFile(csv, Buffer.from("center;mål;resultat\nNyropsgade;jc-b01;9\n", "latin1"));
    else await fs.writeFile(csv, text, "utf8");
    const out = path.join(dir, "afvist.xlsx");
    const before = hash(built);
    const csvBefore = hash(csv);
    const r = await run(["fill", built, csv, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await exists(out)).toBe(false);
    expect(hash(built)).toBe(before);
    expect(hash(csv)).toBe(csvBefore);
  });

  it("reports every bad line at once", async () => {
    const csv = path.join(dir, "flere.csv");
    await fs.writeFile(csv, `${header}\nAarhus;jc-b01;1;1\nNyropsgade;jc-x;1;1\nNyropsgade;jc-b01;1.5;1\n`);
    const r = await run(["fill", built, csv, "--out", path.join(dir, "afvist.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^kontrakt: flere\.csv: 3 fejl kan ikke bruges; ingen fil er skrevet\.\n {2}Linje 2, .*\n {2}Linje 3, .*\n {2}Linje 4, /,
    );
  });
});

describe("kontrakt check refusals", () => {
  it("exits 2 on a file that is not a workbook, and on a workbook that is not a contract workbook", async () => {
    const text = path.join(dir, "noter.xlsx");
    await fs.writeFile(text, "ikke en projektmappe");
    const r = await run(["check", text]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toBe('kontrakt: Filen "noter.xlsx" er ikke en Excel-projektmappe (.xlsx).\n');

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = "Hej";
    const random = path.join(dir, "tilfaeldig.xlsx");
    await fs.writeFile(random, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r2 = await run(["check", random, "--json"]);
    expect(r2).toMatchObject({ code: 2, stdout: "" });
    expect(r2.stderr).toMatch(/^kontrakt: Projektmappen er ikke en kontraktprojektmappe/);

    const missing = await run(["check", path.join(dir, "findes-ikke.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/findes ikke/);
  });

  it("shows the stack trace only with --debug", async () => {
    const text = path.join(dir, "noter2.xlsx");
    await fs.writeFile(text, "ikke en projektmappe");
    expect((await run(["check", text])).stderr.split("\n")).toHaveLength(2);
    expect((await run(["check", text, "--debug"])).stderr).toMatch(/XlsxReadError[\s\S]*at /);
  });
});

/** The cells of "H8:I10 K2" as ["H8", "H9", …]. */
function cellsOf(sqref: string): string[] {
  return sqref.split(/\s+/).flatMap((range) => {
    const [a, b = a] = range.split(":");
    const p = (x: string) => /^([A-Z])(\d+)$/.exec(x)!;
    const [, c1, r1] = p(a!);
    const [, c2, r2] = p(b!);
    const out: string[] = [];
    for (let c = c1!.charCodeAt(0); c <= c2!.charCodeAt(0); c++) {
      for (let r = Number(r1); r <= Number(r2); r++) out.push(`${String.fromCharCode(c)}${r}`);
    }
    return out;
  });
}

describe("kontrakt summary", () => {
  it("remakes Oversigt, keeps the other sheets and the figures, and leaves the input alone", async () => {
    const out = path.join(dir, "med-oversigt.xlsx");
    const before = hash(filled);
    const r = await run(["summary", filled, "--out", out]);
    expect([r.stderr, r.code]).toEqual(["", 0]);
    expect(hash(filled)).toBe(before);
    const grids = await readGrids(await fs.readFile(out));
    expect(grids.map((g) => g.name)).toEqual((await readGrids(await fs.readFile(filled))).map((g) => g.name));
    const oversigt = grids.find((g) => g.name === "Oversigt")!;
    expect(oversigt.formulas!.flat().some((f) => f?.includes("'Nyropsgade'!K8"))).toBe(true);
    const again = JSON.parse((await run(["check", out, "--json"])).stdout) as CheckJson;
    expect(again).toEqual(report);

    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async("string")),
    );
    // Validation and protection survive the exceljs round trip, without overlapping ranges.
    const withRules = sheets.filter((x) => x.includes("<dataValidation "));
    expect(withRules).toHaveLength(9);
    for (const x of withRules) expect(x).toMatch(/<sheetProtection sheet="1"/);
    for (const x of withRules) {
      const covered = [...x.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => cellsOf(m[1]!));
      expect(new Set(covered).size).toBe(covered.length);
    }
  });

  it("writes over its input only when --out names it", async () => {
    const copy = path.join(dir, "selv.xlsx");
    await fs.copyFile(filled, copy);
    const before = hash(copy);
    const r = await run(["summary", copy, "--out", copy]);
    expect(r.code).toBe(0);
    expect(hash(copy)).not.toBe(before);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
