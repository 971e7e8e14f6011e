// Every kind of invalid definition gives its own Danish message naming the cell, and no contract.
import { readDefinitionSheet } from "../../src/definition/readDefinitionSheet";
import { EditableDefinition } from "./fixture";
import { contractOf, problemsOf } from "./helpers";

const SHEET = "Definition test-2008";

describe("definition problems", () => {
  it("the unedited fixture reads without problems", () => {
    expect(contractOf(new EditableDefinition().grid).goals).toHaveLength(5);
  });

  const cases: [string, (d: EditableDefinition) => string, RegExp][] = [
    [
      "an unknown Måltype",
      (d) => (d.set("t-01", "Måltype", "Andel min"), d.address("t-01", "Måltype")),
      /Måltypen «Andel min» findes ikke\. Vælg en fra listen: Fald i %/,
    ],
    [
      "text where a number belongs",
      (d) => (d.set("t-01", "Krav", "ti"), d.address("t-01", "Krav")),
      /^Krav skal være et tal, fx 10 % — der står «ti»$/,
    ],
    [
      "60 for a share",
      (d) => (d.set("t-01", "Krav", 60), d.address("t-01", "Krav")),
      /^Krav 60 er over 100 % — mente du 60 %\?/,
    ],
    [
      "min above max",
      (d) => (d.set("t-02", "Krav", "100 %").set("t-02", "Krav 2", "85 %"), d.address("t-02", "Krav")),
      /Krav \(mindst 100 %\) er større end Krav 2 \(højst 85 %\)/,
    ],
    [
      "a duplicate id",
      (d) => (
        d.set("t-02", "Mål-ID", "t-01"),
        d.address("t-01", "Mål-ID").replace(/\d+/, String(d.row("t-01") + 1))
      ),
      /Mål-ID «t-01» findes også i række \d+/,
    ],
    [
      "an unknown centre",
      (d) => {
        const col = d.column("NYT");
        d.setAt(d.headerRow, col, "CXX");
        return `${String.fromCharCode(64 + col)}${d.headerRow}`;
      },
      /Kolonnen «CXX» er ikke et af kontraktens centre/,
    ],
    [
      "a value for an excluded centre",
      (d) => (d.set("t-02", "NYT", "ikke mål 90 %"), d.address("t-02", "NYT")),
      /NYT: Cellen siger både «ikke mål» og et krav/,
    ],
    [
      "a code that is no sheet name",
      (d) => {
        const r = d.labelRow("CKB");
        d.setAt(r, 1, "CKB/Amager").setAt(d.headerRow, d.column("CKB"), "CKB/Amager");
        return `A${r}`;
      },
      /Centerkoden «CKB\/Amager» kan ikke være et arknavn: tegnet «\/» er ikke tilladt/,
    ],
    [
      "a code the product uses for its own sheet",
      (d) => {
        const r = d.labelRow("NYT");
        d.setAt(r, 1, "Oversigt").setAt(d.headerRow, d.column("NYT"), "Oversigt");
        return `A${r}`;
      },
      /Centerkoden «Oversigt» er navnet på et ark, programmet selv bruger/,
    ],
    [
      "an empty goal text",
      (d) => (d.set("t-03", "Mål", null), d.address("t-03", "Mål")),
      /Mål \(teksten\) er tom/,
    ],
    [
      "a deadline that is not a date",
      (d) => (d.set("t-03", "Frist", "snart"), d.address("t-03", "Frist")),
      /Frist skal være en dato, fx 31-03-2008 — der står «snart»/,
    ],
    [
      "a goal id with spaces and capitals",
      (d) => (d.set("t-05", "Mål-ID", "T 05"), `A${d.row("T 05")}`),
      /Mål-ID «T 05» må kun have små bogstaver/,
    ],
    [
      "a year that is not a year",
      (d) => (d.setAt(d.labelRow("År"), 2, "2008a"), `B${d.labelRow("År")}`),
      /År skal være et årstal, fx 2008 — der står «2008a»/,
    ],
    [
      "a base year after the year",
      (d) => (d.setAt(d.labelRow("Basisår"), 2, 2009), `B${d.labelRow("Basisår")}`),
      /Basisår 2009 skal være før kontraktåret 2008/,
    ],
    [
      "a centre without a requirement",
      (d) => (d.set("t-05", "Krav", null).set("t-05", "CAB", "30"), d.address("t-05", "CKB")),
      /CKB har intet krav i dette mål/,
    ],
    [
      "Krav 2 where the kind has none",
      (d) => (d.set("t-05", "Krav 2", "40"), d.address("t-05", "Krav 2")),
      /Krav 2 bruges ikke ved Værdi højst/,
    ],
    [
      "a missing unit",
      (d) => (d.set("t-05", "Enhed", null), d.address("t-05", "Enhed")),
      /Enhed mangler for Værdi højst/,
    ],
    [
      "a joint requirement on a share",
      (d) => (d.set("t-01", "Fælles krav", "100"), d.address("t-01", "Fælles krav")),
      /Fælles krav bruges kun ved Måltype «Antal mindst»/,
    ],
    [
      "a goal for no centre",
      (d) => (
        d.set("t-05", "CKB", "–").set("t-05", "CAB", "–").set("t-05", "NYT", "ikke mål"),
        d.address("t-05", "Mål-ID")
      ),
      /Mål t-05 gælder intet center/,
    ],
    [
      "an unknown Måltype in a centre's cell",
      (d) => (d.set("t-05", "CAB", "Faldt: 5"), d.address("t-05", "CAB")),
      /CAB: Måltypen «Faldt» findes ikke/,
    ],
    [
      "a deadline on a kind without one",
      (d) => (d.set("t-05", "Frist", "31-03-2008"), d.address("t-05", "Frist")),
      /Frist bruges kun ved Ja\/Nej/,
    ],
    [
      "a percentage where a count belongs",
      (d) => (d.set("t-04", "Fælles krav", "1.850 %"), d.address("t-04", "Fælles krav")),
      /Fælles krav skal være et tal uden %/,
    ],
    [
      "a contract id with capitals",
      (d) => (d.setAt(d.labelRow("Kontrakt-id"), 2, "Test 2008"), `B${d.labelRow("Kontrakt-id")}`),
      /Kontrakt-id «Test 2008» må kun have små bogstaver, tal og bindestreg/,
    ],
    [
      "a centre without its name",
      (d) => (d.setAt(d.labelRow("NYT"), 2, null), `B${d.labelRow("NYT")}`),
      /Centret NYT mangler sit fulde navn/,
    ],
    [
      "a Ja/Nej deadline in words without its date",
      (d) => (d.set("t-03", "Frist", null), d.address("t-03", "Frist")),
      /Fristen «inden udgangen af 1\. kvartal 2008» mangler sin dato/,
    ],
  ];

  it.each(cases)("%s is named with its cell", (_, edit, message) => {
    const d = new EditableDefinition();
    const cell = edit(d);
    const problems = problemsOf(d.grid);
    const mine = problems.filter((p) => p.startsWith(`${SHEET}!${cell}: `));
    expect(mine.map((p) => p.slice(`${SHEET}!${cell}: `.length))).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
    expect(readDefinitionSheet(d.grid)).not.toHaveProperty("contract");
  });

  it("lists every problem of a sheet at once, not just the first", () => {
    const d = new EditableDefinition();
    d.set("t-01", "Krav", "ti").set("t-03", "Frist", "snart").set("t-05", "Måltype", "Højst");
    expect(problemsOf(d.grid)).toHaveLength(3);
  });
});
