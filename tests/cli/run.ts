// Runs `kontrakt` in-process through main(argv, io) (fast: no node start-up, no transpiling per
// run), or spawns the real bin as a user would (slow set only: proves the wiring of bin/kontrakt.js).
// Also hashes files to prove inputs stay untouched.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

export const BIN = path.join(__dirname, "..", "..", "bin", "kontrakt.js");

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * One command line through the same main() the bin calls, output captured. Paths must be absolute:
 * main() does not know the caller's working directory.
 */
export async function run(args: string[]): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** The real bin in a child process: only for the tests that prove the bin itself (slow set). */
export function spawnKontrakt(args: string[], cwd?: string): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** @deprecated Spawns a process per call (1–2 s each); use `run` unless the bin itself is tested. */
export const kontrakt = spawnKontrakt;

export function hash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `rk-${prefix}-`));
}

export async function exists(file: string): Promise<boolean> {
  return fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
}

export interface CheckJson {
  centres: {
    code: string;
    name: string;
    contract: string;
    sheet: string;
    goals: {
      id: string;
      text: string;
      status: string;
      achieved: number | string | null;
      requirement: string;
      message: string;
      joint: boolean;
      cells: { grundlag: string; resultat: string; status: string } | null;
    }[];
  }[];
}

export function goalOf(report: CheckJson, centre: string, id: string) {
  const c = report.centres.find((x) => x.code === centre);
  if (!c) throw new Error(`no centre ${centre}`);
  const g = c.goals.find((x) => x.id === id);
  if (!g) throw new Error(`no goal ${id} for ${centre}`);
  return g;
}
