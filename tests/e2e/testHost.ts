// Browser entry for the end-to-end test: the real Office.js shell (officeHost, applyPlan,
// readGrids) over the fake Excel host, handed to the production task pane as
// window.__RK_TEST_HOST__. window.__RK_E2E__ lets the test type like a user and look inside.
import { builtinContracts } from "../../src/contracts/builtin";
import { createOfficeHost } from "../../src/excel/officeHost";
import { FakeExcel } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";

const fake = new FakeExcel();
const host = createOfficeHost({ env: fake.env() });

Object.assign(window, {
  __RK_TEST_HOST__: host,
  __RK_E2E__: {
    typeFigures: (seed = 0) => typeFigures(fake, builtinContracts(), seed).length,
    sheets: () =>
      fake.sheets.map((s) => ({ name: s.name, visibility: s.visibility, protected: s.protected })),
    value: (sheet: string, address: string) => fake.value(sheet, address),
    selection: () => fake.selection,
    activeSheet: () => fake.active?.name ?? null,
    metaLines: () =>
      fake.hf
        .getSheetValues(fake.sheet("RK_Data").hfId)
        .map((line) => line.map((v) => (v === null || v === undefined ? "" : String(v)))),
    syncs: () => fake.stats.syncs,
  },
});
