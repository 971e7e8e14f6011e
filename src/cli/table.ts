// Plain-text tables for people: columns padded to their widest cell, long cells cut with "…".

export interface Column {
  header: string;
  /** Cut cells longer than this; the last column is never cut unless given. */
  max?: number;
  align?: "left" | "right";
}

function cut(text: string, max: number | undefined): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  if (max === undefined || chars.length <= max) return chars.join("");
  return chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

export function formatTable(columns: Column[], rows: string[][], indent = "  "): string {
  const cells = rows.map((row) => columns.map((c, i) => cut(row[i] ?? "", c.max)));
  const widths = columns.map((c, i) =>
    Math.max(Array.from(c.header).length, ...cells.map((r) => Array.from(r[i]!).length)),
  );
  const line = (values: string[]) =>
    indent +
    values
      .map((v, i) => {
        const last = i === values.length - 1;
        const pad = widths[i]! - Array.from(v).length;
        if (columns[i]!.align === "right") return " ".repeat(pad) + v;
        return last ? v : v + " ".repeat(pad);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join("\n");
}
