// A file as the economist picks it: a .docx or a text file (UTF-8 or Windows-1252). What it is
// is judged from its bytes, not its name, so a PDF renamed .docx gets the PDF message.
import { decodeText, sniff } from "./decode";
import type { DraftResult } from "./draftContract";
import { draftFromHtml, draftFromText } from "./draftText";
import { docxToHtml } from "./readDocx";

export async function draftFromFile(bytes: Uint8Array, name: string): Promise<DraftResult> {
  if (sniff(bytes, name) === "docx") return draftFromHtml(await docxToHtml(bytes, name));
  return draftFromText(decodeText(bytes));
}
