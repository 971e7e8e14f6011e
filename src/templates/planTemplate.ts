// The workbook a centre gets: its own sheet made from the same plan as the master (same rows,
// cells, formulas, highlighting, validation and protection), a short Vejledning sheet, and the
// very hidden RK_Data sheet that says which contract, centre and definition the file belongs to.
import type { Contract } from "../contracts/model";
import { GUIDE_SHEET } from "../contracts/sheetNames";
import { rowsFor } from "../contracts/resolve";
import { carryFigures } from "../sheets/carryFigures";
import { META_SHEET } from "../sheets/layout";
import { metaLine, type MetaCell } from "../sheets/metaLines";
import type { SheetPlan, WorkbookPlan } from "../sheets/plan";
import { danishDate } from "../sheets/planSummary";
import { planWorkbook } from "../sheets/planWorkbook";
import type { WorkbookState } from "../sheets/readWorkbook";
import { SheetBuilder } from "../sheets/sheetBuilder";
import { HEADER_FILL, HEADER_FONT, MUTED_FONT } from "../sheets/styles";

/** The template format this code writes and understands. */
export const TEMPLATE_VERSION = 1;

export { GUIDE_SHEET };

export interface TemplateOptions {
  /** ISO time the template is made. */
  exportedAt: string;
  /** The master's figures, written into the input cells by goal id (--prefill). */
  prefill?: WorkbookState;
}

export function planTemplate(contract: Contract, centreCode: string, options: TemplateOptions): WorkbookPlan {
  const centre = contract.centres.find((c) => c.code === centreCode);
  if (!centre) throw new Error(`Centre ${centreCode} is not in contract ${contract.id}`);
  const plan = planWorkbook([contract], {
    centres: [centre.code],
    summary: false,
    generatedAt: options.exportedAt,
    template: {
      contractId: contract.id,
      centre: centre.code,
      version: TEMPLATE_VERSION,
      exportedAt: options.exportedAt,
    },
    trips: [],
  });
  const meta = plan.sheets.find((s) => s.name === META_SHEET)!;
  // The goal row ids the template was made with, in sheet order.
  appendMetaLine(
    meta,
    metaLine(
      "goals",
      { contractId: contract.id, centre: centre.code },
      rowsFor(contract, centre.code).map((r) => r.id),
    ),
  );
  if (options.prefill) carryFigures(plan, options.prefill);
  plan.sheets.unshift(guideSheet(contract, centre.code, centre.name, options.exportedAt));
  return plan;
}

function appendMetaLine(meta: SheetPlan, values: MetaCell[]): void {
  meta.cells.push(values.map((value) => ({ value })));
  const width = Math.max(...meta.cells.map((r) => r.length));
  for (const r of meta.cells) while (r.length < width) r.push(null);
}

function guideSheet(contract: Contract, code: string, name: string, exportedAt: string): SheetPlan {
  const b = new SheetBuilder(GUIDE_SHEET, "lists");
  let r = 1;
  const line = (text: string) => b.value("A", r++, text);
  b.value("A", r, `Vejledning: resultatkontrakt ${contract.year} for ${name}`).style(`A${r}`, {
    bold: true,
    size: 14,
  });
  r += 2;
  for (const [label, value] of [
    ["Kontrakt", contract.title],
    ["Center", `${name} (${code})`],
    ["År", String(contract.year)],
    ["Sendt ud", danishDate(exportedAt)],
  ] as const) {
    b.value("A", r, `${label}: ${value}`);
    r++;
  }
  r++;
  b.value("A", r, "Sådan udfylder du skabelonen").style(`A${r}`, {
    bold: true,
    fill: HEADER_FILL,
    fontColor: HEADER_FONT,
  });
  r++;
  [
    `1. Gå til arket "${code}". Udfyld de gule felter: Grundlag og Resultat for hvert mål, og gerne en Bemærkning.`,
    "2. Kolonnen “Sådan udfyldes rækken” og hjælpeteksten, der vises, når du står i et gult felt, siger, hvad der skal stå.",
    `3. Skriv tallene som tal (fx 1.000, 12,5 eller 95 %). Ja/Nej-mål: vælg Ja eller Nej på listen; har målet en frist, kan du i stedet skrive datoen, det blev gennemført (fx 15.3.${contract.year}).`,
    "4. Skriv ikke formler eller henvisninger til andre filer i de gule felter, og kun datoer i Ja/Nej-mål med en frist: andet bliver ikke indlæst.",
    "5. Ret ikke mål, krav eller mål-værdier, slet ingen rækker, og omdøb ikke arket – så kan filen ikke indlæses. Du må gerne indsætte rækker til egne noter.",
    "6. Gem filen som Excel-projektmappe (.xlsx) og send den retur. Filnavnet må gerne ændres.",
  ].forEach(line);
  r++;
  b.value(
    "A",
    r,
    "Status-kolonnen viser med det samme, om målet er opfyldt. Arket er beskyttet (uden adgangskode), så kun de gule felter kan ændres.",
  ).style(`A${r}`, { italic: true, fontColor: MUTED_FONT });
  const plan = b.build();
  plan.styles.push({ range: `A1:A${r}`, style: { wrap: true, vertical: "top" } });
  plan.columnWidths = [110];
  plan.protect = true;
  plan.tabColor = HEADER_FILL;
  return plan;
}
