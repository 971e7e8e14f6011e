// The pure parts of import, without files: verification of grids, values-only inputs, the preview
// and its conflicts, applying a choice, the Log, trips in Oversigt, folder selection, zip guard.
import JSZip from "jszip";
import { builtinContracts } from "../../src/contracts/builtin";
import type { CellValue } from "../../src/contracts/model";
import type { SheetGrid } from "../../src/sheets/grid";
import { META_SHEET } from "../../src/sheets/layout";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { readWorkbook } from "../../src/sheets/readWorkbook";
import { applyImport } from "../../src/templates/applyImport";
import { LOG_HEADERS, logWrites } from "../../src/templates/auditLog";
import { dropSameCentre, dropSameContent, scanFolder, skipNote } from "../../src/templates/folderScan";
import { templateInputs } from "../../src/templates/inputCells";
import { planTemplate } from "../../src/templates/planTemplate";
import { previewImport, sameFigure } from "../../src/templates/previewImport";
import { refusalMessage, type Refusal } from "../../src/templates/refusal";
import { tripWrites } from "../../src/templates/tripCells";
import { verifyTemplate, type VerifiedTemplate } from "../../src/templates/verifyTemplate";
import { guardZip, sizeLimit } from "../../src/templates/zipGuard";
import { writePlan } from "../../src/xlsx/writePlan";
import { gridsOfPlan } from "./helpers";

const contracts = builtinContracts();
const bc = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
const AT = "2026-11-22T10:00:00.000Z";
const masterGrids = () => gridsOfPlan(planWorkbook(contracts, { generatedAt: AT }));
const templateGrids = (centre = "CKB") => gridsOfPlan(planTemplate(bc, centre, { exportedAt: AT }));

function set(
  grids: SheetGrid[],
  sheet: string,
  address: string,
  value: CellValue,
  formula?: string,
): SheetGrid[] {
  const g = grids.find((x) => x.name === sheet)!;
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const r = Number(m[2]) - 1;
  const c = m[1]!.charCodeAt(0) - 65;
  while (g.values.length <= r) g.values.push([]);
  g.values[r]![c] = value;
  if (formula) {
    g.formulas ??= [];
    while (g.formulas.length <= r) g.formulas.push([]);
    g.formulas[r]![c] = formula;
  }
  return grids;
}

function verified(grids: SheetGrid[]): VerifiedTemplate {
  const v = verifyTemplate(readWorkbook(masterGrids()).meta, grids, "ckb.xlsx");
  if (!v.ok) throw new Error(refusalMessage(v.refusal));
  return v.template;
}

function refusal(grids: SheetGrid[]): Refusal {
  const v = verifyTemplate(readWorkbook(masterGrids()).meta, grids, "ckb.xlsx");
  if (v.ok) throw new Error("expected a refusal");
  return v.refusal;
}

