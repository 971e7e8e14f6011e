// The workbook judges itself: LibreOffice recalculates a built and filled workbook, and every
// Status cell of every goal row of every centre must say what `kontrakt check --json` says.
// (The rendered colours are checked in statusColours.test.ts.)
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { STATUS_LABEL } from "../../src/contracts/status";
import type { Status } from "../../src/contracts/model";
import { readGrids } from "../../src/xlsx/readGrids";
import { DANISH_CSV, ENGLISH_CSV, TAB_CSV } from "../cli/figures";
import { kontrakt, tempDir, type CheckJson } from "../cli/run";
import { convert, sofficePath } from "./soffice";
import { evaluateJoint, evaluateRow } from "../../src/contracts/evaluate";
import type { CellValue, Contract, Target } from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { parseContract } from "../../src/contracts/schema";
import { COL } from "../../src/sheets/layout";
import { placeCentres, planWorkbook } from "../../src/sheets/planWorkbook";
import { toBytes, writePlan } from "../../src/xlsx/writePlan";

const soffice = sofficePath();

if (!soffice) {
  console.warn(
    "\n*** LibreOffice (soffice) is not installed: the LibreOffice interop tests are SKIPPED. ***\n",
  );
  it.skip("SKIPPED: LibreOffice (soffice) not installed", () => undefined);
} else {
  describe("LibreOffice recalculates the workbook like kontrakt check", () => {
    let dir: string;
    let filled: string;
    let report: CheckJson;

    beforeAll(async () => {
      dir = await tempDir("lo");
      const built = path.join(dir, "kontrakter.xlsx");
      expect(kontrakt(["build", "--out", built]).code).toBe(0);
      await fs.writeFile(path.join(dir, "da.csv"), DANISH_CSV);
      await fs.writeFile(path.join(dir, "en.csv"), ENGLISH_CSV);
      await fs.writeFile(path.join(dir, "tab.txt"), TAB_CSV);
      let current = built;
      for (const csv of ["da.csv", "en.csv", "tab.txt"]) {
        const next = path.join(dir, `efter-${csv}.xlsx`);
        const r = kontrakt(["fill", current, path.join(dir, csv), "--out", next]);
        expect([csv, r.stderr, r.code]).toEqual([csv, "", 0]);
        current = next;
      }
      // Text in a number cell, as a user could paste it past the validation.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fs.readFile(current)) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("Musvågevej")!;
      const row = sheet.getColumn(1).values.findIndex((v) => v === "jc-b22");
      sheet.getCell(`H${row}`).value = 120;
      sheet.getCell(`I${row}`).value = "mange";
      filled = path.join(dir, "udfyldt.xlsx");
      await fs.writeFile(filled, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));

      const c = kontrakt(["check", filled, "--json"]);
      expect(c.code).toBe(0);
      report = JSON.parse(c.stdout) as CheckJson;
    });

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("gives the same status in every Status cell of every centre", async () => {
      const recalculated = await convert(soffice, filled, "xlsx", path.join(dir, "lo"));
      const grids = await readGrids(await fs.readFile(recalculated));
      const seen: Record<string, number> = {};
      const mismatches: string[] = [];
      let compared = 0;
      for (const centre of report.centres) {
        const grid = grids.find((g) => g.name === centre.sheet);
        expect(grid).toBeDefined();
        for (const goal of centre.goals) {
          const m = /^([A-Z]+)(\d+)$/.exec(goal.cells!.status)!;
          const shown = grid!.values[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65];
          const expected = STATUS_LABEL[goal.status as Status];
          if (shown !== expected)
            mismatches.push(`${centre.code} ${goal.id}: LibreOffice "${String(shown)}", check "${expected}"`);
          seen[goal.status] = (seen[goal.status] ?? 0) + 1;
          compared++;
        }
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBe(report.centres.reduce((n, c) => n + c.goals.length, 0));
      // The figures reach every status, so the comparison means something.
      expect(Object.keys(seen).sort()).toEqual(["invalid", "met", "missing", "not_met"]);
    });
  });

  describe("LibreOffice judges the new target kinds like the evaluator", () => {
    let dir: string;
    afterAll(async () => {
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    it("in every Status cell, a joint status with decimals, and sheet names with an apostrophe", async () => {
      dir = await tempDir("lo-kinds");
      const { contract, figures } = newKindsContract();
      const plan = planWorkbook([contract], { generatedAt: "2008-12-31T12:00:00Z" });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writePlan(plan)) as never);
      const placed = placeCentres([contract]);
      for (const p of placed) {
        const ws = wb.getWorksheet(p.sheet)!;
        for (const [id, row] of p.rows) {
          const f = figures.get(id)!;
          ws.getCell(`${COL.grundlag}${row}`).value = f.grundlag as ExcelJS.CellValue;
          ws.getCell(`${COL.resultat}${row}`).value = (
            p.centre === "Øst" ? f.resultat : (f.other ?? f.resultat)
          ) as ExcelJS.CellValue;
        }
      }
      const filledFile = path.join(dir, "nye-maaltyper.xlsx");
      // Saved through our writer's last step, which quotes "O'Brien" in the print names as Excel
      // needs (exceljs alone writes 'O'Brien'!…, which LibreOffice turns into a name no one reads).
      await fs.writeFile(filledFile, Buffer.from(await toBytes(wb)));
      const recalculated = await convert(soffice!, filledFile, "xlsx", path.join(dir, "lo"));
      const grids = await readGrids(await fs.readFile(recalculated));

      const mismatches: string[] = [];
      const seen = new Set<string>();
      let compared = 0;
      for (const p of placed) {
        const grid = grids.find((g) => g.name === p.sheet)!;
        const cell = (col: string, row: number) => grid.values[row - 1]![col.charCodeAt(0) - 65];
        for (const goalRow of rowsFor(contract, p.centre)) {
          const row = p.rows.get(goalRow.id)!;
          const own = (code: string) => {
            const f = figures.get(goalRow.id)!;
            return code === "Øst" ? f.resultat : (f.other ?? f.resultat);
          };
          const inputs = { grundlag: figures.get(goalRow.id)!.grundlag, resultat: own(p.centre) };
          const contributions = Object.fromEntries(contract.centres.map((c) => [c.code, own(c.code)]));
          const expected = STATUS_LABEL[evaluateRow(goalRow, inputs, contributions).status];
          if (cell(COL.status, row) !== expected)
            mismatches.push(
              `${p.sheet} ${goalRow.id}: LibreOffice "${String(cell(COL.status, row))}", evaluator "${expected}"`,
            );
          seen.add(expected);
          compared++;
          const a = goalRow.assessment;
          if (a.basis === "ownAndJoint") {
            const joint = STATUS_LABEL[evaluateJoint(a.joint, contributions, goalRow.context).status];
            if (cell(COL.jointStatus, row) !== joint)
              mismatches.push(
                `${p.sheet} ${goalRow.id} fælles: LibreOffice "${String(cell(COL.jointStatus, row))}", evaluator "${joint}"`,
              );
            compared++;
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(100);
      expect([...seen].sort()).toEqual(["Ikke opfyldt", "Mangler data", "Opfyldt", "Ugyldig"]);
    });
  });
}

interface Figures {
  grundlag: CellValue;
  resultat: CellValue;
  /** The second centre's Resultat where it differs (joint goals). */
  other?: CellValue;
}

/** A 2008 contract with every new kind, one goal per figure set, for two centres (one with an apostrophe). */
function newKindsContract(): { contract: Contract; figures: Map<string, Figures> } {
  const cases: [Target, [CellValue, CellValue][]][] = [
    [
      { kind: "pointChange", direction: "rise", atLeast: 0.07 },
      [
        [0.4, 0.47],
        [0.4, 0.469],
        [0.4, 0.428],
        [0.5, 0.4],
        [0.4, 47],
        [null, 0.4],
        ["40 %", 0.5],
        [0.3, 0.37],
        [0, 1],
      ],
    ],
    [
      { kind: "pointChange", direction: "fall", atLeast: 0.05 },
      [
        [0.3, 0.25],
        [0.3, 0.26],
        [0.3, 0.32],
        [1, 0.95],
        [0.3, -0.1],
        [0.3, null],
      ],
    ],
    [
      { kind: "valueMin", atLeast: 4 },
      [
        [null, 4],
        [null, 3.95],
        [null, 4.01],
        [null, "4,2"],
        [null, -1],
        [null, null],
        [null, 3.9999999999],
      ],
    ],
    [
      { kind: "countMin", atLeast: 838, unit: "pladser", decimals: true },
      [
        [null, 838],
        [null, 837.999],
        [null, 838.4],
        [null, -1],
        [null, "838"],
        [null, null],
      ],
    ],
    [
      { kind: "change", direction: "fall", atLeast: 0.1 },
      [
        [0, 0],
        [0, 3],
        [100, 90],
        [100, 90.01],
        [null, 0],
        [0, null],
        [5, 4.5],
      ],
    ],
    [
      { kind: "change", direction: "rise", atLeast: 0.1 },
      [
        [0, 3],
        [10, 11],
        [10, 10.99],
        [0, null],
      ],
    ],
    [
      { kind: "yesNo", deadline: { text: "inden udgangen af 1. kvartal 2008", date: "2008-03-31" } },
      [
        [null, "15.3.2008"],
        [null, "1.4.2008"],
        [null, 39538],
        [null, 39539],
        [null, 39538.75],
        [null, "Ja"],
        [null, " nej "],
        [null, "31.2.2008"],
        [null, "15-03-2008"],
        [null, "Måske"],
        [null, null],
        [null, 12],
        [null, "15.03.08"],
        [null, "1.13.2008"],
        [null, true],
      ],
    ],
    [
      { kind: "shareMin", atLeast: 0.7, provisionalUpTo: 0.75 },
      [
        [100, 72],
        [100, 69],
        [null, 0.7],
        [100, 80],
        [0, 5],
      ],
    ],
  ];
  const figures = new Map<string, Figures>();
  const goals: unknown[] = [];
  let n = 0;
  for (const [target, sets] of cases) {
    for (const [grundlag, resultat] of sets) {
      const id = `n${String(++n).padStart(2, "0")}`;
      figures.set(id, { grundlag, resultat });
      goals.push({
        id,
        text: `Mål ${n}`,
        area: "Nye måltyper",
        section: "Prøve",
        centres: ["Øst", "O'Brien"],
        measure: { kind: "single", target },
      });
    }
  }
  // A joint goal in helårspladser: each centre's own places, and the sum against the joint target.
  for (const [a, b] of [
    [10.5, 10],
    [10.25, 10.5],
    [10.5, null],
    [-1, 11],
  ] as [CellValue, CellValue][]) {
    const id = `n${String(++n).padStart(2, "0")}`;
    figures.set(id, { grundlag: null, resultat: a, other: b });
    const own = { kind: "countMin", atLeast: 10, unit: "pladser", decimals: true };
    goals.push({
      id,
      text: `Mål ${n}`,
      area: "Nye måltyper",
      section: "Prøve",
      centres: ["Øst", "O'Brien"],
      measure: { kind: "single", target: own, joint: { ...own, atLeast: 20.75 } },
    });
  }
  const contract = parseContract({
    id: "nye-maaltyper-2008",
    title: "Prøve med nye måltyper",
    year: 2008,
    centres: [
      { code: "Øst", name: "Center Øst" },
      { code: "O'Brien", name: "Center O'Brien" },
    ],
    goals,
  });
  return { contract, figures };
}
