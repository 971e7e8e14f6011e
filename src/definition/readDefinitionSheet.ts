// A definition sheet read back into a contract, or the list of its problems, each with its cell.
// Columns are found by their headers and the header block by its labels, so an economist may
// insert rows and move columns. Nothing is guessed: a cell that can be read two ways is a problem.
import type { CellValue, Centre, Contract, Goal, GoalPart, Measure, Target } from "../contracts/model";
import { contractSchema } from "../contracts/schema";
import { columnLetters } from "../sheets/a1";
import type { SheetGrid } from "../sheets/grid";
import {
  buildTarget,
  readCentreCell,
  type CentreCell,
  type RowContext,
  type TargetField,
} from "./centreCell";
import { defaultDeadlineText, readDate } from "./dates";
import { KIND_LABELS, kindByLabel } from "./kindColumns";
import {
  CENTRE_TABLE_HEADERS,
  DEFINITION_MARKER,
  DEFINITION_PREFIX,
  GOAL_COLUMNS,
  HEADER_LABELS,
  HEADER_ORDER,
  REVIEW_COLUMN,
  TAIL_COLUMNS,
  type GoalColumnKey,
  type HeaderKey,
} from "./layout";
import { formatField, readField } from "./numberText";
import type { DefinitionProblem } from "./problems";
import { centreCodeProblem } from "./sheetNames";

export type DefinitionReading =
  | { ok: true; sheet: string; contract: Contract }
  | { ok: false; sheet: string; problems: DefinitionProblem[] };

const GOAL_ID = /^[a-z0-9][a-z0-9.-]*$/;
const CONTRACT_ID = /^[a-z0-9-]+$/;
const PART_KEY = /^[a-z0-9-]+$/;

/** A definition sheet is known by its first cell, whatever the economist named it. */
export function isDefinitionGrid(grid: SheetGrid): boolean {
  const a1 = grid.values[0]?.[0];
  return (
    (typeof a1 === "string" && a1.trim() === DEFINITION_MARKER) ||
    (grid.name.startsWith(DEFINITION_PREFIX) && findHeaderRow(grid) !== undefined)
  );
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "SAND" : "FALSK") : String(v).trim();

function findHeaderRow(grid: SheetGrid): number | undefined {
  const i = grid.values.findIndex((line) => text(line[0]) === GOAL_COLUMNS[0].header);
  return i < 0 ? undefined : i + 1;
}

interface Cell {
  value: CellValue;
  address: string;
}

