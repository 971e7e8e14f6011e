// Template export and import through the Office.js shell on the fake Excel host: the templates the
// pane hands out verify as the command line's would, and a returned one is merged by goal id in
// one write (figures, Log rows, trips, Oversigt) or not at all.
import ExcelJS from "exceljs";
import { builtinContracts } from "../../src/contracts/builtin";
import { rowsFor } from "../../src/contracts/resolve";
import { createOfficeHost } from "../../src/excel/officeHost";
import { COL, FIRST_GOAL_ROW, LOG_SHEET, META_SHEET, SUMMARY_SHEET } from "../../src/sheets/layout";
import { readMeta } from "../../src/sheets/meta";
import { LOG_HEADERS } from "../../src/templates/auditLog";
import { verifyTemplate } from "../../src/templates/verifyTemplate";
import type { ImportReview, TemplateFile } from "../../src/host/workbookHost";
import { readGrids } from "../../src/xlsx/readGrids";
import { FakeExcel } from "../support/fakeExcel";

const AT = "2026-11-22T10:00:00Z";
const BACK = "2026-11-25T09:30:00Z";
const contract = builtinContracts().find((c) => c.id === "beskaeftigelsescentre-2007")!;
const CENTRES = contract.centres.map((c) => c.code);
const rowOf = (centre: string, goalId: string) =>
  FIRST_GOAL_ROW + rowsFor(contract, centre).findIndex((r) => r.id === goalId);

async function setup(options: { ids?: string[]; apiVersion?: string } = {}) {
  const fake = new FakeExcel({ apiVersion: options.apiVersion });
  let clock = AT;
  const host = createOfficeHost({ env: fake.env(), now: () => clock });
  await host.build(options.ids ?? [contract.id], { update: false });
  await host.summary();
  return { fake, host, setClock: (t: string) => (clock = t) };
}

/** Everything a user could see: every sheet's cells, names, visibility and protection. */
function snapshot(fake: FakeExcel): string {
  return JSON.stringify(
    fake.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      cells: fake.hf.getSheetSerialized(s.hfId),
    })),
  );
}

function metaLines(fake: FakeExcel): string[][] {
  const s = fake.sheet(META_SHEET);
  return fake.hf
    .getSheetValues(s.hfId)
    .map((line) => line.map((v) => (v === null || v === undefined ? "" : String(v))));
}

