// Checks that a returned file is a template of the master's contract for the centre it claims,
// made from the same definition, with the contract's goal rows and locked cells intact. Pure: it
// sees the master's metadata and the file's grids, and answers with a refusal or the template.
import type { CellValue, Centre, Contract } from "../contracts/model";
import { definitionHash } from "../contracts/definitionHash";
import { rowsFor } from "../contracts/resolve";
import { cellAt, type Grid, type SheetGrid } from "../sheets/grid";
import { columnNumber } from "../sheets/a1";
import { COL, FIRST_GOAL_ROW, HEADER_ROW, HEADERS, META_SHEET } from "../sheets/layout";
import type { Meta } from "../sheets/meta";
import { planWorkbook } from "../sheets/planWorkbook";
import { TEMPLATE_VERSION } from "./planTemplate";
import { linesOf, readMetaLines } from "../sheets/metaLines";
import type { LockedCellChange, Refusal } from "./refusal";
import { sameAsWritten } from "./sameFigure";
import { isReservedSheetName } from "../contracts/sheetNames";

export interface VerifiedTemplate {
  file: string;
  /** The master's contract (never the file's copy of it). */
  contract: Contract;
  centre: Centre;
  /** The centre's sheet in the returned file. */
  grid: SheetGrid;
  /** 1-based row in the returned file of each goal row id. */
  rowNumbers: Map<string, number>;
  exportedAt: string;
  /** Ids in column A that the contract does not know (rows the centre inserted). */
  unknownIds: string[];
}

export type Verification = { ok: true; template: VerifiedTemplate } | { ok: false; refusal: Refusal };

