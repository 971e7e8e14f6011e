// One goal line at a time, in a minimal appendix: the Danish phrasings of the 2007 appendices and
// their near variants, each read to one target — certain, or flagged with its alternatives.
import type { Goal, Measure } from "../../src/contracts/model";
import type { DraftResult } from "../../src/draft/draftContract";
import { draftFromText } from "../../src/draft/draftText";

const HEAD = [
  "BILAG 1: Resultatmål for beskæftigelsescentrene 2008",
  "Beskæftigelsesindsatsen\tFælles mål for de tre beskæftigelsescentre: Center for Kompetence – CK, Center for Afklaring – CA & Center for Sprog – CS.",
];

function draftLine(line: string, heading?: string): { goal: Goal; flags: string; draft: DraftResult } {
  const rows = [...HEAD, ...(heading ? [`\t${heading}`] : []), `\t${line}`];
  const draft = draftFromText(rows.join("\n"));
  const goal = draft.contract.goals[0]!;
  return {
    goal,
    flags: draft.review
      .filter((r) => r.goalId === goal.id)
      .map((r) => r.reason)
      .join("; "),
    draft,
  };
}

const single = (target: object, extra: object = {}): Measure =>
  ({ kind: "single", target, ...extra }) as Measure;

describe("certain readings", () => {
  test.each<[string, Measure]>([
    [
      "Tilgangen skal nedbringes med mindst 10 %",
      single({ kind: "change", direction: "fall", atLeast: 0.1 }),
    ],
    [
      "Antallet skal stige med mindst 25 pct. i 2008 svarende til 20 forløb.",
      single({ kind: "change", direction: "rise", atLeast: 0.25 }),
    ],
    [
      "Sygefraværet reduceres i 2008 med mindst 10 pct. i forhold til 2007.",
      single({ kind: "change", direction: "fall", atLeast: 0.1 }),
    ],
    ["Kontaktforløbsgraden skal være på mindst 95 %.", single({ kind: "shareMin", atLeast: 0.95 })],
    ["80 % af de visiterede afsluttes til selvforsørgelse.", single({ kind: "shareMin", atLeast: 0.8 })],
    ["Omfanget af rettidige samtaler er 100 %.", single({ kind: "shareMin", atLeast: 1 })],
    ["Resultatet må højst i 3% af sagerne indeholde fejl.", single({ kind: "shareMax", atMost: 0.03 })],
    ["Medarbejderflowet begrænses til 3 %.", single({ kind: "shareMax", atMost: 0.03 })],
    [
      "Andelen af lange sager skal nedbringes fra 28% til 22% i 2008.",
      single({ kind: "shareMax", atMost: 0.22, from: 0.28 }),
    ],
    [
      "Centret anvender min 85 % og max 100 % af den samlede bevilling.",
      single({ kind: "spendRange", min: 0.85, max: 1 }),
    ],
    [
      "Centret anvender mindst 90 pct. og højst 100 pct. af budgettet.",
      single({ kind: "spendRange", min: 0.9, max: 1 }),
    ],
    [
      "Centrene skal sikre, at aktiviteten udføres inden for den driftsmæssige ramme i 2008.",
      single({ kind: "spendRange", min: 0, max: 1 }),
    ],
    [
      "Den gennemsnitlige varighed skal nedbringes til 33 uger eller derunder.",
      single({ kind: "valueMax", atMost: 33, unit: "uger" }),
    ],
    [
      "Indsatsen skal gennemføres på max. 6 måneder.",
      single({ kind: "valueMax", atMost: 6, unit: "måneder" }),
    ],
    [
      "Ventetiden skal nedbringes fra 8 uger til 6 uger.",
      single({ kind: "valueMax", atMost: 6, unit: "uger" }),
    ],
    [
      "Mindst [70-75] pct. af alle kursister gennemfører forløbet.",
      single({ kind: "shareMin", atLeast: 0.7, provisionalUpTo: 0.75 }),
    ],
    ["Alle borgere i målgruppen tilbydes ekstraordinær hjælp.", single({ kind: "shareMin", atLeast: 1 })],
    [
      "Der skal foreligge en kompetenceplan for alle medarbejdere ved udgangen af 2008.",
      single({ kind: "shareMin", atLeast: 1 }),
    ],
    [
      "Der stilles mindst 50 uddannelsesforberedende forløb målrettet unge til rådighed i 2008.",
      single({ kind: "countMin", atLeast: 50, unit: "forløb" }),
    ],
    [
      "Der stilles mindst 100 kombinerede sprog- og beskæftigelsesforløb til rådighed.",
      single({ kind: "countMin", atLeast: 100, unit: "forløb" }),
    ],
    [
      "Der skal gennemføres introduktionsforløb for minimum 50 personer.",
      single({ kind: "countMin", atLeast: 50, unit: "personer" }),
    ],
    ["Brugertilfredsheden skal være mindst 4,0.", single({ kind: "valueMin", atLeast: 4 })],
    [
      "Andelen af ledige i aktivering skal stige med mindst 5 procentpoint.",
      single({ kind: "pointChange", direction: "rise", atLeast: 0.05 }),
    ],
    [
      "Andelen af ledige i aktivering skal falde med 3 %-point.",
      single({ kind: "pointChange", direction: "fall", atLeast: 0.03 }),
    ],
    [
      "Ventetiden skal nedbringes med 2 uger.",
      single({ kind: "absoluteChange", direction: "fall", atLeast: 2, unit: "uger" }),
    ],
    ["Centrene opnår miljøcertificering i 2008.", single({ kind: "yesNo" })],
    [
      "Projektbeskrivelserne skal revideres inden 2. kvartal 2008.",
      single({ kind: "yesNo", deadline: { text: "inden 2. kvartal 2008", date: "2008-03-31" } }),
    ],
    [
      "Ledelsestilsynet skal implementeres inden udgangen af 1. kvartal 2008.",
      single({ kind: "yesNo", deadline: { text: "inden udgangen af 1. kvartal 2008", date: "2008-03-31" } }),
    ],
    [
      "Planen skal være vedtaget senest 1. juli 2008.",
      single({ kind: "yesNo", deadline: { text: "senest 1. juli 2008", date: "2008-07-01" } }),
    ],
    [
      "Planen skal være vedtaget inden 1. juli.",
      single({ kind: "yesNo", deadline: { text: "inden 1. juli", date: "2008-06-30" } }),
    ],
    [
      "En brugerundersøgelse gennemføres inden udgangen af 2008.",
      single({ kind: "yesNo", deadline: { text: "inden udgangen af 2008", date: "2008-12-31" } }),
    ],
  ])("%s", (line, measure) => {
    const { goal, flags } = draftLine(line, "Særlige mål for Center for Kompetence");
    expect(goal.measure).toEqual(measure);
    expect(flags).toBe("");
  });

  test.each<[string, Measure]>([
    ["Ventetiden må ikke overstige 6 uger.", single({ kind: "valueMax", atMost: 6, unit: "uger" })],
    ["Ventetiden må højst være 2 uger.", single({ kind: "valueMax", atMost: 2, unit: "uger" })],
    ["Andelen af sager med fejl må højst udgøre 5 %.", single({ kind: "shareMax", atMost: 0.05 })],
    ["Andelen skal nedbringes fra 30 til 25 pct.", single({ kind: "shareMax", atMost: 0.25, from: 0.3 })],
    ["Centret anvender max 100 % af bevillingen.", single({ kind: "spendRange", min: 0, max: 1 })],
    [
      "Der skal etableres 3 nye partnerskaber i 2008.",
      single({ kind: "countMin", atLeast: 3, unit: "partnerskaber" }),
    ],
    ["Alle sager under 52 uger skal have en plan.", single({ kind: "shareMin", atLeast: 1 })],
  ])("near variants: %s", (line, measure) => {
    const { goal, flags } = draftLine(line, "Særlige mål for Center for Kompetence");
    expect(goal.measure).toEqual(measure);
    expect(flags).toBe("");
  });

  test("a joint count in a shared section is the centres together", () => {
    const { goal, flags } = draftLine(
      "Antal personer placeret i virksomhedspraktik udgør mindst 1.850 i 2008.",
    );
    expect(goal.measure).toEqual({
      kind: "single",
      joint: { kind: "countMin", atLeast: 1850, unit: "personer" },
    });
    expect(flags).toBe("");
  });

  test("a per-centre list fills X", () => {
    const { goal, flags } = draftLine("Andelen udgør mindst X pct. i 2008. CK: 60 %, CA: 50 %, CS: 35 %");
    expect(goal.measure).toEqual({
      kind: "single",
      perCentre: {
        CK: { kind: "shareMin", atLeast: 0.6 },
        CA: { kind: "shareMin", atLeast: 0.5 },
        CS: { kind: "shareMin", atLeast: 0.35 },
      },
    });
    expect(flags).toBe("");
  });

  test("a capacity split with its total: joint and per centre", () => {
    const { goal, flags } = draftLine(
      "Centrene skal som minimum stille en kapacitet på 2484 pladser til rådighed (eksl. 52 pladser). CK: 838 pladser CA: 799 pladser CS: 847 pladser",
    );
    expect(goal.measure).toMatchObject({ joint: { kind: "countMin", atLeast: 2484, unit: "pladser" } });
    expect(Object.keys((goal.measure as { perCentre: object }).perCentre)).toEqual(["CK", "CA", "CS"]);
    expect(flags).toBe("");
  });

  test("kroner per place per centre, with thousands dots", () => {
    const { goal } = draftLine(
      "Prisen skal være på højst X kr. pr. plads i 2008. CK: 61.974 kr. CA: 59.359 kr. CS: 49.218 kr.",
    );
    expect((goal.measure as { perCentre: Record<string, object> }).perCentre.CK).toEqual({
      kind: "valueMax",
      atMost: 61974,
      unit: "kr.",
    });
  });

  test("an exclusion, an override in a note and the same goal for another centre", () => {
    const a = draftLine(
      "Klagesagerne skal nedbringes med mindst 50 %. [CA skal reducere med 25 %] [ikke mål for CS]",
    );
    expect(a.goal.excluded).toEqual(["CS"]);
    expect(a.goal.measure).toEqual(
      single(
        { kind: "change", direction: "fall", atLeast: 0.5 },
        { perCentre: { CA: { kind: "change", direction: "fall", atLeast: 0.25 } } },
      ),
    );
    expect(a.flags).toBe("");
    const b = draftLine(
      "Der udarbejdes en personalehåndbog. <i>Samme mål for CA.</i>",
      "Særlige mål for Center for Kompetence",
    );
    expect(b.goal.centres).toEqual(["CK", "CA"]);
    const c = draftLine("Budgettet overholdes (gælder ikke for CA).");
    expect(c.goal.excluded).toEqual(["CA"]);
  });

  test("two counts in one line are two parts", () => {
    const { goal } = draftLine(
      "Der afholdes 6 tematiserede personalemøder og 2 seminarer i løbet af 2008.",
      "Særlige mål for Center for Afklaring",
    );
    expect(goal.measure).toEqual({
      kind: "parts",
      parts: [
        {
          key: "personalemoeder",
          label: "tematiserede personalemøder",
          target: { kind: "countMin", atLeast: 6, unit: "personalemøder" },
        },
        { key: "seminarer", label: "seminarer", target: { kind: "countMin", atLeast: 2, unit: "seminarer" } },
      ],
    });
  });
});

