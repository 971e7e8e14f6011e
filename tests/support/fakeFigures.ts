// Figures a centre might type, per target kind, in four flavours: meant to meet the target, to
// miss it, to leave it half-filled, and to be wrong (typed where Excel allows it, pasted where the
// cell's validation would refuse it, as a user pasting from elsewhere can).
import type { CellValue, Contract, Target } from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { COL, FIRST_GOAL_ROW } from "../../src/sheets/layout";
import type { FakeExcel } from "./fakeExcel";

export type Flavour = "met" | "not_met" | "missing" | "invalid";
export const FLAVOURS: Flavour[] = ["met", "not_met", "missing", "invalid"];

interface Typed {
  grundlag: CellValue;
  resultat: CellValue;
  /** The value would be refused by the cell's validation if typed, so it is pasted. */
  paste?: boolean;
}

export function figuresFor(t: Target, flavour: Flavour): Typed {
  switch (t.kind) {
    case "change":
      return (
        {
          met: { grundlag: 200, resultat: t.direction === "fall" ? 100 : 400 },
          not_met: { grundlag: 200, resultat: 200 },
          missing: { grundlag: 200, resultat: null },
          invalid: { grundlag: 0, resultat: 5 },
        } as const
      )[flavour];
    case "absoluteChange":
      return (
        {
          met: { grundlag: 100, resultat: t.direction === "fall" ? 0 : 1000 },
          not_met: { grundlag: 100, resultat: 100 },
          missing: { grundlag: null, resultat: 100 },
          invalid: { grundlag: 100, resultat: "ti", paste: true },
        } as const
      )[flavour];
    case "shareMin":
      return (
        {
          met: { grundlag: 50, resultat: 50 },
          not_met: { grundlag: 50, resultat: 0 },
          missing: { grundlag: 50, resultat: null },
          invalid: { grundlag: 50, resultat: 60 },
        } as const
      )[flavour];
    case "shareMax":
      return (
        {
          met: { grundlag: 50, resultat: 0 },
          not_met: { grundlag: 50, resultat: 50 },
          missing: { grundlag: null, resultat: null },
          invalid: { grundlag: null, resultat: 3 },
        } as const
      )[flavour];
    case "spendRange":
      return (
        {
          met: { grundlag: 1000, resultat: Math.round((1000 * (t.min + t.max)) / 2) },
          not_met: { grundlag: 1000, resultat: 5000 },
          missing: { grundlag: 1000, resultat: null },
          invalid: { grundlag: 0, resultat: 10 },
        } as const
      )[flavour];
    case "countMin":
      return (
        {
          met: { grundlag: null, resultat: t.atLeast + 5 },
          not_met: { grundlag: null, resultat: Math.max(0, t.atLeast - 1) },
          missing: { grundlag: null, resultat: null },
          invalid: { grundlag: null, resultat: t.decimals ? -2.5 : 2.5, paste: true },
        } as const
      )[flavour];
    case "valueMin":
      return (
        {
          met: { grundlag: null, resultat: t.atLeast + 0.5 },
          not_met: { grundlag: null, resultat: Math.max(0, t.atLeast - 0.5) },
          missing: { grundlag: null, resultat: null },
          invalid: { grundlag: null, resultat: "høj", paste: true },
        } as const
      )[flavour];
    case "pointChange":
      return (
        {
          met: { grundlag: 0.4, resultat: t.direction === "fall" ? 0 : 1 },
          not_met: { grundlag: 0.4, resultat: 0.4 },
          missing: { grundlag: null, resultat: 0.4 },
          invalid: { grundlag: 0.4, resultat: 40, paste: true },
        } as const
      )[flavour];
    case "valueMax":
      return (
        {
          met: { grundlag: null, resultat: 0 },
          not_met: { grundlag: null, resultat: t.atMost + 100 },
          missing: { grundlag: null, resultat: null },
          invalid: { grundlag: null, resultat: "mange", paste: true },
        } as const
      )[flavour];
    case "yesNo":
      return (
        {
          met: { grundlag: null, resultat: "Ja" },
          not_met: { grundlag: null, resultat: "Nej" },
          missing: { grundlag: null, resultat: null },
          invalid: { grundlag: null, resultat: "Måske", paste: true },
        } as const
      )[flavour];
  }
}

export interface TypedRow {
  sheet: string;
  id: string;
  row: number;
  grundlag: CellValue;
  resultat: CellValue;
  comment: string;
}

/**
 * Types figures and a comment into every goal row of every centre sheet, through the fake as a
 * user would (protection and validation apply). Row i of a sheet gets flavour (i + seed) mod 4.
 */
export function typeFigures(fake: FakeExcel, contracts: Contract[], seed = 0): TypedRow[] {
  const typed: TypedRow[] = [];
  for (const contract of contracts) {
    for (const centre of contract.centres) {
      if (!fake.findSheet(centre.code)) continue;
      rowsFor(contract, centre.code).forEach((goalRow, i) => {
        const a = goalRow.assessment;
        const target: Target = a.basis === "joint" ? a.joint.target : a.target;
        const flavour = FLAVOURS[(i + seed) % FLAVOURS.length]!;
        const f = figuresFor(target, flavour);
        const row = FIRST_GOAL_ROW + i;
        const comment = `Note ${centre.code} ${goalRow.id}`;
        if (f.grundlag !== null)
          fake.type(centre.code, `${COL.grundlag}${row}`, f.grundlag as string | number, { paste: f.paste });
        if (f.resultat !== null)
          fake.type(centre.code, `${COL.resultat}${row}`, f.resultat as string | number, { paste: f.paste });
        fake.type(centre.code, `${COL.comment}${row}`, comment);
        typed.push({
          sheet: centre.code,
          id: goalRow.id,
          row,
          grundlag: f.grundlag,
          resultat: f.resultat,
          comment,
        });
      });
    }
  }
  return typed;
}
