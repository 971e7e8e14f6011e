// Looks at a returned file's bytes before any spreadsheet parser does: far too large for a
// template, not a zip, a corrupt zip, or a zip bomb. The central directory is read with jszip
// (nothing inflated), the declared sizes are judged, and then every entry is inflated with a
// running count that stops at the limit, so a bomb whose header lies about its size is caught too.
import JSZip from "jszip";
import type { WorkbookPlan } from "../sheets/plan";
import type { WorkbookState } from "../sheets/readWorkbook";
import { planTemplate } from "./planTemplate";
import type { Refusal } from "./refusal";

export interface ZipLimits {
  /** Refuse a file larger than this. */
  maxBytes: number;
  /** Refuse a file whose entries unpack to more than this in total. */
  maxUnpackedBytes: number;
  /** Refuse a file that unpacks to more than this many times its size ... */
  maxRatio: number;
  /** ... once it unpacks to more than this (small files may compress well and are harmless). */
  ratioFloorBytes: number;
}

/** A fresh template is about 15–20 KB and unpacks to about 5 times that. */
export const DEFAULT_LIMITS: ZipLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 5 * 1024 * 1024,
};

/** At most 20 times a fresh template, and never more than 10 MB. */
export function sizeLimit(freshTemplateBytes: number): number {
  return Math.min(20 * freshTemplateBytes, DEFAULT_LIMITS.maxBytes);
}

/**
 * The one size limit for a returned file, on the command line and in the pane: sizeLimit of a
 * fresh template for the master's centre with the most goal rows (rendered by the shell).
 */
export async function returnedSizeLimit(
  state: WorkbookState,
  render: (plan: WorkbookPlan) => Promise<Uint8Array>,
): Promise<number> {
  const biggest = [...state.centres].sort((a, b) => b.rows.length - a.rows.length)[0];
  // No centre sheets: nothing can be imported; let the files be refused for what they are.
  if (!biggest) return DEFAULT_LIMITS.maxBytes;
  const plan = planTemplate(biggest.contract, biggest.centre.code, { exportedAt: new Date(0).toISOString() });
  return sizeLimit((await render(plan)).length);
}

interface EntryData {
  uncompressedSize: number;
  crc32: number;
}

// Plain Uint8Array reads (a Node Buffer is one too), so the task pane can use the guard in the browser.
function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isOle(buffer: Uint8Array): boolean {
  const v = view(buffer);
  return buffer.length >= 8 && v.getUint32(0) === 0xd0cf11e0 && v.getUint32(4) === 0xa1b11ae1;
}

export async function guardZip(
  buffer: Uint8Array,
  file: string,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<Refusal | undefined> {
  if (buffer.length > limits.maxBytes)
    return { kind: "tooLarge", file, bytes: buffer.length, limit: limits.maxBytes };
  if (isOle(buffer))
    return {
      kind: "notXlsx",
      file,
      detail: "den er i det gamle .xls-format eller beskyttet med adgangskode",
    };
  if (buffer.length < 4 || view(buffer).getUint32(0, true) !== 0x04034b50) {
    return buffer.length >= 2 && view(buffer).getUint16(0, true) === 0x4b50
      ? { kind: "corrupt", file }
      : { kind: "notXlsx", file };
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    return { kind: "corrupt", file };
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (!entries.some((e) => e.name === "xl/workbook.xml"))
    return { kind: "notXlsx", file, detail: "zip-arkivet indeholder ingen projektmappe" };

  const declared = entries.reduce((sum, e) => sum + dataOf(e).uncompressedSize, 0);
  const tooMuch = (unpacked: number) =>
    unpacked > limits.maxUnpackedBytes ||
    (unpacked > limits.ratioFloorBytes && unpacked > limits.maxRatio * buffer.length);
  if (!Number.isFinite(declared) || tooMuch(declared))
    return { kind: "zipBomb", file, unpacked: declared, packed: buffer.length };

  let total = 0;
  for (const entry of entries) {
    const want = dataOf(entry);
    const result = await inflateCounted(entry, (n) => {
      total += n;
      return !tooMuch(total);
    });
    if (result === "overflow")
      return { kind: "zipBomb", file, unpacked: Math.max(total, declared), packed: buffer.length };
    if (result === "error" || result.size !== want.uncompressedSize || result.crc !== want.crc32 >>> 0)
      return { kind: "corrupt", file };
  }
  return undefined;
}

function dataOf(entry: JSZip.JSZipObject): EntryData {
  // jszip keeps the central directory's figures on the entry (the CRC as a signed number); they are not in its typings.
  const data = (entry as unknown as { _data?: Partial<EntryData> })._data;
  return { uncompressedSize: data?.uncompressedSize ?? Infinity, crc32: data?.crc32 ?? -1 };
}

interface StreamHelper {
  on(event: "data", cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", cb: (e: Error) => void): StreamHelper;
  on(event: "end", cb: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

type InflateResult = { size: number; crc: number } | "overflow" | "error";

/** Inflates one entry chunk by chunk, stopping as soon as `more` says the total is too large. */
function inflateCounted(entry: JSZip.JSZipObject, more: (bytes: number) => boolean): Promise<InflateResult> {
  return new Promise((resolve) => {
    let size = 0;
    let crc = 0xffffffff;
    let done = false;
    const finish = (r: InflateResult) => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    let stream: StreamHelper;
    try {
      // internalStream is documented jszip API but missing from its typings.
      stream = (entry as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream(
        "uint8array",
      );
    } catch {
      finish("error");
      return;
    }
    stream
      .on("data", (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        crc = crc32Update(crc, chunk);
        if (!more(chunk.length)) {
          stream.pause();
          finish("overflow");
        }
      })
      .on("error", () => finish("error"))
      .on("end", () => finish({ size, crc: (crc ^ 0xffffffff) >>> 0 }))
      .resume();
  });
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}
