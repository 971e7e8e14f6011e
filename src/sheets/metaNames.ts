// The metadata names sheets as it wrote them; Excel may show another case ("ckb" → "CKB").
import type { Meta } from "./meta";

/** The metadata's spelling of a sheet Excel calls `actual` (itself when the metadata lacks it). */
export function metaNameOf(actual: string, refs: Meta["sheets"]): string {
  return refs.find((r) => r.sheet.toLowerCase() === actual.toLowerCase())?.sheet ?? actual;
}
