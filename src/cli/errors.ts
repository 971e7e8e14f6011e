// Errors the command line reports as one Danish line on stderr, with exit code 2.

export class CliError extends Error {
  constructor(
    message: string,
    /** Further lines (e.g. one per bad CSV line), printed after the message. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_ERROR = 2;

/**
 * Error classes whose message is already written for a person. Matched by class name rather
 * than instanceof so that main.ts does not have to load exceljs, zod and the planner just to
 * be able to tell them apart (startup time of `kontrakt --help`).
 */
const USER_ERRORS = new Set([
  "CliError",
  "FiguresError",
  "XlsxReadError",
  "NotAContractWorkbook",
  "ContractFileError",
  "PlanError",
  "PatchError",
  "AddSheetError",
]);

export function isUserError(e: unknown): e is Error {
  if (!(e instanceof Error)) return false;
  for (
    let proto = Object.getPrototypeOf(e);
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (USER_ERRORS.has((proto as { constructor: { name: string } }).constructor.name)) return true;
  }
  return false;
}
