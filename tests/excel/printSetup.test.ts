// The print set-up of a centre sheet reaches Excel as planned: what is printed, the margins that
// keep it readable, the repeated header row and the page numbers.
import { applyPlan } from "../../src/excel/applyPlan";
import { capabilities } from "../../src/excel/env";
import { builtinContracts } from "../../src/contracts/builtin";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { FakeExcel } from "../support/fakeExcel";

test("a centre sheet prints A–N with narrow margins, its header row on every page and page numbers", async () => {
  const fake = new FakeExcel();
  const plan = planWorkbook(builtinContracts().slice(1), { generatedAt: "2026-11-29T10:00:00Z" });
  await fake.run((context) =>
    applyPlan(context, plan, {
      caps: capabilities(fake.env()),
      existing: new Map(),
      existingNames: new Set(),
    }),
  );
  const ckb = fake.sheet("CKB").pageLayout;
  const last = plan.sheets.find((s) => s.name === "CKB")!.cells.length;
  expect(ckb.printArea).toBe(`A1:N${last}`);
  expect(ckb.printTitleRows).toBe("$7:$7");
  expect(ckb.headers.centerFooter).toBe("Side &P af &N");
  // The plan's sections go to Excel as they are: the contract on the left, the centre, the date.
  const contract = builtinContracts()[1]!;
  expect(ckb.headers.leftHeader).toBe(contract.title.replace(/&/g, "&&"));
  expect(ckb.headers.centerHeader).toBe(contract.centres.find((c) => c.code === "CKB")!.name);
  expect(ckb.headers.rightHeader).toBe("&D");
  expect(ckb.margins).toEqual({ left: 14.4, right: 14.4, top: 39.6, bottom: 39.6, header: 18, footer: 18 });
  expect(ckb.orientation).toBe("Landscape");
  // The summary is printed as far as its widest block reaches, not over the chart beside it.
  expect(fake.sheet("Oversigt").pageLayout.printArea).toMatch(/^A1:[A-Z]\d+$/);
});
