// "Selvtest": every Office.js feature the add-in depends on, tried in the user's own Excel on a
// scratch sheet the test adds and removes again — never on the user's sheets — so a
// municipality's IT can check Danish Windows, Mac and the web before rollout. Each feature is its
// own Excel.run: one that fails does not stop the others, and its row carries Excel's own error.
import type { SelfTestReport, SelfTestRow } from "../host/workbookHost";
import { PROTECT_OPTIONS } from "./applyPlan";
import type { ExcelEnv, ExcelRun } from "./env";

type Check = (context: Excel.RequestContext, sheet: Excel.Worksheet, name: string) => Promise<void>;

interface Feature {
  feature: string;
  version: string;
  check: Check;
}

/** A scratch name no user sheet will have; Excel's limit is 31 characters. */
function scratchName(): string {
  return `RK_Selvtest_${Math.random().toString(36).slice(2, 8)}`;
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`Forkert resultat: ${what}`);
}

const FEATURES: Feature[] = [
  {
    feature: "Skriv formler og tal, læs værdier (range.formulas, range.values)",
    version: "1.1",
    check: async (context, ws) => {
      ws.getRange("A1:C1").formulas = [[21, "=A1*2", "'1.5"]];
      const r = ws.getRange("A1:C1").load("values");
      await context.sync();
      const values = r.values as unknown[][] | null;
      // Range.values has come back null instead of throwing (docs PR #5821).
      expect(Array.isArray(values), "range.values er tom (null)");
      expect(values![0]![1] === 42, `=A1*2 gav ${String(values![0]![1])}, ikke 42`);
      expect(values![0]![2] === "1.5", "tekst med apostrof blev ikke tekst");
    },
  },
  {
    feature: "Talformat (range.numberFormat)",
    version: "1.1",
    check: async (context, ws) => {
      ws.getRange("A2").numberFormat = [["0.0%"]];
      await context.sync();
    },
  },
  {
    feature: "Celleformat og lås i ét kald (setCellProperties)",
    version: "1.9",
    check: async (context, ws) => {
      ws.getRange("A3:B3").setCellProperties([
        [
          { format: { fill: { color: "#FFF2CC" }, font: { bold: true }, protection: { locked: false } } },
          { format: { fill: { color: "#FFF2CC" } } },
        ],
      ]);
      await context.sync();
    },
  },
  {
    feature: "Formatering og kolonnebredde (range.format)",
    version: "1.1",
    check: async (context, ws) => {
      const f = ws.getRange("A4").format;
      f.fill.color = "#E2EFDA";
      f.font.bold = true;
      f.wrapText = true;
      ws.getRange("A:A").format.columnWidth = 60;
      await context.sync();
    },
  },
  {
    feature: "Kolonnebredder på én gang (setColumnProperties)",
    version: "1.9",
    // How a build sets a sheet's column widths on ExcelApi 1.9: one call for all the columns.
    check: async (context, ws) => {
      ws.getRange("H:J").setColumnProperties([
        { format: { columnWidth: 30 } },
        { format: { columnWidth: 60 } },
        { format: { columnWidth: 90 } },
      ]);
      const middle = ws.getRange("I1").format.load("columnWidth");
      await context.sync();
      // Excel snaps widths to whole pixels, so a point or two either way is the same width.
      expect(Math.abs(middle.columnWidth - 60) < 3, `kolonne I fik bredden ${middle.columnWidth}, ikke 60`);
    },
  },
  {
    feature: "Betinget formatering (statusfarver)",
    version: "1.6",
    check: async (context, ws) => {
      const cf = ws.getRange("A5:B5").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=$A5="Ikke opfyldt"';
      cf.custom.format.fill.color = "#F8CBAD";
      await context.sync();
    },
  },
  {
    feature: "Datalinjer (Oversigt)",
    version: "1.6",
    check: async (context, ws) => {
      const bar = ws.getRange("A6:A8").conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
      bar.dataBar.positiveFormat.fillColor = "#70AD47";
      await context.sync();
    },
  },
  {
    feature: "Datavalidering med liste og besked",
    version: "1.8",
    check: async (context, ws, name) => {
      ws.getRange("E1:E2").formulas = [["'Ja"], ["'Nej"]];
      const dv = ws.getRange("D1").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: `='${name}'!$E$1:$E$2` } };
      dv.prompt = { showPrompt: true, title: "Selvtest", message: "Skriv Ja eller Nej" };
      dv.errorAlert = selfTestAlert("Ja eller Nej");
      await context.sync();
    },
  },
  {
    feature: "Datavalidering i kolonneblokke (fælles regel, egen besked pr. celle)",
    version: "1.8",
    // How a build writes input cells: a base rule, error and prompt once over the column's block,
    // then one cell's own rule, then the other cells' own prompts (never a rule over cells that
    // already have different prompts: Excel on the web refuses that, office-js #2594).
    check: async (context, ws) => {
      const block = ws.getRange("G1:G3").dataValidation;
      block.rule = atLeastZero("decimal");
      block.errorAlert = selfTestAlert("Et tal");
      block.prompt = { showPrompt: true, title: "Selvtest", message: "Celle 1" };
      const own = ws.getRange("G2").dataValidation;
      own.rule = atLeastZero("wholeNumber");
      own.errorAlert = selfTestAlert("Et helt tal");
      for (const row of [2, 3])
        ws.getRange(`G${row}`).dataValidation.prompt = {
          showPrompt: true,
          title: "Selvtest",
          message: `Celle ${row}`,
        };
      const cells = [1, 2, 3].map((row) => ws.getRange(`G${row}`).dataValidation.load("rule,prompt"));
      await context.sync();
      cells.forEach((dv, i) => {
        expect(dv.prompt?.message === `Celle ${i + 1}`, `G${i + 1} fik ikke sin egen besked`);
        const kind = i === 1 ? "wholeNumber" : "decimal";
        expect(
          dv.rule?.[kind] !== undefined && dv.rule?.[kind] !== null,
          `G${i + 1} fik ikke reglen ${kind}`,
        );
      });
    },
  },
  {
    feature: "Ens ark: udseendet kopieret fra et andet ark (range.copyFrom)",
    version: "1.9",
    // How a build writes centre sheets that look alike: the first in full, then each of the
    // others copies its looks from it — from a protected sheet, to the same address — and gets
    // its own cells. The copy must bring formats, locks, the prompt and the status colour.
    check: async (context, ws, name) => {
      // A second scratch sheet; the last step removes it with the first.
      const source = context.workbook.worksheets.add(`${name}_kilde`);
      source.getRange("B2:C3").formulas = [
        [0.5, "=B2*2"],
        ["'tekst", ""],
      ];
      source.getRange("B2:C2").numberFormat = [["0.0%", "0.0%"]];
      const input = source.getRange("B3:C3").format;
      input.protection.locked = false;
      input.fill.color = "#FFF2CC";
      const dv = source.getRange("B3").dataValidation;
      dv.rule = atLeastZero("decimal");
      dv.errorAlert = selfTestAlert("Et tal");
      dv.prompt = { showPrompt: true, title: "Selvtest", message: "Kopieret besked" };
      const cf = source.getRange("C2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=$C2>0";
      cf.custom.format.fill.color = "#F8CBAD";
      source.protection.protect(PROTECT_OPTIONS);
      ws.getRange("B2:C3").copyFrom(source.getRange("B2:C3"), "All" as Excel.RangeCopyType);
      const copied = ws.getRange("B2:C3").load("formulas,numberFormat");
      const prompt = ws.getRange("B3").dataValidation.load("prompt");
      const lock = ws.getRange("C3").format.protection.load("locked");
      const colours = ws.getRange("C2").conditionalFormats.getCount();
      await context.sync();
      // As written, without a sheet name: it counts on this sheet's own B2 (no value is read,
      // which a workbook in Manual calculation would not have updated).
      expect(copied.formulas[0]![1] === "=B2*2", "formlen blev ikke kopieret, som den stod");
      expect(copied.numberFormat[0]![0] === "0.0%", "talformatet blev ikke kopieret");
      expect(prompt.prompt?.message === "Kopieret besked", "datavalideringens besked blev ikke kopieret");
      expect(lock.locked === false, "inputfeltet blev låst");
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, filled by the sync
      expect(colours.value === 1, "statusfarven (betinget formatering) blev ikke kopieret");
    },
  },
  {
    feature: "Navngivet område (names.add)",
    version: "1.4",
    check: async (context, _ws, name) => {
      const n = `${name}_navn`;
      context.workbook.names.add(n, `='${name}'!$E$1:$E$2`);
      await context.sync();
      context.workbook.names.getItem(n).delete();
      await context.sync();
    },
  },
  {
    feature: "Arkbeskyttelse (protect, unprotect)",
    version: "1.2",
    check: async (context, ws) => {
      const p = ws.protection.load("protected");
      await context.sync();
      if (!p.protected) ws.protection.protect(PROTECT_OPTIONS);
      await context.sync();
      ws.protection.unprotect();
      await context.sync();
    },
  },
  {
    feature: "Frys ruder og fanefarve",
    version: "1.7",
    check: async (context, ws) => {
      ws.freezePanes.freezeRows(1);
      ws.tabColor = "#5B9BD5";
      await context.sync();
    },
  },
  {
    feature: "Udskriftsopsætning (liggende, tilpas bredde, gentag rækker)",
    version: "1.9",
    check: async (context, ws) => {
      const layout = ws.pageLayout;
      layout.orientation = "Landscape" as Excel.PageOrientation;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.headersFooters.defaultForAllPages.centerHeader = "Selvtest";
      layout.setPrintTitleRows("$1:$1");
      await context.sync();
    },
  },
  {
    feature: "Diagram",
    version: "1.1",
    check: async (context, ws) => {
      ws.getRange("G1:I2").formulas = [
        ["", "'a", "'b"],
        ["'x", 1, 2],
      ];
      const chart = ws.charts.add(
        "BarStacked" as Excel.ChartType,
        ws.getRange("G1:I2"),
        "Rows" as Excel.ChartSeriesBy,
      );
      chart.title.text = "Selvtest";
      await context.sync();
    },
  },
  {
    feature: "Skjul ark helt (veryHidden)",
    version: "1.1",
    check: async (context, ws) => {
      ws.visibility = "VeryHidden" as Excel.SheetVisibility;
      await context.sync();
      ws.visibility = "Visible" as Excel.SheetVisibility;
      await context.sync();
    },
  },
  {
    feature: "Hændelser: ændringer i arkene (onChanged)",
    version: "1.7",
    check: async (context, ws) => {
      const r = ws.onChanged.add(async () => undefined);
      await context.sync();
      r.remove();
      await context.sync();
    },
  },
  {
    feature: "Hændelser: genberegning (onCalculated)",
    version: "1.8",
    check: async (context) => {
      const r = context.workbook.worksheets.onCalculated.add(async () => undefined);
      await context.sync();
      r.remove();
      await context.sync();
    },
  },
  {
    feature: "Slå hændelser fra under skrivning (runtime.enableEvents)",
    version: "1.8",
    check: async (context) => {
      context.runtime.enableEvents = false;
      await context.sync();
      context.runtime.enableEvents = true;
      await context.sync();
    },
  },
  {
    feature: "Genberegn og læs beregningstilstand",
    version: "1.1",
    check: async (context) => {
      const app = context.workbook.application.load("calculationMode");
      app.calculate("Recalculate" as Excel.CalculationType);
      await context.sync();
      expect(typeof app.calculationMode === "string", "beregningstilstanden kunne ikke læses");
    },
  },
  {
    feature: "Stille skrivning (suspendApiCalculationUntilNextSync)",
    version: "1.6",
    check: async (context, ws) => {
      context.application.suspendApiCalculationUntilNextSync();
      ws.getRange("A9").formulas = [["=1+1"]];
      await context.sync();
    },
  },
  {
    feature: "Vent, mens en celle redigeres (delayForCellEdit)",
    version: "1.11",
    // Nothing to try on the sheet: the set is what makes Excel.run accept the option.
    check: async () => undefined,
  },
];

