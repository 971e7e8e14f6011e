// The very hidden sheet that makes a workbook readable as a contract workbook: the contracts'
// definitions, which sheet is which centre, and when templates went out and came back.
// Kept in cells, not in settings or custom XML, which have been lost on Mac (OFFICE-JS.md); the
// lines' layout is metaLines.ts'.
import type { Contract } from "../contracts/model";
import { definitionHash } from "../contracts/definitionHash";
import { parseContract } from "../contracts/schema";
import { columnLetters } from "./a1";
import type { Grid } from "./grid";
import { META_SHEET } from "./layout";
import type { SheetPlan } from "./plan";
import { SheetBuilder } from "./sheetBuilder";
import { linesOf, metaHeaderLine, metaLine, readMetaLines, type MetaCell } from "./metaLines";

/** Excel holds at most 32,767 characters in a cell. */
const CHUNK = 30000;

export interface CentreSheetRef {
  sheet: string;
  contractId: string;
  centre: string;
}

export interface TemplateInfo {
  contractId: string;
  centre: string;
  version: number;
  exportedAt: string;
}

/** A template's trip: when it went out and when it came back, per centre. */
export interface TripEvent {
  event: "exported" | "returned";
  contractId: string;
  centre: string;
  at: string;
  file?: string;
}

export interface Meta {
  contracts: Contract[];
  hashes: Record<string, string>;
  sheets: CentreSheetRef[];
  template?: TemplateInfo;
  trips: TripEvent[];
}

export function planMeta(meta: Omit<Meta, "hashes">): SheetPlan {
  const b = new SheetBuilder(META_SHEET, "meta");
  let r = 1;
  const put = (cells: MetaCell[]) => {
    cells.forEach((v, i) => b.value(columnLetters(i + 1), r, v));
    r++;
  };
  put(metaHeaderLine());
  for (const c of meta.contracts) {
    const json = JSON.stringify(c);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
    put(metaLine("contract", { id: c.id, hash: definitionHash(c) }, chunks));
  }
  for (const s of meta.sheets) put(metaLine("sheet", s));
  if (meta.template) put(metaLine("template", meta.template));
  for (const t of meta.trips) put(metaLine("trip", t));
  const plan = b.build();
  plan.visibility = "veryHidden";
  plan.protect = true;
  return plan;
}

export class NotAContractWorkbook extends Error {}

/** Reads the metadata sheet's grid; throws NotAContractWorkbook with a Danish message. */
export function readMeta(grid: Grid | undefined): Meta {
  const lines = readMetaLines(grid);
  if (!lines) {
    throw new NotAContractWorkbook(
      "Projektmappen er ikke en kontraktprojektmappe fra Resultatkontrakter (arket med kontraktdata mangler). Byg den med 'kontrakt build' eller fra kontraktpanelet.",
    );
  }
  const meta: Meta = { contracts: [], hashes: {}, sheets: [], trips: [] };
  for (const line of linesOf(lines, "contract")) {
    try {
      const contract = parseContract(
        JSON.parse(line.json.join("")),
        `Kontrakten "${line.id}" i projektmappen`,
      );
      meta.contracts.push(contract);
      meta.hashes[contract.id] = line.hash;
    } catch (err) {
      throw new NotAContractWorkbook(
        `Kontraktdata i projektmappen kan ikke læses (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
  }
  meta.sheets = linesOf(lines, "sheet").map(({ sheet, contractId, centre }) => ({
    sheet,
    contractId,
    centre,
  }));
  const templates = linesOf(lines, "template");
  const template = templates[templates.length - 1];
  if (template) {
    const { contractId, centre, version, exportedAt } = template;
    meta.template = { contractId, centre, version: Number(version), exportedAt };
  }
  for (const { event, contractId, centre, at, file } of linesOf(lines, "trip")) {
    if (event === "exported" || event === "returned")
      meta.trips.push({ event, contractId, centre, at, file: file || undefined });
  }
  return meta;
}
