// The appendix as rows: a line of text is a table row when it has a tab (group or area in the
// first cell, goal or heading in the second), else a paragraph outside the table (title, case
// number). Word's italics arrive as <i>…</i> (mammoth's <em> is turned into <i> before this).
export interface Row {
  /** 1-based line in the text the economist gave, for review messages. */
  line: number;
  /** False for a paragraph outside the table: all its text is in cells[0]. */
  tabbed: boolean;
  /** Cell texts, tags removed, whitespace collapsed. */
  cells: string[];
  /** Whether each cell is wholly in italics (a group in the beskæftigelsescentre style). */
  italic: boolean[];
}

export function clean(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""))
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

function isItalic(raw: string): boolean {
  const t = raw.trim();
  return /^<(i|em)>[\s\S]*<\/(i|em)>$/i.test(t) && clean(t) !== "";
}

export function textRows(text: string): Row[] {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  return lines.map((raw, i) => {
    const tabbed = raw.includes("\t");
    const parts = tabbed ? raw.split("\t") : [raw];
    // A pasted table may bring a trailing tab or more cells than two; the goal is the rest.
    const cells = [parts[0] ?? "", parts.slice(1).join(" ")];
    const rawCells = tabbed ? cells : [raw];
    return {
      line: i + 1,
      tabbed,
      cells: rawCells.map(clean),
      italic: rawCells.map(isItalic),
    };
  });
}