describe("flagged readings name the alternatives", () => {
  test.each<[string, RegExp]>([
    [
      "Andelen af borgere i fleksjob skal stige med 7 % i løbet af 2008.",
      /relativ stigning på 7 % \(valgt\) eller 7 procentpoint\?/,
    ],
    [
      "Kontaktforløbsgraden skal nedbringes med 10 %.",
      /relativt fald på 10 % \(valgt\) eller 10 procentpoint\?/,
    ],
    ["Antallet af sager skal nedbringes med ca. 40 %.", /«ca\.»/],
    ["Gruppen skal reduceres med mindst 30 % inden varslingsperiodens udløb.", /ikke mellem 2007 og 2008/],
    ["Sygefraværet reduceres med 10 % i forhold til 2005.", /i forhold til 2005, ikke 2007/],
    [
      "Alle projektbeskrivelser skal revideres inden udgangen af 1. kvartal 2008.",
      /Ja\/Nej med frist \(valgt\) eller en andel på mindst 100 %\?/,
    ],
    ["Mindst 80 % af sagerne og mindst 90 % af klagerne behandles rettidigt.", /flere procenttal/],
    ["20 % af sagerne indeholder fejl.", /andel mindst \(valgt\) eller højst\?/],
    ["Ventetiden skal nedbringes.", /uden et tal/],
    ["50 borgere skal i job.", /tal i linjen uden et krav/],
    ["Sagerne skal behandles på 3 uger.", /tal i linjen uden et krav/],
    ["Resultatet skal ligge mellem 80 og 90 %.", /er et interval: den nederste grænse er valgt/],
    ["Andelen skal være 80-85 %.", /«80-85 %» er et interval/],
    ["Mindst 90 % skal have en plan inden udgangen af 1. kvartal 2008.", /fristen .* kan ikke vurderes/],
    ["Andelen udgør mindst X pct. i 2008. CK: 60 %, CA: 50 %", /ingen værdi for CS/],
    ["Andelen udgør mindst 60 %. [målet er højst 40 % for CA]", /siger noget andet end målets krav/],
    ["Antallet skal stige med mindst 10 %. [noget helt andet]", /noten «\[noget helt andet\]» er ikke læst/],
  ])("%s", (line, reason) => {
    expect(draftLine(line).flags).toMatch(reason);
  });

  test("a centre named in the text of another centre's section", () => {
    const { flags } = draftLine("CS vil fremskaffe 750 jobordrer.", "Særlige mål for Center for Kompetence");
    expect(flags).toMatch(/teksten nævner CS/);
  });
});

