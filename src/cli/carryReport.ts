// What `build --carry-from` carried from last year's workbook, and what not and why, in Danish.
import type { CarryReport } from "../definition/carryFromLastYear";
import { formatNumber } from "../contracts/formatDa";

export function printCarry(report: CarryReport, file: string): string {
  const lines: string[] = [];
  lines.push(
    report.carried.length
      ? `Overført fra ${file} (sidste års Resultat → årets Grundlag): ${report.carried.length} tal.`
      : `Intet overført fra ${file}.`,
  );
  for (const c of report.carried) {
    const from = c.fromRowId === c.rowId ? "" : ` (fra sidste års ${c.fromRowId}, samme tekst)`;
    lines.push(`  ${c.centre} ${c.rowId}: ${formatNumber(c.value, 4)} i ${c.sheet}!${c.cell}${from}`);
  }
  if (report.notCarried.length) {
    lines.push(`Ikke overført: ${report.notCarried.length} (skriv Grundlag selv):`);
    for (const n of report.notCarried) lines.push(`  ${n.centre} ${n.rowId}: ${n.reason}`);
  }
  return lines.join("\n") + "\n";
}
