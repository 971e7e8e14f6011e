// The Office.js shell end to end on the fake Excel host: build the built-in contracts, type
// figures as a user would, and check that the workbook's own Status formulas (computed by
// HyperFormula) and the task pane's overview (the core evaluator) say the same thing.
import { builtinContracts } from "../../src/contracts/builtin";
import type { Contract } from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { STATUS_LABEL, statusFromLabel } from "../../src/contracts/status";
import { createOfficeHost } from "../../src/excel/officeHost";
import {
  COL,
  COUNT_VALUE_COL,
  FIRST_GOAL_ROW,
  LISTS_SHEET,
  META_SHEET,
  SUMMARY_SHEET,
  YES_NO_NAME,
} from "../../src/sheets/layout";
import { STATUS_COLOURS } from "../../src/sheets/styles";
import { FakeExcel } from "../support/fakeExcel";
import { typeFigures } from "../support/fakeFigures";

const NOW = () => "2026-11-22T10:00:00Z";

function setup(options: { apiVersion?: string; contracts?: () => Contract[] } = {}) {
  const fake = new FakeExcel({ apiVersion: options.apiVersion });
  const host = createOfficeHost({ env: fake.env(), now: NOW, contracts: options.contracts });
  return { fake, host };
}

const allIds = () => builtinContracts().map((c) => c.id);
const centreSheets = () => builtinContracts().flatMap((c) => c.centres.map((x) => x.code));

