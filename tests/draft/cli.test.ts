// `kontrakt draft` as a user runs it: the real bin, real files.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { builtinContracts } from "../../src/contracts/builtin";
import { readDefinitions } from "../../src/definition/readDefinitions";
import { compareDraft } from "../../src/draft/compare";
import { draftFromText } from "../../src/draft/draftText";
import { readGrids } from "../../src/xlsx/readGrids";
import { exists, hash, kontrakt, tempDir } from "../cli/run";
import { docxFromText, fixture } from "./docx";

const SEED = path.join(__dirname, "fixtures", "seed-jobcenter-kbh-2007.txt");

test("--json prints the contract's head, the number of goals, the centres and the review", () => {
  const r = kontrakt([
    "draft",
    path.join(__dirname, "fixtures", "seed-beskaeftigelsescentre-2007.txt"),
    "--json",
  ]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json).toEqual({
    contract: {
      id: "beskaeftigelsescentre-2007",
      title: "Resultat- og indsatsmål i resultatkontrakterne for beskæftigelsescentrene 2007",
      year: 2007,
    },
    goals: 29,
    centres: [
      { code: "CKB", name: "Center for Kompetence og Beskæftigelse" },
      { code: "CAB", name: "Center for Afklaring og Beskæftigelse" },
      { code: "CBSI", name: "Center for Beskæftigelse, Sprog og Integration" },
    ],
    review: [{ goalId: "bc-k03", line: 29, reason: expect.stringContaining("Ja/Nej med frist (valgt)") }],
  });
});

test("a Word file to a definition workbook that reads back to the draft and builds", async () => {
  const dir = await tempDir("draft");
  const docx = path.join(dir, "BILAG.docx");
  await fs.writeFile(docx, docxFromText(fixture("seed-jobcenter-kbh-2007.txt")));
  const before = hash(docx);
  const out = path.join(dir, "UDKAST.xlsx");
  const r = kontrakt(["draft", docx, "--out", out]);
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("62 mål læst, 7 til gennemsyn");
  expect(r.stdout).toContain(
    "jc-b40: «med 7 %» om en andel: relativ stigning på 7 % (valgt) eller 7 procentpoint?",
  );
  expect(hash(docx)).toBe(before);

  const read = readDefinitions(await readGrids(await fs.readFile(out), { fileName: "UDKAST.xlsx" }));
  expect(read.problems).toEqual([]);
  const fromSheet = read.definitions[0]!.contract;
  const reference = builtinContracts().find((c) => c.id === "jobcenter-kbh-2007")!;
  const again = compareDraft(
    { ...draftFromText(fixture("seed-jobcenter-kbh-2007.txt")), contract: fromSheet },
    reference,
  );
  expect(again.different).toBe(0);
  expect(again.found).toBe(62);

  const built = kontrakt(["build", "--contract", out, "--out", path.join(dir, "kontrakter.xlsx")]);
  expect(built.stderr).toBe("");
  expect(built.code).toBe(0);
});

test("a JSON contract file", async () => {
  const dir = await tempDir("draft");
  const out = path.join(dir, "udkast.json");
  const r = kontrakt(["draft", SEED, "--out", out]);
  expect(r.code).toBe(0);
  const contract = JSON.parse(await fs.readFile(out, "utf8"));
  expect(contract.goals).toHaveLength(62);
  const goals = kontrakt(["goals", "--contract", out, "--json"]);
  expect(goals.code).toBe(0);
});

test.each([
  [["draft", "--out", "x.xlsx"], /Angiv bilaget/],
  [["draft", "BILAG.txt"], /Angiv, hvor udkastet skal gemmes/],
  [["draft", "BILAG.txt", "--out", "x.csv"], /--out skal være en .xlsx- eller .json-fil/],
  [["draft", "findes-ikke.docx", "--out", "x.xlsx"], /"findes-ikke.docx" findes ikke/],
])("%j is refused in Danish", (args, message) => {
  const r = kontrakt(args as string[]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
});

test("a PDF named .docx: a Danish error and nothing written", async () => {
  const dir = await tempDir("draft");
  const pdf = path.join(dir, "bilag.docx");
  await fs.writeFile(pdf, "%PDF-1.7\n1 0 obj\n");
  const out = path.join(dir, "udkast.xlsx");
  const r = kontrakt(["draft", pdf, "--out", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/kontrakt: Filen "bilag.docx" er en PDF/);
  expect(await exists(out)).toBe(false);
});

test("the appendix itself is never the output", async () => {
  const dir = await tempDir("draft");
  const txt = path.join(dir, "bilag.json");
  await fs.writeFile(txt, fixture("seed-jobcenter-kbh-2007.txt"));
  const before = hash(txt);
  const r = kontrakt(["draft", txt, "--out", txt]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/må ikke være bilaget selv/);
  expect(hash(txt)).toBe(before);
});
