// The whole contract workbook as a plan: a sheet per centre, Oversigt, the Ja/Nej list and the
// metadata sheet. Both shells render exactly this.
import type { Contract } from "../contracts/model";
import { rowsFor } from "../contracts/resolve";
import { COL, FIRST_GOAL_ROW, LISTS_SHEET, YES_NO_NAME } from "./layout";
import { planMeta, type TemplateInfo, type TripEvent } from "./meta";
import type { SheetPlan, WorkbookPlan } from "./plan";
import { planCentreSheet } from "./planCentreSheet";
import { planSummary, type PlacedCentreSheet } from "./planSummary";
import { sheetRef } from "./formulas";
import { SheetBuilder } from "./sheetBuilder";

export interface PlanOptions {
  /** Only these centre codes (a template holds one centre). */
  centres?: string[];
  /** ISO time stamp shown on Oversigt. The shell passes the time in: the plan stays pure. */
  generatedAt: string;
  /** Leave Oversigt out (a template for a centre has no summary). */
  summary?: boolean;
  template?: TemplateInfo;
  trips?: TripEvent[];
}

export class PlanError extends Error {}

export function planWorkbook(contracts: Contract[], options: PlanOptions): WorkbookPlan {
  const generatedAt = options.generatedAt;
  const placed = placeCentres(contracts, options.centres);
  const resultatRef = (contractId: string) => (centre: string, rowId: string) => {
    const p = placed.find((s) => s.contractId === contractId && s.centre === centre);
    const row = p?.rows.get(rowId);
    return p && row !== undefined ? sheetRef(p.sheet, `${COL.resultat}${row}`) : undefined;
  };
  const centreSheets = placed.map((p) => {
    const contract = contracts.find((c) => c.id === p.contractId)!;
    const centre = contract.centres.find((c) => c.code === p.centre)!;
    return planCentreSheet(contract, centre, rowsFor(contract, centre.code), resultatRef(contract.id));
  });
  const sheets: SheetPlan[] = [];
  if (options.summary !== false)
    sheets.push(planSummary(contracts, placed, { generatedAt, trips: options.trips }));
  sheets.push(...centreSheets, listsSheet());
  sheets.push(
    planMeta({
      contracts,
      sheets: placed.map(({ sheet, contractId, centre }) => ({ sheet, contractId, centre })),
      template: options.template,
      trips: options.trips ?? [],
    }),
  );
  return { sheets, names: [{ name: YES_NO_NAME, refersTo: `${LISTS_SHEET}!$A$1:$A$2` }] };
}

/** Which centre gets which sheet and where each of its goal rows lands. */
export function placeCentres(contracts: Contract[], only?: string[]): PlacedCentreSheet[] {
  const placed: PlacedCentreSheet[] = [];
  for (const contract of contracts) {
    for (const centre of contract.centres) {
      if (only && !only.includes(centre.code)) continue;
      if (placed.some((p) => p.sheet.toLowerCase() === centre.code.toLowerCase())) {
        throw new PlanError(
          `Centerkoden "${centre.code}" findes i to kontrakter; arkene ville få samme navn.`,
        );
      }
      const rows = new Map(
        rowsFor(contract, centre.code).map((row, i) => [row.id, FIRST_GOAL_ROW + i] as const),
      );
      placed.push({ sheet: centre.code, contractId: contract.id, centre: centre.code, rows });
    }
  }
  return placed;
}

function listsSheet(): SheetPlan {
  const b = new SheetBuilder(LISTS_SHEET, "lists");
  b.value("A", 1, "Ja").value("A", 2, "Nej");
  const plan = b.build();
  plan.visibility = "hidden";
  plan.protect = true;
  return plan;
}
