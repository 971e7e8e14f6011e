// Writes changes into a copy of the master's bytes: the Log sheet added if it is missing, then
// every cell set inside the zip with patchCells, so the rest of the workbook (charts the add-in
// drew, the economist's own sheets, formats, validation, names) stays exactly as it was. The
// result is read back and checked before anyone writes it to disk; a cell that does not read
// back as written stops everything with the cell named, and nothing is written.
import type { CellWrite } from "../templates/applyImport";
import { LOG_COLUMN_WIDTHS } from "../templates/auditLog";
import { sameFigure } from "../templates/sameFigure";
import { shownText } from "../templates/shownText";
import { parseCell } from "../sheets/a1";
import { addEmptySheet, AddSheetError } from "../xlsx/addSheet";
import { patchCells } from "../xlsx/patchCells";
import { readGrids } from "../xlsx/readGrids";
import { CliError } from "./errors";

export async function applyMasterWrites(
  buffer: Buffer,
  writes: CellWrite[],
  /** The name of a Log sheet to add before the writes, if it is missing. */
  createLog?: string,
): Promise<Buffer> {
  let out = buffer;
  try {
    if (createLog)
      out = await addEmptySheet(out, createLog, { columnWidths: LOG_COLUMN_WIDTHS, frozenRows: 1 });
  } catch (e) {
    if (e instanceof AddSheetError)
      throw new CliError(`Arket "${createLog}" kan ikke oprettes: ${e.message} Intet er skrevet.`);
    throw e;
  }
  if (writes.length > 0) out = await patchCells(out, writes);
  const grids = await readGrids(out);
  for (const w of writes) {
    const { row, col } = parseCell(w.address);
    const got = grids.find((g) => g.name === w.sheet)?.values[row - 1]?.[col - 1] ?? null;
    if (!sameFigure(got, w.value)) {
      throw new CliError(
        `Cellen ${w.address} i arket "${w.sheet}" kan ikke gemmes, som den er: ${typeof w.value === "string" ? `teksten "${shownText(w.value.slice(0, 80))}${w.value.length > 80 ? "…" : ""}"` : `tallet ${w.value}`} læses tilbage som noget andet. Ret værdien i filen, den kommer fra. Intet er skrevet.`,
      );
    }
  }
  return out;
}
