// The requirement of a target in plain Danish, and what to type in each input for it.
import { formatNumber, formatPercent } from "./formatDa";
import type { JointTarget, Target, ValueUnit } from "./model";

export function unitText(value: number, unit: ValueUnit | string): string {
  if (unit === "dage" && value === 1) return "dag";
  if (unit === "uger" && value === 1) return "uge";
  if (unit === "måneder" && value === 1) return "måned";
  return unit;
}

export function quantity(value: number, unit?: string): string {
  return unit ? `${formatNumber(value)} ${unitText(value, unit)}` : formatNumber(value);
}

export function requirementText(t: Target): string {
  switch (t.kind) {
    case "change":
      return `${t.direction === "fall" ? "Fald" : "Stigning"} på mindst ${formatPercent(t.atLeast)} ift. ${t.baseline?.label ?? "2006"}`;
    case "pointChange":
      return `${t.direction === "fall" ? "Fald" : "Stigning"} på mindst ${formatNumber(t.atLeast * 100, 1)} procentpoint ift. ${t.baseline?.label ?? "2006"}`;
    case "absoluteChange":
      return `${t.direction === "fall" ? "Fald" : "Stigning"} på mindst ${quantity(t.atLeast, t.unit)} ift. 2006`;
    case "shareMin":
      if (t.provisionalUpTo !== undefined) {
        return `Mindst ${formatNumber(t.atLeast * 100)}-${formatPercent(t.provisionalUpTo)} (foreløbigt; vurderes på ${formatPercent(t.atLeast)})`;
      }
      return t.atLeast === 1 ? "Alle (100 %)" : `Mindst ${formatPercent(t.atLeast)}`;
    case "shareMax":
      return t.from !== undefined
        ? `Højst ${formatPercent(t.atMost)} (ned fra ${formatPercent(t.from)})`
        : `Højst ${formatPercent(t.atMost)}`;
    case "spendRange":
      return t.min === 0
        ? `Forbrug på højst ${formatPercent(t.max)} af rammen`
        : `Forbrug mellem ${formatPercent(t.min)} og ${formatPercent(t.max)} af budgettet`;
    case "countMin":
    case "valueMin":
      return `Mindst ${quantity(t.atLeast, t.unit)}`;
    case "valueMax":
      return `Højst ${quantity(t.atMost, t.unit)}`;
    case "yesNo":
      return t.deadline ? `Gennemført ${t.deadline.text} (Ja/Nej)` : "Gennemført (Ja/Nej)";
  }
}

export function jointRequirementText(j: JointTarget): string {
  return `${requirementText(j.target)} i alt for ${listDa(j.centres)}`;
}

/** "CKB, CAB og CBSI". */
export function listDa(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

export interface InputHint {
  grundlag: string;
  resultat: string;
}

/** What to type in Grundlag and Resultat; the same words are the input cells' validation prompts. */
export function inputHint(t: Target): InputHint {
  const unused = "Bruges ikke (lad feltet stå tomt)";
  switch (t.kind) {
    case "change":
      return t.baseline
        ? { grundlag: t.baseline.grundlag, resultat: t.baseline.resultat }
        : { grundlag: "Tallet for 2006", resultat: "Tallet for 2007" };
    case "pointChange":
      return t.baseline
        ? { grundlag: t.baseline.grundlag, resultat: t.baseline.resultat }
        : { grundlag: "Andelen i 2006 i %, fx 40 %", resultat: "Andelen i 2007 i %, fx 42 %" };
    case "absoluteChange":
      return { grundlag: `Antal ${t.unit} i 2006`, resultat: `Antal ${t.unit} i 2007` };
    case "shareMin":
    case "shareMax":
      return {
        grundlag: "Antal i alt (nævneren) – eller tom, hvis Resultat er andelen",
        resultat: "Antal, der opfylder målet (tælleren) – eller andelen i %, fx 95 %",
      };
    case "spendRange":
      return { grundlag: "Budget/bevilling i kr.", resultat: "Forbrug i kr." };
    case "countMin": {
      const whole = t.decimals ? "decimaler tilladt" : "helt tal";
      return { grundlag: unused, resultat: t.unit ? `Antal ${t.unit} (${whole})` : `Antal (${whole})` };
    }
    case "valueMin":
      return { grundlag: unused, resultat: t.unit ? `Værdien i ${t.unit}` : "Værdien (decimaler tilladt)" };
    case "valueMax":
      return { grundlag: unused, resultat: `Værdien i ${t.unit}` };
    case "yesNo":
      return {
        grundlag: unused,
        resultat: t.deadline ? `Ja eller Nej (${t.deadline.text})` : "Ja eller Nej",
      };
  }
}