describe("verifyTemplate", () => {
  it("accepts a fresh template and finds every goal row", () => {
    const t = verified(templateGrids());
    expect(t.centre.code).toBe("CKB");
    expect(t.rowNumbers.get("bc-b01")).toBe(8);
    expect(t.unknownIds).toEqual([]);
  });

  it("recognises a centre code its RK_Data spells decomposed (å as a Mac may save it)", () => {
    const kbh = contracts.find((c) => c.id === "jobcenter-kbh-2007")!;
    const centre = "Musvågevej";
    const grids = gridsOfPlan(planTemplate(kbh, centre, { exportedAt: AT }));
    const meta = grids.find((g) => g.name === META_SHEET)!;
    const decomposed = centre.normalize("NFD");
    expect(decomposed).not.toBe(centre);
    // Every centre code in the file's RK_Data (template, sheet and goals lines); the sheet keeps its name.
    let replaced = 0;
    meta.values.forEach((line) =>
      line.forEach((v, i) => {
        if (i > 1 && v === centre) {
          line[i] = decomposed;
          replaced++;
        }
      }),
    );
    expect(replaced).toBe(3);
    const v = verifyTemplate(readWorkbook(masterGrids()).meta, grids, "musvaagevej.xlsx");
    if (!v.ok) throw new Error(refusalMessage(v.refusal));
    expect(v.template.centre.code).toBe(centre);
    expect(v.template.grid.name).toBe(centre);
  });

  it("finds goal rows by id when rows were inserted, even above the header", () => {
    const grids = templateGrids();
    const sheet = grids.find((g) => g.name === "CKB")!;
    sheet.values.splice(3, 0, ["Indsat øverst"]);
    sheet.values.splice(12, 0, ["egen-note", null, null, "En note"]);
    const t = verified(grids);
    expect(t.rowNumbers.get("bc-b01")).toBe(9);
    expect(t.rowNumbers.get("bc-b04")).toBe(12);
    expect(t.rowNumbers.get("bc-b05")).toBe(14);
    expect(t.unknownIds).toEqual(["egen-note"]);
  });

  it("names what is wrong", () => {
    expect(refusal(templateGrids().filter((g) => g.name !== META_SHEET))).toMatchObject({
      kind: "notTemplate",
      why: "noMetadata",
    });
    expect(refusal(masterGrids())).toMatchObject({ kind: "notTemplate", why: "masterWorkbook" });
    const meta = (grids: SheetGrid[]) => grids.find((g) => g.name === META_SHEET)!.values;
    const row = (grids: SheetGrid[], kind: string) => meta(grids).findIndex((r) => r[0] === kind) + 1;
    let g = templateGrids();
    expect(refusal(set(g, META_SHEET, `D${row(g, "template")}`, 2))).toMatchObject({
      kind: "templateVersion",
      version: "2",
    });
    g = templateGrids();
    expect(refusal(set(g, META_SHEET, `B${row(g, "template")}`, "andet-2008"))).toMatchObject({
      kind: "otherContract",
      contractId: "andet-2008",
    });
    g = templateGrids();
    const goals = row(g, "goals");
    expect(refusal(set(g, META_SHEET, `D${goals}`, "bc-x"))).toMatchObject({ kind: "definitionChanged" });
    g = templateGrids();
    expect(refusal(set(g, "CKB", "G8", 0.9))).toMatchObject({
      kind: "lockedCellsChanged",
      changes: [{ address: "G8", expected: null, found: 0.9 }],
    });
    g = templateGrids();
    expect(refusal(set(g, "CKB", "A1", "Et andet center"))).toMatchObject({
      kind: "lockedCellsChanged",
      changes: [{ address: "A1", goalId: "titel" }],
    });
  });

  it("gives every refusal a Danish message that says nothing was imported or written", () => {
    const samples: Refusal[] = [
      { kind: "notXlsx", file: "f" },
      { kind: "corrupt", file: "f" },
      { kind: "tooLarge", file: "f", bytes: 11 * 1024 * 1024, limit: 10 * 1024 * 1024 },
      { kind: "zipBomb", file: "f", unpacked: Infinity, packed: 2048 },
      { kind: "notTemplate", file: "f", why: "noMetadata" },
      { kind: "notTemplate", file: "f", why: "masterWorkbook" },
      { kind: "templateVersion", file: "f", version: "9" },
      { kind: "otherContract", file: "f", contractId: "x", known: ["y"] },
      { kind: "unknownCentre", file: "f", centre: "X", known: ["Y"] },
      { kind: "centreMismatch", file: "f", claimed: "CAB", found: "CKB", where: 'arket "CAB"' },
      { kind: "sheetMissing", file: "f", sheet: "CKB", sheets: [] },
      { kind: "definitionChanged", file: "f", contractId: "x" },
      {
        kind: "lockedCellsChanged",
        file: "f",
        sheet: "CKB",
        changes: [{ address: "F8", goalId: "g", column: "Mål-værdi", expected: 0.6, found: true }],
      },
      { kind: "goalRowsMissing", file: "f", sheet: "CKB", missing: ["a"], unknown: [] },
      { kind: "duplicateGoalRow", file: "f", sheet: "CKB", goalId: "a", rows: [8, 9] },
      { kind: "masterRowsMissing", file: "f", sheet: "CKB", missing: ["a"] },
    ];
    for (const s of samples) {
      const m = refusalMessage(s);
      expect(m).toMatch(/^Filen "f"/);
      expect(m).toMatch(/Intet er indlæst\.$|Filen er ikke indlæst;/);
    }
    expect(refusalMessage(samples[3]!)).toContain("pakkes ud til over 4 GB");
    expect(refusalMessage(samples[2]!)).toContain(
      "fylder 11 MB – langt mere end en skabelon (grænsen er 10 MB)",
    );
  });
});

