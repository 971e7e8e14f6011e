// Turns a figures file into cell values by goal id: which centre sheet, which row, which value.
// Every line is checked before anything is written; one bad line refuses the whole file.
import { kindOf } from "../contracts/kinds";
import { danishDateSerial } from "../contracts/kinds/yesNo";
import { parseNumber, parseYesNo, type NumberStyle } from "../contracts/parseNumber";
import { statusTarget } from "../contracts/resolve";
import { COL } from "../sheets/layout";
import type { CentreState, RowState, WorkbookState } from "../sheets/readWorkbook";
import type { CellPatch } from "../xlsx/patchCells";
import { CliError } from "./errors";
import { parseCsv, type CsvField, type Separator } from "./csv";

type Field = "center" | "mål" | "grundlag" | "resultat" | "bemærkning";

const HEADER_NAMES: Record<string, Field> = {
  center: "center",
  centre: "center",
  centerkode: "center",
  mål: "mål",
  "mål-id": "mål",
  målid: "mål",
  maal: "mål",
  grundlag: "grundlag",
  resultat: "resultat",
  bemærkning: "bemærkning",
  bemærkninger: "bemærkning",
};

const STYLE_OF: Record<Separator, NumberStyle> = { ";": "da", ",": "en", "\t": "auto" };

export interface FiguresResult {
  patches: CellPatch[];
  separator: Separator;
  style: NumberStyle;
  lines: number;
  centres: Set<string>;
}

/** Refusal of a figures file: every bad line, one Danish line each. */
export class FiguresError extends CliError {}

const MAX_REPORTED = 25;

