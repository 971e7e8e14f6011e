// The command line's deflate (Node's zlib over a zip JSZip wrote stored): the same entries, read
// back by JSZip and by the zip reader Excel files are checked with, only smaller.
import JSZip from "jszip";
import { deflateStored } from "../../src/xlsx/deflateStored";
import { zipEntries } from "../../src/xlsx/zipEntries";

async function storedZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>".repeat(200));
  zip.file("xl/worksheets/sheet1.xml", `<worksheet>${"<row><c><v>1</v></c></row>".repeat(5000)}</worksheet>`);
  zip.file("xl/æøå.xml", "Skelbækgade ".repeat(300));
  zip.file("empty.txt", "");
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}

/** Each entry's compression method, from the local header its central record points at. */
function methods(zip: Buffer): Map<string, number> {
  const out = new Map<string, number>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
    const local = zip.readUInt32LE(p + 42);
    expect(zip.readUInt16LE(local + 8)).toBe(zip.readUInt16LE(p + 10));
    out.set(name, zip.readUInt16LE(local + 8));
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

test("every stored file comes back deflated with the same content; folders stay stored", async () => {
  const stored = await storedZip();
  const deflated = deflateStored(stored);
  expect(deflated.length).toBeLessThan(stored.length / 10);

  const m = methods(deflated);
  expect(m.get("xl/worksheets/sheet1.xml")).toBe(8);
  expect(m.get("xl/æøå.xml")).toBe(8);
  expect(m.get("xl/")).toBe(0);

  const before = await JSZip.loadAsync(stored);
  // checkCRC32: the CRC JSZip wrote for the stored data must fit the inflated data.
  const after = await JSZip.loadAsync(deflated, { checkCRC32: true });
  expect(Object.keys(after.files)).toEqual(Object.keys(before.files));
  for (const name of Object.keys(before.files)) {
    if (before.files[name]!.dir) continue;
    expect(await after.file(name)!.async("string")).toBe(await before.file(name)!.async("string"));
  }
  expect(zipEntries(deflated)!.map((e) => e.name)).toEqual(zipEntries(stored)!.map((e) => e.name));
});

test("a zip whose sizes follow the data (a data descriptor) is refused, not passed on broken", async () => {
  const zip = new JSZip();
  zip.file("a.xml", "<a/>");
  const streamed = await zip.generateAsync({ type: "nodebuffer", compression: "STORE", streamFiles: true });
  expect(() => deflateStored(streamed)).toThrow(/data descriptor/);
});

test("bytes that are no zip are refused", () => {
  expect(() => deflateStored(Buffer.from("not a zip at all, just text"))).toThrow(/not a zip/);
});