export function readDefinitionSheet(grid: SheetGrid): DefinitionReading {
  const problems: DefinitionProblem[] = [];
  const at = (row: number, col: number): Cell => ({
    value: grid.values[row - 1]?.[col - 1] ?? null,
    address: `${columnLetters(col)}${row}`,
  });
  const problem = (cell: Cell | string, message: string) =>
    problems.push({ sheet: grid.name, cell: typeof cell === "string" ? cell : cell.address, message });

  const headerRow = findHeaderRow(grid);
  if (headerRow === undefined) {
    problem(
      "A1",
      `Arket har ingen måltabel: rækken med overskriften «${GOAL_COLUMNS[0].header}» i kolonne A mangler.`,
    );
    return { ok: false, sheet: grid.name, problems };
  }

  // The header block: labels in column A above the goal table.
  const header = new Map<HeaderKey, Cell>();
  let centreHeader: number | undefined;
  for (let r = 1; r < headerRow; r++) {
    const label = text(at(r, 1).value).toLowerCase();
    const key = HEADER_ORDER.find((k) => HEADER_LABELS[k].toLowerCase() === label);
    if (key && !header.has(key)) header.set(key, at(r, 2));
    if (label === CENTRE_TABLE_HEADERS[0].toLowerCase() && centreHeader === undefined) centreHeader = r;
  }
  const headerValue = (key: HeaderKey): Cell | undefined => {
    const cell = header.get(key);
    if (!cell && (key === "id" || key === "title" || key === "year"))
      problem(
        "A1",
        `Rækken «${HEADER_LABELS[key]}» mangler øverst i arket (etiket i kolonne A, værdi i kolonne B).`,
      );
    return cell;
  };
  const idCell = headerValue("id");
  const id = text(idCell?.value);
  if (idCell && !id)
    problem(idCell, "Kontrakt-id mangler. Skriv fx bc-2008 (små bogstaver, tal og bindestreg).");
  else if (idCell && !CONTRACT_ID.test(id))
    problem(idCell, `Kontrakt-id «${id}» må kun have små bogstaver, tal og bindestreg, fx bc-2008.`);
  const titleCell = headerValue("title");
  const title = text(titleCell?.value);
  if (titleCell && !title) problem(titleCell, "Titel mangler. Skriv bilagets overskrift.");
  const year = readYear(headerValue("year"), "År", problem);
  const baseYearCell = header.get("baseYear");
  const baseYear =
    baseYearCell && text(baseYearCell.value) !== "" ? readYear(baseYearCell, "Basisår", problem) : undefined;
  if (year !== undefined && baseYear !== undefined && baseYear >= year)
    problem(baseYearCell!, `Basisår ${baseYear} skal være før kontraktåret ${year}, fx ${year - 1}.`);
  const caseNumber = text(header.get("caseNumber")?.value) || undefined;
  const documentNumber = text(header.get("documentNumber")?.value) || undefined;

  // The centres.
  const centres: Centre[] = [];
  const centreCells = new Map<string, Cell>();
  if (centreHeader === undefined) {
    problem(
      "A1",
      `Listen over centre mangler: skriv «${CENTRE_TABLE_HEADERS[0]}» i kolonne A og centrene under.`,
    );
  } else {
    for (let r = centreHeader + 1; r < headerRow; r++) {
      const codeCell = at(r, 1);
      const code = text(codeCell.value);
      if (!code) break;
      const name = text(at(r, 2).value);
      const codeProblem = centreCodeProblem(String(codeCell.value));
      if (codeProblem) problem(codeCell, codeProblem);
      if (centres.some((c) => c.code.toLowerCase() === code.toLowerCase()))
        problem(codeCell, `Centerkoden «${code}» står to gange. Hver kode må kun stå én gang.`);
      if (!name) problem(at(r, 2), `Centret ${code} mangler sit fulde navn.`);
      centres.push({ code, name });
      centreCells.set(code, codeCell);
    }
    if (centres.length === 0)
      problem(at(centreHeader + 1, 1), "Kontrakten har ingen centre. Skriv mindst ét center (kode og navn).");
  }

  // The goal table's columns, by header.
  const columns = new Map<GoalColumnKey, number>();
  const centreColumns = new Map<string, number>();
  const known = [...GOAL_COLUMNS, ...TAIL_COLUMNS, REVIEW_COLUMN];
  const headerLine = grid.values[headerRow - 1] ?? [];
  headerLine.forEach((v, i) => {
    const h = text(v);
    if (!h) return;
    const column = known.find((k) => k.header.toLowerCase() === h.toLowerCase());
    if (column) columns.set(column.key, i + 1);
    else {
      const centre = centres.find((c) => c.code.toLowerCase() === h.toLowerCase());
      if (centre) centreColumns.set(centre.code, i + 1);
      else
        problem(
          at(headerRow, i + 1),
          `Kolonnen «${h}» er ikke et af kontraktens centre (${centres.map((c) => c.code).join(", ")}). Tilføj centret under ${CENTRE_TABLE_HEADERS[0]}, eller ret overskriften.`,
        );
    }
  });
  for (const c of [...GOAL_COLUMNS, ...TAIL_COLUMNS])
    if (!columns.has(c.key)) problem(at(headerRow, 1), `Måltabellen mangler kolonnen «${c.header}».`);
  for (const c of centres)
    if (!centreColumns.has(c.code))
      problem(
        centreCells.get(c.code)!,
        `Centret ${c.code} har ingen kolonne i måltabellen. Tilføj en kolonne med overskriften ${c.code}.`,
      );
  if (problems.length) return { ok: false, sheet: grid.name, problems };

  const col = (row: number, key: GoalColumnKey): Cell => at(row, columns.get(key)!);
  const colText = (row: number, key: GoalColumnKey) => text(col(row, key).value);

  // Goal rows, grouped: consecutive part rows of one goal make one goal.
  interface Draft {
    goal: Goal;
    row: number;
    parts: GoalPart[];
    applicability?: Map<string, CentreCell["kind"]>;
  }
  const drafts: Draft[] = [];
  const firstRowOf = new Map<string, number>();
  const failed = new Set<string>();
  let current: string | undefined;
  const readRow = (r: number): void => {
    const line = grid.values[r - 1] ?? [];
    const used =
      [...columns.entries()].some(([k, c]) => k !== "review" && text(line[c - 1]) !== "") ||
      [...centreColumns.values()].some((c) => text(line[c - 1]) !== "");
    if (!used) return;
    const rowId = colText(r, "id");
    const partLabel = colText(r, "part");
    if (!rowId) {
      problem(
        col(r, "id"),
        "Mål-ID mangler. Skriv et id, fx bc-b01 (små bogstaver, tal, punktum og bindestreg).",
      );
      return;
    }
    let goalId = rowId;
    let partKey: string | undefined;
    if (partLabel) {
      const dot = rowId.lastIndexOf(".");
      if (dot <= 0 || !PART_KEY.test(rowId.slice(dot + 1))) {
        problem(
          col(r, "id"),
          `En række med Del skal have Mål-ID som «mål.del», fx bc-p07.moeder — der står «${rowId}».`,
        );
        return;
      }
      goalId = rowId.slice(0, dot);
      partKey = rowId.slice(dot + 1);
    }
    current = goalId;
    if (!GOAL_ID.test(goalId)) {
      problem(
        col(r, "id"),
        `Mål-ID «${rowId}» må kun have små bogstaver, tal, punktum og bindestreg, fx bc-b01.`,
      );
      return;
    }
    const previous = drafts[drafts.length - 1];
    const continuing =
      partKey !== undefined && previous?.goal.id === goalId && previous.goal.measure.kind === "parts";
    if (!continuing) {
      const seen = firstRowOf.get(goalId);
      if (seen !== undefined) {
        problem(
          col(r, "id"),
          `Mål-ID «${goalId}» findes også i række ${seen}. Hvert mål skal have sit eget id.`,
        );
        return;
      }
      firstRowOf.set(goalId, r);
    }
    const goalText = (key: "text" | "area" | "section" | "group" | "note") => colText(r, key);
    if (continuing) {
      for (const key of ["text", "area", "group", "section", "note"] as const) {
        const mine = goalText(key);
        const theirs = (previous.goal as unknown as Record<string, string | undefined>)[key] ?? "";
        if (mine && mine !== theirs)
          problem(
            col(r, key),
            `Denne del af mål ${goalId} har en anden ${headerOf(key)} end rækken over. Lad cellen stå tom (delen arver den) eller skriv det samme.`,
          );
      }
    }
    const draft: Draft = continuing
      ? previous!
      : {
          row: r,
          parts: [],
          goal: {
            id: goalId,
            text: goalText("text"),
            area: goalText("area"),
            ...(goalText("group") ? { group: goalText("group") } : {}),
            section: goalText("section"),
            ...(goalText("note") ? { note: goalText("note") } : {}),
            centres: [],
            measure: partKey !== undefined ? { kind: "parts", parts: [] } : { kind: "single" },
          },
        };
    if (!continuing) {
      if (!draft.goal.text) problem(col(r, "text"), "Mål (teksten) er tom. Skriv bilagets ordlyd for målet.");
      if (!draft.goal.area) problem(col(r, "area"), "Område mangler, fx Beskæftigelsesindsatsen.");
      if (!draft.goal.section)
        problem(col(r, "section"), "Afsnit mangler: skriv overskriften, målet står under i bilaget.");
      drafts.push(draft);
    }

    // The row's Måltype and the context its centre cells lean on.
    const kindCell = col(r, "kind");
    const kindText = text(kindCell.value);
    const kind = kindText ? kindByLabel(kindText) : undefined;
    if (!kindText) {
      problem(kindCell, `Måltype mangler. Vælg en fra listen: ${KIND_LABELS.join(", ")}.`);
      return;
    }
    if (!kind) {
      problem(kindCell, `Måltypen «${kindText}» findes ikke. Vælg en fra listen: ${KIND_LABELS.join(", ")}.`);
      return;
    }
    const ctx: RowContext = { kind };
    let rowOk = true;
    const unit = colText(r, "unit");
    if (unit) ctx.unit = unit;
    const baselineLabel = colText(r, "baseline");
    const measuredG = colText(r, "measuredGrundlag");
    const measuredR = colText(r, "measuredResultat");
    if (baselineLabel) {
      if (!kind.baseline) {
        problem(
          col(r, "baseline"),
          `«Måles ift.» bruges kun ved fald og stigning i % eller procentpoint, ikke ved ${kind.label}. Slet cellen.`,
        );
        rowOk = false;
      } else if (!measuredG || !measuredR) {
        problem(
          col(r, measuredG ? "measuredResultat" : "measuredGrundlag"),
          `Når målet måles ift. «${baselineLabel}», skal «Sådan måles» sige, hvad der skrives i Grundlag og i Resultat.`,
        );
        rowOk = false;
      } else ctx.baseline = { label: baselineLabel, grundlag: measuredG, resultat: measuredR };
    } else if ((measuredG || measuredR) && (!continuing || partKey === undefined)) {
      if (!continuing)
        draft.goal.measured = {
          ...(measuredG ? { grundlag: measuredG } : {}),
          ...(measuredR ? { resultat: measuredR } : {}),
        };
    }
    const deadlineCell = col(r, "deadline");
    if (text(deadlineCell.value)) {
      const date = readDate(deadlineCell.value);
      if (kind.krav !== "deadlineText") {
        problem(
          deadlineCell,
          `Frist bruges kun ved Ja/Nej, ikke ved ${kind.label}. Slet datoen, eller vælg Måltype Ja/Nej.`,
        );
        rowOk = false;
      } else if (!date) {
        problem(
          deadlineCell,
          `Frist skal være en dato, fx 31-03-${year ?? 2008} — der står «${text(deadlineCell.value)}».`,
        );
        rowOk = false;
      } else ctx.deadline = { text: colText(r, "krav") || defaultDeadlineText(date), date };
    } else if (kind.krav === "deadlineText" && colText(r, "krav")) {
      problem(
        deadlineCell,
        `Fristen «${colText(r, "krav")}» mangler sin dato i Frist, fx 31-03-${year ?? 2008}.`,
      );
      rowOk = false;
    }
    const krav2Cell = col(r, "krav2");
    if (kind.krav2 === "decimals" && text(krav2Cell.value).toLowerCase() === "decimaler") ctx.decimals = true;

    // The row's own (general) target.
    const kravCell = col(r, "krav");
    let general: Target | undefined;
    if (rowOk && (kind.krav === "deadlineText" || text(kravCell.value) !== "")) {
      const built = buildTarget(kind, { krav: kravCell.value, krav2: krav2Cell.value }, ctx, "");
      if (built.ok) general = built.target;
      else {
        problem(cellOf(built.field, kravCell, krav2Cell, col(r, "unit")), built.message);
        rowOk = false;
      }
    } else if (rowOk && text(krav2Cell.value) !== "" && kind.krav2 !== "decimals") {
      problem(krav2Cell, "Krav 2 står uden Krav. Skriv Krav (det første tal) også, eller slet Krav 2.");
      rowOk = false;
    }

    // The centres' cells.
    const cells = new Map<string, CentreCell>();
    for (const c of centres) {
      const cell = at(r, centreColumns.get(c.code)!);
      const read = readCentreCell(cell.value, ctx);
      if (read.kind === "problem") {
        problem(cell, `${c.code}: ${read.message}`);
        rowOk = false;
      } else cells.set(c.code, read);
    }
    if (!rowOk) return;

    if (draft.goal.measure.kind === "parts") {
      if (!general) {
        problem(kravCell, `Delen «${partLabel}» mangler sit Krav.`);
        return;
      }
      draft.goal.measure.parts.push({ key: partKey!, label: partLabel, target: general });
      const applicability = new Map([...cells].map(([code, c]) => [code, c.kind]));
      for (const [code, c] of cells) {
        if (c.kind === "own") {
          problem(
            at(r, centreColumns.get(code)!),
            `${code}: et mål med dele kan ikke have et krav pr. center. Skriv kravet på delens række, eller del målet i to mål.`,
          );
          rowOk = false;
        }
      }
      if (!draft.applicability) {
        draft.applicability = applicability;
        setCentres(draft.goal, centres, applicability);
      } else {
        for (const [code, kindOfCell] of applicability) {
          if (kindOfCell !== "general" && kindOfCell !== draft.applicability.get(code))
            problem(
              at(r, centreColumns.get(code)!),
              `${code}: delene af mål ${goalId} skal gælde de samme centre. Skriv det samme som på målets første række, eller lad cellen stå tom.`,
            );
        }
      }
      return;
    }

    // A single measure: the row's target, the centres' own and a joint count.
    const applicability = new Map([...cells].map(([code, c]) => [code, c.kind]));
    setCentres(draft.goal, centres, applicability);
    const perCentre: Record<string, Target> = {};
    for (const [code, c] of cells) if (c.kind === "own") perCentre[code] = c.target;
    const measure: Measure = { kind: "single" };
    if (general) measure.target = general;
    if (Object.keys(perCentre).length) measure.perCentre = perCentre;
    const jointCell = col(r, "joint");
    if (text(jointCell.value) !== "") {
      if (kind.label !== "Antal mindst") {
        problem(
          jointCell,
          `Fælles krav bruges kun ved Måltype «Antal mindst» (et antal lagt sammen over centrene), ikke ved ${kind.label}.`,
        );
        return;
      }
      const joint = readJoint(jointCell.value, ctx.unit, ctx.decimals);
      if (!joint.ok) {
        problem(jointCell, joint.message);
        return;
      }
      measure.joint = joint.target;
      const own = draft.goal.centres
        .filter((code) => !(draft.goal.excluded ?? []).includes(code))
        .map((code) => perCentre[code] ?? general);
      if (own.some((t) => t && t.kind !== "countMin"))
        problem(jointCell, "Et fælles krav kan kun stå sammen med egne krav af typen «Antal mindst».");
      else if (own.some((t) => t) && own.some((t) => !t))
        problem(jointCell, "Ved et fælles krav skal enten alle centre eller ingen have et eget krav.");
    }
    draft.goal.measure = measure;
    for (const code of draft.goal.centres) {
      if ((draft.goal.excluded ?? []).includes(code)) return;
      if (!measure.target && !measure.perCentre?.[code] && !measure.joint)
        problem(
          at(r, centreColumns.get(code)!),
          `${code} har intet krav i dette mål. Skriv et krav i Krav (for alle centre) eller i ${code}s celle — eller «–», hvis målet ikke gælder ${code}.`,
        );
    }
  };
  for (let r = headerRow + 1; r <= grid.values.length; r++) {
    const before = problems.length;
    current = undefined;
    readRow(r);
    if (problems.length > before && current) failed.add(current);
  }

  for (const d of drafts) {
    if (failed.has(d.goal.id)) continue;
    if (d.goal.centres.length > 0 && d.goal.centres.every((c) => (d.goal.excluded ?? []).includes(c)))
      problem(
        col(d.row, "id"),
        `Mål ${d.goal.id} gælder intet center: alle centre har «–» eller «ikke mål».`,
      );
    else if (d.goal.centres.length === 0 && (d.goal.measure.kind === "single" || d.applicability))
      problem(
        col(d.row, "id"),
        `Mål ${d.goal.id} gælder intet center: alle centre har «–» eller «ikke mål».`,
      );
    if (d.goal.measure.kind === "parts" && d.goal.measure.parts.length === 1)
      problem(
        col(d.row, "part"),
        `Mål ${d.goal.id} har kun én del. Et mål med dele skal have mindst to; ellers lad Del stå tom og brug Mål-ID ${d.goal.id}.`,
      );
  }
  if (drafts.length === 0 && problems.length === 0)
    problem(`A${headerRow + 1}`, "Kontrakten har ingen mål. Skriv mindst ét mål under overskrifterne.");
  if (problems.length) return { ok: false, sheet: grid.name, problems };

  const contract: Contract = {
    id,
    title,
    year: year!,
    ...(baseYear !== undefined && baseYear !== year! - 1 ? { baseYear } : {}),
    ...(caseNumber ? { caseNumber } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    centres,
    goals: drafts.map((d) => d.goal),
  };
  // The schema is the last word: anything it still refuses is shown on the goal's row.
  const checked = contractSchema.safeParse(contract);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const goalIndex =
        issue.path[0] === "goals" && typeof issue.path[1] === "number" ? issue.path[1] : undefined;
      const row = goalIndex !== undefined ? drafts[goalIndex]?.row : undefined;
      problem(row !== undefined ? col(row, "id") : "A1", issue.message);
    }
    return { ok: false, sheet: grid.name, problems };
  }
  return { ok: true, sheet: grid.name, contract };
}

