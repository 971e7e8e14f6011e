// Benchmarks of the command line and the xlsx writer. bench/run.ts calls benchCli() and stores the
// result under "cli"; `node -r ts-node/register/transpile-only bench/cli.ts` prints it alone
// (--cli-only: without the writer ratios; --compare OTHER/bin/kontrakt.js: the command-line figures
// of this checkout and another one, e.g. an older commit, runs taken in turn so that a busy machine
// disturbs both alike).
//
// - Wall time of `kontrakt build` / `fill` / `check` as a user runs them (a child process each,
//   Node start-up included, transpile cache warm), median of several runs, with the child's CPU
//   time (user + system, which other work on the machine disturbs less than wall time) and peak
//   RSS (process.resourceUsage(), read by a small --require hook).
// - The writer against exceljs itself: planWorkbook + writePlan versus exceljs writing the same
//   sheets with the same cells as plain values and nothing else ("ratio"; also against only
//   the plan's non-empty cells, "ratioToValuesOnly", and on CPU time, "ratioCpu", which a busy
//   machine disturbs less than wall time).
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { builtinContracts } from "../src/contracts/builtin";
import type { Contract, Goal, Target } from "../src/contracts/model";
import { parseContract } from "../src/contracts/schema";
import { planWorkbook } from "../src/sheets/planWorkbook";
import type { WorkbookPlan } from "../src/sheets/plan";
import { parseRange } from "../src/sheets/a1";
import { writePlan } from "../src/xlsx/writePlan";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "kontrakt.js");

