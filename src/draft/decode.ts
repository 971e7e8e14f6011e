// Bytes of a text file → text. The appendix may come as UTF-8 (with or without BOM) or as
// Windows-1252 from an older Word "Save as text"; anything else (PDF, image, Office zip) is refused.
import { DraftError } from "./errors";

export type FileKind = "docx" | "text";

/** What the bytes are, judged by their first bytes; throws a Danish DraftError for what we cannot read. */
export function sniff(bytes: Uint8Array, name: string): FileKind {
  const start = (n: number) => Array.from(bytes.subarray(0, n));
  const is = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new DraftError(`Filen "${name}" er tom. Vælg bilaget som Word-fil (.docx) eller tekst (.txt).`);
  }
  if (is(0x25, 0x50, 0x44, 0x46)) {
    throw new DraftError(
      `Filen "${name}" er en PDF. Åbn bilaget i Word og gem det som .docx, eller kopiér tabellen ind som tekst.`,
    );
  }
  if (is(0x89, 0x50, 0x4e, 0x47) || is(0xff, 0xd8, 0xff) || is(0x47, 0x49, 0x46) || is(0x42, 0x4d)) {
    throw new DraftError(
      `Filen "${name}" er et billede. Bilaget skal læses som tekst: vælg Word-filen (.docx) eller kopiér teksten ind.`,
    );
  }
  if (is(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new DraftError(
      `Filen "${name}" er i det gamle Word-format (.doc). Åbn den i Word og gem den som .docx.`,
    );
  }
  if (is(0x50, 0x4b, 0x03, 0x04)) return "docx";
  if (start(512).includes(0)) {
    throw new DraftError(
      `Filen "${name}" er hverken tekst eller en Word-fil. Vælg bilaget som .docx eller .txt.`,
    );
  }
  return "text";
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Danish Windows writes). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
