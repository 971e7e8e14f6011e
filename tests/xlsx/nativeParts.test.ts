// The command line's part reader (Node's zlib) gives what JSZip gives, and leaves to JSZip what
// it cannot be sure to read alike.
import JSZip from "jszip";
import { nativePartReader } from "../../src/xlsx/nativeParts";

const SHEET = `<worksheet>${'<row r="1"><c r="A1" t="inlineStr"><is><t>Skelbækgade – 12,5 %</t></is></c></row>'.repeat(400)}</worksheet>`;

async function zipOf(
  files: Record<string, string>,
  compression: "STORE" | "DEFLATE" = "DEFLATE",
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression });
}

test("a deflated or stored part reads as JSZip reads it; a missing part is left to JSZip", async () => {
  for (const compression of ["DEFLATE", "STORE"] as const) {
    const bytes = await zipOf({ "xl/worksheets/sheet1.xml": SHEET, "xl/empty.xml": "" }, compression);
    const read = nativePartReader(bytes);
    const jszip = await JSZip.loadAsync(bytes);
    expect(await read("xl/worksheets/sheet1.xml")).toBe(
      await jszip.file("xl/worksheets/sheet1.xml")!.async("string"),
    );
    expect(await read("xl/empty.xml")).toBe("");
    expect(await read("xl/worksheets/sheet2.xml")).toBeUndefined();
  }
});

test("a part that inflates to more than its declared size is refused", async () => {
  const bytes = await zipOf({ "a.xml": SHEET });
  // Declare a smaller size in the central directory (uncompressed size at +24 of its record).
  const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(100, central + 24);
  await expect(nativePartReader(bytes)("a.xml")).rejects.toThrow();
});

test("names JSZip might read otherwise (a non-ASCII name with its Unicode extra field) leave every part to JSZip", async () => {
  const bytes = await zipOf({ "xl/worksheets/sheet1.xml": SHEET, "xl/Ærø.xml": "<x/>" });
  expect(await nativePartReader(bytes)("xl/worksheets/sheet1.xml")).toBeUndefined();
});

test("bytes that are no zip give nothing, so JSZip says what is wrong", async () => {
  expect(await nativePartReader(Buffer.from("no zip here"))("xl/workbook.xml")).toBeUndefined();
});
