// Loads a WorkbookPlan's cells into HyperFormula, so tests can type figures and read statuses.
import type { HyperFormula } from "hyperformula";
import type { CellValue } from "../../src/contracts/model";
import { columnNumber } from "../../src/sheets/a1";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { hfContent, newEngine } from "./hyperformula";

export class PlanInEngine {
  readonly hf: HyperFormula = newEngine();

  constructor(plan: WorkbookPlan) {
    this.hf.batch(() => {
      for (const s of plan.sheets) this.hf.addSheet(s.name);
      for (const n of plan.names) this.hf.addNamedExpression(n.name, `=${n.refersTo}`);
      for (const s of plan.sheets) {
        const id = this.hf.getSheetId(s.name)!;
        const content = s.cells.map((line) =>
          line.map((c) => (c === null ? null : "formula" in c ? `=${c.formula}` : hfContent(c.value))),
        );
        this.hf.setSheetContent(id, content);
      }
    });
  }

  private at(sheet: string, a1: string) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return { sheet: this.hf.getSheetId(sheet)!, col: columnNumber(m[1]!) - 1, row: Number(m[2]) - 1 };
  }

  type(sheet: string, a1: string, value: CellValue): void {
    this.hf.setCellContents(this.at(sheet, a1), [[hfContent(value)]]);
  }

  get(sheet: string, a1: string): unknown {
    return this.hf.getCellValue(this.at(sheet, a1));
  }

  /** The sheet's values as a grid, as a shell would read them back. */
  grid(sheet: string): CellValue[][] {
    const values = this.hf.getSheetValues(this.hf.getSheetId(sheet)!);
    return values.map((line) =>
      line.map((v) => (v === null || typeof v === "object" ? (v === null ? null : String(v)) : v)),
    );
  }
}
