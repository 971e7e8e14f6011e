// The pane's overview of a contract workbook, from the judged goals: how many goals stand at each
// status per centre, the goals that need attention (in sheet order) and the centre's last trip.
// Pure, so the Office shell only reads the grids and hands them here.
import type { Status } from "../contracts/model";
import type { TripEvent } from "./meta";
import type { CentreReport } from "./readWorkbook";

/** A judged status other than met or not applicable: the goal wants the user's eye. */
export type AttentionStatus = Exclude<Status, "met" | "not_applicable">;

export interface AttentionRow {
  goalId: string;
  text: string;
  status: AttentionStatus;
  message: string;
  sheet: string;
  /** 1-based row number in the sheet, for selecting it. */
  row: number;
}

export interface CentreOverview {
  code: string;
  name: string;
  contractId: string;
  sheet: string;
  counts: Record<"met" | AttentionStatus, number>;
  attention: AttentionRow[];
  /** When the centre's template last went out and last came back (ISO times), if ever. */
  trips?: { exported?: string; returned?: string };
}

/**
 * One overview per judged centre. `sheetName` maps the sheet name the metadata wrote to the one
 * Excel shows now (Excel's case may differ).
 */
export function centreOverviews(
  judged: CentreReport[],
  trips: TripEvent[],
  sheetName: (metaName: string) => string,
): CentreOverview[] {
  return judged.map((c) => {
    const counts = { met: 0, not_met: 0, missing: 0, invalid: 0 };
    const attention: AttentionRow[] = [];
    for (const g of c.goals) {
      if (g.status === "not_applicable") continue;
      counts[g.status]++;
      if (g.status !== "met" && g.row !== null) {
        attention.push({
          goalId: g.id,
          text: g.text,
          status: g.status,
          message: g.message,
          sheet: sheetName(c.sheet),
          row: g.row,
        });
      }
    }
    attention.sort((a, b) => a.row - b.row);
    return {
      code: c.code,
      name: c.name,
      contractId: c.contract,
      sheet: sheetName(c.sheet),
      counts,
      attention,
      trips: lastTrips(trips, c.contract, c.code),
    };
  });
}

/** The latest time a centre's template went out and came back. */
export function lastTrips(trips: TripEvent[], contractId: string, centre: string): CentreOverview["trips"] {
  const mine = trips.filter((t) => t.contractId === contractId && t.centre === centre);
  const last = (event: TripEvent["event"]) =>
    mine
      .filter((t) => t.event === event)
      .map((t) => t.at)
      .sort()
      .pop();
  const exported = last("exported");
  const returned = last("returned");
  return { ...(exported ? { exported } : {}), ...(returned ? { returned } : {}) };
}
