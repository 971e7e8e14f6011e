// Files Excel opens without repair: every kind of file the product writes — built, filled,
// summarised, templates exported with and without prefill, a workbook after an import (with its
// Log), and a custom contract whose centre names have an apostrophe, spaces and æøå — checked by
// tools nobody on the team wrote: ../shared/tools/xlsxcheck.py (rules Excel enforces beyond the
// schema, [MS-XLSX] data bars, defined-name quoting) and xsdcheck.py (ISO/IEC 29500 schemas), and
// manifest.xml against Microsoft's manifest schemas with xmllint. Needs /usr/bin/python3 with lxml
// and xmllint (.ci/run installs python3-lxml and libxml2-utils).
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { syntheticContract } from "../support/fakeContract";
import { kontrakt, tempDir } from "../cli/run";

const SHARED = path.resolve(__dirname, "../../../shared");
const TOOLS = path.join(SHARED, "tools");
const PYTHON = "/usr/bin/python3";
const ROOT = path.resolve(__dirname, "../..");

const haveTools =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ["-c", "import lxml"]).status === 0 &&
  spawnSync("xmllint", ["--version"]).status === 0;
if (!haveTools) {
  console.warn(
    "WARNING: conformance tests skipped: need /usr/bin/python3 with lxml and xmllint (apt-get install python3-lxml libxml2-utils).",
  );
}
const maybe = haveTools ? describe : describe.skip;

/** Centre names that need quoting in every reference: an apostrophe, spaces, æøå. */
const AWKWARD = ["KB'S", "Jobcenter Øst", "Ærø å"];

function awkwardContract(): object {
  const base = syntheticContract(AWKWARD.length, 8, "skaev-2008") as unknown as {
    centres: { code: string; name: string }[];
    goals: { centres: string[] }[];
  };
  const rename = new Map(base.centres.map((c, i) => [c.code, AWKWARD[i]!]));
  return {
    ...base,
    centres: base.centres.map((c) => ({ code: rename.get(c.code)!, name: `Center ${rename.get(c.code)!}` })),
    goals: base.goals.map((g) => ({ ...g, centres: g.centres.map((c) => rename.get(c)!) })),
  };
}

function run(args: string[]): void {
  const r = kontrakt(args);
  if (r.code !== 0) throw new Error(`kontrakt ${args.join(" ")} → ${r.code}\n${r.stderr}`);
}

/** Writes every kind of file the command line writes; returns their paths. */
async function everyKindOfFile(dir: string): Promise<string[]> {
  const built = path.join(dir, "built.xlsx");
  run(["build", "--out", built]);
  const csv = path.join(dir, "tal.csv");
  await fs.writeFile(
    csv,
    "center;mål;grundlag;resultat;bemærkning\nNyropsgade;jc-b01;1.000;850;Tal fra 'Ydelse' & co <ok>\nCKB;bc-b05;;600;\n",
    "utf8",
  );
  const filled = path.join(dir, "filled.xlsx");
  run(["fill", built, csv, "--out", filled]);
  const summarised = path.join(dir, "summarised.xlsx");
  run(["summary", filled, "--out", summarised]);
  const plain = path.join(dir, "templates");
  const prefilled = path.join(dir, "templates-prefill");
  run(["export", summarised, "--dir", plain]);
  run(["export", summarised, "--dir", prefilled, "--prefill"]);

  // CKB fills in its template and sends it back; the import writes the figures and a Log.
  const back = path.join(dir, "retur");
  await fs.mkdir(back);
  const template = (await fs.readdir(plain)).find((f) => f.includes("_CKB_"))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(plain, template));
  const ws = wb.getWorksheet("CKB")!;
  ws.getCell(`${COL.grundlag}${FIRST_GOAL_ROW}`).value = 40;
  ws.getCell(`${COL.resultat}${FIRST_GOAL_ROW}`).value = 31;
  await wb.xlsx.writeFile(path.join(back, template));
  const imported = path.join(dir, "imported.xlsx");
  run(["import", summarised, back, "--out", imported, "--on-conflict", "replace"]);

  const contractFile = path.join(dir, "skaev.json");
  await fs.writeFile(contractFile, JSON.stringify(awkwardContract(), null, 2), "utf8");
  const custom = path.join(dir, "custom.xlsx");
  run(["build", "--contract", contractFile, "--out", custom]);
  const customSummary = path.join(dir, "custom-summary.xlsx");
  run(["summary", custom, "--out", customSummary]);
  const customTemplates = path.join(dir, "custom-templates");
  run(["export", customSummary, "--dir", customTemplates]);

  // The contract as a definition sheet (a built-in, next year's copy of the awkward one), a build
  // from that sheet (which keeps it in the workbook), and a draft read from an appendix.
  const definition = path.join(dir, "definition.xlsx");
  run(["define", "--contract", "beskaeftigelsescentre-2007", "--out", definition]);
  const nextYear = path.join(dir, "definition-next.xlsx");
  run(["define", "--contract", contractFile, "--next-year", "--out", nextYear]);
  const fromDefinition = path.join(dir, "from-definition.xlsx");
  run(["build", "--contract", nextYear, "--out", fromDefinition]);
  const draft = path.join(dir, "draft.xlsx");
  run(["draft", path.join(SHARED, "seeds", "003_000f8f7d736c1734.txt"), "--out", draft]);

  const inDir = async (d: string) => (await fs.readdir(d)).map((f) => path.join(d, f));
  return [
    built,
    filled,
    summarised,
    imported,
    custom,
    customSummary,
    definition,
    nextYear,
    fromDefinition,
    draft,
    ...(await inDir(plain)),
    ...(await inDir(prefilled)),
    ...(await inDir(customTemplates)),
  ];
}