interface Measure {
  medianMs: number;
  runsMs: number[];
  /** The child's own CPU time (user + system), median over the runs. */
  cpuMedianMs: number;
  peakRssMb: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One `kontrakt` to measure: its bin and a directory of its own for the files it writes. */
interface Subject {
  bin: string;
  work: string;
}

/**
 * Runs each subject's command `runs` times, the subjects in turn (after one warm-up run each that
 * fills the transpile cache), and gives one Measure per subject.
 */
async function measureCli(
  subjects: Subject[],
  args: (work: string) => string[],
  runs: number,
): Promise<Measure[]> {
  const once = async (s: Subject) => {
    const hook = path.join(s.work, "usage-hook.js");
    const usageFile = path.join(s.work, "usage.json");
    await fs.writeFile(
      hook,
      `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ rssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n`,
    );
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--require", hook, s.bin, ...args(s.work)], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${s.bin} ${args(s.work).join(" ")} failed: ${r.stderr}`);
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { rssKb: number; cpuUs: number };
    return { ms, rssKb: usage.rssKb, cpuMs: usage.cpuUs / 1000 };
  };
  for (const s of subjects) await once(s);
  const results = subjects.map(() => [] as Awaited<ReturnType<typeof once>>[]);
  for (let i = 0; i < runs; i++) for (const [k, s] of subjects.entries()) results[k]!.push(await once(s));
  return results.map((rs) => ({
    medianMs: round(median(rs.map((r) => r.ms))),
    runsMs: rs.map((r) => round(r.ms)),
    cpuMedianMs: round(median(rs.map((r) => r.cpuMs))),
    peakRssMb: round(Math.max(...rs.map((r) => r.rssKb)) / 1024),
  }));
}

/** 200 centres × 60 goals of every kind (joint goals over small groups: see the note in the result). */
export function syntheticContract(centres = 200, goals = 60): Contract {
  const codes = Array.from({ length: centres }, (_, i) => `C${String(i + 1).padStart(3, "0")}`);
  const kinds: ((i: number) => Target)[] = [
    (i) => ({ kind: "change", direction: i % 2 ? "rise" : "fall", atLeast: 0.1 }),
    () => ({ kind: "absoluteChange", direction: "fall", atLeast: 1, unit: "dage" }),
    (i) => ({ kind: "shareMin", atLeast: 0.9, ...(i % 3 === 0 ? { provisionalUpTo: 0.95 } : {}) }),
    () => ({ kind: "shareMax", atMost: 0.22, from: 0.28 }),
    () => ({ kind: "spendRange", min: 0.85, max: 1 }),
    () => ({ kind: "countMin", atLeast: 30, unit: "forløb" }),
    () => ({ kind: "valueMax", atMost: 33, unit: "uger" }),
    () => ({ kind: "yesNo" }),
  ];
  const areas = [
    "Beskæftigelsesindsatsen",
    "Kvalitet i servicen",
    "Personale og organisation",
    "Økonomi",
  ] as const;
  const list: Goal[] = [];
  for (let g = 0; g < goals - 1; g++) {
    const id = `s-${String(g + 1).padStart(2, "0")}`;
    const base = {
      id,
      text: `Syntetisk mål ${g + 1} med en tekst af en almindelig længde for en resultatkontrakt.`,
      area: areas[g % 4]!,
      section: "Syntetisk",
    };
    if (g % 20 === 19) {
      // A joint goal per group of four centres (one joint row for every centre).
      list.push({
        ...base,
        centres: codes,
        measure: {
          kind: "parts",
          parts: [
            { key: "a", label: "del a", target: kinds[5]!(g) },
            { key: "b", label: "del b", target: kinds[7]!(g) },
          ],
        },
      });
    } else {
      list.push({
        ...base,
        centres: codes,
        measure: { kind: "single", target: kinds[g % kinds.length]!(g) },
      });
    }
  }
  // Joint goals: each group of 4 centres shares one goal (Excel caps a formula at 8,192 characters,
  // so a joint goal over all 200 centres could not be written as one formula).
  for (let i = 0; i < codes.length; i += 4) {
    const group = codes.slice(i, i + 4);
    list.push({
      id: `s-j${String(i / 4 + 1).padStart(3, "0")}`,
      text: "Fælles mål for en gruppe af centre.",
      area: "Beskæftigelsesindsatsen",
      section: "Syntetisk",
      centres: group,
      measure: { kind: "single", joint: { kind: "countMin", atLeast: 1000, unit: "personer" } },
    });
  }
  return parseContract(
    {
      id: "syntetisk",
      title: "Syntetisk kontrakt til måling",
      year: 2007,
      centres: codes.map((code) => ({ code, name: `Center ${code}` })),
      goals: list,
    },
    "syntetisk",
  );
}

/**
 * exceljs with no logic: the same sheets, values written with addRows, no styles, rules or names.
 * sameCells: every cell our file holds (a styled empty input cell is a cell too: it gets a 0);
 * valuesOnly: only the plan's non-empty cells.
 */
async function plainExcelJs(
  plan: WorkbookPlan,
  sameCells: boolean,
): Promise<{ ms: number; cpuMs: number; cells: number }> {
  const grids = plan.sheets.map((sheet) => {
    const rows: (string | number | null)[][] = sheet.cells.map((row) =>
      row.map((c) => (c === null ? null : "value" in c ? c.value : c.formula)),
    );
    if (sameCells) {
      for (const { range } of sheet.styles) {
        const r = parseRange(range);
        for (let y = r.top; y <= r.bottom; y++) {
          const row = (rows[y - 1] ??= []);
          for (let x = r.left; x <= r.right; x++)
            if (row[x - 1] === null || row[x - 1] === undefined) row[x - 1] = 0;
        }
      }
    }
    return rows;
  });
  const cells = grids.reduce(
    (n, g) => n + g.reduce((m, row) => m + row.filter((v) => v !== null && v !== undefined).length, 0),
    0,
  );
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  plan.sheets.forEach((sheet, i) => wb.addWorksheet(sheet.name).addRows(grids[i]!));
  await wb.xlsx.writeBuffer();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: cpuMs(cpu0), cells };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

async function ours(
  contracts: Contract[],
): Promise<{ ms: number; cpuMs: number; writeMs: number; bytes: number }> {
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const plan = planWorkbook(contracts, { generatedAt: "2026-11-22T10:00:00Z" });
  const planned = process.hrtime.bigint();
  const buffer = await writePlan(plan);
  const end = process.hrtime.bigint();
  return {
    ms: Number(end - start) / 1e6,
    cpuMs: cpuMs(cpu0),
    writeMs: Number(end - planned) / 1e6,
    bytes: buffer.length,
  };
}

/** Node's gc(), reached without --expose-gc on the command line, so each run starts clean. */
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}

export async function writerRatio(contracts: Contract[], runs: number) {
  const plan = planWorkbook(contracts, { generatedAt: "2026-11-22T10:00:00Z" });
  await ours(contracts); // warm up
  await plainExcelJs(plan, true);
  const o: Awaited<ReturnType<typeof ours>>[] = [];
  const same: Awaited<ReturnType<typeof plainExcelJs>>[] = [];
  const values: Awaited<ReturnType<typeof plainExcelJs>>[] = [];
  const measures = [
    async () => o.push(await ours(contracts)),
    async () => same.push(await plainExcelJs(plan, true)),
    async () => values.push(await plainExcelJs(plan, false)),
  ];
  for (let i = 0; i < runs; i++) {
    // Rotate the order so that no side always runs right after another's garbage.
    for (let k = 0; k < measures.length; k++) {
      collectGarbage();
      await measures[(i + k) % measures.length]!();
    }
  }
  const m = (xs: number[]) => round(median(xs));
  const build = m(o.map((x) => x.ms));
  return {
    sheets: plan.sheets.length,
    cellsInOurFile: same[0]!.cells,
    nonEmptyPlanCells: values[0]!.cells,
    fileMb: round(o[0]!.bytes / 1024 / 1024, 2),
    oursBuildMedianMs: build,
    oursWriteOnlyMedianMs: m(o.map((x) => x.writeMs)),
    plainSameCellsMedianMs: m(same.map((x) => x.ms)),
    plainValuesOnlyMedianMs: m(values.map((x) => x.ms)),
    ratio: round(build / median(same.map((x) => x.ms)), 2),
    ratioWriteOnly: round(median(o.map((x) => x.writeMs)) / median(same.map((x) => x.ms)), 2),
    ratioToValuesOnly: round(build / median(values.map((x) => x.ms)), 2),
    ratioCpu: round(median(o.map((x) => x.cpuMs)) / median(same.map((x) => x.cpuMs)), 2),
  };
}

