// The real `kontrakt` bin in a child process (slow set: `npm run test:all`). Everything the
// commands do is tested in-process in kontrakt.test.ts; this proves the part that cannot be:
// bin/kontrakt.js transpiles the sources, wires main() to stdout/stderr and sets the exit code.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { DANISH_CSV } from "./figures";
import { goalOf, hash, run, spawnKontrakt, tempDir, type CheckJson } from "./run";

let dir: string;

beforeAll(async () => {
  dir = await tempDir("bin");
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bin/kontrakt.js", () => {
  it("prints help on stdout with exit 0, and nothing but help on stderr with exit 2", () => {
    const help = spawnKontrakt(["--help"]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/^Brug: kontrakt KOMMANDO/);
    const bare = spawnKontrakt([]);
    expect(bare).toMatchObject({ code: 2, stdout: "" });
    expect(bare.stderr).toBe(help.stdout);
  });

  it("refuses with one Danish line on stderr and exit 2", () => {
    const r = spawnKontrakt(["tjek"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^kontrakt: Ukendt kommando "tjek"\.[^\n]*\n$/);
  });

  it("builds, fills and checks with paths relative to its working directory, as in-process", async () => {
    await fs.writeFile(path.join(dir, "tal.csv"), DANISH_CSV, "utf8");
    expect(spawnKontrakt(["build", "--out", "kontrakter.xlsx"], dir)).toMatchObject({ code: 0, stderr: "" });
    const before = hash(path.join(dir, "kontrakter.xlsx"));
    const fill = spawnKontrakt(["fill", "kontrakter.xlsx", "tal.csv", "--out", "udfyldt.xlsx"], dir);
    expect(fill).toMatchObject({ code: 0, stderr: "" });
    expect(hash(path.join(dir, "kontrakter.xlsx"))).toBe(before);

    const spawned = spawnKontrakt(["check", "udfyldt.xlsx", "--json"], dir);
    expect(spawned).toMatchObject({ code: 0, stderr: "" });
    const inProcess = await run(["check", path.join(dir, "udfyldt.xlsx"), "--json"]);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(goalOf(JSON.parse(spawned.stdout) as CheckJson, "Nyropsgade", "jc-b01").status).toBe("met");
  });

  it("shows where an unexpected error came from only with --debug, with TypeScript line numbers", async () => {
    const text = path.join(dir, "noter.xlsx");
    await fs.writeFile(text, "ikke en projektmappe");
    expect(spawnKontrakt(["check", text]).stderr.split("\n")).toHaveLength(2);
    expect(spawnKontrakt(["check", text, "--debug"]).stderr).toMatch(/XlsxReadError[\s\S]*at .*\.ts:\d+/);
  });
});
