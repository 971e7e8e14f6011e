// The worst input of each kind the red team found, measured: wall time and the child's peak RSS
// of one `kontrakt` run each (Node start-up included), its exit code and the first line it wrote.
// bench/run.ts stores the result under "hostile"; `node -r ts-node/register/transpile-only
// bench/hostile.ts` prints it alone. Before the fixes several of these died with "JavaScript heap
// out of memory" after 25–60 s at 4 GB, hung, or took 31 s.
import { execFileSync, spawn } from "node:child_process";
import { promises as fs, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { parseNumber } from "../src/contracts/parseNumber";
import { columnLetters } from "../src/sheets/a1";
import { addEmptySheet } from "../src/xlsx/addSheet";
import { patchCells, worksheetPaths } from "../src/xlsx/patchCells";
import JSZip from "jszip";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "kontrakt.js");

export interface HostileMeasure {
  input: string;
  ms: number;
  peakRssMb: number;
  exit: number | null;
  said: string;
}

const round = (x: number) => Math.round(x * 10) / 10;

function runs(
  work: string,
  argsList: string[][],
): Promise<{ ms: number; rssKb: number; code: number | null; out: string }[]> {
  return Promise.all(
    argsList.map(
      (args, i) =>
        new Promise<{ ms: number; rssKb: number; code: number | null; out: string }>((resolve) => {
          const rssFile = path.join(work, `maxrss-${i}-${Date.now()}.txt`);
          const hook = path.join(work, `hook-${i}.js`);
          writeFileSync(
            hook,
            `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
          );
          const start = process.hrtime.bigint();
          const child = spawn(process.execPath, ["--require", hook, BIN, ...args]);
          let out = "";
          child.stdout.on("data", (d) => (out += d));
          child.stderr.on("data", (d) => (out += d));
          const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
          child.on("close", (code) => {
            clearTimeout(timer);
            const ms = Number(process.hrtime.bigint() - start) / 1e6;
            let rssKb = 0;
            try {
              rssKb = Number(readFileSync(rssFile, "utf8"));
            } catch {
              // killed: no figure
            }
            resolve({ ms, rssKb, code, out });
          });
        }),
    ),
  );
}

function firstLine(out: string): string {
  const lines = out.split("\n");
  const line =
    lines.find((l) => l.startsWith("Skrev")) ??
    lines.find((l) => l.startsWith("kontrakt:")) ??
    lines[0] ??
    "";
  return line.length > 110 ? `${line.slice(0, 109)}…` : line;
}

async function editSheet(bytes: Buffer, sheet: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = (await worksheetPaths(zip, await zip.file("xl/workbook.xml")!.async("string"))).get(sheet)!;
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function benchHostile(): Promise<HostileMeasure[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "rk-bench-hostile-"));
  const quiet = { out: () => undefined, err: () => undefined };
  try {
    const master = path.join(work, "kontrakter.xlsx");
    await main(["build", "--out", master], quiet);
    await main(
      ["export", master, "--dir", path.join(work, "ud"), "--centre", "CKB", "--centre", "CAB"],
      quiet,
    );
    const ckb = await fs.readFile(path.join(work, "ud", "beskaeftigelsescentre-2007_CKB_2007.xlsx"));
    const cab = await fs.readFile(path.join(work, "ud", "beskaeftigelsescentre-2007_CAB_2007.xlsx"));
    const filled = await patchCells(ckb, [
      { sheet: "CKB", address: "H8", value: 1000 },
      { sheet: "CKB", address: "I8", value: 900 },
    ]);
    const file = async (name: string, bytes: Buffer | string) => {
      const f = path.join(work, name);
      await fs.writeFile(f, bytes);
      return f;
    };
    const out = (name: string) => path.join(work, `ud-${name}`);
    const cases: { input: string; args: string[][] }[] = [];
    const importCase = async (input: string, name: string, bytes: Buffer) =>
      cases.push({ input, args: [["import", master, await file(name, bytes), "--out", out(name)]] });

    await importCase("a normal returned template (2 figures)", "normal.xlsx", filled);
    await importCase(
      "one value at XFD1048576 in the Vejledning sheet",
      "vejledning.xlsx",
      await patchCells(filled, [{ sheet: "Vejledning", address: "XFD1048576", value: 1 }]),
    );
    await importCase(
      "one value at XFD1048576 in the centre's sheet",
      "celle.xlsx",
      await patchCells(filled, [{ sheet: "CKB", address: "XFD1048576", value: 1 }]),
    );
    await importCase(
      '<mergeCell ref="A40:XFD1048576"/>',
      "flettet.xlsx",
      await editSheet(filled, "CKB", (x) =>
        x.replace(
          "</sheetData>",
          '</sheetData><mergeCells count="1"><mergeCell ref="A40:XFD1048576"/></mergeCells>',
        ),
      ),
    );
    for (const sqref of ["A1:XFD1048576", "H1:H1048576"])
      await importCase(
        `a data validation over ${sqref}`,
        `validering-${sqref.length}.xlsx`,
        await editSheet(filled, "CKB", (x) =>
          x.replace(
            /<dataValidations[^>]*>/,
            (o) =>
              `${o}<dataValidation type="whole" sqref="${sqref}"><formula1>0</formula1></dataValidation>`,
          ),
        ),
      );
    // The most cells a sheet may have and still be read (SHEET_LIMITS.cells), in an extra sheet.
    let many = await addEmptySheet(filled, "Mange");
    many = await editSheet(many, "Mange", (x) => {
      const rows: string[] = [];
      for (let r = 1; r <= 1_200; r++) {
        let cells = "";
        for (let c = 1; c <= 99; c++) cells += `<c r="${columnLetters(c)}${r}"><v>${c}</v></c>`;
        rows.push(`<row r="${r}">${cells}</row>`);
      }
      return x.replace(
        /<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/,
        `<sheetData>${rows.join("")}</sheetData>`,
      );
    });
    await importCase(
      "118,800 cells in an extra sheet (as many as fit in the size limit)",
      "mange.xlsx",
      many,
    );
    const comments = await patchCells(filled, [
      { sheet: "CKB", address: "N8", value: `${"æ".repeat(32_700)}\u000b\r\n` },
      { sheet: "CKB", address: "N9", value: "\u0000\u001b[2J" },
    ]);
    await importCase(
      "a 32,700-character comment with line breaks, and one with NUL and ESC",
      "tegn.xlsx",
      comments,
    );

    cases.push({
      input: "/dev/zero as a returned file",
      args: [["import", master, "/dev/zero", "--dry-run"]],
    });
    const fifo = path.join(work, "kanal.xlsx");
    execFileSync("mkfifo", [fifo]);
    cases.push({ input: "a FIFO as a returned file", args: [["import", master, fifo, "--dry-run"]] });
    const line = "CKB;bc-b01;1000\n";
    const csvAtLimit = await file(
      "graense.csv",
      "center;mål;grundlag\n" + line + ";;;;\n".repeat(Math.floor((2 * 1024 * 1024 - 40) / 5)),
    );
    cases.push({
      input: "a CSV file of 2 MB (the limit): one figure and 419,000 empty ;;;; lines",
      args: [["fill", master, csvAtLimit, "--out", out("graense.xlsx")]],
    });
    const csvHuge = await file(
      "stor.csv",
      "center;mål;grundlag\n" + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)),
    );
    cases.push({
      input: "a CSV file of 50 MB",
      args: [["fill", master, csvHuge, "--out", out("stor.xlsx")]],
    });
    const spaces = await file("mellemrum.csv", `center;mål;grundlag\nCKB;bc-b01;1${" ".repeat(100_000)}x\n`);
    cases.push({
      input: 'a CSV field "1" + 100,000 spaces + "x"',
      args: [["fill", master, spaces, "--out", out("mellemrum.xlsx")]],
    });

    const together = path.join(work, "samtidig.xlsx");
    await fs.copyFile(master, together);
    const cabFilled = await file(
      "cab.xlsx",
      await patchCells(cab, [{ sheet: "CAB", address: "H8", value: 5 }]),
    );
    const ckbFilled = await file("ckb.xlsx", filled);
    cases.push({
      input: "two imports into one master at the same time (both runs)",
      args: [
        ["import", together, ckbFilled, "--out", together],
        ["import", together, cabFilled, "--out", together],
      ],
    });

    const results: HostileMeasure[] = [];
    for (const c of cases) {
      const r = await runs(work, c.args);
      results.push({
        input: c.input,
        ms: round(Math.max(...r.map((x) => x.ms))),
        peakRssMb: round(Math.max(...r.map((x) => x.rssKb)) / 1024),
        exit: r.every((x) => x.code === r[0]!.code) ? r[0]!.code : null,
        said: r.map((x) => firstLine(x.out)).join(" | "),
      });
    }
    const started = process.hrtime.bigint();
    parseNumber(`1${" ".repeat(100_000)}x`);
    results.push({
      input: 'parseNumber("1" + 100,000 spaces + "x"), in process',
      ms: round(Number(process.hrtime.bigint() - started) / 1e6),
      peakRssMb: 0,
      exit: null,
      said: "refused",
    });
    return results;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchHostile().then(
    (r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