/** A figures file for every goal row of the synthetic workbook (Danish style). */
function syntheticCsv(contract: Contract): string {
  const lines = ["center;mål;grundlag;resultat"];
  for (const c of contract.centres) {
    for (const g of contract.goals) {
      if (!g.centres.includes(c.code)) continue;
      if (g.measure.kind === "parts") {
        for (const p of g.measure.parts)
          lines.push(`${c.code};${g.id}.${p.key};;${p.target.kind === "yesNo" ? "Ja" : "31"}`);
        continue;
      }
      const t = g.measure.target;
      if (!t) lines.push(`${c.code};${g.id};;300`);
      else if (t.kind === "yesNo") lines.push(`${c.code};${g.id};;Nej`);
      else if (t.kind === "countMin" || t.kind === "valueMax") lines.push(`${c.code};${g.id};;31`);
      else lines.push(`${c.code};${g.id};100;91`);
    }
  }
  return lines.join("\n") + "\n";
}

export interface CliBenchOptions {
  /** Other checkouts' bin/kontrakt.js, measured in turn with this one. */
  compareWith?: string[];
  /** Also the writer against plain exceljs (in this process). */
  writer?: boolean;
}

/** Runs per measure: enough that one disturbed run does not move the median. */
const RUNS = { builtin: 7, synthetic: 5 };

export async function benchCli(options: CliBenchOptions = {}): Promise<object> {
  const bins = [BIN, ...(options.compareWith ?? [])];
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "rk-bench-"));
  try {
    const subjects: Subject[] = [];
    for (const [i, bin] of bins.entries()) {
      const work = path.join(root, String(i));
      await fs.mkdir(work);
      subjects.push({ bin, work });
    }
    const at = (name: string) => (work: string) => path.join(work, name);
    const builtFile = at("indbygget.xlsx");
    const builtinBuild = await measureCli(subjects, (w) => ["build", "--out", builtFile(w)], RUNS.builtin);
    const builtinCheck = await measureCli(subjects, (w) => ["check", builtFile(w), "--json"], RUNS.builtin);

    const synthetic = syntheticContract();
    const csvText = syntheticCsv(synthetic);
    for (const s of subjects) {
      await fs.writeFile(at("syntetisk.json")(s.work), JSON.stringify(synthetic));
      await fs.writeFile(at("syntetisk.csv")(s.work), csvText);
    }
    const synthFile = at("syntetisk.xlsx");
    const synthBuild = await measureCli(
      subjects,
      (w) => ["build", "--contract", at("syntetisk.json")(w), "--out", synthFile(w)],
      RUNS.synthetic,
    );
    const filledFile = at("syntetisk-udfyldt.xlsx");
    const synthFill = await measureCli(
      subjects,
      (w) => ["fill", synthFile(w), at("syntetisk.csv")(w), "--out", filledFile(w)],
      RUNS.synthetic,
    );
    const synthCheck = await measureCli(subjects, (w) => ["check", filledFile(w), "--json"], RUNS.synthetic);

    const figures = subjects.map((_, k) => ({
      builtin: {
        centres: builtinContracts().reduce((n, c) => n + c.centres.length, 0),
        build: builtinBuild[k]!,
        check: builtinCheck[k]!,
        targetMs: 1000,
        withinTarget: builtinBuild[k]!.medianMs < 1000 && builtinCheck[k]!.medianMs < 1000,
      },
      synthetic: {
        centres: synthetic.centres.length,
        goalsPerCentre: 60,
        note: "59 own goals of every kind (two of them with two parts) per centre plus one joint goal per group of 4 centres",
        build: synthBuild[k]!,
        fill: { ...synthFill[k]!, lines: csvText.split("\n").length - 2 },
        check: synthCheck[k]!,
      },
    }));
    const writer =
      options.writer === false
        ? {}
        : {
            writerVsPlainExceljs: {
              builtin: await writerRatio(builtinContracts(), 7),
              synthetic: await writerRatio([synthetic], 5),
              targetRatio: 1.5,
            },
          };
    if (bins.length === 1) return { node: process.version, ...figures[0]!, ...writer };
    return {
      node: process.version,
      compared: bins.map((bin, k) => ({ bin, ...figures[k]! })),
      ...writer,
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const compareWith = argv.flatMap((a, i) => (argv[i - 1] === "--compare" ? [path.resolve(a)] : []));
  benchCli({ compareWith, writer: !argv.includes("--cli-only") }).then(
    (r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