describe("centres and codes", () => {
  test("the code a text uses for a centre named in full", () => {
    const draft = draftFromText(
      [
        "BILAG 1: Mål 2008",
        "Økonomi\t",
        "\tMål for Center for Job og Formidling",
        "\t80 % af de, der visiteres til CJF, afsluttes.",
      ].join("\n"),
    );
    expect(draft.contract.centres).toEqual([{ code: "CJF", name: "Center for Job og Formidling" }]);
    expect(draft.review).toEqual([]);
  });

  test("a centre with no abbreviation anywhere gets a guessed code, flagged", () => {
    const draft = draftFromText(
      [
        "BILAG 1: Mål 2008",
        "Økonomi\t",
        "\tMål for Ungdommens Uddannelsesvejledning",
        "\tAlle unge vejledes.",
      ].join("\n"),
    );
    expect(draft.contract.centres).toEqual([{ code: "UU", name: "Ungdommens Uddannelsesvejledning" }]);
    expect(draft.review.map((r) => r.reason)).toEqual([
      expect.stringContaining("koden «UU» for «Ungdommens Uddannelsesvejledning» er gættet"),
    ]);
  });

  test("a heading in the second column, areas and groups with and without italics", () => {
    const draft = draftFromText(
      [
        "BILAG 1: Mål 2008",
        "Beskæftigelsesindsatsen\tFælles mål for de 2 jobcentre – Nord og Syd",
        "<i>Effekt</i>\tMindst 60 % kommer i job.",
        "\tMindst 50 % kommer i uddannelse.",
        "\tSærlige mål for Jobcenter Nord",
        "Unge\tAlle unge vejledes.",
        "Økonomi\t",
        "Fælles mål for alle centre\t",
        "\tBudgettet overholdes inden for rammen.",
      ].join("\n"),
    );
    expect(draft.contract.centres).toEqual([
      { code: "Nord", name: "Jobcenter Nord" },
      { code: "Syd", name: "Jobcenter Syd" },
    ]);
    expect(draft.contract.goals.map((g) => [g.id, g.area, g.group ?? null, g.centres.join()])).toEqual([
      ["ma-b01", "Beskæftigelsesindsatsen", "Effekt", "Nord,Syd"],
      ["ma-b02", "Beskæftigelsesindsatsen", "Effekt", "Nord,Syd"],
      ["ma-b03", "Beskæftigelsesindsatsen", "Unge", "Nord"],
      ["ma-o01", "Økonomi", null, "Nord,Syd"],
    ]);
  });

  test("no BILAG line: the first paragraph naming a contract is the title; centres named in pairs", () => {
    const draft = draftFromText(
      [
        "Resultatkontrakt 2008 for Ungeindsatsen",
        "Beskæftigelsesindsatsen\t",
        "\tMål for Jobcenter Nord og Jobcenter Syd",
        "\tNord og Syd skal hver især gennemføre mindst 4 kurser.",
      ].join("\n"),
    );
    expect([draft.contract.title, draft.contract.year]).toEqual([
      "Resultatkontrakt 2008 for Ungeindsatsen",
      2008,
    ]);
    expect(draft.contract.centres).toEqual([
      { code: "Nord", name: "Jobcenter Nord" },
      { code: "Syd", name: "Jobcenter Syd" },
    ]);
    expect(draft.contract.goals[0]!.centres).toEqual(["Nord", "Syd"]);
  });

  test("headings with resultatmål and for jobcentrene", () => {
    const draft = draftFromText(
      [
        "BILAG 1: Mål 2008",
        "Beskæftigelsesindsatsen\tFælles resultatmål for de 2 jobcentre – Nord og Syd",
        "\tMindst 60 % kommer i job.",
        "Økonomi\tFælles mål for jobcentrene",
        "\tCentrene anvender max 100 % af bevillingen.",
      ].join("\n"),
    );
    expect(draft.contract.goals.map((g) => [g.section, g.centres.join()])).toEqual([
      ["Fælles resultatmål for de 2 jobcentre – Nord og Syd", "Nord,Syd"],
      ["Fælles mål for jobcentrene", "Nord,Syd"],
    ]);
    expect(draft.review).toEqual([]);
  });

  test("case and document numbers, and the year from the title", () => {
    const { draft } = draftLine("Centrene opnår miljøcertificering i 2008.");
    expect(draft.contract.year).toBe(2008);
    const withRef = draftFromText(
      [...HEAD, "\tAlle borgere hjælpes.", "", "Sagsnr.: 2008-7186, Doknr.: 43477"].join("\n"),
    );
    expect([withRef.contract.caseNumber, withRef.contract.documentNumber]).toEqual(["2008-7186", "43477"]);
  });

  test("a per-centre list on a row of its own belongs to the goal above", () => {
    const draft = draftFromText(
      [...HEAD, "\tAndelen udgør mindst X pct. i 2008.", "\tCK: 60 %, CA: 50 %, CS: 35 %"].join("\n"),
    );
    expect(draft.contract.goals).toHaveLength(1);
    expect(Object.keys((draft.contract.goals[0]!.measure as { perCentre: object }).perCentre)).toEqual([
      "CK",
      "CA",
      "CS",
    ]);
  });
});
