// Node only (the command line; the task pane never imports this): a workbook's parts read with
// Node's own zlib. JSZip inflates in JavaScript (pako), which is most of the time a 200-centre
// workbook takes to unpack; Node's zlib does it in a fraction. The readers (boundedLoad.ts,
// patchCells.ts) ask this first and fall back to JSZip for anything it does not read.
import { inflateRawSync } from "node:zlib";
import type { PartReader } from "./boundedLoad";
import { DEFLATED, localDataStart, localFlags, STORED, zipEntries } from "./zipEntries";

/** General purpose flag bit 0. */
const ENCRYPTED = 0x0001;

/**
 * Reads a part's text as JSZip would: undefined when the part is not there or not simply stored
 * or deflated (JSZip then reads it, or says what is wrong), and for every part of a zip whose
 * names JSZip might read otherwise (a name twice, or extra fields, which may carry another name).
 * A part that inflates to more or less than its declared size is refused (zlib stops at the
 * declared size), as JSZip refuses it.
 */
export function nativePartReader(zip: Buffer): PartReader {
  const list = zipEntries(zip) ?? [];
  const entries = new Map(list.map((e) => [e.name, e]));
  if (entries.size !== list.length || list.some((e) => e.extraFieldLength > 0)) return async () => undefined;
  return async (path) => {
    const e = entries.get(path);
    if (!e || (e.method !== STORED && e.method !== DEFLATED) || !Number.isFinite(e.uncompressedSize))
      return undefined;
    const start = localDataStart(zip, e);
    // Encrypted: JSZip says so.
    if (start === undefined || localFlags(zip, e) & ENCRYPTED) return undefined;
    const data = zip.subarray(start, start + e.compressedSize);
    const bytes =
      e.method === STORED ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    if (bytes.length !== e.uncompressedSize) throw new Error(`${path}: its size is not the declared size`);
    return bytes.toString("utf8");
  };
}