/** The lines of a template's RK_Data sheet this check needs, read without trusting its JSON. */
interface TemplateMeta {
  template?: { contractId: string; centre: string; version: string; exportedAt: string };
  hashes: Map<string, string>;
  sheets: { sheet: string; contractId: string; centre: string }[];
  goals: Map<string, string[]>;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

function readTemplateMeta(grid: Grid | undefined): TemplateMeta | undefined {
  const lines = readMetaLines(grid);
  if (!lines) return undefined;
  const templates = linesOf(lines, "template");
  const last = templates[templates.length - 1];
  return {
    template: last && {
      contractId: last.contractId,
      // The master's codes are NFC; a file saved on a Mac may spell "Ø" or "å" decomposed.
      centre: last.centre.normalize("NFC"),
      version: last.version,
      exportedAt: last.exportedAt,
    },
    hashes: new Map(linesOf(lines, "contract").map((l) => [l.id, l.hash])),
    sheets: linesOf(lines, "sheet").map((l) => ({
      sheet: l.sheet,
      contractId: l.contractId,
      centre: l.centre.normalize("NFC"),
    })),
    goals: new Map(
      linesOf(lines, "goals").map((l) => [`${l.contractId}\u0000${l.centre.normalize("NFC")}`, l.ids]),
    ),
  };
}

/** The name of the centre's sheet a returned file says it has, from its RK_Data; undefined if it has none. */
export function templateSheetName(grids: SheetGrid[]): string | undefined {
  const meta = readTemplateMeta(grids.find((g) => g.name === META_SHEET)?.values);
  const t = meta?.template;
  if (!meta || !t) return undefined;
  return meta.sheets.find((s) => s.contractId === t.contractId)?.sheet ?? t.centre;
}

/** The master's own record of its contract's hash; recomputed when the line lacks one. */
function masterHash(master: Meta, contract: Contract): string {
  return master.hashes[contract.id] || definitionHash(contract);
}

const refuse = (refusal: Refusal): Verification => ({ ok: false, refusal });

export function verifyTemplate(master: Meta, grids: SheetGrid[], file: string): Verification {
  const meta = readTemplateMeta(grids.find((g) => g.name === META_SHEET)?.values);
  if (!meta) return refuse({ kind: "notTemplate", file, why: "noMetadata" });
  const t = meta.template;
  if (!t) return refuse({ kind: "notTemplate", file, why: "masterWorkbook" });
  if (String(TEMPLATE_VERSION) !== t.version)
    return refuse({ kind: "templateVersion", file, version: t.version || "ukendt" });

  if (isReservedSheetName(t.centre)) return refuse({ kind: "reservedCentre", file, centre: t.centre });
  const contract = master.contracts.find((c) => c.id === t.contractId);
  if (!contract)
    return refuse({
      kind: "otherContract",
      file,
      contractId: t.contractId,
      known: master.contracts.map((c) => c.id),
    });
  const masterCentres = master.sheets.filter((s) => s.contractId === contract.id).map((s) => s.centre);
  const centre = contract.centres.find((c) => c.code === t.centre);
  if (!centre || !masterCentres.includes(centre.code)) {
    return refuse({ kind: "unknownCentre", file, centre: t.centre, known: masterCentres });
  }
  const expectedIds = rowsFor(contract, centre.code).map((r) => r.id);
  const goals = meta.goals.get(`${contract.id}\u0000${centre.code}`);
  if (
    meta.hashes.get(contract.id) !== masterHash(master, contract) ||
    (goals && goals.join("\n") !== expectedIds.join("\n"))
  ) {
    return refuse({ kind: "definitionChanged", file, contractId: contract.id });
  }

  // The file's own index of sheets must name the centre it claims, and that sheet must be there.
  const lines = meta.sheets.filter((s) => s.contractId === contract.id);
  const other = lines.find((s) => s.centre !== centre.code);
  if (other)
    return refuse({
      kind: "centreMismatch",
      file,
      claimed: centre.code,
      found: other.centre,
      where: "filens skjulte kontraktdata (arkoversigten)",
    });
  const sheetName = lines[0]?.sheet ?? centre.code;
  const grid = grids.find((g) => g.name === sheetName);
  if (!grid) {
    const allCentres = master.contracts.flatMap((c) => c.centres.map((x) => x.code));
    const foreign = grids.find((g) => allCentres.some((code) => code.toLowerCase() === g.name.toLowerCase()));
    if (foreign)
      return refuse({
        kind: "centreMismatch",
        file,
        claimed: centre.code,
        found: foreign.name,
        where: `arket "${foreign.name}"`,
      });
    return refuse({
      kind: "sheetMissing",
      file,
      sheet: sheetName,
      sheets: grids.filter((g) => g.name !== META_SHEET).map((g) => g.name),
    });
  }

  const expected = planWorkbook([contract], {
    centres: [centre.code],
    summary: false,
    generatedAt: t.exportedAt,
  }).sheets.find((s) => s.role === "centre")!;
  const expectedValue = (row: number, col: string): CellValue => {
    const cell = expected.cells[row - 1]?.[columnNumber(col) - 1] ?? null;
    return cell && "value" in cell ? cell.value : null;
  };

  const headerRow = findHeaderRow(grid.values);
  const offset = headerRow - HEADER_ROW;
  // The title block names the centre; a sheet copied from another centre's template shows it here.
  for (let r = 1; r < headerRow; r++) {
    const m = /^Center: (.+?) · År:/.exec(text(cellAt(grid.values, r, 0)));
    if (m && m[1] !== centre.code) {
      return refuse({
        kind: "centreMismatch",
        file,
        claimed: centre.code,
        found: m[1]!,
        where: `arket "${grid.name}" (celle A${r}: "Center: ${m[1]}")`,
      });
    }
  }

  const rowsById = new Map<string, number[]>();
  grid.values.forEach((line, i) => {
    const id = line[columnNumber(COL.id) - 1];
    if (i + 1 > headerRow && typeof id === "string" && id.trim() !== "") {
      rowsById.set(id.trim(), [...(rowsById.get(id.trim()) ?? []), i + 1]);
    }
  });
  const unknownIds = [...rowsById.keys()].filter((id) => !expectedIds.includes(id));
  const missing = expectedIds.filter((id) => !rowsById.has(id));
  if (missing.length > 0)
    return refuse({ kind: "goalRowsMissing", file, sheet: grid.name, missing, unknown: unknownIds });
  for (const id of expectedIds) {
    const rows = rowsById.get(id)!;
    if (rows.length > 1)
      return refuse({ kind: "duplicateGoalRow", file, sheet: grid.name, goalId: id, rows });
  }
  const rowNumbers = new Map(expectedIds.map((id) => [id, rowsById.get(id)![0]!] as const));

  const changes: LockedCellChange[] = [];
  // The title lines, in order above the header; rows inserted between them are tolerated.
  let from = 1;
  for (const r of [1, 2, 3]) {
    const want = expectedValue(r, "A");
    let at = from;
    while (at < headerRow && !sameAsWritten(want, cellAt(grid.values, at, 0))) at++;
    if (at < headerRow) from = at + 1;
    else {
      const shown = Math.min(r + offset, headerRow - 1);
      changes.push({
        address: `A${shown}`,
        goalId: "titel",
        column: "Overskrift",
        expected: want,
        found: cellAt(grid.values, shown, 0),
      });
    }
  }
  const locked = [COL.id, COL.area, COL.group, COL.text, COL.requirement, COL.target, COL.target2] as const;
  const header = (col: string) =>
    HEADERS[(Object.keys(COL) as (keyof typeof COL)[]).find((k) => COL[k] === col)!];
  expectedIds.forEach((id, i) => {
    const planned = FIRST_GOAL_ROW + i;
    const actual = rowNumbers.get(id)!;
    for (const col of locked) {
      const want = expectedValue(planned, col);
      const got = cellAt(grid.values, actual, columnNumber(col) - 1);
      if (!sameAsWritten(want, col === COL.id && typeof got === "string" ? got.trim() : got)) {
        changes.push({
          address: `${col}${actual}`,
          goalId: id,
          column: header(col),
          expected: want,
          found: got,
        });
      }
    }
  });
  if (changes.length > 0) return refuse({ kind: "lockedCellsChanged", file, sheet: grid.name, changes });

  return {
    ok: true,
    template: { file, contract, centre, grid, rowNumbers, exportedAt: t.exportedAt, unknownIds },
  };
}

/** The header row ("Mål-ID" in column A), which moves down when rows are inserted above it. */
function findHeaderRow(values: Grid): number {
  for (let r = 1; r <= Math.min(values.length, 200); r++) if (cellAt(values, r, 0) === HEADERS.id) return r;
  return HEADER_ROW;
}
