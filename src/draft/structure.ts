// The appendix's rows, classified: the title, the case and document numbers, areas, section
// headings (in either column), groups (first column beside a goal, italic or not) and goals.
import { isHeading } from "./centres";
import type { Row } from "./rows";

export type Item =
  | { kind: "title"; line: number; text: string }
  | { kind: "caseRef"; line: number; caseNumber: string; documentNumber?: string }
  | { kind: "area"; line: number; text: string }
  | { kind: "group"; line: number; text: string }
  | { kind: "heading"; line: number; text: string }
  | { kind: "goal"; line: number; text: string; group?: string }
  | { kind: "loose"; line: number; text: string };

/** Area names of the 2007 appendices: recognised as areas even when a goal stands beside them. */
const KNOWN_AREAS = [
  "beskæftigelsesindsatsen",
  "kvalitet i servicen",
  "personale og organisation",
  "økonomi",
];

const TITLE = /^(?:bilag\s*\d*\s*[:.–-]?\s+)(\S.+)$/i;
const CASE_REF = /sagsnr\.?\s*:?\s*([\w./-]+)(?:[\s,;]+doknr\.?\s*:?\s*([\w./-]+))?/i;

export function classify(rows: Row[]): Item[] {
  const items = classifyRows(rows);
  // No "BILAG 1: …" line: the first paragraph before the table that names a contract is the title.
  if (!items.some((i) => i.kind === "title")) {
    const firstTabbed = rows.find((r) => r.tabbed)?.line ?? Infinity;
    const k = items.findIndex(
      (i) => i.kind === "loose" && i.line < firstTabbed && /kontrakt|resultatmål|indsatsmål/i.test(i.text),
    );
    const found = items[k];
    if (found?.kind === "loose") items[k] = { kind: "title", line: found.line, text: found.text };
  }
  return items;
}

function classifyRows(rows: Row[]): Item[] {
  const items: Item[] = [];
  for (const row of rows) {
    const first = row.cells[0] ?? "";
    const second = row.cells[1] ?? "";
    const line = row.line;
    if (!row.tabbed) {
      if (!first) continue;
      const title = TITLE.exec(first);
      const ref = CASE_REF.exec(first);
      if (title) items.push({ kind: "title", line, text: title[1]!.trim() });
      else if (ref)
        items.push({
          kind: "caseRef",
          line,
          caseNumber: ref[1]!.replace(/[.,]$/, ""),
          documentNumber: ref[2]?.replace(/[.,]$/, ""),
        });
      else if (isHeading(first)) items.push({ kind: "heading", line, text: first });
      else items.push({ kind: "loose", line, text: first });
      continue;
    }
    if (!first && !second) continue;
    if (!second) {
      // A group alone on its row is in italics (the beskæftigelsescentre style); an area is not.
      const kind = isHeading(first) ? "heading" : row.italic[0] ? "group" : "area";
      items.push({ kind, line, text: first });
      continue;
    }
    if (isHeading(second)) {
      if (first) items.push({ kind: isHeading(first) ? "heading" : "area", line, text: first });
      items.push({ kind: "heading", line, text: second });
      continue;
    }
    if (first && isHeading(first)) {
      items.push({ kind: "heading", line, text: first });
      items.push({ kind: "goal", line, text: second });
      continue;
    }
    if (first && KNOWN_AREAS.includes(first.toLowerCase())) {
      items.push({ kind: "area", line, text: first });
      items.push({ kind: "goal", line, text: second });
      continue;
    }
    items.push({ kind: "goal", line, text: second, group: first || undefined });
  }
  return items;
}
