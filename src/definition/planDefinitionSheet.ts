// A contract as a definition sheet the economist reads and edits: a header block, the centres,
// a legend of the Måltyper (the dropdown's list) and one row per goal or part. Both shells render
// the plan (xlsx/writePlan for files, excel/applyPlan in the add-in); readDefinitionSheet reads
// it back to exactly the same contract.
import type { Contract, Goal, Target } from "../contracts/model";
import { columnLetters, columnNumber } from "../sheets/a1";
import { estimatedRowHeights } from "../sheets/rowHeights";
import { emptySheet, type CellStyle, type PlanCell, type SheetPlan } from "../sheets/plan";
import { HEADER_FILL, HEADER_FONT, INPUT_FILL, MUTED_FONT, STATUS_COLOURS } from "../sheets/styles";
import { writeCentreTarget, type RowContext } from "./centreCell";
import { isoToSerial } from "../contracts/danishDate";
import { KIND_COLUMNS, KIND_LABELS, kindColumnsOf, targetToFields } from "./kindColumns";
import {
  CENTRE_COLUMN_WIDTH,
  CENTRE_TABLE_HEADERS,
  DEFINITION_MARKER,
  EXCLUDED,
  FIRST_HEADER_ROW,
  GOAL_COLUMNS,
  HEADER_LABELS,
  HEADER_ORDER,
  LEGEND_COL,
  LEGEND_HEADER_ROW,
  LEGEND_TEXT_COL,
  NOT_AMONG,
  REVIEW_COLUMN,
  SPARE_ROWS,
  TAIL_COLUMNS,
  definitionSheetName,
  type GoalColumnKey,
} from "./layout";
import { formatField } from "./numberText";

/** A draft's questions to the economist, shown in a "Gennemsyn" column on highlighted rows. */
export interface DefinitionReview {
  /** Per row id (a goal's id, or `${goalId}.${partKey}` for a part): what to check. */
  rows: Record<string, string>;
}

export interface DefinitionSheetOptions {
  /** The sheet's name; by default "Definition <id>", shortened and unique among takenNames. */
  name?: string;
  takenNames?: string[];
  review?: DefinitionReview;
}

type RowValues = Partial<Record<GoalColumnKey, string | number>> & { centres: Record<string, string> };

/** The definition sheet of a contract. */
export function planDefinitionSheet(contract: Contract, options: DefinitionSheetOptions = {}): SheetPlan {
  const rows = contract.goals.flatMap((g) => goalRows(g, contract));
  return layOut(
    {
      header: {
        id: contract.id,
        title: contract.title,
        year: contract.year,
        baseYear: contract.baseYear ?? contract.year - 1,
        caseNumber: contract.caseNumber,
        documentNumber: contract.documentNumber,
      },
      centres: contract.centres,
      rows,
    },
    options.name ?? definitionSheetName(contract.id, options.takenNames),
    options.review,
  );
}

/** A definition with nothing filled in but the year, to start a contract from scratch. */
export function planEmptyDefinitionSheet(year: number, options: DefinitionSheetOptions = {}): SheetPlan {
  return layOut(
    { header: { year, baseYear: year - 1 }, centres: [], rows: [] },
    options.name ?? definitionSheetName("ny", options.takenNames),
    undefined,
  );
}

interface Content {
  header: Partial<Record<keyof typeof HEADER_LABELS, string | number>>;
  centres: { code: string; name: string }[];
  rows: RowValues[];
}

function goalRows(goal: Goal, contract: Contract): RowValues[] {
  const goalFields: RowValues = {
    centres: {},
    id: goal.id,
    area: goal.area,
    group: goal.group,
    section: goal.section,
    text: goal.text,
    measuredGrundlag: goal.measured?.grundlag,
    measuredResultat: goal.measured?.resultat,
    note: goal.note,
  };
  const applicability = (code: string) =>
    !goal.centres.includes(code) ? NOT_AMONG : (goal.excluded ?? []).includes(code) ? EXCLUDED : "";
  const m = goal.measure;
  if (m.kind === "parts") {
    return m.parts.map((p, i) => {
      const base: RowValues = i === 0 ? { ...goalFields } : { centres: {} };
      const row: RowValues = {
        ...base,
        ...targetColumns(p.target, true),
        id: `${goal.id}.${p.key}`,
        part: p.label,
      };
      if (i === 0) keepMeasured(row, goal);
      row.centres = Object.fromEntries(contract.centres.map((c) => [c.code, applicability(c.code)]));
      return row;
    });
  }
  const template: Target | undefined =
    m.target ?? contract.centres.map((c) => m.perCentre?.[c.code]).find((t) => t !== undefined) ?? m.joint;
  const row: RowValues = {
    ...goalFields,
    ...(template ? targetColumns(template, m.target !== undefined) : {}),
  };
  keepMeasured(row, goal);
  const ctx = template ? rowContext(template) : {};
  if (m.joint) {
    const unit = m.joint.unit !== ctx.unit && m.joint.unit ? ` ${m.joint.unit}` : "";
    row.joint = formatField(m.joint.atLeast, "number") + unit;
  }
  row.centres = Object.fromEntries(
    contract.centres.map((c) => {
      const own = m.perCentre?.[c.code];
      const shown = applicability(c.code);
      return [c.code, own && shown === "" ? writeCentreTarget(own, ctx) : shown];
    }),
  );
  return [row];
}

