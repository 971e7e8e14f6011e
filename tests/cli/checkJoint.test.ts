// kontrakt check, in-process: a row judged on its own share beside a joint target shows both —
// its own target and status, and the joint total with the joint status.
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findBuiltin } from "../../src/contracts/builtin";
import { checkCommand } from "../../src/cli/check";
import { COL } from "../../src/sheets/layout";
import { placeCentres, planWorkbook } from "../../src/sheets/planWorkbook";
import { writePlan } from "../../src/xlsx/writePlan";

async function checkText(places: Record<string, number>): Promise<string> {
  const contract = findBuiltin("beskaeftigelsescentre-2007")!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await writePlan(planWorkbook([contract], { generatedAt: "2007-12-31T12:00:00Z" }))) as never,
  );
  for (const p of placeCentres([contract])) {
    const row = p.rows.get("bc-o03")!;
    wb.getWorksheet(p.sheet)!.getCell(`${COL.resultat}${row}`).value = places[p.centre] ?? null;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "rk-check-"));
  const file = path.join(dir, "bc.xlsx");
  await fs.writeFile(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  let out = "";
  await checkCommand.run([file], { out: (t) => (out += t), err: () => {} });
  return out;
}

it("shows the own status and the joint total with its status, centre codes in their case", async () => {
  const out = await checkText({ CKB: 840.5, CAB: 790, CBSI: 850 });
  const line = (code: string) =>
    out.split("\n").find((l) => l.includes("bc-o03") && out.indexOf(l) > out.indexOf(`${code} –`))!;
  expect(line("CKB")).toMatch(/bc-o03\s+Opfyldt\s+840,5 pladser\s+Mindst 838 pladser \(fælles\)/);
  expect(line("CKB")).toContain(
    "Opfyldt: 840,5 pladser. Fælles: 2.480,5 pladser i alt – Ikke opfyldt (mindst 2.484 pladser i alt for CKB, CAB og CBSI).",
  );
});

it("says the joint status lacks data while a centre has not reported", async () => {
  const out = await checkText({ CKB: 900, CAB: 900 });
  expect(out).toContain("Fælles: Mangler data (mindst 2.484 pladser i alt for CKB, CAB og CBSI).");
});
