// Word files for the tests, made by python-docx from an appendix in the seeds' text form
// (tests/draft/makeDocx.py): a real .docx, read back through mammoth as the product reads it.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function docxFromText(text: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "draft-docx-"));
  const input = path.join(dir, "bilag.txt");
  const output = path.join(dir, "bilag.docx");
  fs.writeFileSync(input, text, "utf8");
  const run = spawnSync("/usr/bin/python3", [path.join(__dirname, "makeDocx.py"), input, output], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`makeDocx.py failed: ${run.stderr}`);
  const bytes = fs.readFileSync(output);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

export const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
