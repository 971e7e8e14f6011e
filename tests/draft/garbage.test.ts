// Files that are not an appendix get a Danish message and no draft; an appendix whose rows are
// shuffled gives a draft whose every doubtful goal is flagged, never an unflagged wrong goal.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { builtinContracts } from "../../src/contracts/builtin";
import { compareDraft } from "../../src/draft/compare";
import { draftFromFile } from "../../src/draft/draftFile";
import { DraftError } from "../../src/draft/errors";
import { docxFromText, fixture } from "./docx";

const bytes = (s: string) => new TextEncoder().encode(s);

async function refused(data: Uint8Array, name: string): Promise<string> {
  try {
    await draftFromFile(data, name);
  } catch (e) {
    expect(e).toBeInstanceOf(DraftError);
    return (e as Error).message;
  }
  throw new Error(`${name} was drafted`);
}

test("an empty file", async () => {
  expect(await refused(new Uint8Array(0), "tom.txt")).toMatch(/"tom.txt" er tom/);
  expect(await refused(bytes("  \n\n\t\n"), "blank.txt")).toMatch(/er tom/);
});

test("a PDF renamed .docx", async () => {
  expect(await refused(bytes("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), "bilag.docx")).toMatch(
    /er en PDF.*gem det som \.docx/,
  );
});

test("an image", async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  expect(await refused(png, "bilag.png")).toMatch(/er et billede/);
});

test("a zip that is not a Word document", async () => {
  const zip = new JSZip();
  zip.file("data.csv", "a;b\n1;2\n");
  const data = await zip.generateAsync({ type: "uint8array" });
  expect(await refused(data, "bilag.docx")).toMatch(/kan ikke læses som et Word-dokument/);
});

test("an unrelated Word document", async () => {
  const text =
    "Referat af personalemøde 12. marts\nTil stede: alle\n\nDagsorden\tPunkt\n1\tGodkendelse af referat\n2\tEventuelt\n";
  expect(await refused(docxFromText(text), "referat.docx")).toMatch(/ligner ikke et bilag med resultatmål/);
});

test("text without columns", async () => {
  expect(
    await refused(bytes("Mindst 90 % af alle sager\nAlle henvendelser besvares\n"), "bilag.txt"),
  ).toMatch(/ingen kolonner/);
});

test("an old binary .doc", async () => {
  expect(
    await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "bilag.doc"),
  ).toMatch(/gamle Word-format/);
});

test("Windows-1252 text gives the same draft as UTF-8", async () => {
  const text = fixture("seed-beskaeftigelsescentre-2007.txt").replace(
    /[–’”]/g,
    (c) => ({ "–": "-", "’": "'", "”": '"' })[c]!,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cp1252-"));
  fs.writeFileSync(path.join(dir, "in.txt"), text, "utf8");
  const conv = spawnSync("iconv", ["-f", "UTF-8", "-t", "WINDOWS-1252", path.join(dir, "in.txt")]);
  expect(conv.status).toBe(0);
  const cp1252 = new Uint8Array(conv.stdout);
  expect(cp1252.length).toBeLessThan(Buffer.byteLength(text, "utf8"));
  const a = await draftFromFile(cp1252, "bilag.txt");
  const b = await draftFromFile(bytes(text), "bilag.txt");
  expect(a.contract).toEqual(b.contract);
  expect(a.contract.centres[0]!.name).toBe("Center for Kompetence og Beskæftigelse");
});

/** A small seeded shuffle, so a failure can be reproduced. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.each([
  ["jobcenter-kbh-2007", "seed-jobcenter-kbh-2007.txt"],
  ["beskaeftigelsescentre-2007", "seed-beskaeftigelsescentre-2007.txt"],
])("%s with its rows shuffled", (id, file) => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: no unflagged wrong goal", async (seed) => {
    const lines = fixture(file).split("\n");
    const text = shuffled(lines, seed).join("\n");
    let draft;
    try {
      draft = await draftFromFile(bytes(text), "bilag.txt");
    } catch (e) {
      expect(e).toBeInstanceOf(DraftError);
      return;
    }
    const c = compareDraft(
      draft,
      builtinContracts().find((x) => x.id === id)!,
    );
    expect(c.goals.filter((g) => g.verdict === "different").map((g) => g.referenceId)).toEqual([]);
    expect(c.missing).toBe(0);
  });
});
