// Reading inputs and writing outputs for the command line, with Danish reasons when it fails.
// Outputs are written atomically; an input is only replaced when --out names it.
import { constants as fsConstants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import * as path from "node:path";
import { builtinContracts, findBuiltin } from "../contracts/builtin";
import type { Contract } from "../contracts/model";
import { parseContract } from "../contracts/schema";
import { atomicWrite } from "../xlsx/atomicWrite";
import { CliError } from "./errors";

/** Byte limits per kind of input: far above any real file, far below what would exhaust memory. */
export const INPUT_LIMITS = {
  /** A master workbook (the xlsx reader's own limit). */
  workbook: 25 * 1024 * 1024,
  /** A figures file: thousands of lines are a few hundred KB. */
  csv: 2 * 1024 * 1024,
  /** A contract definition. */
  contract: 5 * 1024 * 1024,
} as const;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString("da-DK", { maximumFractionDigits: 1 })} MB`;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It changes
// nothing for a regular file, and anything that is not one is refused right after.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most maxBytes. A device (/dev/zero), a FIFO or a socket is refused
 * before a byte is read, and a file that grows past the limit while it is read is refused too.
 */
export async function readInput(file: string, maxBytes: number = INPUT_LIMITS.workbook): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (e) {
    throw new CliError(fileProblem(file, e, "læses"));
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new CliError(`"${file}" er en mappe, ikke en fil.`);
    if (!stat.isFile())
      throw new CliError(
        `"${file}" er ikke en almindelig fil (men fx en enhed eller en navngiven kanal) og læses ikke. Angiv en .xlsx- eller .csv-fil.`,
      );
    const tooLarge = (size: number) =>
      new CliError(`Filen "${file}" er for stor (${mb(size)}; højst ${mb(maxBytes)}). Intet er skrevet.`);
    if (stat.size > maxBytes) throw tooLarge(stat.size);
    // Read in chunks and count, rather than trust the size: a file may grow while it is read.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1 - length) || 1);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(length);
    }
    return Buffer.concat(chunks, length);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(fileProblem(file, e, "læses"));
  } finally {
    await handle.close();
  }
}

/** What a path is, for the import's list of sources: a folder, a regular file, or something else. */
export async function inputKind(file: string): Promise<"folder" | "file" | "other" | "missing"> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return "missing";
  return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
}

function fileProblem(file: string, e: unknown, verb: "læses" | "skrives"): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return verb === "læses" ? `Filen "${file}" findes ikke.` : `Mappen til "${file}" findes ikke.`;
    case "EISDIR":
      return `"${file}" er en mappe, ikke en fil.`;
    case "EACCES":
    case "EPERM":
      return `Filen "${file}" kan ikke ${verb}: ingen adgang.`;
    case "EBUSY":
      return `Filen "${file}" kan ikke ${verb}: den er i brug (er den åben i Excel?).`;
    case "ENOSPC":
      return `Filen "${file}" kan ikke skrives: disken er fuld.`;
    default:
      return `Filen "${file}" kan ikke ${verb} (${code ?? (e instanceof Error ? e.message : String(e))}).`;
  }
}

/** The --out option: present, an .xlsx name, in a folder that exists. */
export function requireXlsxOut(out: string | undefined, command: string): string {
  if (!out) throw new CliError(`Angiv, hvor filen skal gemmes: kontrakt ${command} … --out FIL.xlsx`);
  if (path.extname(out).toLowerCase() !== ".xlsx") {
    throw new CliError(`--out skal være en .xlsx-fil (fik "${out}").`);
  }
  return out;
}

export async function writeOutput(file: string, data: Buffer): Promise<void> {
  try {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isDirectory()) throw Object.assign(new Error("dir"), { code: "EISDIR" });
    await atomicWrite(file, data);
  } catch (e) {
    throw new CliError(fileProblem(file, e, "skrives"));
  }
}

/**
 * The contracts named by --contract: a built-in id, a JSON file validated like the built-in
 * ones, or a workbook with definition sheets. None named: every built-in contract.
 */
export async function loadContracts(specs: string[] | undefined): Promise<Contract[]> {
  return (await loadContractSources(specs)).map((s) => s.contract);
}

/** A contract and where it came from: a definition sheet is carried into the built workbook. */
export interface ContractSource {
  contract: Contract;
  /** The definition sheet's name, for a contract read from a definition workbook. */
  definitionSheet?: string;
}

export async function loadContractSources(specs: string[] | undefined): Promise<ContractSource[]> {
  if (!specs || specs.length === 0) return builtinContracts().map((contract) => ({ contract }));
  const sources: ContractSource[] = [];
  for (const spec of specs) {
    const found: ContractSource[] = /\.xlsx$/i.test(spec)
      ? (await (await import("./definitionFile")).contractsFromDefinitionWorkbook(spec)).map((d) => ({
          contract: d.contract,
          definitionSheet: d.sheet,
        }))
      : [{ contract: findBuiltin(spec) ?? (await contractFile(spec)) }];
    for (const source of found) {
      if (sources.some((c) => c.contract.id === source.contract.id)) {
        throw new CliError(`Kontrakten "${source.contract.id}" er angivet to gange.`);
      }
      sources.push(source);
    }
  }
  return sources;
}

async function contractFile(spec: string): Promise<Contract> {
  const looksLikeFile = /[\\/]|\.json$/i.test(spec);
  const exists = await fs
    .stat(spec)
    .then((s) => s.isFile())
    .catch(() => false);
  if (!exists) {
    const known = builtinContracts()
      .map((c) => c.id)
      .join(", ");
    throw new CliError(
      looksLikeFile
        ? `Kontraktfilen "${spec}" findes ikke.`
        : `Ukendt kontrakt "${spec}". Indbyggede kontrakter: ${known}. Eller angiv en JSON-fil eller en projektmappe med definitionsark (.xlsx).`,
    );
  }
  const text = (await readInput(spec, INPUT_LIMITS.contract)).toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `Kontraktfilen "${spec}" er ikke gyldig JSON (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  return parseContract(json, `Kontraktfilen "${path.basename(spec)}"`);
}

