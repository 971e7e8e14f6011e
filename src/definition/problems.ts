// A problem in a definition sheet: the cell it is in and what to do, in Danish.
export interface DefinitionProblem {
  sheet: string;
  /** A1 address, e.g. "H14". */
  cell: string;
  message: string;
}

/** "Definition bc-2008!H14: Krav skal være et tal, fx 10 % — der står «ti»". */
export function problemText(p: DefinitionProblem): string {
  return `${p.sheet}!${p.cell}: ${p.message}`;
}