function headerOf(key: GoalColumnKey): string {
  return [...GOAL_COLUMNS, ...TAIL_COLUMNS].find((c) => c.key === key)?.header ?? key;
}

function cellOf(field: TargetField, krav: Cell, krav2: Cell, unit: Cell): Cell {
  return field === "krav2" ? krav2 : field === "unit" ? unit : krav;
}

function setCentres(goal: Goal, centres: Centre[], applicability: Map<string, CentreCell["kind"]>): void {
  const among = centres.map((c) => c.code).filter((code) => applicability.get(code) !== "notAmong");
  const excluded = among.filter((code) => applicability.get(code) === "excluded");
  goal.centres = among;
  if (excluded.length) goal.excluded = excluded;
  else delete goal.excluded;
}

function readYear(
  cell: Cell | undefined,
  label: string,
  problem: (cell: Cell, message: string) => void,
): number | undefined {
  if (!cell) return undefined;
  const raw = text(cell.value);
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) {
    problem(
      cell,
      raw
        ? `${label} skal være et årstal, fx 2008 — der står «${raw}».`
        : `${label} mangler. Skriv et årstal, fx 2008.`,
    );
    return undefined;
  }
  return year;
}

function readJoint(
  value: CellValue,
  rowUnit: string | undefined,
  decimals: true | undefined,
): { ok: true; target: Extract<Target, { kind: "countMin" }> } | { ok: false; message: string } {
  let number: CellValue = value;
  let unit = rowUnit;
  if (typeof value === "string") {
    const m = /^([\d.,\s]*\d)\s*(\D.*)?$/u.exec(value.trim());
    if (m && !/^(%|pct|procent)/iu.test(m[2]?.trim() ?? "")) {
      number = m[1]!;
      if (m[2]?.trim()) unit = m[2].trim();
    }
  }
  const read = readField(number, "number", "Fælles krav");
  if (!read.ok) return read;
  if (!decimals && !Number.isInteger(read.value))
    return {
      ok: false,
      message: `Fælles krav skal være et helt antal — der står ${formatField(read.value, "number")}. Skriv «decimaler» i Krav 2, hvis antallet må have decimaler.`,
    };
  return {
    ok: true,
    target: {
      kind: "countMin",
      atLeast: read.value,
      ...(unit ? { unit } : {}),
      ...(decimals ? { decimals } : {}),
    },
  };
}
