// "Kopiér til næste år": ids kept, years moved, and nothing of ours still says the old years.
import { builtinContracts } from "../../src/contracts/builtin";
import type { Contract } from "../../src/contracts/model";
import { copyToNextYear } from "../../src/definition/nextYear";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { contractOf, gridOf } from "./helpers";

describe("copyToNextYear", () => {
  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s: a 2008 copy keeps goal ids and moves the years",
    (_, c) => {
      const next = copyToNextYear(c);
      expect(next.year).toBe(2008);
      expect(next.baseYear ?? next.year - 1).toBe(2007);
      expect(next.id).toBe(c.id.replace("2007", "2008"));
      expect(next.goals.map((g) => g.id)).toEqual(c.goals.map((g) => g.id));
      expect(next.goals.map((g) => g.text)).toEqual(c.goals.map((g) => g.text));
      const deadlines = JSON.stringify(next).match(/"date":"\d{4}/g) ?? [];
      expect(deadlines.every((d) => d.endsWith("2008"))).toBe(true);
      // And it is a valid definition: it round-trips through its sheet.
      expect(contractOf(gridOf(planDefinitionSheet(next))).goals).toHaveLength(c.goals.length);
    },
  );

  /** Cells of the whole plan (centre sheets, Oversigt, definition) that say one of these years outside the appendix's own words. */
  function staleYears(next: Contract, years: RegExp): string[] {
    const verbatim = next.goals.flatMap((g) => [g.text, g.section]);
    const plan = planWorkbook([next], { generatedAt: `${next.year}-01-02T03:04:05Z` });
    plan.sheets.push(planDefinitionSheet(next));
    const offending: string[] = [];
    for (const sheet of plan.sheets.filter((s) => s.role !== "meta")) {
      sheet.cells.forEach((line, r) =>
        line.forEach((cell, col) => {
          if (!cell) return;
          const shown = "value" in cell ? String(cell.value) : cell.formula;
          const rest = verbatim.reduce((s, v) => s.split(v).join(""), shown);
          if (years.test(rest))
            offending.push(`${sheet.name}!${String.fromCharCode(65 + col)}${r + 1}: ${shown}`);
        }),
      );
    }
    return offending;
  }

  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s: the whole plan of the 2008 copy never says 2006 outside the appendix's goal texts (2007 is its base year)",
    (_, c) => {
      expect(staleYears(copyToNextYear(c), /2006/)).toEqual([]);
    },
  );

  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s: copied on to 2009, the whole plan says neither 2006 nor 2007 outside the appendix's goal texts",
    (_, c) => {
      const in2009 = copyToNextYear(copyToNextYear(c));
      expect(in2009.year).toBe(2009);
      expect(staleYears(in2009, /200[67]/)).toEqual([]);
    },
  );
});