describe("building the built-in contracts", () => {
  test("makes every sheet, named, protected, hidden and ordered as planned", async () => {
    const { fake, host } = setup();
    const result = await host.build(allIds(), { update: false });
    expect(result.created).toEqual(centreSheets());
    expect(result.updated).toEqual([]);
    const names = fake.sheets.map((s) => s.name);
    expect(names.slice(0, 12)).toEqual([SUMMARY_SHEET, ...centreSheets(), LISTS_SHEET, META_SHEET]);
    expect(fake.sheet(LISTS_SHEET).visibility).toBe("Hidden");
    expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
    for (const code of centreSheets()) {
      const s = fake.sheet(code);
      expect(s.protected).toBe(true);
      expect(s.freeze).toEqual({ rows: 7, columns: 1 });
      expect(s.pageLayout.orientation).toBe("Landscape");
      expect(s.pageLayout.printTitleRows).toBe("$7:$7");
    }
    expect(fake.names.get(YES_NO_NAME.toLowerCase())?.formula).toBe(`=${LISTS_SHEET}!$A$1:$A$2`);
    expect(fake.sheet(SUMMARY_SHEET).charts).toHaveLength(2);
    expect(fake.sheet(SUMMARY_SHEET).charts[0]!.seriesColors).toEqual(
      (["met", "not_met", "missing", "invalid"] as const).map((s) => `#${STATUS_COLOURS[s].fill}`),
    );
    expect(fake.active?.name).toBe(centreSheets()[0]);
    expect(fake.enableEvents).toBe(true);
  });

  test("typed figures: each Status formula equals the evaluator, and overview() says the same", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    const typed = typeFigures(fake, builtinContracts());
    const overview = await host.overview();
    expect(overview.map((c) => c.sheet)).toEqual(centreSheets());

    const seen = new Set<string>();
    for (const centre of overview) {
      const attention = new Map(centre.attention.map((a) => [a.row, a]));
      const rows = typed.filter((t) => t.sheet === centre.sheet);
      const counted = { met: 0, not_met: 0, missing: 0, invalid: 0 };
      for (const t of rows) {
        const label = fake.value(t.sheet, `${COL.status}${t.row}`);
        const status = statusFromLabel(label);
        expect({ sheet: t.sheet, id: t.id, status }).toEqual({
          sheet: t.sheet,
          id: t.id,
          status: expect.any(String),
        });
        seen.add(status!);
        counted[status as keyof typeof counted]++;
        const a = attention.get(t.row);
        if (status === "met") expect(a).toBeUndefined();
        else
          expect({ id: t.id, status: a?.status, goalId: a?.goalId }).toEqual({
            id: t.id,
            status,
            goalId: t.id,
          });
      }
      expect(centre.counts).toEqual(counted);
      // The live counts at the top of the sheet agree too.
      expect([1, 2, 3, 4].map((r) => fake.value(centre.sheet, `${COUNT_VALUE_COL}${r}`))).toEqual([
        counted.met,
        counted.not_met,
        counted.missing,
        counted.invalid,
      ]);
    }
    expect([...seen].sort()).toEqual(["invalid", "met", "missing", "not_met"]);
  });

  test("status colours: each status cell is highlighted by the rule for its own status", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    const typed = typeFigures(fake, builtinContracts(), 1);
    for (const t of typed.filter((_, i) => i % 7 === 0)) {
      const status = statusFromLabel(
        fake.value(t.sheet, `${COL.status}${t.row}`),
      ) as keyof typeof STATUS_COLOURS;
      const hits = fake.highlightsAt(t.sheet, `${COL.text}${t.row}`);
      expect(hits.map((h) => h.fill)).toEqual([`#${STATUS_COLOURS[status].fill}`]);
    }
  });

  test("inputs are unlocked and validated; everything else is locked", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    const sheet = "CKB";
    const row = FIRST_GOAL_ROW;
    expect(() => fake.type(sheet, `${COL.status}${row}`, "Opfyldt")).toThrow(/beskyttet/);
    expect(() => fake.type(sheet, `${COL.text}${row}`, "x")).toThrow(/beskyttet/);
    expect(() => fake.type(sheet, `${COL.grundlag}${row}`, -5)).toThrow(/Ugyldigt tal/);
    expect(() => fake.type(sheet, `${COL.grundlag}${row}`, "abc")).toThrow(/Ugyldigt tal/);
    fake.type(sheet, `${COL.grundlag}${row}`, 12.5);
    fake.type(sheet, `${COL.comment}${row}`, "Tekst i bemærkning");
    expect(fake.value(sheet, `${COL.comment}${row}`)).toBe("Tekst i bemærkning");

    // A yes/no goal's Resultat takes its list from the defined name, not a comma string. (One
    // with a deadline also takes the date it was done, so it has no list: see planCentreSheet.)
    const contract = builtinContracts().find((c) => c.centres.some((x) => x.code === sheet))!;
    const yesNo = rowsFor(contract, sheet).findIndex(
      (r) =>
        r.assessment.basis === "own" && r.assessment.target.kind === "yesNo" && !r.assessment.target.deadline,
    );
    expect(yesNo).toBeGreaterThanOrEqual(0);
    const cell = `${COL.resultat}${FIRST_GOAL_ROW + yesNo}`;
    expect(fake.validationAt(sheet, cell)?.rule).toEqual({
      list: { inCellDropDown: true, source: `=${YES_NO_NAME}` },
    });
    expect(() => fake.type(sheet, cell, "Måske")).toThrow();
    fake.type(sheet, cell, "Ja");
    expect(fake.value(sheet, `${COL.status}${FIRST_GOAL_ROW + yesNo}`)).toBe(STATUS_LABEL.met);

    for (const s of fake.sheets) {
      for (const v of s.validations.values()) {
        const source = (v.rule?.list as { source?: string } | undefined)?.source;
        if (source !== undefined) expect(source.startsWith("=")).toBe(true);
      }
    }
  });

  test("text that looks like a number stays text (goal ids such as 1.2)", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    const contract = builtinContracts()[0]!;
    const centre = contract.centres[0]!.code;
    rowsFor(contract, centre).forEach((r, i) => {
      expect(fake.value(centre, `${COL.id}${FIRST_GOAL_ROW + i}`)).toBe(r.id);
    });
  });
});

