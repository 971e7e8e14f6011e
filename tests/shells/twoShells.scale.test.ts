// The two-shell comparison (twoShells.test.ts) at scale: a contract of 40 centres, every target
// kind, through the Office.js shell over the fake Excel host and through exceljs.
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { syntheticContract } from "../support/fakeContract";
import { differences, throughExceljs, throughOffice } from "./renderings";

test("a 40-centre synthetic contract: both shells write the same cells, validations, highlights and protection", async () => {
  const plan = planWorkbook([syntheticContract(40, 16)], { generatedAt: "2026-11-29T10:00:00.000Z" });
  const office = await throughOffice(plan);
  const exceljs = await throughExceljs(plan, office.fake);
  expect(office.sheets.filter((s) => /^C\d{3}$/.test(s.name) && s.protection.protected)).toHaveLength(40);
  expect(differences(office.sheets, exceljs).slice(0, 20)).toEqual([]);
}, 300_000);