describe("inputs, preview and apply", () => {
  it("takes values by goal id and reports formulas and error values with their address", () => {
    let g = templateGrids();
    g = set(g, "CKB", "H8", 100);
    g = set(g, "CKB", "I8", 65);
    g = set(g, "CKB", "I9", 3, "=1+2");
    g = set(g, "CKB", "H10", "#N/A");
    g = set(g, "CKB", "N10", "   ");
    g = set(g, "CKB", "I11", true);
    const inputs = templateInputs(verified(g));
    expect(inputs.values.map((v) => [v.goalId, v.field, v.address, v.value])).toEqual([
      ["bc-b01", "grundlag", "H8", 100],
      ["bc-b01", "resultat", "I8", 65],
    ]);
    expect(inputs.rejected.map((r) => r.reason)).toEqual([
      "Celle I9 (Resultat, mål bc-b02) indeholder en formel (=1+2); kun tal og tekst indlæses – skriv resultatet som et tal.",
      "Celle H10 (Grundlag, mål bc-b03) viser fejlen #N/A.",
      "Celle I11 (Resultat, mål bc-b04) indeholder sandhedsværdien SAND, ikke et tal eller Ja/Nej.",
    ]);
  });

  it("sorts figures into new, unchanged and conflict; a formula in the master is always a conflict to replace", () => {
    const master = masterGrids();
    set(master, "CKB", "H8", 100);
    set(master, "CKB", "I8", 60);
    set(master, "CKB", "I9", 0.5, "=0.25*2");
    const state = readWorkbook(master);
    let g = templateGrids();
    g = set(g, "CKB", "H8", 100);
    g = set(g, "CKB", "I8", 65);
    g = set(g, "CKB", "I9", 0.5);
    g = set(g, "CKB", "I10", " Ja ");
    const t = verified(g);
    const p = previewImport(t, templateInputs(t), state, master);
    if (!p.ok) throw new Error("refused");
    expect(p.preview.fields.map((f) => [f.masterAddress, f.kind])).toEqual([
      ["H8", "unchanged"],
      ["I8", "conflict"],
      ["I9", "unchanged"],
      ["I10", "new"],
    ]);
    expect(applyImport([p.preview], "fail", AT)).toMatchObject({
      ok: false,
      conflicts: [{ masterAddress: "I8", old: 60, value: 65, centre: "CKB" }],
    });
    const keep = applyImport([p.preview], "keep", AT);
    const replace = applyImport([p.preview], "replace", AT);
    if (!keep.ok || !replace.ok) throw new Error("should apply");
    expect(keep.applied.writes).toEqual([{ sheet: "CKB", address: "I10", value: " Ja " }]);
    expect(replace.applied.writes.map((w) => w.address)).toEqual(["I8", "I10"]);
    expect(replace.applied.log.map((l) => [l.goalId, l.field, l.old, l.value])).toEqual([
      ["bc-b01", "Resultat", 60, 65],
      ["bc-b03", "Resultat", null, " Ja "],
    ]);
    expect(replace.applied.trips).toEqual([
      { event: "returned", contractId: bc.id, centre: "CKB", at: AT, file: "ckb.xlsx" },
    ]);

    set(master, "CKB", "I10", 1, "=1");
    const again = previewImport(t, templateInputs(t), readWorkbook(master), master);
    expect(again.ok && again.preview.fields.find((f) => f.masterAddress === "I10")).toMatchObject({
      kind: "conflict",
      oldFormula: "=1",
    });
  });

  it("compares figures as numbers to 9 decimals and texts trimmed", () => {
    expect(sameFigure(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameFigure(" Ja", "Ja ")).toBe(true);
    expect(sameFigure(1000, "1000")).toBe(false);
    expect(sameFigure(null, "")).toBe(true);
    expect(sameFigure(0, null)).toBe(false);
  });

  it("appends Log rows below what is there, with a header when the sheet is new", () => {
    const rows = [
      { at: AT, file: "a.xlsx", centre: "CKB", goalId: "bc-b01", field: "Resultat", old: null, value: 65 },
    ];
    const fresh = logWrites(masterGrids(), rows);
    expect(fresh.createSheet).toBe(true);
    expect(fresh.writes.filter((w) => w.address.endsWith("1")).map((w) => w.value)).toEqual([...LOG_HEADERS]);
    expect(
      fresh.writes
        .filter((w) => /^[A-G]2$/.test(w.address))
        .map((w) => w.value)
        .slice(1),
    ).toEqual(["a.xlsx", "CKB", "bc-b01", "Resultat", 65]);
    const existing = [...masterGrids(), { name: "Log", values: [[...LOG_HEADERS], ["x", "y"], [null]] }];
    const more = logWrites(existing, rows);
    expect(more.createSheet).toBe(false);
    expect(more.writes.map((w) => w.address)).toEqual(["A3", "B3", "C3", "D3", "E3", "G3"]);
  });

  it("records trips in RK_Data and re-makes Oversigt's Indsendt cells, leaving the rest alone", () => {
    const grids = masterGrids();
    const state = readWorkbook(grids);
    const t = tripWrites(
      state,
      grids,
      [{ event: "exported", contractId: bc.id, centre: "CAB", at: AT, file: "cab.xlsx" }],
      AT,
    );
    expect(t.summaryStale).toBe(false);
    const metaRows = grids.find((g) => g.name === META_SHEET)!.values.length;
    expect(t.writes.filter((w) => w.sheet === META_SHEET).map((w) => [w.address, w.value])).toEqual([
      [`A${metaRows + 1}`, "trip"],
      [`B${metaRows + 1}`, "exported"],
      [`C${metaRows + 1}`, bc.id],
      [`D${metaRows + 1}`, "CAB"],
      [`E${metaRows + 1}`, AT],
      [`F${metaRows + 1}`, "cab.xlsx"],
    ]);
    const summary = t.writes.filter((w) => w.sheet === "Oversigt");
    expect(summary).toHaveLength(1);
    expect(summary[0]!.value).toBe("Sendt 22.11.2026; ikke retur");
    // An Oversigt whose layout was changed by hand is left alone, and the caller is told.
    const moved = grids.map((g) =>
      g.name === "Oversigt" ? { ...g, values: g.values.map((r) => [null, ...r]) } : g,
    );
    expect(tripWrites(state, moved, [], AT).summaryStale).toBe(true);
  });
});

describe("folder selection", () => {
  it("skips lock files, hidden files, other extensions and folders; keeps .xlsx in name order", () => {
    const s = scanFolder(
      [
        { name: "CKB.xlsx", kind: "file" },
        { name: "~$CKB.xlsx", kind: "file" },
        { name: "._CAB.xlsx", kind: "file" },
        { name: "CAB.XLSX", kind: "file" },
        { name: "gammel.xls", kind: "file" },
        { name: "noter.txt", kind: "file" },
        { name: "arkiv", kind: "folder" },
      ],
      (n) => `ind/${n}`,
    );
    expect(s.take).toEqual(["ind/CAB.XLSX", "ind/CKB.xlsx"]);
    expect(s.skipped.map(skipNote)).toEqual([
      "ind/._CAB.xlsx: sprunget over – en skjult systemfil.",
      "ind/arkiv: sprunget over – en mappe (undermapper læses ikke).",
      "ind/gammel.xls: sprunget over – ikke en .xlsx-fil (det gamle .xls-format: gem den som .xlsx).",
      "ind/noter.txt: sprunget over – ikke en .xlsx-fil.",
      "ind/~$CKB.xlsx: sprunget over – en Office-låsefil (~$), som Excel laver, mens en fil er åben; ikke en skabelon.",
    ]);
  });

  it("keeps the first of identical files and none of two different files for one centre", () => {
    const same = dropSameContent([
      { file: "a", hash: "1" },
      { file: "b", hash: "2" },
      { file: "c", hash: "1" },
    ]);
    expect(same.take.map((x) => x.file)).toEqual(["a", "b"]);
    expect(same.skipped).toEqual([{ file: "c", reason: { kind: "sameContent", as: "a" } }]);
    const centres = dropSameCentre([
      { file: "a", centre: "CKB", centreKey: "k/CKB" },
      { file: "b", centre: "CAB", centreKey: "k/CAB" },
      { file: "c", centre: "CKB", centreKey: "k/CKB" },
    ]);
    expect(centres.take.map((x) => x.file)).toEqual(["b"]);
    expect(centres.skipped.map((s) => s.file)).toEqual(["a", "c"]);
  });
});

describe("zip guard", () => {
  let template: Buffer;
  beforeAll(async () => {
    template = await writePlan(planTemplate(bc, "CKB", { exportedAt: AT }));
  });

  it("lets a fresh template through and sets the size limit at 20 templates, at most 10 MB", async () => {
    await expect(guardZip(template, "t.xlsx")).resolves.toBeUndefined();
    expect(sizeLimit(20_000)).toBe(400_000);
    expect(sizeLimit(1_000_000)).toBe(10 * 1024 * 1024);
  });

  it("refuses by size before opening anything", async () => {
    await expect(
      guardZip(template, "t.xlsx", {
        maxBytes: 1000,
        maxUnpackedBytes: 1e9,
        maxRatio: 1e9,
        ratioFloorBytes: 1e9,
      }),
    ).resolves.toMatchObject({
      kind: "tooLarge",
      limit: 1000,
    });
  });

  it("tells an old .xls or encrypted file, a zip without a workbook, and a corrupt zip apart", async () => {
    const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)]);
    await expect(guardZip(ole, "gammel.xlsx")).resolves.toMatchObject({
      kind: "notXlsx",
      detail: expect.stringContaining(".xls-format"),
    });
    const zip = new JSZip();
    zip.file("hej.txt", "hej");
    await expect(guardZip(await zip.generateAsync({ type: "nodebuffer" }), "z.xlsx")).resolves.toMatchObject({
      kind: "notXlsx",
    });
    await expect(guardZip(template.subarray(0, template.length - 30), "kort.xlsx")).resolves.toMatchObject({
      kind: "corrupt",
    });
  });

  it("refuses a bomb by its declared size and by the ratio of unpacked to packed", async () => {
    const zip = await JSZip.loadAsync(template);
    zip.file("xl/media/a.bin", Buffer.alloc(6 * 1024 * 1024, 0x41));
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    await expect(guardZip(bomb, "b.xlsx")).resolves.toMatchObject({ kind: "zipBomb", packed: bomb.length });
    await expect(
      guardZip(bomb, "b.xlsx", { maxBytes: 1e9, maxUnpackedBytes: 1e9, maxRatio: 1e9, ratioFloorBytes: 0 }),
    ).resolves.toBeUndefined();
  });
});
