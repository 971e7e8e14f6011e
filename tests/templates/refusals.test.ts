// Every refusal of a returned template, checked against the verifier directly: the file's grids
// are tampered with in memory (as openpyxl does to real files in importRefusals.test.ts, which
// keeps one end-to-end run per refusal class in the slow set), and the refusal must carry the
// Danish message the command line and the pane show. File-level refusals (not a workbook, cut
// short, zip bombs, too large) go through the same reader both shells use.
import JSZip from "jszip";
import beskaeftigelsescentre from "../../src/contracts/data/beskaeftigelsescentre-2007.json";
import { builtinContracts } from "../../src/contracts/builtin";
import type { CellValue, Contract } from "../../src/contracts/model";
import { parseContract } from "../../src/contracts/schema";
import { parseCell } from "../../src/sheets/a1";
import type { SheetGrid } from "../../src/sheets/grid";
import { META_SHEET } from "../../src/sheets/layout";
import { planWorkbook, type PlanOptions } from "../../src/sheets/planWorkbook";
import { readWorkbook } from "../../src/sheets/readWorkbook";
import { planTemplate } from "../../src/templates/planTemplate";
import { refusalMessage } from "../../src/templates/refusal";
import { verifyTemplate } from "../../src/templates/verifyTemplate";
import { DEFAULT_LIMITS, sizeLimit } from "../../src/templates/zipGuard";
import { readReturnedFile } from "../../src/xlsx/returnedFile";
import { writePlan } from "../../src/xlsx/writePlan";
import { gridsOfPlan } from "./helpers";

const AT = "2026-11-22T10:00:00.000Z";
const contracts = builtinContracts();
const bc = contracts.find((c) => c.id === "beskaeftigelsescentre-2007")!;
const kbh = contracts.find((c) => c.id === "jobcenter-kbh-2007")!;

const masterMeta = (of: Contract[] = contracts, options: Partial<PlanOptions> = {}) =>
  readWorkbook(gridsOfPlan(planWorkbook(of, { generatedAt: AT, ...options }))).meta;
const templateOf = (centre: string) => gridsOfPlan(planTemplate(bc, centre, { exportedAt: AT }));

/** The Danish message the verifier gives for these grids against this master. */
function refused(grids: SheetGrid[], meta = masterMeta(), file = "ckb.xlsx"): string {
  const v = verifyTemplate(meta, grids, file);
  if (v.ok) throw new Error(`expected ${file} to be refused`);
  return refusalMessage(v.refusal);
}

// In-memory versions of the openpyxl edits of tests/templates/fixtures/edit_workbook.py.
const sheet = (grids: SheetGrid[], name: string) => grids.find((g) => g.name === name)!;

function set(grids: SheetGrid[], name: string, a1: string, value: CellValue): SheetGrid[] {
  const g = sheet(grids, name);
  const { row, col } = parseCell(a1);
  while (g.values.length < row) g.values.push([]);
  g.values[row - 1]![col - 1] = value;
  if (g.formulas?.[row - 1]) g.formulas[row - 1]![col - 1] = null;
  return grids;
}

function rename(grids: SheetGrid[], from: string, to: string): SheetGrid[] {
  sheet(grids, from).name = to;
  return grids;
}

function deleteRow(grids: SheetGrid[], name: string, row: number): SheetGrid[] {
  const g = sheet(grids, name);
  g.values.splice(row - 1, 1);
  g.formulas?.splice(row - 1, 1);
  return grids;
}

function insertRow(grids: SheetGrid[], name: string, row: number): SheetGrid[] {
  const g = sheet(grids, name);
  g.values.splice(row - 1, 0, []);
  g.formulas?.splice(row - 1, 0, []);
  return grids;
}

/** RK_Data rows of a CKB template, found by their first cell. */
function metaRow(grids: SheetGrid[], kind: "contract" | "sheet" | "template"): number {
  return sheet(grids, META_SHEET).values.findIndex((r) => r[0] === kind) + 1;
}

describe("the verifier refuses a template that is not this workbook's", () => {
  it("a workbook that is not a template from this program", () => {
    expect(refused([{ name: "Ark1", values: [["Resultater 2007"]] }], masterMeta(), "fremmed.xlsx")).toMatch(
      /^Filen "fremmed\.xlsx" er ikke en skabelon fra Resultatkontrakter \(de skjulte kontraktdata mangler\)\. Brug den skabelon, der blev sendt ud med "kontrakt export"\. Intet er indlæst\.$/,
    );
  });

  it("a whole contract workbook instead of a template", () => {
    const master = gridsOfPlan(planWorkbook(contracts, { generatedAt: AT }));
    expect(refused(master, masterMeta(), "kopi.xlsx")).toMatch(
      /Filen "kopi\.xlsx" er en hel kontraktprojektmappe, ikke en skabelon til ét center\./,
    );
  });

  it("a template of a contract the master does not hold", () => {
    expect(refused(templateOf("CKB"), masterMeta([kbh]))).toMatch(
      /er en skabelon til kontrakten "beskaeftigelsescentre-2007", som ikke er i projektmappen \(den indeholder: jobcenter-kbh-2007\)\. Intet er indlæst\./,
    );
  });

  it("a template whose metadata names a centre that is not in the master", () => {
    const two = masterMeta([bc], { centres: ["CKB", "CAB"] });
    expect(refused(templateOf("CBSI"), two)).toMatch(
      /siger, at den er skabelonen for centret "CBSI", men det center findes ikke i projektmappen \(centrene er: CKB, CAB\)\./,
    );
    const g = templateOf("CKB");
    set(g, META_SHEET, `C${metaRow(g, "template")}`, "XYZ");
    set(g, META_SHEET, `D${metaRow(g, "sheet")}`, "XYZ");
    expect(refused(g)).toMatch(
      /siger, at den er skabelonen for centret "XYZ", men det center findes ikke i projektmappen/,
    );
  });
});

