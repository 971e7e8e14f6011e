// Reading inputs and writing outputs for the command line, with Danish reasons when it fails.
// Outputs are written atomically; an input is only replaced when --out names it.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { builtinContracts, findBuiltin } from "../contracts/builtin";
import type { Contract } from "../contracts/model";
import { parseContract } from "../contracts/schema";
import { atomicWrite } from "../xlsx/atomicWrite";
import { CliError } from "./errors";

export async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new CliError(fileProblem(file, e, "læses"));
  }
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
  const text = (await readInput(spec)).toString("utf8").replace(/^\uFEFF/, "");
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