/** A path's identity: its real path, and device and inode where the file exists. */
interface Identity {
  real: string;
  dev?: number;
  ino?: number;
}

async function identityOf(file: string): Promise<Identity> {
  const resolved = path.resolve(file);
  const stat = await fs.stat(resolved).catch(() => undefined);
  // A file not there yet: the real path of its folder (which may be a symlink) and its name.
  const real = stat
    ? await fs.realpath(resolved).catch(() => resolved)
    : path.join(
        await fs.realpath(path.dirname(resolved)).catch(() => path.dirname(resolved)),
        path.basename(resolved),
      );
  return stat ? { real, dev: stat.dev, ino: stat.ino } : { real };
}

function sameFile(a: Identity, b: Identity): boolean {
  if (a.dev !== undefined && b.dev !== undefined) return a.dev === b.dev && a.ino === b.ino;
  return a.real === b.real;
}

/** Whether two paths name the same file (through symlinks, hard links, "..", case as the file system has it). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  return sameFile(await identityOf(a), await identityOf(b));
}

/**
 * Refuses an --out that is one of the files the command reads or is about to write, compared by
 * real path and by device and inode, so a symlinked folder or a hard link cannot hide it. `what`
 * says in Danish what each of them is, for the message.
 */
export async function assertOutSeparate(
  out: string,
  others: { file: string; what: string }[],
): Promise<void> {
  const mine = await identityOf(out);
  for (const o of others) {
    if (sameFile(mine, await identityOf(o.file))) {
      throw new CliError(
        `--out "${out}" er ${o.what} ("${o.file}"), som ikke må overskrives. Vælg en anden fil til --out. Intet er skrevet.`,
      );
    }
  }
}

/** "~$master.xlsx": Excel keeps this owner file beside a workbook that is open. */
export async function openInExcel(file: string): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  // Excel writes "~$" + the name; for long names Word and some Excel versions drop its first two characters.
  for (const name of [`~$${base}`, `~$${base.slice(2)}`]) {
    const stat = await fs.lstat(path.join(dir, name)).catch(() => undefined);
    if (stat) return name;
  }
  return undefined;
}
