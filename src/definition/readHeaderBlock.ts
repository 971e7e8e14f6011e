// The top of a definition sheet: the contract's header (labels in column A, values in B) and
// its centres (code and full name under «Centerkode»), read with a Danish problem per bad cell.
import type { Centre } from "../contracts/model";
import { CENTRE_TABLE_HEADERS, HEADER_LABELS, HEADER_ORDER, type HeaderKey } from "./layout";
import { text, type At, type Cell, type Report } from "./sheetCells";
import { centreCodeProblem } from "./centreCodeProblem";

const CONTRACT_ID = /^[a-z0-9-]+$/;

export interface HeaderBlock {
  id: string;
  title: string;
  year: number | undefined;
  baseYear: number | undefined;
  caseNumber: string | undefined;
  documentNumber: string | undefined;
  centres: Centre[];
  /** Each centre's code cell, for problems about the centre. */
  centreCells: Map<string, Cell>;
}

/** Reads rows 1 … headerRow − 1 (the goal table starts at headerRow). */
export function readHeaderBlock(headerRow: number, at: At, problem: Report): HeaderBlock {
  // The header block: labels in column A above the goal table.
  const header = new Map<HeaderKey, Cell>();
  let centreHeader: number | undefined;
  for (let r = 1; r < headerRow; r++) {
    const label = text(at(r, 1).value).toLowerCase();
    const key = HEADER_ORDER.find((k) => HEADER_LABELS[k].toLowerCase() === label);
    if (key && !header.has(key)) header.set(key, at(r, 2));
    if (label === CENTRE_TABLE_HEADERS[0].toLowerCase() && centreHeader === undefined) centreHeader = r;
  }
  const headerValue = (key: HeaderKey): Cell | undefined => {
    const cell = header.get(key);
    if (!cell && (key === "id" || key === "title" || key === "year"))
      problem(
        "A1",
        `Rækken «${HEADER_LABELS[key]}» mangler øverst i arket (etiket i kolonne A, værdi i kolonne B).`,
      );
    return cell;
  };
  const idCell = headerValue("id");
  const id = text(idCell?.value);
  if (idCell && !id)
    problem(idCell, "Kontrakt-id mangler. Skriv fx bc-2008 (små bogstaver, tal og bindestreg).");
  else if (idCell && !CONTRACT_ID.test(id))
    problem(idCell, `Kontrakt-id «${id}» må kun have små bogstaver, tal og bindestreg, fx bc-2008.`);
  const titleCell = headerValue("title");
  const title = text(titleCell?.value);
  if (titleCell && !title) problem(titleCell, "Titel mangler. Skriv bilagets overskrift.");
  const year = readYear(headerValue("year"), "År", problem);
  const baseYearCell = header.get("baseYear");
  const baseYear =
    baseYearCell && text(baseYearCell.value) !== "" ? readYear(baseYearCell, "Basisår", problem) : undefined;
  if (year !== undefined && baseYear !== undefined && baseYear >= year)
    problem(baseYearCell!, `Basisår ${baseYear} skal være før kontraktåret ${year}, fx ${year - 1}.`);
  const caseNumber = text(header.get("caseNumber")?.value) || undefined;
  const documentNumber = text(header.get("documentNumber")?.value) || undefined;

  // The centres.
  const centres: Centre[] = [];
  const centreCells = new Map<string, Cell>();
  if (centreHeader === undefined) {
    problem(
      "A1",
      `Listen over centre mangler: skriv «${CENTRE_TABLE_HEADERS[0]}» i kolonne A og centrene under.`,
    );
  } else {
    for (let r = centreHeader + 1; r < headerRow; r++) {
      const codeCell = at(r, 1);
      const code = text(codeCell.value);
      if (!code) break;
      const name = text(at(r, 2).value);
      const codeProblem = centreCodeProblem(String(codeCell.value));
      if (codeProblem) problem(codeCell, codeProblem);
      if (centres.some((c) => c.code.toLowerCase() === code.toLowerCase()))
        problem(codeCell, `Centerkoden «${code}» står to gange. Hver kode må kun stå én gang.`);
      if (!name) problem(at(r, 2), `Centret ${code} mangler sit fulde navn.`);
      centres.push({ code, name });
      centreCells.set(code, codeCell);
    }
    if (centres.length === 0)
      problem(at(centreHeader + 1, 1), "Kontrakten har ingen centre. Skriv mindst ét center (kode og navn).");
  }
  return { id, title, year, baseYear, caseNumber, documentNumber, centres, centreCells };
}

function readYear(cell: Cell | undefined, label: string, problem: Report): number | undefined {
  if (!cell) return undefined;
  const raw = text(cell.value);
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) {
    problem(
      cell,
      raw
        ? `${label} skal være et årstal, fx 2008 — der står «${raw}».`
        : `${label} mangler. Skriv et årstal, fx 2008.`,
    );
    return undefined;
  }
  return year;
}
