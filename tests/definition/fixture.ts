// A small 2008 contract for the definition tests, and a way to edit its sheet's cells by goal id
// and column header, as an economist would.
import type { CellValue, Contract } from "../../src/contracts/model";
import type { SheetGrid } from "../../src/sheets/grid";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
import { gridOf } from "./helpers";

export const small2008: Contract = {
  id: "test-2008",
  title: "Resultatkontrakt for testcentrene 2008",
  year: 2008,
  centres: [
    { code: "CKB", name: "Center for Kompetence og Beskæftigelse" },
    { code: "CAB", name: "Center for Afklaring og Beskæftigelse" },
    { code: "NYT", name: "Det nye center" },
  ],
  goals: [
    {
      id: "t-01",
      text: "Andelen i job skal være mindst 60 %, CAB 50 %",
      area: "Beskæftigelsesindsatsen",
      section: "Fælles mål",
      centres: ["CKB", "CAB", "NYT"],
      measure: {
        kind: "single",
        target: { kind: "shareMin", atLeast: 0.6 },
        perCentre: { CAB: { kind: "shareMin", atLeast: 0.5 } },
      },
    },
    {
      id: "t-02",
      text: "Forbruget skal ligge mellem 85 og 100 % af bevillingen [ikke mål for NYT]",
      area: "Økonomi",
      section: "Fælles mål",
      centres: ["CKB", "CAB", "NYT"],
      excluded: ["NYT"],
      measure: { kind: "single", target: { kind: "spendRange", min: 0.85, max: 1 } },
    },
    {
      id: "t-03",
      text: "Handleplanen skal være færdig inden udgangen af 1. kvartal 2008",
      area: "Kvalitet i servicen",
      section: "Særlige mål for CKB",
      centres: ["CKB"],
      measure: {
        kind: "single",
        target: {
          kind: "yesNo",
          deadline: { text: "inden udgangen af 1. kvartal 2008", date: "2008-03-31" },
        },
      },
    },
    {
      id: "t-04",
      text: "Mindst 1.850 personer i virksomhedspraktik i alt",
      area: "Beskæftigelsesindsatsen",
      group: "Virksomhedsindsats",
      section: "Fælles mål",
      centres: ["CKB", "CAB", "NYT"],
      measure: { kind: "single", joint: { kind: "countMin", atLeast: 1850, unit: "personer" } },
    },
    {
      id: "t-05",
      text: "Ventetiden må højst være 33 uger",
      area: "Kvalitet i servicen",
      section: "Fælles mål",
      centres: ["CKB", "CAB", "NYT"],
      measure: { kind: "single", target: { kind: "valueMax", atMost: 33, unit: "uger" } },
    },
  ],
};

/** The fixture's definition sheet as a grid an economist can edit. */
export class EditableDefinition {
  readonly grid: SheetGrid;

  constructor(contract: Contract = small2008) {
    this.grid = gridOf(planDefinitionSheet(contract));
  }

  get headerRow(): number {
    return this.grid.values.findIndex((l) => l[0] === "Mål-ID") + 1;
  }

  /** 1-based column of a goal table header. */
  column(header: string): number {
    const i = (this.grid.values[this.headerRow - 1] ?? []).findIndex((v) => v === header);
    if (i < 0) throw new Error(`no column ${header}`);
    return i + 1;
  }

  /** 1-based row of a goal id in column A. */
  row(id: string): number {
    const i = this.grid.values.findIndex((l, r) => r >= this.headerRow && l[0] === id);
    if (i < 0) throw new Error(`no row ${id}`);
    return i + 1;
  }

  /** 1-based row of a header-block label (or centre code) in column A. */
  labelRow(label: string): number {
    const i = this.grid.values.findIndex((l) => l[0] === label);
    if (i < 0) throw new Error(`no label ${label}`);
    return i + 1;
  }

  setAt(row: number, col: number, value: CellValue): this {
    while (this.grid.values.length < row) this.grid.values.push([]);
    const line = this.grid.values[row - 1]!;
    while (line.length < col) line.push(null);
    line[col - 1] = value;
    return this;
  }

  set(id: string, header: string, value: CellValue): this {
    return this.setAt(this.row(id), this.column(header), value);
  }

  /** "H14" of a goal's cell. */
  address(id: string, header: string): string {
    return `${String.fromCharCode(64 + this.column(header))}${this.row(id)}`;
  }
}
