// The file name a centre's template goes out under: contract, centre code and year, in characters
// every file system, mail program and zip tool carries unchanged (no æ/ø/å, no spaces).

const DANISH: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", Æ: "Ae", Ø: "Oe", Å: "Aa" };

/** "Skelbækgade" → "Skelbaekgade"; anything else that is not a letter, digit or "-" becomes "-". */
export function safeFilePart(text: string): string {
  const ascii = text
    .replace(/[æøåÆØÅ]/g, (ch) => DANISH[ch]!)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const safe = ascii
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return safe || "x";
}

/** "beskaeftigelsescentre-2007_CKB_2007.xlsx". */
export function templateFileName(contractId: string, centre: string, year: number): string {
  return `${safeFilePart(contractId)}_${safeFilePart(centre)}_${year}.xlsx`;
}

/**
 * Names for several templates at once. Two centre codes that differ only in characters that are
 * not safe (say "CAB" and "C.A.B") would get the same name; the later ones get "-2", "-3".
 */
export function templateFileNames(items: { contractId: string; centre: string; year: number }[]): string[] {
  const used = new Set<string>();
  return items.map((item) => {
    const base = templateFileName(item.contractId, item.centre, item.year).replace(/\.xlsx$/, "");
    let name = `${base}.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}
