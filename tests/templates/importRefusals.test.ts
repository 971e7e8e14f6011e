// Every refusal of `kontrakt import`: the Danish message, exit 2, the master byte for byte as it
// was, and no --out file. Files are tampered with by openpyxl, as a person in Excel might.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import beskaeftigelsescentre from "../../src/contracts/data/beskaeftigelsescentre-2007.json";
import { exists, hash, kontrakt, tempDir } from "../cli/run";
import { editWithOpenpyxl, gridsOfFile, openpyxlProblem, type Op } from "./helpers";

const problem = openpyxlProblem();
if (problem)
  console.warn(
    `\n!!! TEMPLATE REFUSAL TESTS SKIPPED: ${problem}. Install python3-openpyxl for /usr/bin/python3.\n`,
  );
const describeIfPython = problem ? describe.skip : describe;

const CKB = "beskaeftigelsescentre-2007_CKB_2007.xlsx";
const CBSI = "beskaeftigelsescentre-2007_CBSI_2007.xlsx";

describeIfPython("kontrakt import refuses, changing nothing", () => {
  let dir: string;
  let master: string;
  let sent: string;
  let n = 0;
  /** RK_Data rows of a CKB template, found by their first cell. */
  let metaRow: Record<"contract" | "sheet" | "template", number>;

  beforeAll(async () => {
    dir = await tempDir("refuse");
    master = path.join(dir, "kontrakter.xlsx");
    sent = path.join(dir, "ud");
    expect(kontrakt(["build", "--out", master]).code).toBe(0);
    expect(kontrakt(["export", master, "--dir", sent]).code).toBe(0);
    const meta = (await gridsOfFile(path.join(sent, CKB))).find((g) => g.name === "RK_Data")!.values;
    const rowOf = (kind: string) => meta.findIndex((r) => r[0] === kind) + 1;
    metaRow = { contract: rowOf("contract"), sheet: rowOf("sheet"), template: rowOf("template") };
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  /** A copy of a template edited by openpyxl. */
  async function tampered(template: string, ops: Op[]): Promise<string> {
    const out = path.join(dir, `tampered-${++n}.xlsx`);
    await editWithOpenpyxl([{ in: path.join(sent, template), out, ops }], dir);
    return out;
  }

  /** Runs the import, expects exit 2 with the message, and proves nothing was written. */
  function expectRefused(files: string[], message: RegExp, into = master, extra: string[] = []): string {
    const before = hash(into);
    const out = path.join(dir, `ud-${++n}.xlsx`);
    const r = kontrakt(["import", into, ...files, "--out", out, ...extra]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(hash(into)).toBe(before);
    return out;
  }

  afterEach(async () => {
    const left = (await fs.readdir(dir)).filter((f) => f.startsWith("ud-"));
    expect(left).toEqual([]);
  });

  it("a workbook that is not a template from this program", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = "Resultater 2007";
    const file = path.join(dir, "fremmed.xlsx");
    await wb.xlsx.writeFile(file);
    expectRefused(
      [file],
      /^kontrakt: Filen ".*fremmed\.xlsx" er ikke en skabelon fra Resultatkontrakter \(de skjulte kontraktdata mangler\)\. Brug den skabelon, der blev sendt ud med "kontrakt export"\. Intet er indlæst\.\n$/,
    );
  });

  it("a whole contract workbook instead of a template", async () => {
    const copy = path.join(dir, "kopi-af-projektmappen.xlsx");
    await fs.copyFile(master, copy);
    expectRefused(
      [copy],
      /Filen ".*kopi-af-projektmappen\.xlsx" er en hel kontraktprojektmappe, ikke en skabelon til ét center\./,
    );
  });

  it("a template of a contract the master does not hold", async () => {
    const other = path.join(dir, "kun-kbh.xlsx");
    expect(kontrakt(["build", "--contract", "jobcenter-kbh-2007", "--out", other]).code).toBe(0);
    expectRefused(
      [path.join(sent, CKB)],
      /er en skabelon til kontrakten "beskaeftigelsescentre-2007", som ikke er i projektmappen \(den indeholder: jobcenter-kbh-2007\)\. Intet er indlæst\./,
      other,
    );
  });

  it("a template whose metadata names a centre that is not in the master", async () => {
    const two = path.join(dir, "to-centre.xlsx");
    expect(
      kontrakt([
        "build",
        "--contract",
        "beskaeftigelsescentre-2007",
        "--centre",
        "CKB",
        "--centre",
        "CAB",
        "--out",
        two,
      ]).code,
    ).toBe(0);
    expectRefused(
      [path.join(sent, CBSI)],
      /siger, at den er skabelonen for centret "CBSI", men det center findes ikke i projektmappen \(centrene er: CKB, CAB\)\./,
      two,
    );
    const invented = await tampered(CKB, [
      { op: "set", sheet: "RK_Data", cell: `C${metaRow.template}`, value: "XYZ" },
      { op: "set", sheet: "RK_Data", cell: `D${metaRow.sheet}`, value: "XYZ" },
    ]);
    expectRefused(
      [invented],
      /siger, at den er skabelonen for centret "XYZ", men det center findes ikke i projektmappen/,
    );
  });

  it("a file whose metadata claims another centre than its sheet index", async () => {
    const file = await tampered(CKB, [
      { op: "set", sheet: "RK_Data", cell: `C${metaRow.template}`, value: "CAB" },
    ]);
    expectRefused(
      [file],
      /siger, at den er skabelonen for CAB, men filens skjulte kontraktdata \(arkoversigten\) hører til CKB\. Filen er ikke indlæst; bed CAB sende sin egen skabelon\./,
    );
  });

  it("CKB's sheet passed off as CAB's template (sheet renamed and metadata rewritten)", async () => {
    const file = await tampered(CKB, [
      { op: "rename", sheet: "CKB", to: "CAB" },
      { op: "set", sheet: "RK_Data", cell: `B${metaRow.sheet}`, value: "CAB" },
      { op: "set", sheet: "RK_Data", cell: `D${metaRow.sheet}`, value: "CAB" },
      { op: "set", sheet: "RK_Data", cell: `C${metaRow.template}`, value: "CAB" },
    ]);
    expectRefused(
      [file],
      /siger, at den er skabelonen for CAB, men arket "CAB" \(celle A3: "Center: CKB"\) hører til CKB\./,
    );
  });

  it("a template whose centre sheet was renamed to another centre's code", async () => {
    const file = await tampered(CKB, [{ op: "rename", sheet: "CKB", to: "CAB" }]);
    expectRefused([file], /siger, at den er skabelonen for CKB, men arket "CAB" hører til CAB\./);
  });

  it("a template whose centre sheet was renamed", async () => {
    const file = await tampered(CKB, [{ op: "rename", sheet: "CKB", to: "Ark1" }]);
    expectRefused(
      [file],
      /mangler arket "CKB": centrets ark er omdøbt eller slettet \(arkene i filen er: Vejledning, Ark1, Lister\)\. Omdøb arket tilbage til "CKB"/,
    );
  });

  it("a template made from another definition of the contract (targets changed since)", async () => {
    const changed = structuredClone(beskaeftigelsescentre) as typeof beskaeftigelsescentre;
    (changed.goals[0]!.measure as { perCentre: Record<string, { atLeast: number }> }).perCentre.CKB!.atLeast =
      0.65;
    const json = path.join(dir, "ændret.json");
    await fs.writeFile(json, JSON.stringify(changed), "utf8");
    const newer = path.join(dir, "nye-maal.xlsx");
    expect(kontrakt(["build", "--contract", json, "--out", newer]).code).toBe(0);
    expectRefused(
      [path.join(sent, CKB)],
      /er lavet ud fra en anden udgave af kontrakten "beskaeftigelsescentre-2007": målene eller mål-værdierne er ændret siden, eller det er en skabelon fra et tidligere år\. Send en ny skabelon med "kontrakt export"\./,
      newer,
    );
  });

  it("a template whose recorded definition hash was altered", async () => {
    const file = await tampered(CKB, [
      { op: "set", sheet: "RK_Data", cell: `C${metaRow.contract}`, value: "0123456789abcdef012345" },
    ]);
    expectRefused([file], /er lavet ud fra en anden udgave af kontrakten "beskaeftigelsescentre-2007"/);
  });

  it("a template whose target value or goal text in a locked cell was changed", async () => {
    const target = await tampered(CKB, [{ op: "set", sheet: "CKB", cell: "F8", value: 0.5 }]);
    expectRefused(
      [target],
      /låste celler i arket "CKB" er ændret, så målene ikke længere er kontraktens: F8 \(Mål-værdi, mål bc-b01\) skulle være 0,6, men er 0,5\. Send en ny skabelon, eller ret cellerne tilbage\. Intet er indlæst\./,
    );
    const text = await tampered(CKB, [
      { op: "set", sheet: "CKB", cell: "D9", value: "Et andet mål" },
      { op: "set", sheet: "CKB", cell: "E10", value: "Mindst 10 %" },
    ]);
    expectRefused(
      [text],
      /D9 \(Mål, mål bc-b02\) skulle være "Andelen af .*…", men er "Et andet mål"; E10 \(Krav, mål bc-b03\) skulle være "Mindst 50 %", men er "Mindst 10 %"/,
    );
  });

  it("a template with a goal row deleted, or a goal id changed", async () => {
    const deleted = await tampered(CKB, [{ op: "deleteRows", sheet: "CKB", row: 9 }]);
    expectRefused(
      [deleted],
      /målrækker mangler i arket "CKB" \(slettet, eller mål-id'et i kolonne A er ændret\): bc-b02\. Indsatte rækker er i orden/,
    );
    const renamed = await tampered(CKB, [{ op: "set", sheet: "CKB", cell: "A8", value: "bc-x01" }]);
    expectRefused(
      [renamed],
      /målrækker mangler i arket "CKB" .*: bc-b01\. Ukendte mål-id'er i filen: bc-x01\./,
    );
  });

  it("a template where a goal row was copied (the same id twice)", async () => {
    const file = await tampered(CKB, [
      { op: "insertRows", sheet: "CKB", row: 12 },
      { op: "set", sheet: "CKB", cell: "A12", value: "bc-b01" },
      { op: "set", sheet: "CKB", cell: "I12", value: 99 },
    ]);
    expectRefused(
      [file],
      /mål-id'et bc-b01 står i flere rækker \(8, 12\) i arket "CKB", så det er uklart, hvilke tal der gælder\./,
    );
  });

  it("a corrupt file: a template cut short", async () => {
    const bytes = await fs.readFile(path.join(sent, CKB));
    const file = path.join(dir, "afbrudt.xlsx");
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expectRefused(
      [file],
      /Filen ".*afbrudt\.xlsx" er beskadiget: zip-arkivet kan ikke læses \(er filen kun delvist hentet eller gemt\?\)\. Bed centret sende den igen\. Intet er indlæst\./,
    );
  });

  it("a corrupt file: damaged compressed data with an intact directory", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(sent, CKB)));
    const bytes = Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    // Scribble over the middle of the data, leaving the central directory at the end alone.
    for (let i = 2000; i < 2400; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff;
    const file = path.join(dir, "skadet.xlsx");
    await fs.writeFile(file, bytes);
    expectRefused([file], /skadet\.xlsx" er beskadiget/);
  });

  it("a zip bomb: a small file with a huge, highly compressible entry", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(sent, CKB)));
    zip.file("xl/media/image1.png", Buffer.alloc(80 * 1024 * 1024, 0));
    const bomb = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(300 * 1024);
    const file = path.join(dir, "bombe.xlsx");
    await fs.writeFile(file, bomb);
    expectRefused(
      [file],
      /Filen ".*bombe\.xlsx" fylder \d+ KB, men pakkes ud til 80,\d MB: den ligner en zip-bombe, ikke en udfyldt skabelon, og er ikke åbnet\. Intet er indlæst\./,
    );
  });

  it("a zip bomb whose directory lies about the unpacked size", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(sent, CKB)));
    zip.file("xl/media/image1.png", Buffer.alloc(80 * 1024 * 1024, 0));
    const bomb = Buffer.from(
      await zip.generateAsync({
        type: "nodebuffer",
        compression: "DEFLATE",
        compressionOptions: { level: 9 },
      }),
    );
    // Declare 1,000 bytes for the big entry, in its local header and in the central directory.
    const name = Buffer.from("xl/media/image1.png");
    for (const [signature, sizeAt, nameAt] of [
      [0x04034b50, 22, 30],
      [0x02014b50, 24, 46],
    ] as const) {
      for (let i = 0; i + nameAt < bomb.length; i++) {
        if (
          bomb.readUInt32LE(i) === signature &&
          bomb.subarray(i + nameAt, i + nameAt + name.length).equals(name)
        )
          bomb.writeUInt32LE(1000, i + sizeAt);
      }
    }
    const file = path.join(dir, "loegn.xlsx");
    await fs.writeFile(file, bomb);
    expectRefused([file], /loegn\.xlsx" fylder \d+ KB, men pakkes ud til \d+,\d MB: den ligner en zip-bombe/);
  });

  it("a file far larger than a template", async () => {
    const file = path.join(dir, "kaempe.xlsx");
    await fs.writeFile(file, Buffer.alloc(600 * 1024, 1));
    expectRefused(
      [file],
      /Filen ".*kaempe\.xlsx" fylder 600 KB – langt mere end en skabelon \(grænsen er \d+ KB\)\. Fjern billeder eller andet indsat indhold/,
    );
  });

  it("a file that is not a workbook at all", async () => {
    const file = path.join(dir, "noter.xlsx");
    await fs.writeFile(file, "Tal kommer senere\n", "utf8");
    expectRefused(
      [file],
      /Filen ".*noter\.xlsx" er ikke en Excel-projektmappe \(\.xlsx\)\. Gem den som \.xlsx i Excel og prøv igen\./,
    );
  });

  it("several files where one is refused: every refusal listed, nothing imported from the good ones", async () => {
    const good = await tampered(CKB, [{ op: "set", sheet: "CKB", cell: "I8", value: 61 }]);
    const bad = await tampered(CBSI, [{ op: "set", sheet: "CBSI", cell: "F8", value: 0.1 }]);
    const out = expectRefused(
      [good, bad, path.join(dir, "noter.xlsx")],
      /^kontrakt: 2 filer er afvist\. Intet er indlæst, og intet er skrevet\.\n {2}.*låste celler i arket "CBSI".*\n {2}.*noter\.xlsx" er ikke en Excel-projektmappe/,
    );
    expect(await exists(out)).toBe(false);
  });

  it("refuses an unknown --on-conflict choice before reading anything", () => {
    expectRefused(
      [path.join(sent, CKB)],
      /^kontrakt: --on-conflict skal være keep, replace eller fail \(fik "måske"\)\.\n$/,
      master,
      ["--on-conflict", "måske"],
    );
  });
});
