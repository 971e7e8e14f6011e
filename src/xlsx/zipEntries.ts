// Lists a zip file's entries from its central directory without inflating anything, so a file
// can be refused for its declared size (a zip bomb) before a parser spends memory on it.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** As the central directory declares it; ZIP64 entries report Infinity. */
  uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
  /** Bytes of extra fields in its central record (one may carry another name: Info-ZIP's Unicode path). */
  extraFieldLength: number;
  /** Where its central record starts, and how long it is (name, extra field and comment included). */
  centralOffset: number;
  centralLength: number;
}

// The zip format's record signatures and compression methods (APPNOTE.TXT), for every reader
// and writer of zip bytes in xlsx/.
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
export const STORED = 0;
export const DEFLATED = 8;

/** Where the end-of-central-directory record starts, or -1 when there is none. */
export function endOfCentralDirectory(buffer: Buffer): number {
  if (buffer.length < 22) return -1;
  // It sits in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= stop; i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/** The entries, or undefined when the buffer is not a readable zip file. */
export function zipEntries(buffer: Buffer): ZipEntry[] | undefined {
  const eocd = endOfCentralDirectory(buffer);
  if (eocd < 0) return undefined;
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) return undefined; // ZIP64: not what Excel writes for a workbook of this kind
  if (offset + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CENTRAL_SIGNATURE) return undefined;
    const method = buffer.readUInt16LE(p + 10);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const uncompressed = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const name = buffer.toString("utf8", p + 46, p + 46 + nameLength);
    const centralLength = 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      compressedSize,
      uncompressedSize: uncompressed === 0xffffffff ? Infinity : uncompressed,
      method,
      localHeaderOffset: buffer.readUInt32LE(p + 42),
      extraFieldLength: extraLength,
      centralOffset: p,
      centralLength,
    });
    p += centralLength;
  }
  return entries;
}

/**
 * Where an entry's data starts, after its local header (whose name and extra field may differ in
 * length from the central record's); undefined when no local header is where the central record
 * says, or the data would run past the end of the buffer.
 */
export function localDataStart(buffer: Buffer, e: ZipEntry): number | undefined {
  const at = e.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  return start + e.compressedSize > buffer.length ? undefined : start;
}

/** The general purpose flags of an entry's local header (localDataStart found that header). */
export function localFlags(buffer: Buffer, e: ZipEntry): number {
  return buffer.readUInt16LE(e.localHeaderOffset + 6);
}

/** An OLE2 compound file: an old .xls, or an .xlsx encrypted with a password. */
export function isOleFile(buffer: Buffer): boolean {
  return buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0 && buffer.readUInt32BE(4) === 0xa1b11ae1;
}