export function figuresToPatches(text: string, fileName: string, state: WorkbookState): FiguresResult {
  const csv = parseCsv(text, fileName);
  const style = STYLE_OF[csv.separator];
  const [header, ...records] = csv.records;
  if (!header) throw new CliError(`Filen "${fileName}" er tom.`);
  const columns = headerColumns(header.fields, header.line, fileName);

  const problems: string[] = [];
  const patches: CellPatch[] = [];
  const seen = new Map<string, number>();
  const centres = new Set<string>();
  const findCentre = centreFinder(state);
  const findRow = rowFinder();
  for (const record of records) {
    const at = (f: Field): CsvField | undefined => {
      const i = columns.get(f);
      return i === undefined ? undefined : record.fields[i];
    };
    const fail = (f: Field | undefined, message: string, field?: CsvField) =>
      problems.push(
        f
          ? `Linje ${field?.line ?? record.line}, kolonne ${f}: ${message}`
          : `Linje ${record.line}: ${message}`,
      );
    if (
      record.fields.length > header.fields.length &&
      record.fields.slice(header.fields.length).some((x) => x.text.trim() !== "")
    ) {
      fail(
        undefined,
        `linjen har ${record.fields.length} felter, men overskriften har ${header.fields.length}. Står der et skilletegn ("${show(csv.separator)}") inde i et tal eller en tekst? Sæt i så fald feltet i anførselstegn.`,
      );
      continue;
    }
    const centreField = at("center");
    const goalField = at("mål");
    const centreText = centreField?.text.trim() ?? "";
    const goalText = goalField?.text.trim() ?? "";
    if (centreText === "") {
      fail("center", "centeret mangler.", centreField);
      continue;
    }
    const centre = findCentre(centreText);
    if (!centre) {
      fail(
        "center",
        `ukendt center "${centreText}". Projektmappens centre er: ${state.centres.map((c) => c.centre.code).join(", ")}.`,
        centreField,
      );
      continue;
    }
    if (goalText === "") {
      fail("mål", "mål-id mangler.", goalField);
      continue;
    }
    const row = findRow(centre, goalText);
    if (!row) {
      fail("mål", unknownGoal(goalText, centre), goalField);
      continue;
    }
    if (row.rowNumber === undefined) {
      fail(
        "mål",
        `målet ${row.row.id} har ingen række på arket "${centre.sheet}" (er rækken slettet?).`,
        goalField,
      );
      continue;
    }
    const key = `${centre.sheet}\u0000${row.row.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(
        "mål",
        `målet ${row.row.id} for ${centre.centre.code} står også i linje ${earlier}. Skriv hvert mål én gang.`,
        goalField,
      );
      continue;
    }
    seen.set(key, record.line);

    const mine: CellPatch[] = [];
    for (const f of ["grundlag", "resultat"] as const) {
      const field = at(f);
      if (!field || field.text.trim() === "") continue;
      const value = inputValue(f, field.text, row, style);
      if (typeof value === "object") fail(f, value.error, field);
      else
        mine.push({
          sheet: centre.sheet,
          address: `${f === "grundlag" ? COL.grundlag : COL.resultat}${row.rowNumber}`,
          value,
        });
    }
    const note = at("bemærkning");
    if (note && note.text.trim() !== "") {
      mine.push({ sheet: centre.sheet, address: `${COL.comment}${row.rowNumber}`, value: note.text.trim() });
    }
    patches.push(...mine);
    if (mine.length) centres.add(centre.centre.code);
  }
  if (problems.length) {
    const shown = problems.slice(0, MAX_REPORTED);
    if (problems.length > MAX_REPORTED) shown.push(`… og ${problems.length - MAX_REPORTED} fejl mere.`);
    throw new FiguresError(
      `${fileName}: ${problems.length === 1 ? "1 linje" : `${problems.length} fejl`} kan ikke bruges; ingen fil er skrevet.`,
      shown,
    );
  }
  return { patches, separator: csv.separator, style, lines: records.length, centres };
}

function show(sep: Separator): string {
  return sep === "\t" ? "tabulator" : sep;
}

function headerColumns(fields: CsvField[], line: number, fileName: string): Map<Field, number> {
  const columns = new Map<Field, number>();
  fields.forEach((f, i) => {
    const name = f.text.normalize("NFC").trim().toLowerCase();
    if (name === "") return;
    const field = HEADER_NAMES[name];
    if (!field) {
      throw new CliError(
        `Linje ${line}, kolonne ${i + 1}: ukendt overskrift "${f.text.trim()}" i "${fileName}". Brug center, mål, grundlag, resultat og evt. bemærkning.`,
      );
    }
    if (columns.has(field))
      throw new CliError(`Linje ${line}: overskriften "${field}" står to gange i "${fileName}".`);
    columns.set(field, i);
  });
  const lacking = (["center", "mål"] as const).filter((f) => !columns.has(f));
  if (lacking.length) {
    throw new CliError(
      `Linje ${line}: "${fileName}" mangler kolonnen ${lacking.join(" og ")}. Første linje skal være fx: center;mål;grundlag;resultat;bemærkning`,
    );
  }
  if (!columns.has("grundlag") && !columns.has("resultat") && !columns.has("bemærkning")) {
    throw new CliError(
      `Linje ${line}: "${fileName}" har hverken kolonnen grundlag, resultat eller bemærkning.`,
    );
  }
  return columns;
}

/**
 * Finds a line's centre by code, else sheet name, else centre name (the first of each that
 * matches). The keys are made once per file, not once per line and centre.
 */
function centreFinder(state: WorkbookState): (text: string) => CentreState | undefined {
  // NFC on both sides: "Skelbækgade" typed on a Mac may arrive decomposed (a + combining ring).
  const key = (s: string) => s.normalize("NFC").toLowerCase();
  const by = (name: (c: CentreState) => string) => {
    const map = new Map<string, CentreState>();
    for (const c of state.centres) {
      const k = key(name(c));
      if (!map.has(k)) map.set(k, c);
    }
    return map;
  };
  const byCode = by((c) => c.centre.code);
  const bySheet = by((c) => c.sheet);
  const byName = by((c) => c.centre.name);
  return (text) => {
    const t = key(text);
    return byCode.get(t) ?? bySheet.get(t) ?? byName.get(t);
  };
}

/** Finds a centre's row by goal id, case-blind (the first row with the id), each centre's ids lower-cased once. */
function rowFinder(): (centre: CentreState, goal: string) => RowState | undefined {
  const byCentre = new Map<CentreState, Map<string, RowState>>();
  return (centre, goal) => {
    let rows = byCentre.get(centre);
    if (!rows) {
      rows = new Map();
      for (const r of centre.rows) {
        const k = r.row.id.toLowerCase();
        if (!rows.has(k)) rows.set(k, r);
      }
      byCentre.set(centre, rows);
    }
    return rows.get(goal.toLowerCase());
  };
}

function unknownGoal(goal: string, centre: CentreState): string {
  // A goal with parts is in the contract too: name its parts before saying it does not apply.
  const parts = centre.rows
    .filter((r) => r.row.goalId.toLowerCase() === goal.toLowerCase())
    .map((r) => r.row.id);
  if (parts.length)
    return `målet ${goal} har flere dele; skriv hver del på sin egen linje: ${parts.join(", ")}.`;
  const inContract = centre.contract.goals.find((g) => g.id.toLowerCase() === goal.toLowerCase());
  if (inContract) return `målet ${inContract.id} gælder ikke for ${centre.centre.code}.`;
  return `ukendt mål "${goal}" for ${centre.centre.code}. Se målene med: kontrakt goals --centre ${centre.centre.code}`;
}

/** The value to put in the cell, exactly as the evaluator reads it, or why the text cannot be used. */
function inputValue(
  f: "grundlag" | "resultat",
  text: string,
  row: RowState,
  style: NumberStyle,
): number | string | { error: string } {
  const a = row.row.assessment;
  const target = statusTarget(a);
  const kind = kindOf(target);
  const uses = kind.inputs;
  const id = row.row.id;
  if (f === "grundlag" && !uses.grundlag) {
    return { error: `målet ${id} bruger ikke Grundlag; lad feltet stå tomt (fik "${text.trim()}").` };
  }
  const takes = kind.resultatInput(target);
  if (takes === "yesNo" || takes === "yesNoOrDate") {
    const yn = parseYesNo(text);
    if (yn.kind === "yes") return "Ja";
    if (yn.kind === "no") return "Nej";
    if (yn.kind === "empty") return { error: "tomt felt." };
    const day = takes === "yesNoOrDate" ? danishDateSerial(text) : undefined;
    if (day !== undefined) return day;
    return takes === "yesNo"
      ? { error: `målet ${id} skal have Ja eller Nej: ${yn.message}` }
      : {
          error: `målet ${id} skal have Ja, Nej eller datoen, det blev gennemført (fx 15.3.${row.row.context.year}); fik "${text.trim()}".`,
        };
  }
  const yn = parseYesNo(text);
  if (yn.kind === "yes" || yn.kind === "no") {
    return { error: `målet ${id} skal have et tal, ikke "${text.trim()}".` };
  }
  const n = parseNumber(text, style);
  if (n.kind === "error") return { error: n.message };
  if (n.kind === "empty") return { error: "tomt felt." };
  if (n.percent && !uses.percent) {
    return {
      error: `"${text.trim()}" er en procentdel, men målet ${id} skal have ${kind.inputWord(target)} uden %.`,
    };
  }
  return n.value;
}