describe("the verifier refuses one centre's template passed off as another's", () => {
  it("metadata that claims another centre than its sheet index", () => {
    const g = templateOf("CKB");
    set(g, META_SHEET, `C${metaRow(g, "template")}`, "CAB");
    expect(refused(g)).toMatch(
      /siger, at den er skabelonen for CAB, men filens skjulte kontraktdata \(arkoversigten\) hører til CKB\. Filen er ikke indlæst; bed CAB sende sin egen skabelon\./,
    );
  });

  it("CKB's sheet renamed to CAB and the metadata rewritten", () => {
    const g = rename(templateOf("CKB"), "CKB", "CAB");
    set(g, META_SHEET, `B${metaRow(g, "sheet")}`, "CAB");
    set(g, META_SHEET, `D${metaRow(g, "sheet")}`, "CAB");
    set(g, META_SHEET, `C${metaRow(g, "template")}`, "CAB");
    expect(refused(g)).toMatch(
      /siger, at den er skabelonen for CAB, men arket "CAB" \(celle A3: "Center: CKB"\) hører til CKB\./,
    );
  });

  it("the centre sheet renamed to another centre's code, or to anything else", () => {
    expect(refused(rename(templateOf("CKB"), "CKB", "CAB"))).toMatch(
      /siger, at den er skabelonen for CKB, men arket "CAB" hører til CAB\./,
    );
    expect(refused(rename(templateOf("CKB"), "CKB", "Ark1"))).toMatch(
      /mangler arket "CKB": centrets ark er omdøbt eller slettet \(arkene i filen er: Vejledning, Ark1, Lister\)\. Omdøb arket tilbage til "CKB"/,
    );
  });
});

