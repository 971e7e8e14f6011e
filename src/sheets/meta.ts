// The very hidden sheet that makes a workbook readable as a contract workbook: the contracts'
// definitions, which sheet is which centre, and when templates went out and came back.
// Kept in cells, not in settings or custom XML, which have been lost on Mac (OFFICE-JS.md).
import type { Contract } from "../contracts/model";
import { definitionHash } from "../contracts/definitionHash";
import { parseContract } from "../contracts/schema";
import { columnLetters } from "./a1";
import type { Grid } from "./grid";
import { META_SHEET } from "./layout";
import type { SheetPlan } from "./plan";
import { SheetBuilder } from "./sheetBuilder";

export const META_FORMAT = 1;
const MAGIC = "Resultatkontrakter";
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
  const put = (cells: (string | number | undefined)[]) => {
    cells.forEach((v, i) => b.value(columnLetters(i + 1), r, v ?? ""));
    r++;
  };
  put([MAGIC, "format", META_FORMAT]);
  for (const c of meta.contracts) {
    const json = JSON.stringify(c);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
    put(["contract", c.id, definitionHash(c), ...chunks]);
  }
  for (const s of meta.sheets) put(["sheet", s.sheet, s.contractId, s.centre]);
  if (meta.template) {
    const t = meta.template;
    put(["template", t.contractId, t.centre, t.version, t.exportedAt]);
  }
  for (const t of meta.trips) put(["trip", t.event, t.contractId, t.centre, t.at, t.file]);
  const plan = b.build();
  plan.visibility = "veryHidden";
  plan.protect = true;
  return plan;
}

export class NotAContractWorkbook extends Error {}

/** Reads the metadata sheet's grid; throws NotAContractWorkbook with a Danish message. */
export function readMeta(grid: Grid | undefined): Meta {
  if (!grid || grid[0]?.[0] !== MAGIC) {
    throw new NotAContractWorkbook(
      "Projektmappen er ikke en kontraktprojektmappe fra Resultatkontrakter (arket med kontraktdata mangler). Byg den med 'kontrakt build' eller fra kontraktpanelet.",
    );
  }
  const meta: Meta = { contracts: [], hashes: {}, sheets: [], trips: [] };
  for (const line of grid.slice(1)) {
    const cells = line.map((c) => (c === null || c === undefined ? "" : String(c)));
    const [kind, a = "", b = "", c = "", d = "", e = ""] = cells;
    if (kind === "contract") {
      const json = cells.slice(3).join("");
      try {
        const contract = parseContract(JSON.parse(json), `Kontrakten "${a}" i projektmappen`);
        meta.contracts.push(contract);
        meta.hashes[contract.id] = b;
      } catch (err) {
        throw new NotAContractWorkbook(
          `Kontraktdata i projektmappen kan ikke læses (${err instanceof Error ? err.message : String(err)}).`,
        );
      }
    } else if (kind === "sheet") meta.sheets.push({ sheet: a, contractId: b, centre: c });
    else if (kind === "template")
      meta.template = { contractId: a, centre: b, version: Number(c), exportedAt: d };
    else if (kind === "trip" && (a === "exported" || a === "returned")) {
      meta.trips.push({ event: a, contractId: b, centre: c, at: d, file: e || undefined });
    }
  }
  return meta;
}