describe("rebuilding keeps every figure and comment by goal id", () => {
  test("after goals were removed, reordered and added", async () => {
    const original = builtinContracts();
    const { fake, host } = setup();
    await host.build(
      original.map((c) => c.id),
      { update: false },
    );
    const typed = typeFigures(fake, original);

    // A changed copy of the first contract: two goals gone, the rest reversed, one new goal.
    const [first, second] = original as [Contract, Contract];
    const removed = new Set([first.goals[1]!.id, first.goals[4]!.id]);
    const changed: Contract = {
      ...first,
      goals: [
        { ...first.goals[0]!, id: "ny-maal", text: "Et nyt mål" },
        ...first.goals.filter((g) => !removed.has(g.id)).reverse(),
      ],
    };
    const host2 = createOfficeHost({ env: fake.env(), now: NOW, contracts: () => [changed, second] });
    expect(await host2.existingSheets([changed.id])).toEqual(first.centres.map((c) => c.code));
    const result = await host2.build([changed.id], { update: true });
    expect(result.updated).toEqual(first.centres.map((c) => c.code));

    const goalOf = (rowId: string) => rowId.split(".")[0]!;
    let expectedKept = 0;
    for (const t of typed) {
      const contract = t.sheet && second.centres.some((c) => c.code === t.sheet) ? second : changed;
      const rows = rowsFor(contract, t.sheet);
      const at = rows.findIndex((r) => r.id === t.id);
      if (contract === changed && removed.has(goalOf(t.id))) {
        expect(at).toBe(-1);
        expect(result.orphaned.some((o) => o.sheet === t.sheet && o.id === t.id)).toBe(true);
        continue;
      }
      expect(at).toBeGreaterThanOrEqual(0);
      const row = FIRST_GOAL_ROW + at;
      const cell = (col: string) => fake.value(t.sheet, `${col}${row}`);
      expect({ id: t.id, g: cell(COL.grundlag), r: cell(COL.resultat), c: cell(COL.comment) }).toEqual({
        id: t.id,
        g: t.grundlag ?? "",
        r: t.resultat ?? "",
        c: t.comment,
      });
      if (contract === changed)
        expectedKept += [t.grundlag, t.resultat, t.comment].filter((v) => v !== null && v !== "").length;
    }
    expect(result.keptValues).toBe(expectedKept);
    // The new goal's row is empty; the other contract's sheets were not touched.
    expect(fake.value(first.centres[0]!.code, `${COL.resultat}${FIRST_GOAL_ROW}`)).toBe("");
    expect(fake.value(first.centres[0]!.code, `${COL.id}${FIRST_GOAL_ROW}`)).toBe("ny-maal");

    // And the overview reads the rebuilt workbook with the changed contract.
    const overview = await host2.overview();
    expect(overview.filter((c) => c.contractId === changed.id)).toHaveLength(first.centres.length);
  });

  test("refuses to overwrite existing sheets without update, and leaves them alone", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    fake.type("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`, 7);
    await expect(host.build(allIds(), { update: false })).rejects.toThrow(/findes allerede/);
    expect(fake.value("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`)).toBe(7);
  });

  test("refuses a sheet with a centre's name that the add-in did not make", async () => {
    const { fake, host } = setup();
    await fake.run(async (context) => {
      context.workbook.worksheets.add("CKB");
      await context.sync();
    });
    await expect(host.build(allIds(), { update: true })).rejects.toThrow(/ikke et kontraktark/);
  });

  test("a sheet protected with a password it does not know: a Danish error, events back on", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    fake.sheet("CAB").protected = false;
    fake.protectWithPassword("CAB", "hemmelig");
    await expect(host.build(allIds(), { update: true })).rejects.toThrow(
      /^Excel afviste ændringen: et ark .*beskyttet/,
    );
    expect(fake.enableEvents).toBe(true);
  });
});

describe("the summary sheet", () => {
  test("makes Oversigt from the workbook's own contract data, with live counts", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    typeFigures(fake, builtinContracts());
    fake.resetStats();
    await host.summary();
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    const overview = await host.overview();
    // The status table's first contract block: row 5 header, rows 6–9 counts, centres from column C.
    const first = overview.filter((c) => c.contractId === builtinContracts()[0]!.id);
    first.forEach((c, i) => {
      const col = String.fromCharCode(67 + i);
      expect(fake.value(SUMMARY_SHEET, `${col}5`)).toBe(c.code);
      expect([6, 7, 8, 9].map((r) => fake.value(SUMMARY_SHEET, `${col}${r}`))).toEqual([
        c.counts.met,
        c.counts.not_met,
        c.counts.missing,
        c.counts.invalid,
      ]);
    });
    expect(fake.active?.name).toBe(SUMMARY_SHEET);
  });

  test("on a workbook that is not a contract workbook: a Danish message and nothing written", async () => {
    const { fake, host } = setup();
    await expect(host.summary()).rejects.toThrow(/ikke en kontraktprojektmappe/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Ark1"]);
    expect(await host.overview()).toEqual([]);
  });
});

describe("selectRow, existingSheets, onChanged", () => {
  test("selectRow shows the row on its sheet", async () => {
    const { fake, host } = setup();
    await host.build(allIds(), { update: false });
    await host.selectRow("CAB", 12);
    expect(fake.active?.name).toBe("CAB");
    expect(fake.selection).toEqual({ sheet: "CAB", address: `A12:${COL.hint}12` });
  });

  test("existingSheets lists the chosen contracts' sheets that are already there", async () => {
    const { host } = setup();
    expect(await host.existingSheets(allIds())).toEqual([]);
    await host.build([allIds()[1]!], { update: false });
    expect(await host.existingSheets(allIds())).toEqual(builtinContracts()[1]!.centres.map((c) => c.code));
    await expect(host.existingSheets(["findes-ikke"])).rejects.toThrow(/findes ikke/);
  });

  test.each(["1.9", "1.7"])(
    "onChanged (ExcelApi %s): the user's typing counts, the add-in's own writes do not",
    async (apiVersion) => {
      const { fake, host } = setup({ apiVersion });
      await host.build(allIds(), { update: false });
      await host.overview();
      const calls: number[] = [];
      const stop = await host.onChanged(() => calls.push(Date.now()));
      await host.build(allIds(), { update: true });
      await host.summary();
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 600));
      fake.type("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`, 3);
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toHaveLength(1);
      if (apiVersion === "1.9") {
        // With the contract sheets known, typing elsewhere does not refresh the pane.
        await host.overview();
        fake.type("Ark1", "A1", 1);
        await new Promise((r) => setTimeout(r, 20));
        expect(calls).toHaveLength(1);
      }
      stop();
      await new Promise((r) => setTimeout(r, 20));
      fake.type("CKB", `${COL.resultat}${FIRST_GOAL_ROW}`, 4);
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toHaveLength(1);
    },
  );
});

describe("older Excel (ExcelApi 1.7, the manifest's floor)", () => {
  test("builds without the newer APIs, says what it left out, and still judges itself", async () => {
    const { fake, host } = setup({ apiVersion: "1.7" });
    const result = await host.build(allIds(), { update: false });
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Datavalidering/),
        expect.stringMatching(/Udskriftsopsætning/),
      ]),
    );
    expect(fake.sheet("CKB").validations.size).toBe(0);
    expect(fake.sheet("CKB").protected).toBe(true);
    const typed = typeFigures(fake, builtinContracts());
    const overview = await host.overview();
    const byRow = new Map(overview.flatMap((c) => c.attention.map((a) => [`${a.sheet}!${a.row}`, a.status])));
    for (const t of typed) {
      const status = statusFromLabel(fake.value(t.sheet, `${COL.status}${t.row}`));
      expect(byRow.get(`${t.sheet}!${t.row}`) ?? "met").toBe(status);
    }
  });
});