/** A baseline's own Grundlag/Resultat words live in the Sådan måles columns, as a goal's do. */
function keepMeasured(row: RowValues, goal: Goal): void {
  if (goal.measured) {
    row.measuredGrundlag = goal.measured.grundlag;
    row.measuredResultat = goal.measured.resultat;
  }
}

/** What the row's centre cells inherit from the row's Måltype and columns. */
export function rowContext(template: Target): RowContext {
  const f = targetToFields(template);
  return {
    kind: kindColumnsOf(template),
    unit: f.unit,
    decimals: f.decimals,
    baseline: f.baseline,
    deadline: f.deadline,
  };
}

/** Måltype, Krav, Krav 2, Enhed, Måles ift., Frist of a target; Krav only when it is the row's own. */
function targetColumns(t: Target, general: boolean): Partial<RowValues> {
  const kind = kindColumnsOf(t);
  const f = targetToFields(t);
  const out: Partial<RowValues> = { kind: kind.label, unit: f.unit };
  if (kind.krav === "deadlineText") out.krav = f.deadline?.text;
  else if (general && f.krav !== undefined) out.krav = formatField(f.krav, kind.krav);
  if (kind.krav2 === "decimals") out.krav2 = f.decimals ? "decimaler" : undefined;
  else if (kind.krav2 && general && f.krav2 !== undefined) out.krav2 = formatField(f.krav2, kind.krav2.field);
  if (f.deadline) out.deadline = isoToSerial(f.deadline.date);
  if (f.baseline) {
    out.baseline = f.baseline.label;
    out.measuredGrundlag = f.baseline.grundlag;
    out.measuredResultat = f.baseline.resultat;
  }
  return out;
}

const LEGEND_CENTRE_LINES: [string, string][] = [
  ["Centrenes kolonner", "Sådan læses en celle under et center:"],
  ["(tom)", "Rækkens krav (Krav, Krav 2) gælder for centret."],
  ["et krav", "Centrets eget krav, fx 20 % — eller en anden måltype: «Fald i enheder: 1 dage»."],
  [NOT_AMONG, "Målet hører ikke til centret (centret er ikke nævnt i afsnittet)."],
  [EXCLUDED, "Centret er nævnt, men målet gælder ikke for det («[ikke mål for …]»)."],
];

