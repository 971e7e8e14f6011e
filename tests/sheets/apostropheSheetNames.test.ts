// A centre code with an apostrophe is a valid sheet name; every reference to it is quoted with
// the apostrophe doubled, and no defined name in the written file breaks on it.
import JSZip from "jszip";
import { parseContract } from "../../src/contracts/schema";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { writePlan } from "../../src/xlsx/writePlan";

const places = { kind: "countMin", atLeast: 1 };
const contract = parseContract({
  id: "apostrof-2008",
  title: "Apostrof",
  year: 2008,
  centres: [
    { code: "O'Brien", name: "Center O'Brien" },
    { code: "Øst", name: "Center Øst" },
  ],
  goals: [
    {
      id: "a",
      text: "Fælles mål",
      area: "Område",
      section: "Afsnit",
      centres: ["O'Brien", "Øst"],
      measure: { kind: "single", target: places, joint: { ...places, atLeast: 2 } },
    },
  ],
});

it("quotes and doubles the apostrophe in the formulas that reach the other sheet", () => {
  const plan = planWorkbook([contract], { generatedAt: "2008-01-01T00:00:00Z" });
  const formulas = plan.sheets
    .flatMap((s) => s.cells.flat())
    .flatMap((c) => (c && "formula" in c ? [c.formula] : []));
  const toOBrien = formulas.filter((f) => f.includes("Brien"));
  expect(toOBrien.length).toBeGreaterThan(0);
  for (const f of toOBrien) expect(f).not.toMatch(/(^|[^'])'O'Brien'!/);
  expect(toOBrien.some((f) => f.includes("'O''Brien'!"))).toBe(true);
});

it("writes no print-titles name with an undoubled apostrophe", async () => {
  const zip = await JSZip.loadAsync((await writePlan(planWorkbook([contract]))) as never);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  expect(workbook).not.toContain("&apos;O&apos;Brien&apos;!");
  expect(workbook).toContain("_xlnm.Print_Titles"); // Øst keeps its repeated header row
});
