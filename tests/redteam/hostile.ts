// Shared bits of the red-team tests: a master and a CKB template made by the real commands, files
// crafted by writing XML into the zip (as a hostile or careless tool would), and `kontrakt` run in
// a child process bounded in time and heap, so an input that makes it hang or grow fails the test
// instead of the machine.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { builtinContracts } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { main } from "../../src/cli/main";
import { FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { patchCells, worksheetPaths } from "../../src/xlsx/patchCells";

export const BIN = path.join(__dirname, "..", "..", "bin", "kontrakt.js");
export const CKB_TEMPLATE = "beskaeftigelsescentre-2007_CKB_2007.xlsx";

/** The heap a run may use; a reader that allocates per cell of A1:XFD1048576 dies long before. */
export const HEAP_MB = 384;
export const RUN_TIMEOUT_MS = 60_000;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `kontrakt` in a child process with a heap limit and a timeout. */
export function bounded(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], {
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** `kontrakt` in this process (fast), through main(argv, io). */
export async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A refusal a person can act on: exit 2, Danish, no stack trace, no "uventet fejl", no heap death. */
export function expectDanishRefusal(r: { code: number | null; stderr: string }, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/uventet fejl|heap|Error:|\n\s+at /);
  expect(r.code).toBe(2);
}

export function sha(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export interface Setup {
  dir: string;
  master: string;
  template: string;
  /** CKB's goal rows in the template: id and 1-based row. */
  rows: { id: string; row: number }[];
}

export async function setup(prefix: string): Promise<Setup> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `rk-${prefix}-`));
  const master = path.join(dir, "kontrakter.xlsx");
  const sent = path.join(dir, "ud");
  expect((await inProcess(["build", "--out", master])).code).toBe(0);
  expect((await inProcess(["export", master, "--dir", sent, "--centre", "CKB"])).code).toBe(0);
  const contract = builtinContracts().find((c) => c.centres.some((x) => x.code === "CKB"))!;
  const rows = rowsFor(contract, "CKB").map((r, i) => ({ id: r.id, row: FIRST_GOAL_ROW + i }));
  return { dir, master, template: path.join(sent, CKB_TEMPLATE), rows };
}

/** The bytes with one sheet's XML changed. */
export async function editSheet(
  bytes: Buffer,
  sheet: string,
  edit: (xml: string) => string,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const paths = await worksheetPaths(zip, await zip.file("xl/workbook.xml")!.async("string"));
  const part = paths.get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Inserts XML right after the sheet's </sheetData> (mergeCells, dataValidations … go there, in schema order). */
export function afterSheetData(xml: string, insert: string): string {
  return xml.replace(/<\/sheetData>/, `</sheetData>${insert}`);
}

/** Sets cells with patchCells, then swaps each one's XML for the given raw XML (a date cell, a shared string …). */
export async function rawCells(
  bytes: Buffer,
  sheet: string,
  cells: { address: string; xml?: string; value?: number | string }[],
): Promise<Buffer> {
  const patched = await patchCells(
    bytes,
    cells.map((c) => ({ sheet, address: c.address, value: c.value ?? `RAW-${c.address}` })),
  );
  return editSheet(patched, sheet, (xml) => {
    let out = xml;
    for (const c of cells) {
      if (!c.xml) continue;
      const re = new RegExp(`<c r="${c.address}"[^>]*>[\\s\\S]*?</c>`);
      out = out.replace(re, c.xml.replace("{r}", c.address));
    }
    return out;
  });
}

/** Adds texts to the shared string table (as Excel stores text) and returns their indices. */
export async function withSharedStrings(
  bytes: Buffer,
  texts: string[],
): Promise<{ bytes: Buffer; index: number[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const part = "xl/sharedStrings.xml";
  let xml = (await zip.file(part)?.async("string")) ?? "";
  const count = (xml.match(/<si>/g) ?? []).length;
  const items = texts.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("");
  xml = xml.replace(/<\/sst>/, `${items}</sst>`);
  zip.file(part, xml);
  return {
    bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
    index: texts.map((_, i) => count + i),
  };
}

export async function writeFile(dir: string, name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}