function layOut(content: Content, name: string, review: DefinitionReview | undefined): SheetPlan {
  const plan = emptySheet(name, "definition");
  const put = (row: number, col: number, value: string | number | undefined | null) => {
    while (plan.cells.length < row) plan.cells.push([]);
    const line = plan.cells[row - 1]!;
    while (line.length < col) line.push(null);
    line[col - 1] = value === undefined || value === null || value === "" ? null : ({ value } as PlanCell);
  };
  const style = (range: string, s: CellStyle) => plan.styles.push({ range, style: s });

  // Header block.
  put(1, 1, DEFINITION_MARKER);
  style("A1", { bold: true, size: 14 });
  HEADER_ORDER.forEach((key, i) => {
    put(FIRST_HEADER_ROW + i, 1, HEADER_LABELS[key]);
    put(FIRST_HEADER_ROW + i, 2, content.header[key]);
  });
  const lastHeader = FIRST_HEADER_ROW + HEADER_ORDER.length - 1;
  style(`A${FIRST_HEADER_ROW}:A${lastHeader}`, { bold: true });
  style(`B${FIRST_HEADER_ROW}:B${lastHeader}`, { fill: INPUT_FILL, horizontal: "left", numberFormat: "@" });
  const centreHeader = lastHeader + 2;
  put(centreHeader, 1, CENTRE_TABLE_HEADERS[0]);
  put(centreHeader, 2, CENTRE_TABLE_HEADERS[1]);
  style(`A${centreHeader}:B${centreHeader}`, { bold: true, fill: HEADER_FILL, fontColor: HEADER_FONT });
  content.centres.forEach((c, i) => {
    put(centreHeader + 1 + i, 1, c.code);
    put(centreHeader + 1 + i, 2, c.name);
  });
  const lastCentreRow = centreHeader + Math.max(content.centres.length, 1);
  style(`A${centreHeader + 1}:B${lastCentreRow + 3}`, { fill: INPUT_FILL, numberFormat: "@" });

  // Legend: the Måltyper (the dropdown's list), then how a centre's cell reads.
  const legendCol = columnNumber(LEGEND_COL);
  const legendTextCol = columnNumber(LEGEND_TEXT_COL);
  put(LEGEND_HEADER_ROW, legendCol, "Måltype");
  put(LEGEND_HEADER_ROW, legendTextCol, "Sådan udfyldes rækken");
  style(`${LEGEND_COL}${LEGEND_HEADER_ROW}:${LEGEND_TEXT_COL}${LEGEND_HEADER_ROW}`, {
    bold: true,
    fill: HEADER_FILL,
    fontColor: HEADER_FONT,
  });
  const kinds = KIND_LABELS.map((label) => KIND_COLUMNS.find((k) => k.label === label)!);
  kinds.forEach((k, i) => {
    put(LEGEND_HEADER_ROW + 1 + i, legendCol, k.label);
    put(LEGEND_HEADER_ROW + 1 + i, legendTextCol, k.legend);
  });
  const firstLabel = LEGEND_HEADER_ROW + 1;
  const lastLabel = LEGEND_HEADER_ROW + kinds.length;
  const centreLegend = lastLabel + 2;
  LEGEND_CENTRE_LINES.forEach(([a, b], i) => {
    put(centreLegend + i, legendCol, a);
    put(centreLegend + i, legendTextCol, b);
  });
  style(`${LEGEND_COL}${centreLegend}:${LEGEND_TEXT_COL}${centreLegend}`, { bold: true });
  const legendEnd = centreLegend + LEGEND_CENTRE_LINES.length - 1;
  style(`${LEGEND_TEXT_COL}${firstLabel}:${LEGEND_TEXT_COL}${legendEnd}`, {
    wrap: true,
    fontColor: MUTED_FONT,
    vertical: "top",
  });

  // The goal table.
  const headerRow = Math.max(lastCentreRow + 3, legendEnd) + 2;
  const codes = content.centres.map((c) => c.code);
  const columns: { key: GoalColumnKey | { centre: string }; header: string; width: number }[] = [
    ...GOAL_COLUMNS.map((c) => ({
      key: c.key as GoalColumnKey,
      header: c.header as string,
      width: c.width as number,
    })),
    ...codes.map((code) => ({ key: { centre: code }, header: code, width: CENTRE_COLUMN_WIDTH })),
    ...TAIL_COLUMNS.map((c) => ({
      key: c.key as GoalColumnKey,
      header: c.header as string,
      width: c.width as number,
    })),
    ...(review
      ? [
          {
            key: REVIEW_COLUMN.key as GoalColumnKey,
            header: REVIEW_COLUMN.header,
            width: REVIEW_COLUMN.width,
          },
        ]
      : []),
  ];
  columns.forEach((c, i) => put(headerRow, i + 1, c.header));
  const lastCol = columnLetters(columns.length);
  style(`A${headerRow}:${lastCol}${headerRow}`, {
    bold: true,
    fill: HEADER_FILL,
    fontColor: HEADER_FONT,
    wrap: true,
    vertical: "top",
  });
  const first = headerRow + 1;
  content.rows.forEach((row, i) => {
    const r = first + i;
    const reviewText = review?.rows[String(row.id ?? "")];
    columns.forEach((c, j) => {
      const value =
        typeof c.key === "object" ? row.centres[c.key.centre] : c.key === "review" ? reviewText : row[c.key];
      put(r, j + 1, value);
    });
    if (reviewText) style(`A${r}:${lastCol}${r}`, { fill: STATUS_COLOURS.missing.fill });
  });
  const last = first + content.rows.length + SPARE_ROWS - 1;
  const letter = (key: GoalColumnKey) => columnLetters(columns.findIndex((c) => c.key === key) + 1);
  style(`A${first}:${lastCol}${last}`, { wrap: true, vertical: "top" });
  // Typed numbers stay as typed ("10 %", "1.850"), read by the definition's own rules.
  style(`${letter("krav")}${first}:${letter("joint")}${last}`, { numberFormat: "@" });
  if (codes.length)
    style(
      `${columnLetters(GOAL_COLUMNS.length + 1)}${first}:${columnLetters(GOAL_COLUMNS.length + codes.length)}${last}`,
      {
        numberFormat: "@",
        horizontal: "center",
      },
    );
  style(`${letter("deadline")}${first}:${letter("deadline")}${last}`, { numberFormat: "dd-mm-yyyy" });
  plan.validations.push({
    range: `${letter("kind")}${first}:${letter("kind")}${last}`,
    rule: {
      kind: "list",
      source: `'${name.replace(/'/g, "''")}'!$${LEGEND_COL}$${firstLabel}:$${LEGEND_COL}$${lastLabel}`,
    },
    prompt: { title: "Måltype", text: "Vælg, hvordan målet måles. Forklaringen står øverst i arket." },
    error: { title: "Ukendt måltype", text: "Vælg en måltype fra listen." },
  });

  plan.columnWidths = columns.map((c) => c.width);
  plan.columnWidths[1] = Math.max(plan.columnWidths[1] ?? 0, 24);
  for (let i = plan.cells.length; i > 0; i--) plan.cells[i - 1] ??= [];
  const width = Math.max(0, ...plan.cells.map((r) => r.length));
  for (const r of plan.cells) while (r.length < width) r.push(null);
  plan.rowHeights = estimatedRowHeights(plan, first, first + content.rows.length - 1);
  Object.assign(plan.rowHeights, estimatedRowHeights(plan, firstLabel, legendEnd, [legendTextCol - 1]));
  plan.rowHeights[headerRow] = 30;
  plan.tabColor = HEADER_FILL;
  return plan;
}
