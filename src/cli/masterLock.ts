// One writer at a time for a workbook file: the whole read-modify-write of an import, an export
// or a fill holds a lock file beside the file it will write, so a second `kontrakt` writing the
// same file waits for the first and then reads what the first wrote, instead of both reading the
// old file and the last rename winning (one centre's figures and Log lines lost). A lock left by
// a process that died is taken over. Before the rename, the file must still be what was read:
// something else (Excel, a sync client) writing it meanwhile is never overwritten.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CliError } from "./errors";

interface LockInfo {
  pid: number;
  host: string;
  at: string;
}

export interface LockOptions {
  /** How long to wait for another writer (default 60 s; KONTRAKT_LOCK_WAIT_MS overrides). */
  waitMs?: number;
  /** A lock older than this is stale whoever holds it (default 10 minutes). */
  staleMs?: number;
}

export function lockPathOf(file: string): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.~kontrakt-${path.basename(abs)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readLock(lock: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await fs.readFile(lock, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `work` holding the lock for `file` (the file the command writes). */
export async function withWriteLock<T>(
  file: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const target = await fs.realpath(path.resolve(file)).catch(() => path.resolve(file));
  const lock = lockPathOf(target);
  const waitMs = options.waitMs ?? (Number(process.env.KONTRAKT_LOCK_WAIT_MS) || 60_000);
  const staleMs = options.staleMs ?? 10 * 60_000;
  const me: LockInfo = { pid: process.pid, host: os.hostname(), at: new Date().toISOString() };
  const started = Date.now();
  for (;;) {
    try {
      await fs.writeFile(lock, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        // A folder we cannot write a lock file in: we could not write the workbook there either.
        if (code === "EACCES" || code === "EPERM" || code === "EROFS")
          throw new CliError(`Der kan ikke skrives i mappen til "${file}": ingen adgang. Intet er skrevet.`);
        if (code === "ENOENT" || code === "ENOTDIR")
          throw new CliError(`Mappen til "${file}" findes ikke. Intet er skrevet.`);
        throw e;
      }
      const holder = await readLock(lock);
      const stale =
        !holder ||
        Date.now() - new Date(holder.at).getTime() > staleMs ||
        (holder.host === me.host && !alive(holder.pid));
      if (stale && holder) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() - started > waitMs) {
        throw new CliError(
          `"${path.basename(file)}" skrives lige nu af en anden kørsel af kontrakt${holder ? ` (proces ${holder.pid} på ${holder.host}, startet ${holder.at})` : ""}. Vent, til den er færdig, og prøv igen. Intet er skrevet.`,
        );
      }
      await sleep(50 + Math.random() * 100);
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true }).catch(() => undefined);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Refuses to replace `file` when its bytes are no longer the ones the command read (its hash
 * then): someone saved it in between, and writing now would throw their changes away.
 */
export async function assertUnchanged(file: string, readHash: string): Promise<void> {
  const now = await fs.readFile(file).catch(() => undefined);
  if (now && sha256(now) !== readHash) {
    throw new CliError(
      `"${path.basename(file)}" er ændret, mens kontrakt arbejdede (er den gemt fra Excel eller af et andet program?). Den er ikke overskrevet; kør kommandoen igen. Intet er skrevet.`,
    );
  }
}
