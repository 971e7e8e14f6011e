// One plan through both shells: what the Office.js shell (over the fake Excel host) and the
// exceljs shell (read back from its file) wrote must agree cell by cell — values, formulas,
// number formats, validations, conditional formats and protection. The plan decides; a shell
// that differs is wrong.
import { builtinContracts } from "../../src/contracts/builtin";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { planTemplate } from "../../src/templates/planTemplate";
import { syntheticContract } from "../support/fakeContract";
import { differences, throughExceljs, throughOffice } from "./renderings";

const AT = "2026-11-29T10:00:00.000Z";

async function compare(plan: WorkbookPlan) {
  const office = await throughOffice(plan);
  const exceljs = await throughExceljs(plan, office.fake);
  return { office: office.sheets, exceljs, differences: differences(office.sheets, exceljs) };
}

test("the built-in workbook: both shells write the same cells, validations, highlights and protection", async () => {
  const { office, differences: diff } = await compare(planWorkbook(builtinContracts(), { generatedAt: AT }));
  expect(diff.slice(0, 20)).toEqual([]);
  // Not an empty comparison: every centre sheet has formulas, unlocked inputs, validations and colours.
  const ckb = office.find((s) => s.name === "CKB")!;
  expect([...ckb.cells.values()].some((c) => String(c.content).startsWith("="))).toBe(true);
  expect([...ckb.cells.values()].some((c) => c.unlocked)).toBe(true);
  expect(ckb.validations.size).toBeGreaterThan(0);
  expect(ckb.highlights.length).toBeGreaterThan(0);
  expect(ckb.protection.protected).toBe(true);
});

test("a template for one centre: both shells agree", async () => {
  const contract = builtinContracts().find((c) => c.id === "beskaeftigelsescentre-2007")!;
  const { office, differences: diff } = await compare(planTemplate(contract, "CKB", { exportedAt: AT }));
  expect(diff.slice(0, 20)).toEqual([]);
  expect(office.find((s) => s.name === "CKB")!.validations.size).toBeGreaterThan(0);
});

test("a synthetic contract with every target kind: both shells agree", async () => {
  const { differences: diff } = await compare(planWorkbook([syntheticContract(3, 8)], { generatedAt: AT }));
  expect(diff.slice(0, 20)).toEqual([]);
});

test("the comparison sees what one shell wrote differently: a format, a lock, a prompt, a colour, protection", async () => {
  const plan = planWorkbook([syntheticContract(1, 8)], { generatedAt: AT });
  const office = await throughOffice(plan);
  const altered = structuredClone(plan);
  const sheet = altered.sheets.find((s) => s.name === "C001")!;
  sheet.styles.push({ range: "H8", style: { numberFormat: "0.000", locked: true } });
  sheet.validations[0]!.prompt.text = "Ændret";
  sheet.conditionalFormats[0]!.fill = "123456";
  sheet.protect = false;
  const diff = differences(office.sheets, await throughExceljs(altered, office.fake)).join("\n");
  expect(diff).toMatch(
    /C001 H8: .*"numberFormat":"General","unlocked":true.*≠ exceljs .*"numberFormat":"0.000","unlocked":false/,
  );
  expect(diff).toMatch(/C001 validation [A-Z]+\d+: .*"prompt":"Ændret"/);
  expect(diff).toMatch(/C001 highlights: .*"fill":"123456"/);
  expect(diff).toMatch(/C001 protection: Office.js \{"protected":true/);
});
