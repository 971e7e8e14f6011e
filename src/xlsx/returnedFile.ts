// Reads a returned template's bytes as the import needs them: the zip guard first, then each
// sheet measured and exceljs kept from expanding one that is far too large, then every sheet's
// grid and a way to tell what an input cell holds. No Node APIs: the task pane runs this in the
// browser (loaded with import(), so exceljs stays out of the pane's first chunk).
import { tryParseCell } from "../sheets/a1";
import { META_SHEET } from "../sheets/layout";
import type { SheetGrid } from "../sheets/grid";
import type { CellKind, KindAt } from "../templates/inputCells";
import type { Refusal } from "../templates/refusal";
import { shownText } from "../templates/shownText";
import { templateSheetName } from "../templates/verifyTemplate";
import { DEFAULT_LIMITS, guardZip } from "../templates/zipGuard";
import { LoadError, loadBounded } from "./boundedLoad";
import { cellKinds } from "./cellKinds";
import { gridsOf } from "./readGrids";
import { overflowText, type CellNote } from "./sheetBounds";

export interface ReadReturned {
  grids: SheetGrid[];
  /** What each input cell of the named sheet holds (formula, date, link …). */
  kindsOf(sheet: string): KindAt;
}

export type ReturnedResult = { ok: true; read: ReadReturned } | { ok: false; refusal: Refusal };

export async function readReturnedFile(
  bytes: Uint8Array,
  file: string,
  maxBytes: number = DEFAULT_LIMITS.maxBytes,
): Promise<ReturnedResult> {
  const guarded = await guardZip(bytes, file, { ...DEFAULT_LIMITS, maxBytes });
  if (guarded) return { ok: false, refusal: guarded };
  let loaded;
  try {
    loaded = await loadBounded(bytes, "cells");
  } catch (e) {
    const kind = e instanceof LoadError && e.part === "xml" ? "unreadable" : "corrupt";
    return { ok: false, refusal: { kind, file } };
  }
  const { wb, stubbed, notes } = loaded;
  const grids = gridsOf(wb);
  for (const grid of grids) isoDatesAsSerials(grid, notes.get(grid.name));
  // Only RK_Data and the centre's sheet are read; another sheet too large is simply left out.
  const needed = [META_SHEET, templateSheetName(grids)].filter((s): s is string => s !== undefined);
  for (const sheet of needed) {
    const overflow = [...stubbed].find(([name]) => name.toLowerCase() === sheet.toLowerCase())?.[1];
    if (overflow)
      return { ok: false, refusal: { kind: "sheetTooLarge", file, sheet, what: overflowText(overflow) } };
  }
  return {
    ok: true,
    read: {
      grids,
      kindsOf: (sheet) => {
        const fromExcelJs = cellKinds(wb.getWorksheet(sheet));
        const noted = notes.get(sheet);
        return (address) => {
          const note = noted?.get(address);
          return note ? kindOfNote(note) : fromExcelJs(address);
        };
      },
    },
  };
}

/** What exceljs would misread, told as what it is. */
function kindOfNote(note: CellNote): CellKind {
  return note.kind === "date"
    ? { kind: "date" }
    : { kind: "badNumber", text: shownText(note.text.slice(0, 30)) };
}

/**
 * A date cell (t="d") holds an ISO date, which exceljs reads as a number by its leading digits
 * ("2007-03-15" as 2007). The grid gets the date's serial number instead, as Excel would show it,
 * so that where a date is welcome (a Ja/Nej goal's completion date) it is the right date, and
 * everywhere else the cell is refused as a date.
 */
function isoDatesAsSerials(grid: SheetGrid, noted: Map<string, CellNote> | undefined): void {
  for (const [address, note] of noted ?? []) {
    if (note.kind !== "date") continue;
    const at = tryParseCell(address);
    const row = at ? grid.values[at.row - 1] : undefined;
    if (!at || !row) continue;
    // A date and time without a zone is the day as written (UTC); a date alone is UTC already.
    const zoned = !note.text.includes("T") || /[zZ]|[+-]\d\d:?\d\d$/.test(note.text);
    const time = Date.parse(zoned ? note.text : `${note.text}Z`);
    row[at.col - 1] = Number.isFinite(time) ? time / 86_400_000 + 25569 : note.text;
  }
}
