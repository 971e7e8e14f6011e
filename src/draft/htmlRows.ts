// Rows from the HTML mammoth makes of a .docx: each table row is a row (first cell: group or
// area; the rest: goal or heading), each paragraph outside a table is a paragraph row. A cell with
// several paragraphs in the goal column gives one row per paragraph: Word appendices sometimes put
// two goals in one cell. Italics (<em>) are kept as <i>, as in text copied from Word.
import { clean, type Row } from "./rows";

function paragraphs(html: string): string[] {
  const ps = [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => m[1]!);
  const list = ps.length > 0 ? ps : [html];
  return list.map((p) => p.replace(/<(\/?)em\b[^>]*>/gi, "<$1i>").replace(/<br\s*\/?>/gi, " "));
}

function cellRow(line: number, cells: string[]): Row {
  const italic = cells.map((c) => /^<i>[\s\S]*<\/i>$/i.test(c.trim()) && clean(c) !== "");
  return { line, tabbed: true, cells: cells.map(clean), italic };
}

export function htmlRows(html: string): Row[] {
  const rows: Row[] = [];
  let line = 0;
  const blocks = html.split(/(<table\b[\s\S]*?<\/table>)/i);
  for (const block of blocks) {
    if (/^<table/i.test(block)) {
      for (const tr of block.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
        const tds = [...tr[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) => m[1]!);
        const first = paragraphs(tds[0] ?? "").filter((p) => clean(p) !== "");
        const rest = tds
          .slice(1)
          .flatMap((td) => paragraphs(td))
          .filter((p) => clean(p) !== "");
        const firstCell = first.length === 1 ? first[0] : first.map(clean).join(" ");
        if (rest.length <= 1) {
          rows.push(cellRow(++line, [firstCell ?? "", rest[0] ?? ""]));
          continue;
        }
        rest.forEach((p, k) => rows.push(cellRow(++line, [k === 0 ? (firstCell ?? "") : "", p])));
      }
      continue;
    }
    for (const p of paragraphs(block)) {
      const text = clean(p);
      if (!text) continue;
      rows.push({ line: ++line, tabbed: false, cells: [text], italic: [false] });
    }
  }
  return rows;
}