describe("the verifier refuses a template whose goals are no longer the contract's", () => {
  it("a template made from another definition of the contract (targets changed since)", () => {
    const changed = structuredClone(beskaeftigelsescentre) as typeof beskaeftigelsescentre;
    (changed.goals[0]!.measure as { perCentre: Record<string, { atLeast: number }> }).perCentre.CKB!.atLeast =
      0.65;
    const newer = masterMeta([parseContract(changed, "ændret.json")]);
    expect(refused(templateOf("CKB"), newer)).toMatch(
      /er lavet ud fra en anden udgave af kontrakten "beskaeftigelsescentre-2007": målene eller mål-værdierne er ændret siden, eller det er en skabelon fra et tidligere år\. Send en ny skabelon med "kontrakt export"\./,
    );
  });

  it("a recorded definition hash that was altered", () => {
    const g = templateOf("CKB");
    set(g, META_SHEET, `C${metaRow(g, "contract")}`, "0123456789abcdef012345");
    expect(refused(g)).toMatch(/er lavet ud fra en anden udgave af kontrakten "beskaeftigelsescentre-2007"/);
  });

  it("a target value or goal text in a locked cell that was changed", () => {
    expect(refused(set(templateOf("CKB"), "CKB", "F8", 0.5))).toMatch(
      /låste celler i arket "CKB" er ændret, så målene ikke længere er kontraktens: F8 \(Mål-værdi, mål bc-b01\) skulle være 0,6, men er 0,5\. Send en ny skabelon, eller ret cellerne tilbage\. Intet er indlæst\./,
    );
    const text = set(set(templateOf("CKB"), "CKB", "D9", "Et andet mål"), "CKB", "E10", "Mindst 10 %");
    expect(refused(text)).toMatch(
      /D9 \(Mål, mål bc-b02\) skulle være "Andelen af .*…", men er "Et andet mål"; E10 \(Krav, mål bc-b03\) skulle være "Mindst 50 %", men er "Mindst 10 %"/,
    );
  });

  it("a goal row deleted, or a goal id changed", () => {
    expect(refused(deleteRow(templateOf("CKB"), "CKB", 9))).toMatch(
      /målrækker mangler i arket "CKB" \(slettet, eller mål-id'et i kolonne A er ændret\): bc-b02\. Indsatte rækker er i orden/,
    );
    expect(refused(set(templateOf("CKB"), "CKB", "A8", "bc-x01"))).toMatch(
      /målrækker mangler i arket "CKB" .*: bc-b01\. Ukendte mål-id'er i filen: bc-x01\./,
    );
  });

  it("a goal row copied (the same id twice)", () => {
    const g = insertRow(templateOf("CKB"), "CKB", 12);
    set(g, "CKB", "A12", "bc-b01");
    set(g, "CKB", "I12", 99);
    expect(refused(g)).toMatch(
      /mål-id'et bc-b01 står i flere rækker \(8, 12\) i arket "CKB", så det er uklart, hvilke tal der gælder\./,
    );
  });
});

describe("the reader both shells use refuses a file before any spreadsheet parser sees it", () => {
  let template: Buffer;
  beforeAll(async () => {
    template = await writePlan(planTemplate(bc, "CKB", { exportedAt: AT }));
  });

  async function readRefusal(bytes: Uint8Array, file: string, maxBytes?: number): Promise<string> {
    const r = await readReturnedFile(bytes, file, maxBytes);
    if (r.ok) throw new Error(`expected ${file} to be refused`);
    return refusalMessage(r.refusal);
  }

  it("reads a fresh template (the cases below fail for their own reason)", async () => {
    const r = await readReturnedFile(template, "ckb.xlsx");
    expect(r.ok && verifyTemplate(masterMeta(), r.read.grids, "ckb.xlsx").ok).toBe(true);
  });

  it("a file that is not a workbook at all", async () => {
    expect(await readRefusal(Buffer.from("Tal kommer senere\n"), "noter.xlsx")).toMatch(
      /^Filen "noter\.xlsx" er ikke en Excel-projektmappe \(\.xlsx\)\. Gem den som \.xlsx i Excel og prøv igen\./,
    );
  });

  it("a template cut short", async () => {
    expect(
      await readRefusal(template.subarray(0, Math.floor(template.length * 0.6)), "afbrudt.xlsx"),
    ).toMatch(
      /^Filen "afbrudt\.xlsx" er beskadiget: zip-arkivet kan ikke læses \(er filen kun delvist hentet eller gemt\?\)\. Bed centret sende den igen\. Intet er indlæst\./,
    );
  });

  it("damaged compressed data with an intact directory", async () => {
    const zip = await JSZip.loadAsync(template);
    const bytes = Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    // Scribble over the middle of the data, leaving the central directory at the end alone.
    for (let i = 2000; i < 2400; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff;
    expect(await readRefusal(bytes, "skadet.xlsx")).toMatch(/^Filen "skadet\.xlsx" er beskadiget/);
  });

  /** A template with an 8 MB entry of zeros: a few KB packed. */
  async function bomb(): Promise<Buffer> {
    const zip = await JSZip.loadAsync(template);
    zip.file("xl/media/image1.png", Buffer.alloc(8 * 1024 * 1024, 0));
    const bytes = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    expect(bytes.length).toBeLessThan(100 * 1024);
    return Buffer.from(bytes);
  }

  it("a zip bomb: a small file with a huge, highly compressible entry", async () => {
    expect(await readRefusal(await bomb(), "bombe.xlsx")).toMatch(
      /^Filen "bombe\.xlsx" fylder \d+ KB, men pakkes ud til \d+(,\d)? MB: den ligner en zip-bombe, ikke en udfyldt skabelon, og er ikke åbnet\. Intet er indlæst\./,
    );
  });

  it("a zip bomb whose directory lies about the unpacked size", async () => {
    const bytes = await bomb();
    // Declare 1,000 bytes for the big entry, in its local header and in the central directory.
    const name = Buffer.from("xl/media/image1.png");
    for (const [signature, sizeAt, nameAt] of [
      [0x04034b50, 22, 30],
      [0x02014b50, 24, 46],
    ] as const) {
      for (let i = 0; i + nameAt < bytes.length; i++) {
        if (
          bytes.readUInt32LE(i) === signature &&
          bytes.subarray(i + nameAt, i + nameAt + name.length).equals(name)
        )
          bytes.writeUInt32LE(1000, i + sizeAt);
      }
    }
    expect(await readRefusal(bytes, "loegn.xlsx")).toMatch(
      /^Filen "loegn\.xlsx" fylder \d+ KB, men pakkes ud til \d+(,\d)? MB: den ligner en zip-bombe/,
    );
  });

  it("a file far larger than a template", async () => {
    const limit = sizeLimit(template.length);
    expect(limit).toBeLessThanOrEqual(DEFAULT_LIMITS.maxBytes);
    expect(await readRefusal(Buffer.alloc(limit + 1, 1), "kaempe.xlsx", limit)).toMatch(
      /^Filen "kaempe\.xlsx" fylder \d+ KB – langt mere end en skabelon \(grænsen er \d+ KB\)\. Fjern billeder eller andet indsat indhold/,
    );
  });
});
