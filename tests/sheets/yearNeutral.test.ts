// A contract of any year: a copy of each built-in contract for a later year builds a whole plan
// (the master workbook and every centre's template) whose texts speak only of the copy's year and
// base year, except the goal texts the appendix wrote and that are shown verbatim. A 2008 copy
// rightly says "ift. 2007" (its base year), so it may say 2007 only there and never 2006; a 2010
// copy says neither 2006 nor 2007 anywhere.
import { builtinContracts } from "../../src/contracts/builtin";
import type { Contract, Goal, Target } from "../../src/contracts/model";
import { parseContract } from "../../src/contracts/schema";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { planWorkbook } from "../../src/sheets/planWorkbook";
import { planTemplate } from "../../src/templates/planTemplate";

/** What an economist does to last year's contract: new year, id, title, case and deadlines. */
function copyFor(contract: Contract, year: number): Contract {
  const copy = structuredClone(contract) as Contract & { baseYear?: number };
  const moveDeadline = (t: Target): Target =>
    t.kind === "yesNo" && t.deadline
      ? {
          ...t,
          deadline: {
            text: t.deadline.text.replace(/2007/g, String(year)),
            date: t.deadline.date.replace(/^2007/, String(year)),
          },
        }
      : t;
  const goals = copy.goals.map((g): Goal => {
    const m = g.measure;
    if (m.kind === "parts")
      return {
        ...g,
        measure: { ...m, parts: m.parts.map((p) => ({ ...p, target: moveDeadline(p.target) })) },
      };
    return {
      ...g,
      measure: {
        ...m,
        ...(m.target ? { target: moveDeadline(m.target) } : {}),
        ...(m.perCentre
          ? {
              perCentre: Object.fromEntries(
                Object.entries(m.perCentre).map(([code, t]) => [code, moveDeadline(t)]),
              ),
            }
          : {}),
      },
    };
  });
  return parseContract(
    {
      ...copy,
      id: copy.id.replace("2007", String(year)),
      title: copy.title.replace("2007", String(year)),
      year,
      ...(copy.caseNumber ? { caseNumber: `${year}-1234` } : {}),
      goals,
    },
    `${year}-kopien`,
  );
}

/** Every text the plan writes: cells, formulas, validation prompts and errors, headers, names. */
function textsOf(plan: WorkbookPlan): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const s of plan.sheets) {
    out.push({ where: `arknavn`, text: s.name });
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const text = "formula" in cell ? cell.formula : String(cell.value);
        out.push({ where: `${s.name}!R${r + 1}C${c + 1}`, text });
      }),
    );
    for (const v of s.validations)
      out.push({
        where: `${s.name}!${v.range} (validering)`,
        text: [v.prompt.title, v.prompt.text, v.error.title, v.error.text].join(" | "),
      });
    if (s.print) out.push({ where: `${s.name} (sidehoved)`, text: Object.values(s.print.header).join(" ") });
    for (const st of s.styles)
      if (st.style.numberFormat) out.push({ where: `${s.name} (format)`, text: st.style.numberFormat });
  }
  for (const n of plan.names) out.push({ where: `navn ${n.name}`, text: n.refersTo });
  return out;
}

/** The texts of a plan, with the verbatim goal texts cut out. */
function ownTexts(contract: Contract, plan: WorkbookPlan): { where: string; text: string }[] {
  const verbatim = contract.goals.map((g) => g.text).sort((a, b) => b.length - a.length);
  const cut = (text: string) => verbatim.reduce((t, goalText) => t.split(goalText).join("«mål»"), text);
  return textsOf(plan).map(({ where, text }) => ({ where, text: cut(text) }));
}

function plansOf(contract: Contract): [string, WorkbookPlan][] {
  const at = `${contract.year}-05-02T10:00:00Z`;
  return [
    ["projektmappen", planWorkbook([contract], { generatedAt: at })],
    ...contract.centres.map(
      (c) =>
        [`skabelonen for ${c.code}`, planTemplate(contract, c.code, { exportedAt: at })] as [
          string,
          WorkbookPlan,
        ],
    ),
  ];
}

/** "ift. 2007", "for 2007", "i 2007", "(2007)": the base year where a text means it. */
const BASE_YEAR_PHRASE = /(ift\.|for|i|pr\.|af) 2007\b/g;

describe.each(builtinContracts().map((c) => [c.id, c] as const))("a 2008 copy of %s", (_id, original) => {
  const contract = copyFor(original, 2008);
  it.each(plansOf(contract))("%s says 2007 only as the base year, and never 2006", (_name, plan) => {
    const texts = ownTexts(contract, plan);
    expect(texts.filter(({ text }) => /2006/.test(text))).toEqual([]);
    expect(texts.filter(({ text }) => /2007/.test(text.replace(BASE_YEAR_PHRASE, "")))).toEqual([]);
    expect(texts.some(({ text }) => /2008/.test(text))).toBe(true);
  });

  it("measures changes against 2007 and asks for the 2008 figures", () => {
    const all = ownTexts(contract, plansOf(contract)[0]![1])
      .map((t) => t.text)
      .join("\n");
    if (contract.goals.some((g) => JSON.stringify(g.measure).includes('"change"')))
      expect(all).toMatch(/ift\. 2007/);
    expect(all).toMatch(/resultatkontrakt 2008/);
  });
});

describe.each(builtinContracts().map((c) => [c.id, c] as const))("a 2010 copy of %s", (_id, original) => {
  const contract = copyFor(original, 2010);
  it.each(plansOf(contract))("%s says neither 2006 nor 2007 outside the goal texts", (_name, plan) => {
    const texts = ownTexts(contract, plan);
    expect(texts.filter(({ text }) => /200[678]/.test(text))).toEqual([]);
    expect(texts.some(({ text }) => /2009/.test(text))).toBe(
      contract.goals.some((g) => /"(change|pointChange|absoluteChange)"/.test(JSON.stringify(g.measure))),
    );
  });
});
