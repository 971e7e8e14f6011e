// The product rules of building contract sheets into a workbook, decided from what the workbook
// holds: a chosen centre's sheet that exists already is refused unless the user asked to update
// (then its figures are carried over), a sheet of that name that is not ours is never
// overwritten, the structure must not be protected, and every contract already in the workbook
// stays in it. The shells read the workbook and write the plan; this decides.
import type { Contract } from "../contracts/model";
import { carryFigures, type CarryResult } from "./carryFigures";
import type { SheetGrid } from "./grid";
import { LISTS_SHEET, META_SHEET, SUMMARY_SHEET } from "./layout";
import type { Meta } from "./meta";
import { metaNameOf } from "./metaNames";
import type { WorkbookPlan } from "./plan";
import { planWorkbook } from "./planWorkbook";
import { readWorkbook } from "./readWorkbook";

export type Refused = { ok: false; message: string };

export interface FirstLook {
  ok: true;
  /** Chosen centre codes that have a sheet already (the sheets an update rewrites). */
  present: string[];
  /** Sheets the build will clear and rewrite, as Excel spells them: read them before writing. */
  cleared: string[];
}

/** From the sheet list alone: may the build go on, and what must be read before it writes? */
export function firstLook(input: {
  chosen: Contract[];
  update: boolean;
  /** The workbook's sheet names, as Excel spells them. */
  sheetNames: string[];
  structureProtected: boolean;
}): FirstLook | Refused {
  const byName = spelling(input.sheetNames);
  const present = chosenCodes(input.chosen).filter((code) => byName.has(code.toLowerCase()));
  if (present.length > 0 && !input.update) {
    return refuse(
      `Arkene ${present.map((p) => byName.get(p.toLowerCase())!).join(", ")} findes allerede. Vælg at opdatere dem, så tallene bevares.`,
    );
  }
  if (input.structureProtected) {
    return refuse(
      "Projektmappens struktur er beskyttet, så tilføjelsesprogrammet kan ikke tilføje eller skjule ark. Fjern beskyttelsen (Gennemse → Beskyt projektmappe), og prøv igen. Intet er ændret.",
    );
  }
  const cleared = [...present, LISTS_SHEET, META_SHEET, SUMMARY_SHEET]
    .filter((n) => byName.has(n.toLowerCase()))
    .map((n) => byName.get(n.toLowerCase())!);
  return { ok: true, present, cleared };
}

export interface BuildPlan {
  ok: true;
  plan: WorkbookPlan;
  /** The figures put back into the rewritten sheets, and those with no goal to go to. */
  carried: CarryResult;
  /** The centre sheets this build writes, lower-case; other centres' sheets stay untouched. */
  written: Set<string>;
}

/**
 * After reading the metadata and the present sheets' grids: refuses a present sheet that the
 * metadata does not know (not ours), else plans every contract of the workbook with the chosen
 * ones added or replacing their earlier definition, and carries the figures over.
 */
export function planBuild(input: {
  chosen: Contract[];
  present: string[];
  sheetNames: string[];
  meta: Meta | undefined;
  /** The present centres' grids as read (Excel's names). */
  grids: SheetGrid[];
  generatedAt: string;
}): BuildPlan | Refused {
  const { chosen, present, meta } = input;
  const byName = spelling(input.sheetNames);
  for (const code of present) {
    const mine = meta?.sheets.some((s) => s.sheet.toLowerCase() === code.toLowerCase());
    if (!mine) {
      return refuse(
        `Arket "${byName.get(code.toLowerCase())!}" findes allerede, men er ikke et kontraktark fra Resultatkontrakter. Omdøb eller slet det, og prøv igen.`,
      );
    }
  }
  const chosenIds = new Set(chosen.map((c) => c.id));
  const kept = (meta?.contracts ?? []).filter((c) => !chosenIds.has(c.id));
  const keptCentres = (meta?.sheets ?? [])
    .filter((s) => !chosenIds.has(s.contractId) && byName.has(s.sheet.toLowerCase()))
    .map((s) => s.centre);
  const codes = chosenCodes(chosen);
  const plan = planWorkbook([...kept, ...chosen], {
    centres: [...keptCentres, ...codes],
    generatedAt: input.generatedAt,
    trips: meta?.trips,
  });
  const carried: CarryResult =
    meta && present.length > 0
      ? carryFigures(
          plan,
          readWorkbook(input.grids.map((g) => ({ ...g, name: metaNameOf(g.name, meta.sheets) }))),
        )
      : { kept: 0, orphaned: [] };
  return { ok: true, plan, carried, written: new Set(codes.map((c) => c.toLowerCase())) };
}

function chosenCodes(chosen: Contract[]): string[] {
  return chosen.flatMap((c) => c.centres.map((x) => x.code));
}

/** Lower-case name → Excel's spelling (Excel's sheet names ignore case). */
function spelling(names: string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}

function refuse(message: string): Refused {
  return { ok: false, message };
}
