// Reads a returned template's bytes as the import needs them: the zip guard first, then each
// sheet measured and exceljs kept from expanding one that is far too large, then every sheet's
// grid and a way to tell what an input cell holds. No Node APIs: the task pane runs this in the
// browser (loaded with import(), so exceljs stays out of the pane's first chunk).
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
    loaded = await loadBounded(bytes);
  } catch (e) {
    const kind = e instanceof LoadError && e.part === "xml" ? "unreadable" : "corrupt";
    return { ok: false, refusal: { kind, file } };
  }
  const { wb, stubbed, notes } = loaded;
  const grids = gridsOf(wb);
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
