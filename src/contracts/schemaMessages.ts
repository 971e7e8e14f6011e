// Schema problems in Danish: where (the goal, the centre or part, the field, as the definition
// sheet names them) and what to write instead. "mål bc-b01, CKB: Krav 60 er over 100 % — mente du
// 60 %? Skriv 0.6."
import type { z } from "zod";
import { formatNumber } from "./formatDa";
import { KIND_CHOICES } from "./kinds";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** JSON fields by the names of the definition sheet's columns. */
const FIELD_LABEL: Record<string, string> = {
  id: "Mål-ID",
  title: "Titel",
  year: "År",
  baseYear: "Basisår",
  caseNumber: "Sagsnr.",
  documentNumber: "Doknr.",
  centres: "Centre",
  code: "Centerkode",
  name: "Navn",
  goals: "Mål",
  text: "Mål",
  area: "Område",
  group: "Gruppe",
  section: "Afsnit",
  note: "Note",
  measured: "Sådan måles",
  grundlag: "Grundlag",
  resultat: "Resultat",
  excluded: "Undtagne centre",
  measure: "Krav",
  kind: "Måltype",
  direction: "Retning",
  atLeast: "Krav",
  atMost: "Krav",
  min: "Krav",
  max: "Krav 2",
  from: "Krav 2",
  provisionalUpTo: "Krav 2",
  unit: "Enhed",
  decimals: "Decimaler",
  deadline: "Frist",
  date: "Frist (dato)",
  baseline: "Grundlag for ændringen",
  label: "Tekst",
  parts: "Dele",
  key: "Del",
  perCentre: "Centrets krav",
  joint: "Fælles krav",
};

const TYPE_WORD: Record<string, string> = {
  number: "et tal",
  int: "et helt tal",
  string: "en tekst",
  array: "en liste",
  object: "et objekt med felter",
  boolean: "true eller false",
};

function valueAt(json: unknown, path: Path): unknown {
  let v: unknown = json;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** "mål bc-b01, CKB" / "mål jc-b12, del a" / "center nr. 2" / "kontrakten". */
function placeOf(path: Path, json: unknown): string {
  if (path[0] === "goals" && typeof path[1] === "number") {
    const id = valueAt(json, ["goals", path[1], "id"]);
    const goal = typeof id === "string" && id !== "" ? `mål ${id}` : `mål nr. ${path[1] + 1}`;
    const rest = path.slice(2);
    const centreAt = rest.indexOf("perCentre");
    if (centreAt >= 0 && rest[centreAt + 1] !== undefined) return `${goal}, ${String(rest[centreAt + 1])}`;
    const partAt = rest.indexOf("parts");
    if (partAt >= 0 && typeof rest[partAt + 1] === "number") {
      const key = valueAt(json, ["goals", path[1], ...rest.slice(0, partAt + 2), "key"]);
      return `${goal}, del ${typeof key === "string" ? key : (rest[partAt + 1] as number) + 1}`;
    }
    if (rest.includes("joint")) return `${goal}, fælles krav`;
    return goal;
  }
  if (path[0] === "centres" && typeof path[1] === "number") {
    const code = valueAt(json, ["centres", path[1], "code"]);
    return typeof code === "string" && code !== "" ? `center ${code}` : `center nr. ${path[1] + 1}`;
  }
  return "kontrakten";
}

function fieldOf(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === "string" && FIELD_LABEL[key]) return FIELD_LABEL[key];
  }
  return "feltet";
}

function shown(v: unknown): string {
  if (typeof v === "number") return formatNumber(v, 6);
  if (typeof v === "string") return `«${v}»`;
  return JSON.stringify(v) ?? "intet";
}

/** The Danish "Måltype" labels of a kind code, for a message: "change (Fald i % / Stigning i %)". */
function kindsListed(codes: readonly unknown[]): string {
  return codes
    .map((code) => {
      const labels = KIND_CHOICES.filter((c) => c.kind === code).map((c) => c.label);
      return labels.length ? `${String(code)} (${labels.join(" / ")})` : String(code);
    })
    .join(", ");
}

function whatIsWrong(issue: Issue, json: unknown): string {
  const path = issue.path;
  const field = fieldOf(path);
  const value = valueAt(json, path);
  switch (issue.code) {
    case "too_big":
      if (
        issue.origin === "number" &&
        Number(issue.maximum) === 1 &&
        typeof value === "number" &&
        value <= 100
      )
        return `${field} ${shown(value)} er over 100 % — mente du ${shown(value)} %? Skriv andele som decimaltal: ${String(value / 100)}`;
      if (issue.origin === "string") return `${field} er for lang: højst ${String(issue.maximum)} tegn`;
      return `${field} ${shown(value)} er for stort: højst ${shown(Number(issue.maximum))}`;
    case "too_small":
      if (issue.origin === "string") return `${field} må ikke være tom`;
      if (issue.origin === "array") return `${field} skal have mindst ${String(issue.minimum)}`;
      if (Number(issue.minimum) === 0 && !issue.inclusive)
        return `${field} ${shown(value)} skal være større end 0`;
      return `${field} ${shown(value)} er for lille: mindst ${shown(Number(issue.minimum))}`;
    case "invalid_type":
      if (value === undefined) return `${field} mangler`;
      if (issue.expected === "int") return `${field} ${shown(value)} skal være et helt tal`;
      return `${field} skal være ${TYPE_WORD[issue.expected] ?? issue.expected} — der står ${shown(value)}`;
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) {
        const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
        const known = path[path.length - 1] === "kind" && KIND_CHOICES.some((c) => options.includes(c.kind));
        return `${field} ${shown(value)} findes ikke; brug en af: ${known ? kindsListed(options) : options.join(", ")}`;
      }
      return `${field} ${shown(value)} passer ikke til nogen af de mulige former`;
    case "invalid_value":
      return `${field} ${shown(value)} er ugyldig; brug en af: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      if (issue.format === "date")
        return `${field} ${shown(value)} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2008-03-31`;
      return issue.message.startsWith("Invalid")
        ? `${field} ${shown(value)} har et ugyldigt format`
        : issue.message;
    case "unrecognized_keys":
      return `ukendt felt ${issue.keys.map((k) => `«${k}»`).join(", ")} — fjern det, eller ret stavningen`;
    case "custom":
      return issue.message;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** One schema problem as a Danish sentence fragment: "mål bc-b01, CKB: Krav 60 er over 100 % …". */
export function danishIssue(issue: Issue, json: unknown): string {
  return `${placeOf(issue.path, json)}: ${whatIsWrong(issue, json)}`;
}
