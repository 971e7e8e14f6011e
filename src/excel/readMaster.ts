// Reads the open contract workbook as the template export and import need it, in two syncs: first
// the sheet list and RK_Data (which says which sheets are centres), then the centre sheets' goal
// id and input columns, Oversigt, Log and whether RK_Data is protected.
import type { SheetGrid } from "../sheets/grid";
import { COL, LOG_SHEET, META_SHEET, SUMMARY_SHEET } from "../sheets/layout";
import { NotAContractWorkbook, readMeta, type Meta } from "../sheets/meta";
import { readWorkbook, type WorkbookState } from "../sheets/readWorkbook";
import { officeCode } from "./errors";
import { queueGrids, type GridRequest } from "./readGrids";

export interface SheetInfo {
  name: string;
  visibility: string;
}

export interface MasterRead {
  meta: Meta;
  state: WorkbookState;
  /**
   * RK_Data, the centre sheets (named as the metadata names them, with formulas when asked),
   * Oversigt and Log when they are there: the grids the template core expects.
   */
  grids: SheetGrid[];
  sheets: SheetInfo[];
  /** RK_Data is protected (as the add-in leaves it): unprotect it to write, protect it again after. */
  metaProtected: boolean;
  /** Excel's own name of a sheet (its case may differ from the metadata's). */
  actual(name: string): string;
  has(name: string): boolean;
}

export interface MasterReadOptions {
  /** Read the centre sheets' formulas too (the import must not overwrite a formula unasked). */
  formulas?: boolean;
  /** Read the Log sheet (the import appends to it). */
  log?: boolean;
}

const CENTRE_COLUMNS = [COL.id, COL.grundlag, COL.resultat, COL.comment];

/** "Log", "log", "Log (2)" …: the names the add-in's audit log can have (see freeLogName). */
const LOG_NAME = new RegExp(`^${LOG_SHEET}( \\(\\d+\\))?$`, "i");

export async function readMaster(
  context: Excel.RequestContext,
  options: MasterReadOptions = {},
): Promise<MasterRead> {
  const list = context.workbook.worksheets.load("items/name,items/visibility");
  const collectMeta = queueGrids(context, [{ sheet: META_SHEET }]);
  try {
    await context.sync();
  } catch (error) {
    // No RK_Data: not a contract workbook (readMeta says so in Danish).
    if (officeCode(error) === "ItemNotFound") readMeta(undefined);
    throw error;
  }
  const metaGrid = collectMeta()[0]!;
  const meta = readMeta(metaGrid.values);
  const sheets: SheetInfo[] = list.items.map((s) => ({ name: s.name, visibility: String(s.visibility) }));
  const byKey = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const has = (name: string) => byKey.has(name.toLowerCase());
  const actual = (name: string) => byKey.get(name.toLowerCase()) ?? name;

  const refs = meta.sheets.filter((s) => has(s.sheet));
  const requests: GridRequest[] = refs.map((r) => ({
    sheet: actual(r.sheet),
    columns: CENTRE_COLUMNS,
    formulas: options.formulas === true,
  }));
  const canonical = refs.map((r) => r.sheet);
  if (has(SUMMARY_SHEET)) {
    requests.push({ sheet: actual(SUMMARY_SHEET) });
    canonical.push(SUMMARY_SHEET);
  }
  if (options.log) {
    // The audit log is found by its header row (templates/auditLog.ts), not by its name: an
    // economist's own "log" stays theirs, and the add-in's log may then be "Log (2)". Every sheet
    // so named is read, under its own name, so the one with the header row is found.
    for (const s of sheets.filter((x) => LOG_NAME.test(x.name))) {
      requests.push({ sheet: s.name });
      canonical.push(s.name);
    }
  }
  const collect = queueGrids(context, requests);
  const protection = context.workbook.worksheets.getItem(META_SHEET).protection.load("protected");
  await context.sync();
  const grids = [
    { ...metaGrid, name: META_SHEET },
    ...collect().map((g, i) => ({ ...g, name: canonical[i]! })),
  ];
  const state = readWorkbook(grids);
  return { meta, state, grids, sheets, metaProtected: protection.protected, actual, has };
}

/** Danish refusals of a workbook the template actions cannot start from. */
export function requireMaster(master: MasterRead): void {
  if (master.meta.template) {
    throw new NotAContractWorkbook(
      "Den åbne projektmappe er en skabelon til ét center, ikke projektmappen med alle centre. Åbn projektmappen, og prøv igen.",
    );
  }
  if (master.state.centres.length === 0) {
    throw new NotAContractWorkbook("Projektmappen har ingen centerark. Byg arkene først.");
  }
}
