// Red team, part 3: nothing lost, nothing overwritten that should not be. Two imports into one
// master at the same time keep both centres' figures and Log lines; --out is compared with every
// file read or about to be written by real path and inode; a master written in place keeps its
// mode, group and symlink; a master changed underneath is never overwritten.
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isLogSheet } from "../../src/templates/auditLog";
import { CliError } from "../../src/cli/errors";
import { assertUnchanged, sha256, withWriteLock } from "../../src/cli/masterLock";
import { readGrids } from "../../src/xlsx/readGrids";
import { patchCells } from "../../src/xlsx/patchCells";
import {
  BIN,
  CKB_TEMPLATE,
  expectDanishRefusal,
  HEAP_MB,
  inProcess,
  setup,
  sha,
  type Setup,
} from "./hostile";

jest.setTimeout(180_000);

let s: Setup;
let retur: string;
let ckb: string;
let cab: string;

beforeAll(async () => {
  s = await setup("writes");
  retur = path.join(s.dir, "retur");
  expect((await inProcess(["export", s.master, "--dir", retur, "--centre", "CAB"])).code).toBe(0);
  const first = s.rows[0]!.row;
  ckb = path.join(retur, CKB_TEMPLATE);
  await fs.writeFile(
    ckb,
    await patchCells(await fs.readFile(s.template), [{ sheet: "CKB", address: `H${first}`, value: 1111 }]),
  );
  cab = path.join(retur, "beskaeftigelsescentre-2007_CAB_2007.xlsx");
  await fs.writeFile(
    cab,
    await patchCells(await fs.readFile(cab), [{ sheet: "CAB", address: "H8", value: 2222 }]),
  );
});

afterAll(() => fs.rm(s.dir, { recursive: true, force: true }));

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function cell(file: string, sheet: string, address: string): Promise<unknown> {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const grids = await readGrids(await fs.readFile(file));
  return grids.find((g) => g.name === sheet)?.values[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] ?? null;
}

describe("two imports into one master at the same time", () => {
  it("end with both centres' figures and both Log lines (the second waits for the first)", async () => {
    const master = path.join(s.dir, "samtidig.xlsx");
    await fs.copyFile(s.master, master);
    const [a, b] = await Promise.all([
      run(["import", master, ckb, "--out", master]),
      run(["import", master, cab, "--out", master]),
    ]);
    for (const r of [a, b]) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    expect(await cell(master, "CKB", `H${s.rows[0]!.row}`)).toBe(1111);
    expect(await cell(master, "CAB", "H8")).toBe(2222);
    const log = (await readGrids(await fs.readFile(master))).find(isLogSheet)!;
    const centres = log.values.slice(1).map((line) => line[2]);
    expect(centres.sort()).toEqual(["CAB", "CKB"]);
  });

  it("a writer that cannot get the lock in time is refused in Danish, and writes nothing", async () => {
    const master = path.join(s.dir, "laast.xlsx");
    await fs.copyFile(s.master, master);
    const before = sha(master);
    let release!: () => void;
    const held = withWriteLock(master, () => new Promise<void>((r) => (release = r)), { waitMs: 0 });
    await new Promise((r) => setTimeout(r, 50));
    const r = await run(["import", master, ckb, "--out", master], { KONTRAKT_LOCK_WAIT_MS: "1000" });
    release();
    await held;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/skrives lige nu af en anden kørsel af kontrakt.*Intet er skrevet/);
    expect(sha(master)).toBe(before);
  });

  it("a master changed after it was read is not overwritten", async () => {
    const master = path.join(s.dir, "aendret.xlsx");
    await fs.copyFile(s.master, master);
    const readHash = sha256(await fs.readFile(master));
    await fs.appendFile(master, Buffer.from("saved by Excel meanwhile"));
    await expect(assertUnchanged(master, readHash)).rejects.toThrow(CliError);
    await expect(assertUnchanged(master, readHash)).rejects.toThrow(/er ændret, mens kontrakt arbejdede/);
  });
});

describe("--out is compared with every file by identity", () => {
  it("import into a returned file of the folder being imported is refused, also through a symlinked folder", async () => {
    const before = sha(ckb);
    expectDanishRefusal(
      await inProcess(["import", s.master, retur, "--out", ckb]),
      /--out ".*" er en af de returnerede filer/,
    );
    const link = path.join(s.dir, "genvej");
    await fs.symlink(retur, link);
    expectDanishRefusal(
      await inProcess(["import", s.master, retur, "--out", path.join(link, CKB_TEMPLATE)]),
      /er en af de returnerede filer/,
    );
    const hard = path.join(s.dir, "haardt-link.xlsx");
    await fs.link(ckb, hard);
    expectDanishRefusal(
      await inProcess(["import", s.master, retur, "--out", hard]),
      /er en af de returnerede filer/,
    );
    expect(sha(ckb)).toBe(before);
  });

  it("export --out over a template it is about to write into the outgoing folder is refused", async () => {
    const tpl = path.join(s.dir, "tpl");
    const target = path.join(tpl, CKB_TEMPLATE);
    await fs.mkdir(tpl);
    expectDanishRefusal(
      await inProcess(["export", s.master, "--dir", tpl, "--force", "--out", target]),
      /--out ".*" er skabelonen til CKB/,
    );
  });
});

describe("a master written in place", () => {
  it("keeps its mode (0660) and, through a symlink, the link and the real file it points to", async () => {
    const real = path.join(s.dir, "deling", "rigtig.xlsx");
    await fs.mkdir(path.dirname(real));
    await fs.copyFile(s.master, real);
    await fs.chmod(real, 0o660);
    const link = path.join(s.dir, "genvej.xlsx");
    await fs.symlink(real, link);
    const r = await inProcess(["import", link, ckb, "--out", link]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await fs.stat(real)).mode & 0o777).toBe(0o660);
    expect(await cell(real, "CKB", `H${s.rows[0]!.row}`)).toBe(1111);
  });

  it("warns when Excel's lock file (~$) lies beside the master", async () => {
    const master = path.join(s.dir, "aaben.xlsx");
    await fs.copyFile(s.master, master);
    await fs.writeFile(path.join(s.dir, "~$aaben.xlsx"), "owner");
    const r = await inProcess(["import", master, ckb, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /Bemærk: "~\$aaben\.xlsx" ligger ved siden af projektmappen, så den er måske åben i Excel/,
    );
  });
});
