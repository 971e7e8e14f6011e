// The layered styles (sheets/styleGroups.ts layerStyles) are what the Office.js shell shows: every
// cell's look on the fake host, whichever way applyPlan grouped the requests, is the cell's
// effective style, property by property.
import { builtinContracts } from "../../src/contracts/builtin";
import { applyPlan } from "../../src/excel/applyPlan";
import { capabilities } from "../../src/excel/env";
import { BORDER_COLOR } from "../../src/sheets/excelLimits";
import type { CellStyle, WorkbookPlan } from "../../src/sheets/plan";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { groupStyles, layerStyles, StyleTable } from "../../src/sheets/styleGroups";
import { FakeExcel } from "../support/fakeExcel";
import { syntheticContract } from "../support/fakeContract";

const ALIGN = {
  left: "Left",
  center: "Center",
  right: "Right",
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};

/** A CellStyle in the fake host's per-cell format keys, defaults left out. */
function expected(style: CellStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (style.bold) out["font.bold"] = true;
  if (style.italic) out["font.italic"] = true;
  if (style.size !== undefined) out["font.size"] = style.size;
  if (style.fontColor) out["font.color"] = `#${style.fontColor}`;
  if (style.fill) out["fill.color"] = `#${style.fill}`;
  if (style.wrap) out.wrapText = true;
  if (style.horizontal) out.horizontalAlignment = ALIGN[style.horizontal];
  if (style.vertical) out.verticalAlignment = ALIGN[style.vertical];
  if (style.locked === false) out["protection.locked"] = false;
  if (style.numberFormat && style.numberFormat !== "General") out.numberFormat = style.numberFormat;
  if (style.border) {
    for (const side of ["top", "bottom", "left", "right"]) {
      out[`border.${side}`] = "Continuous";
      out[`border.${side}.color`] = `#${BORDER_COLOR}`;
    }
  }
  return out;
}

/** What the fake recorded for a cell, without what a new cell has anyway. */
function seen(format: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(format ?? {})) {
    if (k === "numberFormat" && v === "General") continue;
    out[k] = v;
  }
  return out;
}

async function expectLayeredLooks(plan: WorkbookPlan, apiVersion = "1.9"): Promise<number> {
  const fake = new FakeExcel({ sheets: ["Ark1"], apiVersion });
  await fake.run((context) =>
    applyPlan(context, plan, {
      caps: capabilities(fake.env()),
      existing: new Map(),
      existingNames: new Set(),
    }),
  );
  let cells = 0;
  const table = new StyleTable();
  for (const p of plan.sheets) {
    const sheet = fake.sheet(p.name);
    const grid = layerStyles(p.styles, table);
    const keys = new Set(sheet.formats.keys());
    grid.forEach((ids, r) =>
      ids.forEach((id, c) => {
        if (id !== undefined) keys.add(`${r},${c}`);
      }),
    );
    for (const key of keys) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      const id = grid[r]?.[c];
      const want = id === undefined ? {} : expected(table.style(id));
      expect({ sheet: p.name, cell: key, ...seen(sheet.formats.get(key)) }).toEqual({
        sheet: p.name,
        cell: key,
        ...want,
      });
      cells++;
    }
  }
  return cells;
}

test("layering: a later range overrides only what it sets, false included", () => {
  const table = new StyleTable();
  const grid = layerStyles(
    [
      { range: "A1:B2", style: { bold: true, fill: "EEEEEE" } },
      { range: "B2", style: { bold: false, numberFormat: "0%" } },
      { range: "A2", style: {} },
    ],
    table,
  );
  expect(table.style(grid[0]![0]!)).toEqual({ bold: true, fill: "EEEEEE" });
  expect(table.style(grid[1]![1]!)).toEqual({ bold: false, fill: "EEEEEE", numberFormat: "0%" });
  expect(table.style(grid[1]![0]!)).toEqual({ bold: true, fill: "EEEEEE" });
  // An empty layer and one setting bold: false are different layers.
  expect(table.idOf({})).not.toBe(table.idOf({ bold: false }));
});

test("property by property: a border over a table with varying fills is one rectangle", () => {
  const { patches } = groupStyles([
    { range: "A1:D10", style: { border: true, vertical: "top" } },
    { range: "B1:B10", style: { fill: "FFF9DB", locked: false } },
    { range: "D3", style: { bold: true } },
  ]);
  const border = patches.filter((p) => p.style.border);
  expect(border).toEqual([
    { rect: { top: 1, left: 1, bottom: 10, right: 4 }, style: { border: true, vertical: "top" } },
  ]);
  expect(patches).toHaveLength(3);
});

test("every cell of the built-in workbook shows its layered style on the Office.js side", async () => {
  const plan = planWorkbook(builtinContracts(), { generatedAt: "2026-11-22T10:00:00Z", trips: [] });
  expect(await expectLayeredLooks(plan)).toBeGreaterThan(1000);
});

test("…also where Excel has no setCellProperties (ExcelApi 1.8: property assignments only)", async () => {
  const plan = planWorkbook(builtinContracts(), { generatedAt: "2026-11-22T10:00:00Z", trips: [] });
  expect(await expectLayeredLooks(plan, "1.8")).toBeGreaterThan(1000);
});

test("…and of a 12-centre synthetic contract", async () => {
  const plan = planWorkbook([syntheticContract(12, 30)], { generatedAt: "2026-11-22T10:00:00Z", trips: [] });
  expect(await expectLayeredLooks(plan)).toBeGreaterThan(1000);
});