/** The ExcelApi sets this Excel says it has, up to 1.20. */
function presentSets(env: ExcelEnv): string[] {
  const out: string[] = [];
  for (let minor = 1; minor <= 20; minor++) {
    if (env.isSetSupported("ExcelApi", `1.${minor}`)) out.push(`1.${minor}`);
  }
  return out;
}

function describeError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(error);
  return typeof e.code === "string" ? `${e.code}: ${message}` : message;
}

/**
 * Runs every check on a scratch sheet, then removes the sheet (also when checks failed). Adding
 * and removing the scratch sheet are rows of their own.
 */
export async function runSelfTest(
  env: ExcelEnv,
  run: ExcelRun = env.run,
  now = new Date(),
): Promise<SelfTestReport> {
  const name = scratchName();
  const rows: SelfTestRow[] = [];
  const sets = presentSets(env);
  const added = await run(async (context) => {
    context.workbook.worksheets.add(name);
    await context.sync();
  }).then(
    () => rows.push({ feature: "Tilføj et ark (worksheets.add)", set: "ExcelApi 1.1", ok: true }),
    (error: unknown) =>
      rows.push({
        feature: "Tilføj et ark (worksheets.add)",
        set: "ExcelApi 1.1",
        ok: false,
        error: describeError(error),
      }),
  );
  const scratchExists = rows[rows.length - 1]!.ok;
  void added;
  for (const f of FEATURES) {
    const set = `ExcelApi ${f.version}`;
    if (!env.isSetSupported("ExcelApi", f.version)) {
      rows.push({ feature: f.feature, set, ok: false, error: `Denne Excel har ikke ${set}.` });
      continue;
    }
    if (!scratchExists) {
      rows.push({
        feature: f.feature,
        set,
        ok: false,
        error: "Ikke prøvet: prøvearket kunne ikke tilføjes.",
      });
      continue;
    }
    try {
      await run(async (context) => f.check(context, context.workbook.worksheets.getItem(name), name));
      rows.push({ feature: f.feature, set, ok: true });
    } catch (error) {
      rows.push({ feature: f.feature, set, ok: false, error: describeError(error) });
    }
  }
  if (scratchExists) {
    try {
      await run(async (context) => {
        // The scratch sheet and any a check added beside it ("<name>_…").
        const all = context.workbook.worksheets.load(
          "items/name,items/visibility,items/protection/protected",
        );
        await context.sync();
        const mine = all.items.filter((ws) => ws.name === name || ws.name.startsWith(`${name}_`));
        mine.forEach((ws) => {
          if (ws.protection.protected) ws.protection.unprotect();
          // A very hidden sheet cannot be deleted until it is merely hidden (#365).
          if (String(ws.visibility) === "VeryHidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
        });
        if (env.isSetSupported("ExcelApi", "1.8")) context.runtime.enableEvents = true;
        for (const ws of mine) ws.delete();
        await context.sync();
      });
      rows.push({ feature: "Fjern prøvearket igen (worksheet.delete)", set: "ExcelApi 1.1", ok: true });
    } catch (error) {
      rows.push({
        feature: "Fjern prøvearket igen (worksheet.delete)",
        set: "ExcelApi 1.1",
        ok: false,
        error: `${describeError(error)} – slet selv de ark, hvis navn begynder med ${name}.`,
      });
    }
  }
  return {
    rows,
    platform: env.platform?.() || "ukendt",
    officeVersion: env.officeVersion?.() || "ukendt",
    sets,
    at: now.toISOString(),
  };
}

/** The error alert of the self-test's validations. */
function selfTestAlert(message: string): Excel.DataValidationErrorAlert {
  return { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: "Selvtest", message };
}

/** A number rule: decimal or whole, 0 or more. */
function atLeastZero(kind: "decimal" | "wholeNumber"): Excel.DataValidationRule {
  return { [kind]: { formula1: 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } };
}
