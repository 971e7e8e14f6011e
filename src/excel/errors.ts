// Every error the task pane shows from Excel is Danish and says what to do; Office's own message
// and code ride along for support.

export class ExcelShellError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly officeMessage?: string,
  ) {
    super(message);
    this.name = "ExcelShellError";
  }
}

/** What the add-in was doing when Excel said no. */
export type Doing = "write" | "read" | "select" | "listen" | "open";

const LEAD: Record<Doing, string> = {
  write: "Excel afviste ændringen",
  read: "Excel kunne ikke læse projektmappen",
  select: "Excel kunne ikke vise rækken",
  listen: "Excel kunne ikke følge med i ændringer",
  open: "Excel kunne ikke åbne skabelonen",
};

const ADVICE: Record<string, string> = {
  AccessDenied:
    "et ark eller projektmappen er beskyttet, måske med en adgangskode. Fjern beskyttelsen (Gennemse → Fjern arkbeskyttelse), og prøv igen",
  InvalidOperationInCellEditMode:
    "du er ved at redigere en celle. Afslut redigeringen af cellen (Enter), og prøv igen",
  ItemAlreadyExists: "et ark med samme navn kom til undervejs. Prøv igen",
  ItemNotFound: "et ark forsvandt eller blev omdøbt undervejs. Prøv igen",
  InvalidReference: "et ark eller et navn, som formlerne peger på, mangler",
  RequestPayloadSizeLimitExceeded:
    "ændringen var for stor til at sende på én gang, også delt i mindre dele. Prøv med færre kontrakter ad gangen",
  ResponsePayloadSizeLimitExceeded:
    "der var for meget at læse på én gang. Skjul eller fjern store ark, der ikke hører til kontrakterne",
  ActivityLimitReached: "Excel har for travlt lige nu. Vent et øjeblik, og prøv igen",
  ServiceNotAvailable: "Excel svarer ikke lige nu. Vent et øjeblik, og prøv igen",
  RequestAborted: "forespørgslen blev afbrudt. Prøv igen",
  ApiNotFound:
    "denne udgave af Excel kan ikke det, der blev bedt om. Opdater Office, eller brug Excel på nettet",
  UnsupportedOperation:
    "denne udgave af Excel kan ikke det, der blev bedt om. Opdater Office, eller brug Excel på nettet",
  NotImplemented:
    "denne udgave af Excel kan ikke det, der blev bedt om. Opdater Office, eller brug Excel på nettet",
  InvalidArgument: "en værdi blev afvist. Meld fejlen til den, der vedligeholder tilføjelsesprogrammet",
  GeneralException:
    "Excel meldte en generel fejl. Prøv igen; hjælper det ikke, så gem, luk og åbn projektmappen",
};

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

/**
 * AccessDenied means different things by where it happened: unprotecting a sheet (a password the
 * add-in does not know), protecting one (Excel's 2026 regression, #6784), or writing a cell of a
 * sheet the add-in itself protects (the add-in's own mistake, not the user's protection).
 */
function accessDeniedAdvice(location: string): string | undefined {
  if (/^WorksheetProtection\.unprotect/.test(location))
    return "et ark er beskyttet med en adgangskode. Fjern beskyttelsen (Gennemse → Fjern arkbeskyttelse), og prøv igen";
  if (/^WorksheetProtection\.protect/.test(location))
    return "Excel kunne ikke slå arkbeskyttelsen til igen, heller ikke ved andet forsøg. Prøv igen om lidt";
  if (/^(Range|RangeFormat|DataValidation|ConditionalFormat)/.test(location))
    return "en celle er låst af tilføjelsesprogrammets egen arkbeskyttelse. Det er ikke din beskyttelse, der er årsagen; prøv igen, og meld fejlen, hvis den kommer igen";
  if (/^(Worksheet(Collection)?\.(add|delete)|Worksheet\.(name|visibility))/.test(location))
    return "projektmappens struktur er beskyttet. Fjern beskyttelsen (Gennemse → Beskyt projektmappe), og prøv igen";
  return undefined;
}

/** Wraps anything thrown in Excel.run into a Danish ExcelShellError (Danish errors pass through). */
export function danishError(error: unknown, doing: Doing): Error {
  if (error instanceof ExcelShellError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as OfficeLikeError;
  const code = typeof e.code === "string" ? e.code : undefined;
  const officeMessage = typeof e.message === "string" ? e.message : String(error);
  const location = typeof e.debugInfo?.errorLocation === "string" ? e.debugInfo.errorLocation : "";
  const advice =
    (code === "AccessDenied" ? accessDeniedAdvice(location) : undefined) ??
    (code && ADVICE[code]) ??
    `${officeMessage.replace(/\.$/, "")}${code ? ` (${code})` : ""}`;
  return new ExcelShellError(`${LEAD[doing]}: ${advice}.`, code, officeMessage);
}

export function officeCode(error: unknown): string | undefined {
  const code = (error as OfficeLikeError | null)?.code;
  return typeof code === "string" ? code : undefined;
}
