// Where Excel comes from: the real Excel.run and requirement-set check in Office, a fake in tests.
// Host detection and requirement checks live here, in one place.

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelEnv {
  run: ExcelRun;
  /** Runs a batch in an existing context (Excel.run(context, batch)): to remove event handlers. */
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** Excel on Mac, where a download from the task pane does not work (office-js #2700). */
  isMac?(): boolean;
  /** Office.context.platform: "PC", "Mac", "OfficeOnline", "iOS", … ("" when unknown). */
  platform?(): string;
  /** Office's version as Office.context.diagnostics gives it ("" when unknown). */
  officeVersion?(): string;
  /** Excel.createWorkbook (ExcelApi 1.8): opens an .xlsx file, given as Base64, as a new workbook. */
  createWorkbook?(base64: string): Promise<void>;
}

/** The real thing: office.js's globals, read when first used (they load after this module). */
export function officeEnv(): ExcelEnv {
  // From ExcelApi 1.11 a request waits while the user is typing in a cell instead of failing
  // with InvalidOperationInCellEditMode (clicking the pane does not end cell-edit mode, #3388).
  let delay: boolean | undefined;
  const waitsForCellEdit = () => (delay ??= supported("ExcelApi", "1.11"));
  return {
    run: (batch) => (waitsForCellEdit() ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: supported,
    isMac: () => {
      try {
        return Office.context.platform === Office.PlatformType.Mac;
      } catch {
        return false;
      }
    },
    platform: () => {
      try {
        return String(Office.context.platform ?? "");
      } catch {
        return "";
      }
    },
    officeVersion: () => {
      try {
        return String(Office.context.diagnostics?.version ?? "");
      } catch {
        return "";
      }
    },
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  };
}

function supported(name: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** Where a download from the task pane cannot work: Mac (#2700) and iPad, which uses the same webview. */
export function cannotDownload(env: ExcelEnv): boolean {
  const platform = env.platform?.() ?? "";
  return env.isMac?.() === true || platform === "Mac" || platform === "iOS";
}

/** Excel on the web, where every change is saved at once (so is desktop Excel with AutoSave). */
export function onTheWeb(env: ExcelEnv): boolean {
  return env.platform?.() === "OfficeOnline";
}

/**
 * What this Excel can do, by ExcelApi requirement set. The manifest asks for 1.7, so everything
 * newer is optional and has a fallback (or is left out) where it is used.
 */
export interface Capabilities {
  /** 1.6: conditional formats, suspendApiCalculationUntilNextSync. */
  conditionalFormats: boolean;
  suspendCalculation: boolean;
  /** 1.7: tab colours, freeze panes, NamedItem.formula, worksheet.onChanged. */
  api17: boolean;
  /** 1.8: data validation, runtime.enableEvents. */
  dataValidation: boolean;
  enableEvents: boolean;
  /** 1.9: setCellProperties, RangeAreas, pageLayout, suspendScreenUpdating, worksheets.onChanged. */
  api19: boolean;
  /** 1.8: worksheets.onCalculated, so the overview sees a value picked from a dropdown on the web. */
  calculatedEvents: boolean;
}

export function capabilities(env: ExcelEnv): Capabilities {
  const has = (v: string) => env.isSetSupported("ExcelApi", v);
  const v16 = has("1.6");
  const v17 = has("1.7");
  const v18 = has("1.8");
  const v19 = has("1.9");
  return {
    conditionalFormats: v16,
    suspendCalculation: v16,
    api17: v17,
    dataValidation: v18,
    enableEvents: v18,
    api19: v19,
    calculatedEvents: v18,
  };
}