interface Finding {
  severity: string;
  file: string;
  part: string;
  rule: string;
  detail: string;
}

maybe("files Excel opens without repair", () => {
  let dir = "";
  let files: string[] = [];
  beforeAll(async () => {
    dir = await tempDir("conformance");
    files = await everyKindOfFile(dir);
  }, 180_000);

  test("every kind of file is there, the awkward sheet names included", async () => {
    expect(files.length).toBeGreaterThan(20);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "custom.xlsx"));
    for (const name of AWKWARD) expect(wb.getWorksheet(name)).toBeDefined();
    const imported = new ExcelJS.Workbook();
    await imported.xlsx.readFile(path.join(dir, "imported.xlsx"));
    expect(imported.getWorksheet("Log")).toBeDefined();
  });

  test("xlsxcheck.py: no finding of severity repair or possible", () => {
    const out = path.join(dir, "xlsxcheck.json");
    const r = spawnSync(PYTHON, [path.join(TOOLS, "xlsxcheck.py"), "--json", out, ...files], {
      encoding: "utf8",
      timeout: 170_000,
    });
    expect(existsSync(out)).toBe(true);
    const findings = JSON.parse(readFileSync(out, "utf8")) as Finding[] | { findings: Finding[] };
    const list = Array.isArray(findings) ? findings : findings.findings;
    const serious = list
      .filter((f) => f.severity === "repair" || f.severity === "possible")
      .map((f) => `${f.severity} ${path.basename(f.file)} ${f.part} ${f.rule}: ${f.detail}`);
    expect(serious).toEqual([]);
    expect(r.status).toBe(0);
  }, 180_000);

  test("xsdcheck.py: no schema error but the ISO schema's own xml:space defect", () => {
    const out = path.join(dir, "xsd");
    spawnSync(PYTHON, [path.join(TOOLS, "xsdcheck.py"), out, ...files], {
      encoding: "utf8",
      timeout: 170_000,
    });
    const results = JSON.parse(readFileSync(path.join(out, "xsd-results.json"), "utf8")) as {
      file: string;
      part: string;
      status: string;
      errors: string[];
    }[];
    expect(results.length).toBeGreaterThan(files.length);
    const errors = results.flatMap((r) =>
      r.errors
        .filter((e) => !/xml}?:?space|\{http:\/\/www\.w3\.org\/XML\/1998\/namespace\}space/.test(e))
        .map((e) => `${path.basename(r.file)} ${r.part}: ${e}`),
    );
    expect(errors).toEqual([]);
  }, 180_000);
});

maybe("the add-in manifest", () => {
  test("manifest.xml validates against Microsoft's manifest schemas", () => {
    const r = spawnSync(
      "xmllint",
      [
        "--noout",
        "--schema",
        path.join(SHARED, "schemas/manifest/OfficeAppManifestV1_1.xsd"),
        path.join(ROOT, "manifest.xml"),
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr.trim()).toMatch(/validates$/);
    expect(r.status).toBe(0);
  });
});
