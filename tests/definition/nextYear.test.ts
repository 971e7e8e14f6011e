// "Kopiér til næste år": ids kept, years moved, and nothing of ours still says the old years.
import { builtinContracts } from "../../src/contracts/builtin";
import { copyToNextYear } from "../../src/definition/nextYear";
import { planDefinitionSheet } from "../../src/definition/planDefinitionSheet";
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

  it.each(builtinContracts().map((c) => [c.id, c] as const))(
    "%s: the definition sheet of the 2008 copy says 2006 or 2007 only inside the appendix's goal texts",
    (_, c) => {
      const next = copyToNextYear(c);
      const verbatim = next.goals.flatMap((g) => [g.text, g.section]);
      // The centre sheets' texts come from the kind table (branch kinds makes them year-neutral).
      const plan = { sheets: [planDefinitionSheet(next)] };
      const offending: string[] = [];
      for (const sheet of plan.sheets.filter((s) => s.role !== "meta")) {
        sheet.cells.forEach((line, r) =>
          line.forEach((cell, col) => {
            if (!cell) return;
            const shown = "value" in cell ? String(cell.value) : cell.formula;
            if (!/200[67]/.test(shown)) return;
            // The base year of a 2008 contract is 2007 by definition ("ift. 2007").
            const label = line[0];
            if (col === 1 && shown === "2007" && label && "value" in label && label.value === "Basisår")
              return;
            const rest = verbatim.reduce((s, v) => s.split(v).join(""), shown);
            if (/200[67]/.test(rest))
              offending.push(`${sheet.name}!${String.fromCharCode(65 + col)}${r + 1}: ${shown}`);
          }),
        );
      }
      expect(offending).toEqual([]);
    },
  );
});
