// Which of the returned files to take and which to skip, and why. Pure: it sees names, content
// hashes and the centre each file turned out to belong to.
//
// Two different files for the same centre are both skipped: the program cannot know which one
// holds the right figures (the newer file time may only be when a mail was saved), and importing
// one silently would hide the other. The user imports the right one by naming it.

import { shownText } from "./shownText";

export interface FolderEntry {
  name: string;
  kind: "file" | "folder" | "other";
}

export type SkipReason =
  | { kind: "lockFile" }
  | { kind: "hidden" }
  | { kind: "notXlsx"; extension: string }
  | { kind: "folder" }
  | { kind: "sameContent"; as: string }
  | { kind: "sameCentre"; centre: string; files: string[] };

export interface Skipped {
  file: string;
  reason: SkipReason;
}

export interface Selection<T> {
  take: T[];
  skipped: Skipped[];
}

/** "~$CKB.xlsx" is the owner file Excel keeps beside a workbook that is open. */
export function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** The folder's entries in name order; `join` makes the path shown to the user. */
export function scanFolder(entries: FolderEntry[], join: (name: string) => string): Selection<string> {
  const out: Selection<string> = { take: [], skipped: [] };
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const file = join(e.name);
    if (e.kind === "folder") out.skipped.push({ file, reason: { kind: "folder" } });
    else if (isLockFile(e.name)) out.skipped.push({ file, reason: { kind: "lockFile" } });
    // ".DS_Store", and "._CKB.xlsx" that macOS leaves beside files copied to a shared drive.
    else if (e.name.startsWith(".")) out.skipped.push({ file, reason: { kind: "hidden" } });
    else if (e.kind !== "file" || extensionOf(e.name) !== ".xlsx") {
      out.skipped.push({ file, reason: { kind: "notXlsx", extension: extensionOf(e.name) } });
    } else out.take.push(file);
  }
  return out;
}

/** Keeps the first of files with the same content (by hash); the others are noted. */
export function dropSameContent<T extends { file: string; hash: string }>(items: T[]): Selection<T> {
  const out: Selection<T> = { take: [], skipped: [] };
  const seen = new Map<string, string>();
  for (const item of items) {
    const first = seen.get(item.hash);
    if (first !== undefined)
      out.skipped.push({ file: item.file, reason: { kind: "sameContent", as: first } });
    else {
      seen.set(item.hash, item.file);
      out.take.push(item);
    }
  }
  return out;
}

/** Skips every file of a centre that more than one (different) file claims. */
export function dropSameCentre<T extends { file: string; centreKey: string; centre: string }>(
  items: T[],
): Selection<T> {
  const byCentre = new Map<string, T[]>();
  for (const item of items) byCentre.set(item.centreKey, [...(byCentre.get(item.centreKey) ?? []), item]);
  const out: Selection<T> = { take: [], skipped: [] };
  for (const item of items) {
    const all = byCentre.get(item.centreKey)!;
    if (all.length === 1) out.take.push(item);
    else
      out.skipped.push({
        file: item.file,
        reason: { kind: "sameCentre", centre: item.centre, files: all.map((i) => i.file) },
      });
  }
  return out;
}

/** The note in Danish, with control characters in file names shown as escapes. */
export function skipNote(s: Skipped): string {
  return shownText(note(s));
}

function note(s: Skipped): string {
  const r = s.reason;
  switch (r.kind) {
    case "lockFile":
      return `${s.file}: sprunget over – en Office-låsefil (~$), som Excel laver, mens en fil er åben; ikke en skabelon.`;
    case "hidden":
      return `${s.file}: sprunget over – en skjult systemfil.`;
    case "notXlsx":
      return `${s.file}: sprunget over – ikke en .xlsx-fil${r.extension === ".xls" ? " (det gamle .xls-format: gem den som .xlsx)" : ""}.`;
    case "folder":
      return `${s.file}: sprunget over – en mappe (undermapper læses ikke).`;
    case "sameContent":
      return `${s.file}: sprunget over – samme indhold som ${r.as}.`;
    case "sameCentre":
      return `${s.file}: sprunget over – ${r.files.length} forskellige filer for ${r.centre} (${r.files.join(", ")}); ingen af dem er indlæst. Angiv den rigtige fil direkte.`;
  }
}
