// The built-in contracts must say exactly what the appendices say: every goal line of a seed
// appears once in the data, verbatim, under the same area, heading and group, and nothing else does.
import * as fs from "fs";
import * as path from "path";
import { builtinContracts } from "../../src/contracts/builtin";
import type { Contract } from "../../src/contracts/model";

/** The area headings of the 2007 appendices (areas are free text in the model). */
const AREAS = ["Beskæftigelsesindsatsen", "Kvalitet i servicen", "Personale og organisation", "Økonomi"];

const seedDir = path.resolve(__dirname, "../../../shared/seeds");

const SEEDS = [
  { contractId: "jobcenter-kbh-2007", file: "000_a8a5259750e20604.txt", goals: 62 },
  { contractId: "beskaeftigelsescentre-2007", file: "003_000f8f7d736c1734.txt", goals: 29 },
];

interface SeedGoalLine {
  lineNo: number;
  text: string;
  area: string | undefined;
  section: string | undefined;
  group: string | undefined;
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, "").trim();

const isArea = (s: string) => (AREAS as readonly string[]).includes(s);
const isSectionHeading = (s: string) => /^(Fælles mål|Særlige mål|Mål for)/.test(s);
const isDocumentHeading = (s: string) => /^(Resultatkontrakternes|BILAG 1|Sagsnr\.)/.test(s);
const isHeading = (s: string) => isArea(s) || isSectionHeading(s) || isDocumentHeading(s);

/**
 * A line is "first column<TAB>content". The first column holds an area, a section heading,
 * a group tag or nothing; the content holds a goal or a section heading. A line without a tab
 * (the "BILAG 1" title, the "Sagsnr." footer) is read as content, so the heading rule has to
 * recognise it rather than the missing tab hiding it.
 */
function goalLines(file: string): SeedGoalLine[] {
  const lines = fs.readFileSync(path.join(seedDir, file), "utf8").split(/\r?\n/);
  const out: SeedGoalLine[] = [];
  let area: string | undefined;
  let section: string | undefined;
  let group: string | undefined;
  lines.forEach((raw, i) => {
    const tab = raw.indexOf("\t");
    const first = tab >= 0 ? stripTags(raw.slice(0, tab)) : "";
    const content = stripTags(tab >= 0 ? raw.slice(tab + 1) : raw);
    if (isArea(first)) {
      area = first;
      section = undefined;
      group = undefined;
    } else if (isSectionHeading(first)) {
      section = first;
      group = undefined;
    } else if (first !== "" && !isDocumentHeading(first)) {
      group = first;
    }
    if (content === "") return;
    if (isSectionHeading(content)) {
      section = content;
      group = undefined;
      return;
    }
    if (isHeading(content)) return;
    out.push({ lineNo: i + 1, text: content, area, section, group });
  });
  return out;
}

function contract(id: string): Contract {
  const c = builtinContracts().find((x) => x.id === id);
  if (!c) throw new Error(`no built-in contract ${id}`);
  return c;
}

describe.each(SEEDS)("$contractId against seed $file", ({ contractId, file, goals }) => {
  const seed = goalLines(file);
  const data = contract(contractId);

  it(`has ${goals} goal lines in the seed and ${goals} goals in the data`, () => {
    expect(seed).toHaveLength(goals);
    expect(data.goals).toHaveLength(goals);
  });

  it("maps every seed goal line to exactly one goal", () => {
    for (const line of seed) {
      const matches = data.goals.filter((g) => g.text.trim() === line.text);
      expect({ line: line.lineNo, text: line.text, matches: matches.length }).toEqual({
        line: line.lineNo,
        text: line.text,
        matches: 1,
      });
    }
  });

  it("maps every goal to exactly one seed goal line", () => {
    for (const g of data.goals) {
      const matches = seed.filter((l) => l.text === g.text.trim());
      expect({ id: g.id, matches: matches.length }).toEqual({ id: g.id, matches: 1 });
    }
  });

  it("keeps the appendix order", () => {
    const order = data.goals.map((g) => seed.findIndex((l) => l.text === g.text));
    expect(order).toEqual(seed.map((_, i) => i));
  });

  it("files each goal under the seed's area, heading and group", () => {
    for (const line of seed) {
      const g = data.goals.find((x) => x.text === line.text);
      expect({ id: g?.id, area: g?.area, section: g?.section, group: g?.group }).toEqual({
        id: g?.id,
        area: line.area,
        section: line.section,
        group: line.group,
      });
    }
  });

  it("numbers goal ids in appendix order within each area", () => {
    const prefix = contractId === "jobcenter-kbh-2007" ? "jc" : "bc";
    const letter: Record<string, string> = {
      Beskæftigelsesindsatsen: "b",
      "Kvalitet i servicen": "k",
      "Personale og organisation": "p",
      Økonomi: "o",
    };
    const seen: Record<string, number> = {};
    for (const g of data.goals) {
      const l = letter[g.area] ?? "?";
      seen[l] = (seen[l] ?? 0) + 1;
      expect(g.id).toBe(`${prefix}-${l}${String(seen[l]).padStart(2, "0")}`);
    }
  });
});

it("keeps the appendix's own spelling and notes", () => {
  const texts = builtinContracts().flatMap((c) => c.goals.map((g) => g.text));
  expect(texts).toContain(
    "Der skal i løbet af 2007 gennemføres mindst 100 afklaringsforløb for sygemeldte borgere med anden etnisk baggrund end dansk..",
  );
  expect(texts.some((t) => t.endsWith("[målet er mindst 95 % for Nyropsgade]"))).toBe(true);
  expect(texts.some((t) => t.endsWith("ledelsespolitik. Samme mål for CAB."))).toBe(true);
  expect(texts.some((t) => /<[^>]+>/.test(t) || t !== t.trim())).toBe(false);
});
