// The pane's definition methods in Excel (officeHost on the fake Excel): a definition sheet from a
// built-in, copied to next year, built with last year's Resultat carried into Grundlag.
import { builtinContracts } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { createOfficeHost } from "../../src/excel/officeHost";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import { FakeExcel } from "../support/fakeExcel";

const BC = "beskaeftigelsescentre-2007";

function setup() {
  const fake = new FakeExcel();
  const host = createOfficeHost({ env: fake.env(), now: () => "2008-01-02T03:04:05Z" });
  return { fake, host };
}

const rowOf = (centre: string, id: string) => {
  const contract = builtinContracts().find((c) => c.id === BC)!;
  return FIRST_GOAL_ROW + rowsFor(contract, centre).findIndex((r) => r.id === id);
};

test("Ny kontrakt from a built-in writes a definition sheet that reads back as that contract", async () => {
  const { fake, host } = setup();
  const sheet = await host.newDefinition({ kind: "builtin", id: BC });
  expect(sheet).toBe("Definition beskaeftigelse…-2007");
  expect(fake.value(sheet, "A1")).toBe("Kontraktdefinition");
  expect(fake.active?.name).toBe(sheet);
  const found = await host.definitions();
  expect(found).toEqual([{ sheet, contract: expect.objectContaining({ id: BC, year: 2007 }), problems: [] }]);
  // The Måltype column offers the kind labels as a dropdown.
  const header = Array.from({ length: 40 }, (_, i) => i + 1).find(
    (r) => fake.value(sheet, `A${r}`) === "Mål-ID",
  )!;
  expect(fake.validationAt(sheet, `G${header + 1}`)?.rule).toMatchObject({ list: { inCellDropDown: true } });
});

test("a problem in the sheet builds nothing and names its cell; selectCell goes there", async () => {
  const { fake, host } = setup();
  const sheet = await host.newDefinition({ kind: "builtin", id: BC });
  const header = Array.from({ length: 40 }, (_, i) => i + 1).find(
    (r) => fake.value(sheet, `A${r}`) === "Mål-ID",
  )!;
  fake.type(sheet, `H${header + 1}`, "ti");
  const before = fake.sheets.length;
  const built = await host.buildDefinition(sheet, { update: true, carryFromLastYear: false });
  expect(built).toEqual({
    kind: "problems",
    problems: [expect.objectContaining({ sheet, cell: `H${header + 1}` })],
  });
  expect(fake.sheets.length).toBe(before);
  await host.selectCell(sheet, `H${header + 1}`);
  expect(fake.selection).toEqual({ sheet, address: `H${header + 1}` });
});

test("Kopiér til næste år, then build with last year's Resultat as Grundlag", async () => {
  const { fake, host } = setup();
  await host.build([BC], { update: false });
  fake.type("CKB", `${COL.grundlag}${rowOf("CKB", "bc-p01")}`, 120);
  fake.type("CKB", `${COL.resultat}${rowOf("CKB", "bc-p01")}`, 96);
  fake.type("CAB", `${COL.resultat}${rowOf("CAB", "bc-b01")}`, 0.55);
  const last = await host.newDefinition({ kind: "builtin", id: BC });
  const next = await host.newDefinition({ kind: "nextYear", sheet: last });
  expect(next).toBe("Definition beskaeftigelse…-2008");
  const found = await host.definitions();
  expect(found.find((d) => d.sheet === next)?.contract).toMatchObject({
    id: "beskaeftigelsescentre-2008",
    year: 2008,
  });

  const built = await host.buildDefinition(next, { update: true, carryFromLastYear: true });
  if (built.kind !== "built") throw new Error(JSON.stringify(built));
  expect(built.result.updated).toEqual(["CKB", "CAB", "CBSI"]);
  expect(built.carry?.carried).toEqual([
    expect.objectContaining({
      centre: "CKB",
      rowId: "bc-p01",
      value: 96,
      cell: `${COL.grundlag}${rowOf("CKB", "bc-p01")}`,
    }),
  ]);
  expect(built.carry?.notCarried).toContainEqual(
    expect.objectContaining({ centre: "CAB", rowId: "bc-p01", reason: "sidste års Resultat er tomt" }),
  );
  // Next year's sheet: last year's Resultat in Grundlag, nothing else of last year's figures.
  expect(fake.value("CKB", `${COL.grundlag}${rowOf("CKB", "bc-p01")}`)).toBe(96);
  expect(fake.value("CKB", `${COL.resultat}${rowOf("CKB", "bc-p01")}`)).toBe("");
  expect(fake.value("CAB", `${COL.resultat}${rowOf("CAB", "bc-b01")}`)).toBe("");
  const overview = await host.overview();
  expect(overview.map((c) => [c.code, c.contractId])).toEqual([
    ["CKB", "beskaeftigelsescentre-2008"],
    ["CAB", "beskaeftigelsescentre-2008"],
    ["CBSI", "beskaeftigelsescentre-2008"],
  ]);
});
