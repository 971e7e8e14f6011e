// The entry points the shells use: text (pasted or from a .txt file) or the HTML of a .docx.
import { DraftError } from "./errors";
import { draftFromRows, type DraftResult } from "./draftContract";
import { htmlRows } from "./htmlRows";
import { textRows } from "./rows";

export function draftFromText(text: string): DraftResult {
  if (!text.trim()) throw new DraftError("Teksten er tom. Kopiér bilagets tabel ind, eller vælg Word-filen.");
  const rows = textRows(text);
  if (!rows.some((r) => r.tabbed)) {
    throw new DraftError(
      "Teksten har ingen kolonner: bilaget er en tabel med gruppe i første kolonne og mål i anden. Kopiér tabellen direkte fra Word (så kolonnerne adskilles af tabulatorer), eller vælg Word-filen.",
    );
  }
  return draftFromRows(rows);
}

export function draftFromHtml(html: string): DraftResult {
  const rows = htmlRows(html);
  if (!rows.some((r) => r.tabbed)) {
    throw new DraftError(
      "Word-filen har ingen tabel: bilaget skal være en tabel med gruppe i første kolonne og mål i anden.",
    );
  }
  return draftFromRows(rows);
}
