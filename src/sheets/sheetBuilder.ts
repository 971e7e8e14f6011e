// A small writer that turns "put this at H12" into a SheetPlan's dense cell grid.
import { columnNumber } from "./a1";
import { emptySheet, type CellStyle, type PlanCell, type SheetPlan, type SheetRole } from "./plan";

export class SheetBuilder {
  readonly plan: SheetPlan;

  constructor(name: string, role: SheetRole) {
    this.plan = emptySheet(name, role);
  }

  set(col: string, row: number, cell: PlanCell): this {
    const cells = this.plan.cells;
    while (cells.length < row) cells.push([]);
    const line = cells[row - 1]!;
    const c = columnNumber(col) - 1;
    while (line.length <= c) line.push(null);
    line[c] = cell;
    return this;
  }

  value(col: string, row: number, value: string | number | undefined | null): this {
    return this.set(col, row, value === undefined || value === null || value === "" ? null : { value });
  }

  formula(col: string, row: number, formula: string): this {
    return this.set(col, row, { formula });
  }

  style(range: string, style: CellStyle): this {
    this.plan.styles.push({ range, style });
    return this;
  }

  /** Pads every row to the same width so shells can write one rectangular block. */
  build(): SheetPlan {
    const width = Math.max(0, ...this.plan.cells.map((r) => r.length));
    for (const r of this.plan.cells) while (r.length < width) r.push(null);
    return this.plan;
  }
}
