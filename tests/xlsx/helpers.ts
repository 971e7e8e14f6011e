// Shared bits of the xlsx shell tests: a hand-made plan with one of everything, and XML access.
import JSZip from "jszip";
import { emptySheet, type WorkbookPlan } from "../../src/sheets/plan";
import { metaHeaderLine } from "../../src/sheets/metaLines";

export async function part(buffer: Buffer, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async("string");
}

export function samplePlan(): WorkbookPlan {
  const centre = emptySheet("Skelbækgade", "centre");
  const status = (r: number) => `IF(C${r}="","Mangler data",IF(C${r}>=B${r},"Opfyldt","Ikke opfyldt"))`;
  centre.cells = [
    [{ value: "Mål" }, { value: "Grundlag" }, { value: "Resultat" }, { value: "Status" }, { value: "Note" }],
    [{ value: "a" }, { value: 10 }, null, { formula: status(2) }, null],
    [{ value: "b" }, { value: 10 }, { value: 5 }, { formula: `=${status(3)}` }, null],
    [
      { value: "c" },
      null,
      { value: "Ja" },
      { formula: 'IF(C4="Ja","Opfyldt","Ikke opfyldt")' },
      { value: "Æ & ø <tekst>" },
    ],
  ];
  centre.styles = [
    { range: "A1:E1", style: { bold: true, fill: "1F4E3D", fontColor: "FFFFFF", wrap: true } },
    { range: "A1:E4", style: { border: true, vertical: "top" } },
    { range: "B2:C4", style: { locked: false, fill: "FFF9DB", numberFormat: "#,##0" } },
    { range: "F6", style: { italic: true } },
  ];
  centre.columnWidths = [30, 12, 12, 14, 20];
  centre.merges = ["A6:C6"];
  centre.validations = [
    {
      range: "B2:C3",
      rule: { kind: "decimal", min: 0 },
      prompt: { title: "Grundlag og resultat", text: "Skriv et tal på 0 eller derover" },
      error: { title: "Ugyldigt tal", text: "Kun tal" },
    },
    {
      range: "C4",
      rule: { kind: "list", source: "=JaNej" },
      prompt: { title: "Resultat", text: "Ja eller Nej" },
      error: { title: "Skriv Ja eller Nej", text: "Vælg på listen" },
    },
    {
      range: "B4",
      rule: { kind: "wholeNumber", min: 0 },
      prompt: { title: "En meget lang titel, der er længere end Excel tillader", text: "x".repeat(300) },
      error: { title: "Fejl", text: "y".repeat(300) },
    },
  ];
  centre.conditionalFormats = [
    { range: "A2:E4", formula: '$D2="Ikke opfyldt"', fill: "FFC7CE", fontColor: "9C0006" },
    { range: "A2:E4", formula: '$D2="Mangler data"', fill: "FFEB9C", fontColor: "7F5200" },
    { range: "A2:E4", formula: '$D2="Opfyldt"', fill: "C6EFCE", fontColor: "006100" },
  ];
  centre.dataBars = [{ range: "B2:B4", color: "63BE7B" }];
  centre.charts = [
    { title: "Diagram", source: "A1:D4", topLeft: "G1", bottomRight: "M10", colors: ["C6EFCE"] },
  ];
  centre.protect = true;
  centre.freeze = { rows: 1, columns: 1 };
  centre.print = {
    landscape: true,
    fitToWidth: true,
    header: { left: "Kontrakt", center: "Skelbækgade", right: "&D" },
    repeatRows: "1:1",
  };
  centre.tabColor = "2E7D5B";

  const lists = emptySheet("Lister", "lists");
  lists.visibility = "hidden";
  lists.cells = [[{ value: "Ja" }], [{ value: "Nej" }]];
  lists.protect = true;

  const meta = emptySheet("RK_Data", "meta");
  meta.visibility = "veryHidden";
  meta.cells = [metaHeaderLine().map((value) => ({ value }))];

  return { sheets: [centre, lists, meta], names: [{ name: "JaNej", refersTo: "Lister!$A$1:$A$2" }] };
}
