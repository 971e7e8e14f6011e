// `kontrakt import` refuses, end to end, once per class of refusal (not this workbook's template,
// another centre's, goals changed, a broken file, one bad file among good ones, a bad option):
// the Danish message, exit 2, the master byte for byte as it was, and no --out file. Files are
// tampered with by openpyxl, as a person in Excel might (slow set: /usr/bin/python3). Every
// single refusal is checked against the verifier directly in refusals.test.ts (fast set).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { exists, hash, run, tempDir } from "../cli/run";
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
    expect((await run(["build", "--out", master])).code).toBe(0);
    expect((await run(["export", master, "--dir", sent])).code).toBe(0);
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
  async function expectRefused(
    files: string[],
    message: RegExp,
    into = master,
    extra: string[] = [],
  ): Promise<string> {
    const before = hash(into);
    const out = path.join(dir, `ud-${++n}.xlsx`);
    const r = await run(["import", into, ...files, "--out", out, ...extra]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(hash(into)).toBe(before);
    return out;
  }

  afterEach(async () => {
    const left = (await fs.readdir(dir)).filter((f) => f.startsWith("ud-"));
    expect(left).toEqual([]);
  });

  it("a template of a contract the master does not hold", async () => {
    const other = path.join(dir, "kun-kbh.xlsx");
    expect((await run(["build", "--contract", "jobcenter-kbh-2007", "--out", other])).code).toBe(0);
    await expectRefused(
      [path.join(sent, CKB)],
      /er en skabelon til kontrakten "beskaeftigelsescentre-2007", som ikke er i projektmappen \(den indeholder: jobcenter-kbh-2007\)\. Intet er indlæst\./,
      other,
    );
  });

  it("CKB's sheet passed off as CAB's template (sheet renamed and metadata rewritten)", async () => {
    const file = await tampered(CKB, [
      { op: "rename", sheet: "CKB", to: "CAB" },
      { op: "set", sheet: "RK_Data", cell: `B${metaRow.sheet}`, value: "CAB" },
      { op: "set", sheet: "RK_Data", cell: `D${metaRow.sheet}`, value: "CAB" },
      { op: "set", sheet: "RK_Data", cell: `C${metaRow.template}`, value: "CAB" },
    ]);
    await expectRefused(
      [file],
      /siger, at den er skabelonen for CAB, men arket "CAB" \(celle A3: "Center: CKB"\) hører til CKB\./,
    );
  });

  it("a template whose target value or goal text in a locked cell was changed", async () => {
    const target = await tampered(CKB, [{ op: "set", sheet: "CKB", cell: "F8", value: 0.5 }]);
    await expectRefused(
      [target],
      /låste celler i arket "CKB" er ændret, så målene ikke længere er kontraktens: F8 \(Mål-værdi, mål bc-b01\) skulle være 0,6, men er 0,5\. Send en ny skabelon, eller ret cellerne tilbage\. Intet er indlæst\./,
    );
    const text = await tampered(CKB, [
      { op: "set", sheet: "CKB", cell: "D9", value: "Et andet mål" },
      { op: "set", sheet: "CKB", cell: "E10", value: "Mindst 10 %" },
    ]);
    await expectRefused(
      [text],
      /D9 \(Mål, mål bc-b02\) skulle være "Andelen af .*…", men er "Et andet mål"; E10 \(Krav, mål bc-b03\) skulle være "Mindst 50 %", men er "Mindst 10 %"/,
    );
  });

  it("a corrupt file: a template cut short", async () => {
    const bytes = await fs.readFile(path.join(sent, CKB));
    const file = path.join(dir, "afbrudt.xlsx");
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(
      [file],
      /Filen ".*afbrudt\.xlsx" er beskadiget: zip-arkivet kan ikke læses \(er filen kun delvist hentet eller gemt\?\)\. Bed centret sende den igen\. Intet er indlæst\./,
    );
  });

  it("several files where one is refused: every refusal listed, nothing imported from the good ones", async () => {
    const good = await tampered(CKB, [{ op: "set", sheet: "CKB", cell: "I8", value: 61 }]);
    const bad = await tampered(CBSI, [{ op: "set", sheet: "CBSI", cell: "F8", value: 0.1 }]);
    await fs.writeFile(path.join(dir, "noter.xlsx"), "Tal kommer senere\n", "utf8");
    const out = await expectRefused(
      [good, bad, path.join(dir, "noter.xlsx")],
      /^kontrakt: 2 filer er afvist\. Intet er indlæst, og intet er skrevet\.\n {2}.*låste celler i arket "CBSI".*\n {2}.*noter\.xlsx" er ikke en Excel-projektmappe/,
    );
    expect(await exists(out)).toBe(false);
  });

  it("refuses an unknown --on-conflict choice before reading anything", async () => {
    await expectRefused(
      [path.join(sent, CKB)],
      /^kontrakt: --on-conflict skal være keep, replace eller fail \(fik "måske"\)\.\n$/,
      master,
      ["--on-conflict", "måske"],
    );
  });
});
