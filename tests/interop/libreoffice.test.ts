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
}
