// kontrakt define, and build/goals/check --contract with a definition workbook, in-process.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { readDefinitions } from "../../src/definition/readDefinitions";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
import { readGrids } from "../../src/xlsx/readGrids";
import { writePlan } from "../../src/xlsx/writePlan";
import { EditableDefinition, small2008 } from "./fixture";

async function kontrakt(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "rk-definition-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const file = (name: string) => path.join(dir, name);
const exists = (f: string) =>
  fs.stat(f).then(
    () => true,
    () => false,
  );

describe("kontrakt define and --contract DEFINITION.xlsx", () => {
  it("define --next-year writes a 2008 definition that builds, lists its goals and keeps its sheet", async () => {
    const define = await kontrakt(
      "define",
      "--contract",
      "beskaeftigelsescentre-2007",
      "--next-year",
      "--out",
      file("def.xlsx"),
    );
    expect(define).toMatchObject({ code: 0, err: "" });
    expect(define.out).toContain('arket "Definition beskaeftigelse…-2008"');
    const read = readDefinitions(await readGrids(await fs.readFile(file("def.xlsx"))));
    expect(read.problems).toEqual([]);
    expect(read.definitions.map((d) => [d.contract.id, d.contract.year])).toEqual([
      ["beskaeftigelsescentre-2008", 2008],
    ]);

    const build = await kontrakt("build", "--contract", file("def.xlsx"), "--out", file("k2008.xlsx"));
    expect(build).toMatchObject({ code: 0, err: "" });
    expect(build.out).toContain("3 centerark (CKB, CAB, CBSI)");
    const names = (await readGrids(await fs.readFile(file("k2008.xlsx")))).map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(["CKB", "Definition beskaeftigelse…-2008"]));

    const goals = await kontrakt("goals", "--contract", file("def.xlsx"), "--centre", "CKB", "--json");
    expect(goals.code).toBe(0);
    expect(JSON.parse(goals.out).centres[0].contract).toBe("beskaeftigelsescentre-2008");
  });

  it("a definition with problems builds nothing and lists each problem with its cell", async () => {
    const d = new EditableDefinition();
    d.set("t-01", "Krav", "ti").set("t-03", "Frist", "snart");
    const plan = planDefinitionSheet(small2008);
    plan.cells = d.grid.values.map((line) =>
      line.map((v) => (v === null ? null : { value: v as string | number })),
    );
    await fs.writeFile(file("bad.xlsx"), await writePlan({ sheets: [plan], names: [] }));
    const build = await kontrakt("build", "--contract", file("bad.xlsx"), "--out", file("bad-out.xlsx"));
    expect(build.code).toBe(2);
    expect(build.err).toContain("har 2 problemer; intet er bygget eller skrevet");
    expect(build.err).toContain(
      `Definition test-2008!${d.address("t-01", "Krav")}: Krav skal være et tal, fx 10 % — der står «ti»`,
    );
    expect(build.err).toContain(
      `Definition test-2008!${d.address("t-03", "Frist")}: Frist skal være en dato`,
    );
    expect(await exists(file("bad-out.xlsx"))).toBe(false);
  });

  it("an empty definition is written, and building it says what is missing", async () => {
    const define = await kontrakt("define", "--year", "2009", "--out", file("empty.xlsx"));
    expect(define.code).toBe(0);
    const build = await kontrakt("build", "--contract", file("empty.xlsx"), "--out", file("empty-out.xlsx"));
    expect(build.code).toBe(2);
    expect(build.err).toMatch(/Kontrakt-id mangler/);
    expect(build.err).toMatch(/Kontrakten har ingen centre/);
    expect(await exists(file("empty-out.xlsx"))).toBe(false);
  });

  it("a contract workbook without a definition sheet gives the contracts it was built with; any other workbook is refused", async () => {
    await kontrakt("build", "--contract", "jobcenter-kbh-2007", "--out", file("plain.xlsx"));
    const define = await kontrakt(
      "define",
      "--contract",
      file("plain.xlsx"),
      "--next-year",
      "--out",
      file("from-plain.xlsx"),
    );
    expect(define).toMatchObject({ code: 0, err: "" });
    expect(define.out).toContain('arket "Definition jobcenter-kbh-2008"');
    await fs.writeFile(
      file("other.xlsx"),
      await writePlan({
        sheets: [planDefinitionSheet(small2008)].map((p) => ({
          ...p,
          name: "Ark1",
          cells: [[{ value: "hej" }]],
        })),
        names: [],
      }),
    );
    const build = await kontrakt("build", "--contract", file("other.xlsx"), "--out", file("x.xlsx"));
    expect(build.code).toBe(2);
    expect(build.err).toContain("har intet definitionsark");
    expect(await exists(file("x.xlsx"))).toBe(false);
  });

  it("--carry-from: last year's Resultat of a continuing change goal becomes this year's Grundlag", async () => {
    await kontrakt("build", "--contract", "beskaeftigelsescentre-2007", "--out", file("k2007.xlsx"));
    await fs.writeFile(
      file("tal2007.csv"),
      "center;mål;grundlag;resultat\nCKB;bc-p01;120;96\nCAB;bc-p01;80;70\nCKB;bc-b01;100;60\n",
    );
    const fill = await kontrakt(
      "fill",
      file("k2007.xlsx"),
      file("tal2007.csv"),
      "--out",
      file("k2007-udfyldt.xlsx"),
    );
    expect(fill).toMatchObject({ code: 0, err: "" });
    await kontrakt(
      "define",
      "--contract",
      "beskaeftigelsescentre-2007",
      "--next-year",
      "--out",
      file("def2008.xlsx"),
    );
    const build = await kontrakt(
      "build",
      "--contract",
      file("def2008.xlsx"),
      "--carry-from",
      file("k2007-udfyldt.xlsx"),
      "--out",
      file("k2008-carried.xlsx"),
    );
    expect(build).toMatchObject({ code: 0, err: "" });
    expect(build.out).toContain("Overført fra k2007-udfyldt.xlsx (sidste års Resultat → årets Grundlag)");
    expect(build.out).toMatch(/CKB bc-p01: 96 i CKB!H\d+/);
    expect(build.out).toMatch(/CAB bc-p01: 70 i CAB!H\d+/);
    expect(build.out).toMatch(/CBSI bc-p01: sidste års Resultat er tomt/);
    // A share goal is no change goal: its Resultat is not carried.
    expect(build.out).not.toMatch(/bc-b01/);
    const check = await kontrakt("check", file("k2008-carried.xlsx"), "--json");
    const ckb = JSON.parse(check.out).centres.find((c: { code: string }) => c.code === "CKB");
    expect(ckb.goals.find((g: { id: string }) => g.id === "bc-p01").cells).not.toBeNull();
    const grids = await readGrids(await fs.readFile(file("k2008-carried.xlsx")));
    const sheet = grids.find((g) => g.name === "CKB")!;
    const row = sheet.values.findIndex((l) => l[0] === "bc-p01");
    expect(sheet.values[row]![7]).toBe(96);
  });

  it("check --contract judges the figures by a changed definition", async () => {
    await kontrakt("build", "--contract", "beskaeftigelsescentre-2007", "--out", file("k.xlsx"));
    await fs.writeFile(file("t.csv"), "center;mål;grundlag;resultat\nCKB;bc-b01;100;55\n");
    await kontrakt("fill", file("k.xlsx"), file("t.csv"), "--out", file("k-filled.xlsx"));
    const before = JSON.parse((await kontrakt("check", file("k-filled.xlsx"), "--json")).out);
    const status = (json: { centres: { code: string; goals: { id: string; status: string }[] }[] }) =>
      json.centres.find((c) => c.code === "CKB")!.goals.find((g) => g.id === "bc-b01")!.status;
    expect(status(before)).toBe("not_met");
    await kontrakt("define", "--contract", "beskaeftigelsescentre-2007", "--out", file("d.xlsx"));
    const grids = await readGrids(await fs.readFile(file("d.xlsx")));
    const grid = grids[0]!;
    const header = grid.values.findIndex((l) => l[0] === "Mål-ID");
    const row = grid.values.findIndex((l) => l[0] === "bc-b01");
    const ckb = grid.values[header]!.indexOf("CKB");
    grid.values[row]![ckb] = "50 %";
    const plan = planDefinitionSheet(readDefinitions([grid]).definitions[0]!.contract);
    plan.cells = grid.values.map((line) =>
      line.map((v) => (v === null ? null : { value: v as string | number })),
    );
    await fs.writeFile(file("d50.xlsx"), await writePlan({ sheets: [plan], names: [] }));
    const after = await kontrakt("check", file("k-filled.xlsx"), "--contract", file("d50.xlsx"), "--json");
    expect(after.code).toBe(0);
    expect(status(JSON.parse(after.out))).toBe("met");
  });
});