/** A centre fills in its template (with exceljs, as Excel would save it). */
async function fill(
  file: TemplateFile,
  cells: Record<string, number | string | { formula: string }>,
  name = `${file.centre}-retur.xlsx`,
): Promise<{ name: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(file.centre)!;
  for (const [address, value] of Object.entries(cells)) {
    ws.getCell(address).value = typeof value === "object" ? { formula: value.formula, result: 1 } : value;
  }
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

describe("Send skabeloner ud", () => {
  test("one template per centre of every contract, each verifying against the workbook", async () => {
    const ids = builtinContracts().map((c) => c.id);
    const { fake, host } = await setup({ ids });
    fake.resetStats();
    const result = await host.exportTemplates({ prefill: false });
    // Two reads (sheet list and RK_Data; the centre sheets and Oversigt) and ONE write.
    expect(fake.stats.syncs).toBe(3);
    expect(result.delivery).toBe("download");
    expect(result.exportedAt).toBe(AT);
    const all = builtinContracts().flatMap((c) => c.centres.map((x) => ({ contract: c, code: x.code })));
    expect(result.files.map((f) => f.centre)).toEqual(all.map((a) => a.code));
    expect(new Set(result.files.map((f) => f.name)).size).toBe(all.length);
    expect(result.files.find((f) => f.centre === "CKB")?.name).toBe(
      "beskaeftigelsescentre-2007_CKB_2007.xlsx",
    );

    const meta = readMeta(fake.hf.getSheetValues(fake.sheet(META_SHEET).hfId) as never);
    for (const f of result.files) {
      const grids = await readGrids(Buffer.from(f.bytes));
      const v = verifyTemplate(meta, grids, f.name);
      expect({ file: f.name, ok: v.ok }).toEqual({ file: f.name, ok: true });
    }
    // Every centre's trip is in RK_Data, and Oversigt says the templates went out.
    const trips = metaLines(fake).filter((l) => l[0] === "trip");
    expect(trips.map((t) => [t[1], t[3], t[4], t[5]])).toEqual(
      result.files.map((f) => ["exported", f.centre, AT, f.name]),
    );
    expect(fake.sheet(META_SHEET).protected).toBe(true);
    expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
    const overview = await host.overview();
    expect(overview.every((c) => c.trips?.exported === AT && c.trips.returned === undefined)).toBe(true);
    const sent = fake.hf
      .getSheetValues(fake.sheet(SUMMARY_SHEET).hfId)
      .filter((line) => line[0] === "Indsendt")
      .flatMap((line) => line.slice(2).filter((v) => v !== null && v !== ""));
    expect(sent).toHaveLength(all.length);
    expect(new Set(sent)).toEqual(new Set(["Sendt 22.11.2026; ikke retur"]));
  });

  test("with prefill, the workbook's figures are in the template's input cells by goal id", async () => {
    const { fake, host } = await setup();
    const goal = rowsFor(contract, "CAB")[2]!.id;
    fake.type("CAB", `${COL.grundlag}${rowOf("CAB", goal)}`, 400);
    fake.type("CAB", `${COL.resultat}${rowOf("CAB", goal)}`, 300);
    const result = await host.exportTemplates({ prefill: true });
    const cab = result.files.find((f) => f.centre === "CAB")!;
    expect(cab.prefilled).toBe(2);
    const grid = (await readGrids(Buffer.from(cab.bytes))).find((g) => g.name === "CAB")!;
    const row = grid.values.findIndex((line) => line[0] === goal);
    expect([grid.values[row]![7], grid.values[row]![8]]).toEqual([400, 300]);
  });

  test("on Mac the files are to be opened in Excel, one at a time, through createWorkbook", async () => {
    const fake = new FakeExcel();
    const opened: string[] = [];
    const host = createOfficeHost({
      env: {
        ...fake.env(),
        isMac: () => true,
        createWorkbook: async (b64: string) => void opened.push(b64),
      },
      now: () => AT,
    });
    await host.build([contract.id], { update: false });
    const result = await host.exportTemplates({ prefill: false });
    expect(result.delivery).toBe("open");
    await host.openTemplate(result.files[0]!);
    expect(Buffer.from(opened[0]!, "base64").equals(Buffer.from(result.files[0]!.bytes))).toBe(true);
  });

  test("a workbook without contract sheets: a Danish message, nothing written", async () => {
    const fake = new FakeExcel();
    const host = createOfficeHost({ env: fake.env(), now: () => AT });
    const before = snapshot(fake);
    await expect(host.exportTemplates({ prefill: false })).rejects.toThrow(/ikke en kontraktprojektmappe/);
    expect(snapshot(fake)).toBe(before);
  });
});

describe("Indlæs udfyldte skabeloner", () => {
  async function exported() {
    const s = await setup();
    const result = await s.host.exportTemplates({ prefill: false });
    const file = (code: string) => result.files.find((f) => f.centre === code)!;
    s.setClock(BACK);
    return { ...s, file };
  }

  test("preview, then one write: figures by goal id, Log rows, returned trips, Oversigt", async () => {
    const { fake, host, file } = await exported();
    const goals = rowsFor(contract, "CKB").map((r) => r.id);
    // In the template the rows are where the plan put them; in the workbook too.
    const t = (goal: string, col: string) => `${col}${FIRST_GOAL_ROW + goals.indexOf(goal)}`;
    const returned = await fill(file("CKB"), {
      [t(goals[0]!, COL.grundlag)]: 200,
      [t(goals[0]!, COL.resultat)]: 150,
      [t(goals[1]!, COL.resultat)]: { formula: "H9*2" },
      [t(goals[2]!, COL.comment)]: "10 %",
    });
    const before = snapshot(fake);

    fake.resetStats();
    const review = await host.previewImport([returned]);
    expect(snapshot(fake)).toBe(before);
    expect(review.refused).toEqual([]);
    expect(review.files).toHaveLength(1);
    const f = review.files[0]!;
    expect(f.centre).toBe("CKB");
    expect(f.fields.map((x) => [x.goalId, x.field, x.kind, x.value])).toEqual([
      [goals[0], "grundlag", "new", 200],
      [goals[0], "resultat", "new", 150],
      [goals[2], "comment", "new", "10 %"],
    ]);
    expect(f.fields[0]!.goalText).toBe(rowsFor(contract, "CKB")[0]!.text);
    expect(f.rejected).toEqual([
      expect.objectContaining({
        address: t(goals[1]!, COL.resultat),
        reason: expect.stringMatching(/indeholder en formel \(=H9\*2\)/),
      }),
    ]);

    fake.resetStats();
    const outcome = await host.applyImport(review, { conflicts: "keep" });
    expect(outcome).toEqual({
      kind: "applied",
      added: 3,
      replaced: 0,
      kept: 0,
      unchanged: 0,
      logRows: 3,
      centres: ["CKB"],
      summaryStale: false,
    });
    // Two reads, then every write in ONE request.
    expect(fake.stats.syncs).toBe(3);
    const writes = fake.stats.requests.map((r) => r.writesWithEvents + r.writesWithoutEvents);
    expect(writes.slice(0, 2)).toEqual([0, 0]);
    expect(writes[2]).toBeGreaterThan(0);
    expect(fake.stats.requests[2]!.writesWithEvents).toBe(0);

    expect(fake.value("CKB", t(goals[0]!, COL.grundlag))).toBe(200);
    expect(fake.value("CKB", t(goals[0]!, COL.resultat))).toBe(150);
    expect(fake.value("CKB", t(goals[1]!, COL.resultat))).toBe("");
    expect(fake.value("CKB", t(goals[2]!, COL.comment))).toBe("10 %");

    const log = fake.hf.getSheetValues(fake.sheet(LOG_SHEET).hfId);
    expect(log[0]).toEqual([...LOG_HEADERS]);
    expect(log.slice(1).map((l) => [l[1], l[2], l[3], l[4], l[6]])).toEqual([
      ["CKB-retur.xlsx", "CKB", goals[0], "Grundlag", 200],
      ["CKB-retur.xlsx", "CKB", goals[0], "Resultat", 150],
      ["CKB-retur.xlsx", "CKB", goals[2], "Bemærkning", "10 %"],
    ]);
    expect(fake.sheet(LOG_SHEET).freeze).toEqual({ rows: 1, columns: 0 });

    const trips = metaLines(fake).filter((l) => l[0] === "trip" && l[1] === "returned");
    expect(trips.map((l) => [l[3], l[4], l[5]])).toEqual([["CKB", BACK, "CKB-retur.xlsx"]]);
    expect(fake.sheet(META_SHEET).protected).toBe(true);
    const overview = await host.overview();
    expect(overview.find((c) => c.code === "CKB")?.trips).toEqual({ exported: AT, returned: BACK });
    const sent = fake.hf
      .getSheetValues(fake.sheet(SUMMARY_SHEET).hfId)
      .find((line) => line[0] === "Indsendt")!;
    expect(sent.slice(2, 5)).toEqual([
      "Sendt 22.11.2026; retur 25.11.2026",
      "Sendt 22.11.2026; ikke retur",
      "Sendt 22.11.2026; ikke retur",
    ]);
  });

  test('an economist\'s own sheet called "log" stays theirs; the audit log goes to "Log (2)", import after import', async () => {
    const { fake, host, file } = await exported();
    fake.addSheet("log");
    fake.type("log", "A1", "Mine egne noter");
    const goals = rowsFor(contract, "CKB").map((r) => r.id);
    const at = (goal: string) => `${COL.resultat}${FIRST_GOAL_ROW + goals.indexOf(goal)}`;

    const first = await host.previewImport([await fill(file("CKB"), { [at(goals[0]!)]: 150 }, "CKB-1.xlsx")]);
    expect(await host.applyImport(first, { conflicts: "keep" })).toMatchObject({
      kind: "applied",
      logRows: 1,
    });
    const second = await host.previewImport([await fill(file("CAB"), { [at(goals[0]!)]: 7 }, "CAB-1.xlsx")]);
    expect(await host.applyImport(second, { conflicts: "keep" })).toMatchObject({
      kind: "applied",
      logRows: 1,
    });

    expect(fake.value("log", "A1")).toBe("Mine egne noter");
    expect(fake.value("log", "A2")).toBe("");
    const log = fake.hf.getSheetValues(fake.sheet("Log (2)").hfId);
    expect(log[0]).toEqual([...LOG_HEADERS]);
    expect(log.slice(1).map((l) => [l[1], l[2]])).toEqual([
      ["CKB-1.xlsx", "CKB"],
      ["CAB-1.xlsx", "CAB"],
    ]);
  });

  test("figures follow goal ids: a row the centre inserted in its template moves nothing", async () => {
    const { fake, host, file } = await exported();
    const goals = rowsFor(contract, "CAB").map((r) => r.id);
    const last = goals[goals.length - 1]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file("CAB").bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("CAB")!;
    // A note row inserted just below the header: every goal row of the template moves down one.
    ws.spliceRows(FIRST_GOAL_ROW, 0, ["", "", "", "Egen note"]);
    const templateRow = FIRST_GOAL_ROW + goals.length; // the last goal's row, one lower
    expect(ws.getCell(`A${templateRow}`).value).toBe(last);
    ws.getCell(`${COL.resultat}${templateRow}`).value = 77;
    const returned = { name: "cab.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };

    const review = await host.previewImport([returned]);
    expect(review.refused).toEqual([]);
    expect(review.files[0]!.fields.map((f) => [f.goalId, f.address])).toEqual([
      [last, `${COL.resultat}${rowOf("CAB", last)}`],
    ]);
    await host.applyImport(review, { conflicts: "keep" });
    expect(fake.value("CAB", `${COL.resultat}${rowOf("CAB", last)}`)).toBe(77);
    expect(fake.value("CAB", `${COL.resultat}${rowOf("CAB", last) + 1}`)).toBe("");
  });

  test("conflicts: keep for the import, replace for one chosen conflict", async () => {
    const { fake, host, file } = await exported();
    const goals = rowsFor(contract, "CBSI").map((r) => r.id);
    const cell = (i: number, col: string) => `${col}${FIRST_GOAL_ROW + i}`;
    fake.type("CBSI", cell(0, COL.grundlag), 10);
    fake.type("CBSI", cell(1, COL.grundlag), 20);
    fake.type("CBSI", cell(2, COL.grundlag), 30);
    const returned = await fill(file("CBSI"), {
      [cell(0, COL.grundlag)]: 11,
      [cell(1, COL.grundlag)]: 21,
      [cell(2, COL.grundlag)]: 30,
    });
    const review = await host.previewImport([returned]);
    const fields = review.files[0]!.fields;
    expect(fields.map((f) => [f.goalId, f.kind, f.old, f.value])).toEqual([
      [goals[0], "conflict", 10, 11],
      [goals[1], "conflict", 20, 21],
      [goals[2], "unchanged", 30, 30],
    ]);
    const outcome = await host.applyImport(review, {
      conflicts: "keep",
      perConflict: { [fields[1]!.key]: "replace" },
    });
    expect(outcome).toMatchObject({
      kind: "applied",
      added: 0,
      replaced: 1,
      kept: 1,
      unchanged: 1,
      logRows: 1,
    });
    expect(fake.value("CBSI", cell(0, COL.grundlag))).toBe(10);
    expect(fake.value("CBSI", cell(1, COL.grundlag))).toBe(21);
    const log = fake.hf.getSheetValues(fake.sheet(LOG_SHEET).hfId);
    expect(log.slice(1).map((l) => [l[3], l[5], l[6]])).toEqual([[goals[1], 20, 21]]);
  });

  test("refused and skipped files are reported in Danish and change nothing", async () => {
    const { fake, host, file } = await exported();
    const good = await fill(file("CKB"), { [`${COL.resultat}${FIRST_GOAL_ROW}`]: 5 }, "ckb.xlsx");
    // CAB's template with a goal's target changed (a locked cell).
    const tampered = await fill(file("CAB"), { [`${COL.target}${FIRST_GOAL_ROW}`]: 0.01 }, "cab.xlsx");
    const files = [
      good,
      { name: "kopi af ckb.xlsx", bytes: good.bytes },
      tampered,
      { name: "~$ckb.xlsx", bytes: new Uint8Array([1, 2, 3]) },
      { name: "noter.txt", bytes: new TextEncoder().encode("hej") },
      { name: "ødelagt.xlsx", bytes: new Uint8Array([80, 75, 3, 4, 0, 0, 0]) },
    ];
    const before = snapshot(fake);
    const review = await host.previewImport(files);
    expect(snapshot(fake)).toBe(before);
    expect(review.files.map((f) => f.file)).toEqual(["ckb.xlsx"]);
    expect(review.skipped.map((s) => s.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kopi af ckb\.xlsx: sprunget over – samme indhold som ckb\.xlsx/),
        expect.stringMatching(/^noter\.txt: sprunget over – ikke en \.xlsx-fil/),
        expect.stringMatching(/^~\$ckb\.xlsx: sprunget over – en Office-låsefil/),
      ]),
    );
    expect(review.skipped).toHaveLength(3);
    expect(review.refused.map((r) => r.file).sort()).toEqual(["cab.xlsx", "ødelagt.xlsx"]);
    expect(review.refused.find((r) => r.file === "cab.xlsx")?.message).toMatch(
      /^Filen "cab\.xlsx": låste celler i arket "CAB" er ændret.*Intet er indlæst\.$/,
    );
    expect(review.refused.find((r) => r.file === "ødelagt.xlsx")?.message).toMatch(
      /beskadiget|ikke en Excel/,
    );

    // Two different files for one centre: both skipped, neither imported.
    const other = await fill(file("CKB"), { [`${COL.resultat}${FIRST_GOAL_ROW}`]: 6 }, "ckb-ny.xlsx");
    const twice = await host.previewImport([good, other]);
    expect(twice.files).toEqual([]);
    expect(twice.skipped.map((s) => s.message)).toEqual([
      expect.stringMatching(/2 forskellige filer for CKB/),
      expect.stringMatching(/2 forskellige filer for CKB/),
    ]);
    await expect(host.applyImport(twice, { conflicts: "keep" })).rejects.toThrow(/ingen skabeloner/);
    expect(snapshot(fake)).toBe(before);
  });

  test("cancel (no applyImport) and a stale preview change nothing", async () => {
    const { fake, host, file } = await exported();
    const cell = `${COL.resultat}${FIRST_GOAL_ROW}`;
    const returned = await fill(file("CKB"), { [cell]: 5 });
    const review = await host.previewImport([returned]);
    expect(review.files[0]!.fields[0]!.kind).toBe("new");
    // The user types a figure in the same cell before pressing Indlæs.
    fake.type("CKB", cell, 9);
    const before = snapshot(fake);
    const outcome = await host.applyImport(review, { conflicts: "replace" });
    expect(outcome.kind).toBe("stale");
    expect(snapshot(fake)).toBe(before);
    if (outcome.kind !== "stale") return;
    expect(outcome.review.files[0]!.fields[0]).toMatchObject({ kind: "conflict", old: 9, value: 5 });
    // The old review is spent; the new one imports.
    await expect(host.applyImport(review, { conflicts: "replace" })).rejects.toThrow(/ikke længere gyldig/);
    await host.applyImport(outcome.review, { conflicts: "keep" });
    expect(fake.value("CKB", cell)).toBe(9);
  });

  test("when Excel refuses the write, everything is taken back and the error is Danish", async () => {
    const { fake, host, file } = await exported();
    const goals = rowsFor(contract, "CKB");
    const lastRow = FIRST_GOAL_ROW + goals.length - 1;
    const returned = await fill(file("CKB"), {
      [`${COL.grundlag}${FIRST_GOAL_ROW}`]: 1,
      [`${COL.resultat}${FIRST_GOAL_ROW}`]: 2,
      [`${COL.resultat}${lastRow}`]: 3,
    });
    const review = await host.previewImport([returned]);
    // Someone locked one input cell of the protected sheet: the request fails half way, after
    // the Grundlag column is written and RK_Data unprotected.
    fake.sheet("CKB").formats.set(`${lastRow - 1},${COL.resultat.charCodeAt(0) - 65}`, {
      "protection.locked": true,
    });
    const before = snapshot(fake);
    fake.resetStats();
    await expect(host.applyImport(review, { conflicts: "keep" })).rejects.toThrow(
      /^Excel afviste ændringen: .*intet er ændret i projektmappen\.$/,
    );
    // Two reads, the failed write (which did change cells before it stopped), two to take it back.
    expect(fake.stats.syncs).toBe(5);
    const written = fake.stats.requests.map((r) => r.writesWithEvents + r.writesWithoutEvents);
    expect(written[2]).toBeGreaterThan(0);
    expect(written[4]).toBeGreaterThan(0);
    expect(snapshot(fake)).toBe(before);
    expect(fake.findSheet(LOG_SHEET)).toBeUndefined();
    expect(fake.sheet(META_SHEET).protected).toBe(true);
    expect(fake.enableEvents).toBe(true);
  });
});

describe("ExcelApi 1.7 (no runtime.enableEvents, no createWorkbook)", () => {
  test("export and import work", async () => {
    const { fake, host } = await setup({ apiVersion: "1.7" });
    const result = await host.exportTemplates({ prefill: false });
    const returned = await fill(result.files[0]!, { [`${COL.resultat}${FIRST_GOAL_ROW}`]: 5 });
    const review: ImportReview = await host.previewImport([returned]);
    await host.applyImport(review, { conflicts: "keep" });
    expect(fake.value(result.files[0]!.centre, `${COL.resultat}${FIRST_GOAL_ROW}`)).toBe(5);
    expect(fake.findSheet(LOG_SHEET)).toBeDefined();
    expect(CENTRES).toContain(result.files[0]!.centre);
  });
});
