// Shared bits of the template tests: openpyxl (a tool that is not ours) to fill and tamper with
// files, figures with a known outcome for every target kind, and reading files back.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Contract, GoalRow, Status, Target } from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import type { SheetGrid } from "../../src/sheets/grid";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { readGrids } from "../../src/xlsx/readGrids";

export const PYTHON = "/usr/bin/python3";
export const EDIT_SCRIPT = path.join(__dirname, "fixtures", "edit_workbook.py");

export type Op =
  | { op: "set"; sheet: string; cell: string; value: number | string | null }
  | { op: "formula"; sheet: string; cell: string; formula: string }
  | { op: "date"; sheet: string; cell: string; value: string }
  | { op: "rename"; sheet: string; to: string }
  | { op: "insertRows" | "deleteRows"; sheet: string; row: number; count?: number };

export interface EditJob {
  in: string;
  out: string;
  ops: Op[];
}

/** Whether /usr/bin/python3 can import openpyxl; the reason when it cannot. */
export function openpyxlProblem(): string | undefined {
  const r = spawnSync(PYTHON, ["-c", "import openpyxl"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} cannot run (${r.error.message})`;
  if (r.status !== 0) return `${PYTHON} has no openpyxl (${r.stderr.trim().split("\n").pop()})`;
  return undefined;
}

/** Runs the openpyxl script over all jobs in one python process. */
export async function editWithOpenpyxl(jobs: EditJob[], workDir: string): Promise<void> {
  const jobsFile = path.join(workDir, `jobs-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await fs.writeFile(jobsFile, JSON.stringify(jobs), "utf8");
  const r = spawnSync(PYTHON, [EDIT_SCRIPT, jobsFile], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`openpyxl edit failed (${r.status}): ${r.stderr}`);
}

export async function gridsOfFile(file: string): Promise<SheetGrid[]> {
  return readGrids(await fs.readFile(file));
}

export function cellOf(grids: SheetGrid[], sheet: string, address: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1]!.charCodeAt(0) - 65;
  return grids.find((g) => g.name === sheet)?.values[Number(m[2]) - 1]?.[col] ?? null;
}

export interface PlannedFigure {
  id: string;
  row: number;
  grundlag: number | string | null;
  resultat: number | string | null;
  /** The status the row must get; for a joint goal, the joint status. */
  status: Status;
}

/** Figures that meet (or miss) a target on purpose, worked out by hand per target kind. */
function figuresFor(t: Target, meet: boolean): { grundlag: number | null; resultat: number | string } {
  switch (t.kind) {
    case "change": {
      const base = 1000;
      const needed = Math.ceil(base * t.atLeast) + 1;
      const delta = meet ? needed : 0;
      return { grundlag: base, resultat: t.direction === "fall" ? base - delta : base + delta };
    }
    case "absoluteChange": {
      const base = 100;
      const delta = meet ? t.atLeast + 1 : 0;
      return { grundlag: base, resultat: t.direction === "fall" ? base - delta : base + delta };
    }
    case "shareMin":
      return {
        grundlag: 1000,
        resultat:
          meet || t.atLeast === 0
            ? Math.min(1000, Math.ceil(1000 * t.atLeast))
            : Math.floor(1000 * t.atLeast) - 1,
      };
    case "shareMax":
      return {
        grundlag: 1000,
        resultat: meet || t.atMost >= 1 ? Math.floor(1000 * t.atMost) : Math.floor(1000 * t.atMost) + 1,
      };
    case "spendRange":
      return {
        grundlag: 1_000_000,
        resultat: meet
          ? Math.round(1_000_000 * ((t.min + t.max) / 2))
          : Math.round(1_000_000 * (t.max + 0.05)),
      };
    case "countMin":
    case "valueMin":
      return { grundlag: null, resultat: meet || t.atLeast === 0 ? t.atLeast : t.atLeast - 1 };
    case "pointChange": {
      const delta = meet ? Math.min(t.atLeast + 0.01, 0.5) : 0;
      return { grundlag: 0.5, resultat: t.direction === "fall" ? 0.5 - delta : 0.5 + delta };
    }
    case "valueMax":
      return { grundlag: null, resultat: meet ? t.atMost : t.atMost + 1 };
    case "yesNo":
      return { grundlag: null, resultat: meet ? "Ja" : "Nej" };
  }
}

function canMiss(t: Target): boolean {
  if (t.kind === "shareMin") return t.atLeast > 0;
  if (t.kind === "shareMax") return t.atMost < 1;
  if (t.kind === "countMin") return t.atLeast > 0;
  return true;
}

/**
 * A figure plan for one centre: rows in turn met, not met, left empty (missing) and, once per
 * centre, text where a number belongs (invalid). Joint goals: every centre gives its share of the
 * joint target, rounded up, so the joint total is met.
 */
export function plannedFigures(contract: Contract, centre: string): PlannedFigure[] {
  const rows = rowsFor(contract, centre);
  let invalidDone = false;
  return rows.map((row: GoalRow, i): PlannedFigure => {
    const at = FIRST_GOAL_ROW + i;
    const a = row.assessment;
    if (a.basis === "joint") {
      const share = Math.ceil(a.joint.target.atLeast / a.joint.centres.length);
      return { id: row.id, row: at, grundlag: null, resultat: share, status: "met" };
    }
    if (a.basis === "ownAndJoint") {
      // The row's own figure is also the centre's contribution to the joint goal, which other
      // centres' rows are judged on: meet both, with the larger of the two.
      const share = Math.ceil(a.joint.target.atLeast / a.joint.centres.length);
      return {
        id: row.id,
        row: at,
        grundlag: null,
        resultat: Math.max(a.target.atLeast, share),
        status: "met",
      };
    }
    const turn = i % 4;
    if (turn === 2) return { id: row.id, row: at, grundlag: null, resultat: null, status: "missing" };
    if (turn === 3 && !invalidDone && a.target.kind !== "yesNo") {
      invalidDone = true;
      return { id: row.id, row: at, grundlag: null, resultat: "mange", status: "invalid" };
    }
    const meet = turn !== 1 || !canMiss(a.target);
    const f = figuresFor(a.target, meet);
    return {
      id: row.id,
      row: at,
      grundlag: f.grundlag,
      resultat: f.resultat,
      status: meet ? "met" : "not_met",
    };
  });
}

export function fillOps(sheet: string, figures: PlannedFigure[]): Op[] {
  return figures.flatMap((f) => [
    ...(f.grundlag !== null
      ? [{ op: "set" as const, sheet, cell: `${COL.grundlag}${f.row}`, value: f.grundlag }]
      : []),
    ...(f.resultat !== null
      ? [{ op: "set" as const, sheet, cell: `${COL.resultat}${f.row}`, value: f.resultat }]
      : []),
  ]);
}

/** The grids a shell would read back from a rendered plan, without writing a file. */
export function gridsOfPlan(plan: WorkbookPlan): SheetGrid[] {
  return plan.sheets.map((s) => ({
    name: s.name,
    values: s.cells.map((line) => line.map((c) => (c && "value" in c ? c.value : null))),
    formulas: s.cells.map((line) => line.map((c) => (c && "formula" in c ? `=${c.formula}` : null))),
  }));
}
