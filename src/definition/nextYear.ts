// "Kopiér til næste år": the same contract one year on. Goal ids stay (so figures and last year's
// results can follow them); the year, the base year, the deadlines and every year in the texts
// that are ours (title, id, deadlines, baselines, Sådan måles, notes) move one year. The goal
// texts are the appendix's own words and stay verbatim until the economist pastes the new ones;
// case and document numbers are left empty for the new appendix's.
import type { Baseline, Contract, Deadline, Goal, Target } from "../contracts/model";

export function copyToNextYear(contract: Contract): Contract {
  const year = contract.year;
  const baseYear = contract.baseYear ?? year - 1;
  const shift = (text: string) =>
    text.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) =>
      Number(y) === year ? String(year + 1) : Number(y) === baseYear ? String(baseYear + 1) : y,
    );
  const deadline = (d: Deadline): Deadline => ({ text: shift(d.text), date: shiftDate(d.date) });
  const baseline = (b: Baseline): Baseline => ({
    label: shift(b.label),
    grundlag: shift(b.grundlag),
    resultat: shift(b.resultat),
  });
  const target = (t: Target): Target => {
    if (t.kind === "yesNo" && t.deadline) return { ...t, deadline: deadline(t.deadline) };
    if ((t.kind === "change" || t.kind === "pointChange") && t.baseline)
      return { ...t, baseline: baseline(t.baseline) };
    return t;
  };
  const goal = (g: Goal): Goal => ({
    ...g,
    ...(g.note ? { note: shift(g.note) } : {}),
    ...(g.measured
      ? {
          measured: {
            ...(g.measured.grundlag ? { grundlag: shift(g.measured.grundlag) } : {}),
            ...(g.measured.resultat ? { resultat: shift(g.measured.resultat) } : {}),
          },
        }
      : {}),
    measure:
      g.measure.kind === "parts"
        ? {
            kind: "parts",
            parts: g.measure.parts.map((p) => ({ ...p, label: shift(p.label), target: target(p.target) })),
          }
        : {
            ...g.measure,
            ...(g.measure.target ? { target: target(g.measure.target) } : {}),
            ...(g.measure.perCentre
              ? {
                  perCentre: Object.fromEntries(
                    Object.entries(g.measure.perCentre).map(([c, t]) => [c, target(t)]),
                  ),
                }
              : {}),
          },
  });
  const next: Contract = {
    ...contract,
    id: shift(contract.id) === contract.id ? `${contract.id}-${year + 1}` : shift(contract.id),
    title: shift(contract.title),
    year: year + 1,
    goals: contract.goals.map(goal),
  };
  if (contract.baseYear !== undefined) next.baseYear = contract.baseYear + 1;
  // Case and document numbers belong to last year's appendix; the new one brings its own.
  delete next.caseNumber;
  delete next.documentNumber;
  return next;
}

/** The same day a year later (29 February becomes 28 February). */
function shiftDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y! + 1, m! - 1, d!));
  if (date.getUTCMonth() !== m! - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
