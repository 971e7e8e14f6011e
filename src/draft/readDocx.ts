// .docx → HTML with mammoth, loaded only when a Word file is drafted (it is large, and the task
// pane's first load must stay small). Node reads { buffer }, the browser build { arrayBuffer }.
import { DraftError } from "./errors";

export async function docxToHtml(bytes: Uint8Array, name: string): Promise<string> {
  const mammoth = await import("mammoth");
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input);
    return result.value;
  } catch {
    throw new DraftError(
      `Filen "${name}" kan ikke læses som et Word-dokument (.docx). Er det en anden slags fil med forkert endelse? Gem bilaget fra Word som .docx, eller kopiér teksten ind.`,
    );
  }
}
