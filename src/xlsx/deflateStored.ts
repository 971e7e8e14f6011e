// Node only (the command line; the task pane never imports this): deflates a zip whose entries
// JSZip wrote stored, with Node's own zlib.
//
// Why: JSZip deflates in JavaScript (pako) after copying every byte into a fresh array, which is
// about a tenth of the time `kontrakt build` takes for 200 centres; Node's zlib does the same
// work in a third of the CPU time (synchronously: on the thread pool it took more CPU time, for
// no gain in wall time on two cores). Only each entry's method and compressed size change, and
// the offsets after it; every other byte of JSZip's headers is kept, so the file is the one
// JSZip writes with ZIP_OPTIONS, at the same level, up to the deflate stream.
import { deflateRawSync } from "node:zlib";
import {
  DEFLATED,
  endOfCentralDirectory,
  localDataStart,
  localFlags,
  STORED,
  zipEntries,
  type ZipEntry,
} from "./zipEntries";
import { ZIP_OPTIONS } from "./zipOptions";

/** General purpose flag bit 3: sizes in a data descriptor after the data, not in the header. */
const DATA_DESCRIPTOR = 0x0008;

interface Entry {
  /** Its central directory record. */
  central: Buffer;
  /** Its local header (with name and extra field) and its data as stored. */
  header: Buffer;
  data: Buffer;
  /** A stored file (not a folder), to be deflated. */
  deflate: boolean;
}

/** The zip with every stored file deflated; a zip it cannot read is refused, not passed through. */
export function deflateStored(zip: Buffer): Buffer {
  const eocd = endOfCentralDirectory(zip);
  const list = eocd < 0 ? undefined : zipEntries(zip);
  if (!list) throw new Error("deflateStored: not a zip file (or ZIP64, or its central directory broken)");
  const entries = list.map((e) => entryOf(zip, e));
  const deflated = new Map<Entry, Buffer>();
  for (const e of entries)
    if (e.deflate) deflated.set(e, deflateRawSync(e.data, { level: ZIP_OPTIONS.compressionOptions.level }));

  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = deflated.get(e) ?? e.data;
    const header = Buffer.from(e.header);
    const central = Buffer.from(e.central);
    if (deflated.has(e)) {
      header.writeUInt16LE(DEFLATED, 8);
      header.writeUInt32LE(data.length, 18);
      central.writeUInt16LE(DEFLATED, 10);
      central.writeUInt32LE(data.length, 20);
    }
    central.writeUInt32LE(offset, 42);
    parts.push(header, data);
    centrals.push(central);
    offset += header.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function entryOf(zip: Buffer, e: ZipEntry): Entry {
  const start = localDataStart(zip, e);
  if (start === undefined) throw new Error(`deflateStored: broken local header of ${e.name}`);
  // Its bytes after the data would be lost; JSZip writes none unless asked to stream.
  if (localFlags(zip, e) & DATA_DESCRIPTOR) throw new Error(`deflateStored: ${e.name} has a data descriptor`);
  return {
    central: zip.subarray(e.centralOffset, e.centralOffset + e.centralLength),
    header: zip.subarray(e.localHeaderOffset, start),
    data: zip.subarray(start, start + e.compressedSize),
    deflate: e.method === STORED && !e.name.endsWith("/"),
  };
}
