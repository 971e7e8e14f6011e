// The built-in 2007 contracts: they validate, each centre gets the rows the appendix gives it,
// and every way the appendix states a target resolves to the intended requirement.
import { builtinContracts, findBuiltin } from "../../src/contracts/builtin";
import type {
  Assessment,
  CentreCode,
  ChangeTarget,
  Contract,
  GoalRow,
  Target,
} from "../../src/contracts/model";
import { rowsFor } from "../../src/contracts/resolve";
import { ContractFileError, parseContract } from "../../src/contracts/schema";
import kbhJson from "../../src/contracts/data/jobcenter-kbh-2007.json";
import bcJson from "../../src/contracts/data/beskaeftigelsescentre-2007.json";

const KBH = "jobcenter-kbh-2007";
const BC = "beskaeftigelsescentre-2007";

function contract(id: string): Contract {
  const c = findBuiltin(id);
  if (!c) throw new Error(`no built-in contract ${id}`);
  return c;
}

/** The rows of one centre whose goal text contains fragment; the fragment must pick one goal. */
function rowsOf(id: string, centre: CentreCode, fragment: string): GoalRow[] {
  const c = contract(id);
  const goals = c.goals.filter((g) => g.text.includes(fragment));
  if (goals.length !== 1) throw new Error(`"${fragment}" matches ${goals.length} goals in ${id}`);
  return rowsFor(c, centre).filter((r) => r.goalId === goals[0]!.id);
}

function assessment(id: string, centre: CentreCode, fragment: string): Assessment {
  const rows = rowsOf(id, centre, fragment);
  if (rows.length !== 1) throw new Error(`"${fragment}" gives ${rows.length} rows for ${centre}`);
  return rows[0]!.assessment;
}

const own = (target: Target): Assessment => ({ basis: "own", target });
const fall = (atLeast: number): Target => ({ kind: "change", direction: "fall", atLeast });
const rise = (atLeast: number): Target => ({ kind: "change", direction: "rise", atLeast });
const shareMin = (atLeast: number): Target => ({ kind: "shareMin", atLeast });
const shareMax = (atMost: number): Target => ({ kind: "shareMax", atMost });
const count = (atLeast: number, unit: string) => ({ kind: "countMin" as const, atLeast, unit });
const spend = (min: number, max: number): Target => ({ kind: "spendRange", min, max });
const yesNo: Target = { kind: "yesNo" };
const byDeadline = (text: string, date: string): Target => ({ kind: "yesNo", deadline: { text, date } });

describe("validation", () => {
  it("both data files pass the schema", () => {
    expect(parseContract(kbhJson).id).toBe(KBH);
    expect(parseContract(bcJson).id).toBe(BC);
  });

  it("builtinContracts gives both contracts, parsed once", () => {
    expect(builtinContracts().map((c) => c.id)).toEqual([KBH, BC]);
    expect(builtinContracts()).toBe(builtinContracts());
    expect(findBuiltin(BC)).toBe(builtinContracts()[1]);
    expect(findBuiltin("findes-ikke")).toBeUndefined();
  });

  it("carries the appendices' titles, year and case numbers", () => {
    const kbh = contract(KBH);
    expect(kbh).toMatchObject({
      title: "Resultat- og indsatsmål i resultatkontrakterne for Jobcenter København",
      year: 2007,
    });
    expect(kbh.caseNumber).toBeUndefined();
    expect(kbh.documentNumber).toBeUndefined();
    expect(contract(BC)).toMatchObject({
      title: "Resultat- og indsatsmål i resultatkontrakterne for beskæftigelsescentrene 2007",
      year: 2007,
      caseNumber: "2007-7186",
      documentNumber: "43477",
    });
  });

  it("uses the appendices' centre codes", () => {
    expect(contract(KBH).centres).toEqual([
      { code: "Nyropsgade", name: "Jobcenter Nyropsgade" },
      { code: "Skelbækgade", name: "Jobcenter Skelbækgade" },
      { code: "Musvågevej", name: "Jobcenter Musvågevej" },
      { code: "CJF", name: "Center for Job og Formidling" },
      { code: "Sygedagpenge", name: "Jobcenter Sygedagpenge" },
      { code: "JSV", name: "Formidling af Job på Særlige Vilkår" },
    ]);
    expect(contract(BC).centres).toEqual([
      { code: "CKB", name: "Center for Kompetence og Beskæftigelse" },
      { code: "CAB", name: "Center for Afklaring og Beskæftigelse" },
      { code: "CBSI", name: "Center for Beskæftigelse, Sprog og Integration" },
    ]);
  });
});

describe("rejects broken contracts in Danish", () => {
  const broken = (edit: (c: typeof kbhJson) => void) => {
    const c = structuredClone(kbhJson);
    edit(c);
    return () => parseContract(c, "testfilen");
  };
  const goal = (c: typeof kbhJson, id: string) => {
    const g = c.goals.find((x) => x.id === id);
    if (!g) throw new Error(id);
    return g as { measure: { perCentre?: Record<string, unknown> } };
  };

  it("a per-centre target for an unknown centre", () => {
    const parse = broken((c) => {
      goal(c, "jc-b09").measure.perCentre = { Amager: { kind: "shareMin", atLeast: 0.95 } };
    });
    expect(parse).toThrow(ContractFileError);
    expect(parse).toThrow(
      "testfilen er ikke en gyldig kontrakt: mål jc-b09: nævner et ukendt center «Amager»",
    );
  });

  it("a per-centre target for an excluded centre", () => {
    const parse = broken((c) => {
      goal(c, "jc-k01").measure.perCentre = { JSV: { kind: "change", direction: "fall", atLeast: 0.25 } };
    });
    expect(parse).toThrow(ContractFileError);
    expect(parse).toThrow("mål jc-k01, JSV: har et krav for JSV, som er undtaget");
  });

  it("a duplicate goal id", () => {
    const parse = broken((c) => {
      c.goals[1]!.id = c.goals[0]!.id;
    });
    expect(parse).toThrow(ContractFileError);
    expect(parse).toThrow("mål jc-b01: Mål-ID «jc-b01» findes flere gange");
  });
});

describe("rows per centre (counted by hand from the appendices)", () => {
  // [centre, Beskæftigelsesindsatsen, Kvalitet i servicen, Personale og organisation, Økonomi, total]
  const cases: [string, CentreCode, number, number, number, number, number][] = [
    [KBH, "Nyropsgade", 11, 3, 2, 4, 20],
    [KBH, "Skelbækgade", 18, 3, 2, 4, 27],
    [KBH, "Musvågevej", 18, 3, 2, 4, 27],
    // CJF and JSV: the half-year købsbudget line (jc-o03) is excluded like the two above it.
    [KBH, "CJF", 5, 3, 3, 1, 12],
    [KBH, "Sygedagpenge", 9, 4, 4, 4, 21],
    [KBH, "JSV", 8, 3, 2, 1, 14],
    [BC, "CKB", 8, 2, 3, 4, 17],
    [BC, "CAB", 10, 3, 8, 4, 25],
    [BC, "CBSI", 10, 1, 2, 4, 17],
  ];
  it.each(cases)("%s %s: %i + %i + %i + %i = %i rows", (id, centre, b, k, p, o, total) => {
    const rows = rowsFor(contract(id), centre);
    const inArea = (area: string) => rows.filter((r) => r.area === area).length;
    expect([
      inArea("Beskæftigelsesindsatsen"),
      inArea("Kvalitet i servicen"),
      inArea("Personale og organisation"),
      inArea("Økonomi"),
    ]).toEqual([b, k, p, o]);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
  });

  it("has 62 and 29 goals", () => {
    expect(contract(KBH).goals).toHaveLength(62);
    expect(contract(BC).goals).toHaveLength(29);
  });
});

describe("per-centre overrides of a common target", () => {
  it.each<[string, CentreCode, string, Target]>([
    [KBH, "Nyropsgade", "korrekt dokumentationsgrundlag", shareMin(0.95)],
    [KBH, "Skelbækgade", "korrekt dokumentationsgrundlag", shareMin(0.9)],
    [KBH, "Musvågevej", "korrekt dokumentationsgrundlag", shareMin(0.9)],
    [KBH, "Sygedagpenge", "formalitetsklagesager", fall(0.25)],
    [KBH, "Nyropsgade", "formalitetsklagesager", fall(0.5)],
    [KBH, "Sygedagpenge", "Centrets sygefravær", fall(0.3)],
    [KBH, "JSV", "Centrets sygefravær", fall(0.12)],
    [KBH, "CJF", "Centrets sygefravær", fall(0.25)],
    [KBH, "Skelbækgade", "Centrets sygefravær", fall(0.1)],
    [
      KBH,
      "Sygedagpenge",
      "korttidssygefravær",
      { kind: "absoluteChange", direction: "fall", atLeast: 1, unit: "dage" },
    ],
    [KBH, "JSV", "korttidssygefravær", fall(0.1)],
    [KBH, "CJF", "korttidssygefravær", fall(0.33)],
    [KBH, "Musvågevej", "korttidssygefravær", fall(0.1)],
    [BC, "CKB", "Centrets sygefravær", fall(0.2)],
    [BC, "CAB", "Centrets sygefravær", fall(0.1)],
    [BC, "CKB", "Centrets korttidssygefravær", fall(0.2)],
    [BC, "CBSI", "Centrets korttidssygefravær", fall(0.1)],
  ])("%s %s: %s", (id, centre, fragment, target) => {
    expect(assessment(id, centre, fragment)).toEqual(own(target));
  });
});

describe("exclusions", () => {
  it("[ikke mål for JSV og CJF] keeps them in centres and gives them no row", () => {
    const g = contract(KBH).goals.find((x) => x.text.includes("formalitetsklagesager"))!;
    expect(g.centres).toEqual(["Nyropsgade", "Skelbækgade", "Musvågevej", "CJF", "Sygedagpenge", "JSV"]);
    expect(g.excluded).toEqual(["JSV", "CJF"]);
    expect(rowsOf(KBH, "JSV", "formalitetsklagesager")).toEqual([]);
    expect(rowsOf(KBH, "CJF", "formalitetsklagesager")).toEqual([]);
  });

  it.each(["af den samlede bevilling", "min 95 % og max 100 % af købsbudgettet"])(
    "[ikke mål for CJF og JSV] on the budget goal %s",
    (fragment) => {
      expect(rowsOf(KBH, "CJF", fragment)).toEqual([]);
      expect(rowsOf(KBH, "JSV", fragment)).toEqual([]);
      expect(rowsOf(KBH, "Sygedagpenge", fragment)).toHaveLength(1);
    },
  );

  it("the half-year budget goal excludes CJF and JSV like the budget goals above it, and says why", () => {
    for (const centre of ["Nyropsgade", "Skelbækgade", "Musvågevej", "Sygedagpenge"]) {
      expect(assessment(KBH, centre, "Ved halvårsstatus")).toEqual(own(spend(0.45, 0.65)));
    }
    expect(rowsOf(KBH, "CJF", "Ved halvårsstatus")).toEqual([]);
    expect(rowsOf(KBH, "JSV", "Ved halvårsstatus")).toEqual([]);
    const g = contract(KBH).goals.find((x) => x.text.startsWith("Ved halvårsstatus"))!;
    expect(g.excluded).toEqual(["CJF", "JSV"]);
    expect(g.note).toMatch(/CJF og JSV er undtaget/);
    expect(g.measured).toEqual({
      grundlag: "Hele årets købsbudget i kr.",
      resultat: "Forbrug af købsbudgettet pr. 1. juli {år} i kr.",
    });
  });

  it("no other goal has an exclusion", () => {
    const all = [...contract(KBH).goals, ...contract(BC).goals];
    expect(all.filter((g) => g.excluded).map((g) => g.id)).toEqual(["jc-k01", "jc-o01", "jc-o02", "jc-o03"]);
  });
});

describe("per-centre targets with no common one", () => {
  it.each<[string, CentreCode, string, Target]>([
    [KBH, "Skelbækgade", "mindst X jobordrer", count(1000, "jobordrer")],
    [KBH, "Nyropsgade", "mindst X jobordrer", count(450, "jobordrer")],
    [KBH, "Musvågevej", "mindst X jobordrer", count(1000, "jobordrer")],
    [
      BC,
      "CKB",
      "ude af kommunal forsørgelse i de følgende 3 mdr. udgør mindst X pct. i 2007. CKB: 60",
      shareMin(0.6),
    ],
    [
      BC,
      "CAB",
      "ude af kommunal forsørgelse i de følgende 3 mdr. udgør mindst X pct. i 2007. CKB: 60",
      shareMin(0.5),
    ],
    [
      BC,
      "CBSI",
      "ude af kommunal forsørgelse i de følgende 3 mdr. udgør mindst X pct. i 2007. CKB: 60",
      shareMin(0.35),
    ],
    [
      BC,
      "CBSI",
      "Andelen af kontanthjælpsmodtagere, der efter endt aktivering på centret, fortsat",
      shareMin(0.4),
    ],
    [
      BC,
      "CAB",
      "Andelen af langvarige kontanthjælpsmodtagere, der efter endt aktivering på centret er",
      shareMin(0.45),
    ],
    [
      BC,
      "CKB",
      "Andelen af langvarige kontanthjælpsmodtagere, der efter endt aktivering på centret, fortsat",
      shareMin(0.45),
    ],
    [
      BC,
      "CBSI",
      "Andelen af langvarige kontanthjælpsmodtagere, der efter endt aktivering på centret, fortsat",
      shareMin(0.35),
    ],
  ])("%s %s: %s", (id, centre, fragment, target) => {
    expect(assessment(id, centre, fragment)).toEqual(own(target));
  });

  it("reads Danish thousands dots in the place price: 61.974 kr. is 61974", () => {
    expect(assessment(BC, "CKB", "gennemsnitsplads pris")).toEqual(
      own({ kind: "valueMax", atMost: 61974, unit: "kr." }),
    );
    expect(assessment(BC, "CAB", "gennemsnitsplads pris")).toEqual(
      own({ kind: "valueMax", atMost: 59359, unit: "kr." }),
    );
    expect(assessment(BC, "CBSI", "gennemsnitsplads pris")).toEqual(
      own({ kind: "valueMax", atMost: 49218, unit: "kr." }),
    );
  });
});

describe("joint goals", () => {
  it.each<[string, number, string]>([
    ["placeret i virksomhedspraktik", 1850, "personer"],
    ["placeret i løntilskud", 392, "personer"],
    ["etablerede mentorordninger", 260, "mentorordninger"],
  ])("%s: at least %i together", (fragment, atLeast, unit) => {
    for (const centre of ["CKB", "CAB", "CBSI"]) {
      expect(assessment(BC, centre, fragment)).toEqual({
        basis: "joint",
        joint: { centres: ["CKB", "CAB", "CBSI"], target: count(atLeast, unit) },
      });
    }
  });

  it("capacity: each centre's own places and 2484 together, in helårspladser with decimals", () => {
    const places = (atLeast: number) => ({ ...count(atLeast, "pladser"), decimals: true as const });
    const joint = { centres: ["CKB", "CAB", "CBSI"], target: places(2484) };
    expect(assessment(BC, "CKB", "kapacitet på 2484")).toEqual({
      basis: "ownAndJoint",
      target: places(838),
      joint,
    });
    expect(assessment(BC, "CAB", "kapacitet på 2484")).toEqual({
      basis: "ownAndJoint",
      target: places(799),
      joint,
    });
    expect(assessment(BC, "CBSI", "kapacitet på 2484")).toEqual({
      basis: "ownAndJoint",
      target: places(847),
      joint,
    });
  });
});

describe("single readings", () => {
  it.each<[string, CentreCode, string, Target]>([
    // relative changes against 2006
    [KBH, "Nyropsgade", "Tilgangen til gruppen", fall(0.1)],
    [KBH, "Skelbækgade", "Den gennemsnitlige varighed (i året)", fall(0.1)],
    [
      KBH,
      "Musvågevej",
      "reduceres med mindst 30 % inden varslingsperiodens udløb",
      {
        kind: "change",
        direction: "fall",
        atLeast: 0.3,
        baseline: expect.objectContaining({ label: "antallet ved varsling" }) as ChangeTarget["baseline"],
      },
    ],
    [KBH, "Nyropsgade", "revalideringsforløb skal stige med mindst 10 %", rise(0.1)],
    [KBH, "Musvågevej", "som virksomhedsplaceres", rise(0.1)],
    [KBH, "Musvågevej", "alene modtager sprogundervisning", fall(0.25)],
    [KBH, "Sygedagpenge", "nedbringes med 40 % (ca. 450 sager)", fall(0.4)],
    [KBH, "JSV", "skal stige med 7 %", rise(0.07)],
    [KBH, "JSV", "afventer fleksjob, skal nedbringes med 10 %", fall(0.1)],
    [KBH, "Sygedagpenge", "Personaleomsætningen", fall(0.5)],
    [BC, "CAB", "matchningsforløb skal stige med mindst 25 pct.", rise(0.25)],
    // shares at least
    [KBH, "Skelbækgade", "Kontaktforløbsgraden", shareMin(0.95)],
    [KBH, "Nyropsgade", "jobplaner i mindst 75 %", shareMin(0.75)],
    [KBH, "Musvågevej", "Mindst 90 % af den gruppe", shareMin(0.9)],
    [KBH, "Skelbækgade", "Mindst 70 % af alle kontanthjælpsmodtagere", shareMin(0.7)],
    [KBH, "Musvågevej", "33 % af personerne", shareMin(0.33)],
    [KBH, "Musvågevej", "30 % af alle integrationslovsudlændinge", shareMin(0.3)],
    [KBH, "CJF", "80 % af de, der visiteres til CJF", shareMin(0.8)],
    [KBH, "CJF", "10 % af de, der visiteres til CJF", shareMin(0.1)],
    [KBH, "Sygedagpenge", "skal være på 75 %", shareMin(0.75)],
    [KBH, "Sygedagpenge", "i mindst 95 % af sagerne", shareMin(0.95)],
    [KBH, "Sygedagpenge", "i 25 % af alle sager i kategori 2 + 3", shareMin(0.25)],
    [KBH, "Sygedagpenge", "ajourføringsgraden på ansøgninger", shareMin(0.95)],
    [KBH, "JSV", "10 % af arbejdsfastholdelsessager", shareMin(0.1)],
    [KBH, "JSV", "20 % af arbejdsfastholdelsessager", shareMin(0.2)],
    [KBH, "CJF", "Brugertilfredshedsmålingen", shareMin(0.8)],
    [KBH, "JSV", "Mindst 90 % af alle telefonhenvendelser", shareMin(0.9)],
    // "Alle …" and "er 100 %"
    [KBH, "Skelbækgade", "Alle unge, der varsles", shareMin(1)],
    [KBH, "CJF", "afklares indenfor 14 dage", shareMin(1)],
    [KBH, "JSV", "er 100 %", shareMin(1)],
    [KBH, "CJF", "Alle henvendelser skal besvares inden 10 dage", shareMin(1)],
    [KBH, "Sygedagpenge", "Alle nytilmeldte", shareMin(1)],
    [KBH, "Sygedagpenge", "tilbydes en ophørssamtale", shareMin(1)],
    [BC, "CAB", "ekstraordinær hjælp til jobsøgning", shareMin(1)],
    [BC, "CBSI", "skal præsenteres for et job", shareMin(1)],
    [BC, "CAB", "kompetenceplan for alle medarbejdere", shareMin(1)],
    // shares at most
    [KBH, "CJF", "Medarbejderflowet begrænses til 3 %", shareMax(0.03)],
    [KBH, "JSV", "højst i 3% af sagerne", shareMax(0.03)],
    // spending
    [KBH, "Nyropsgade", "min 85 % og max 100 % af den samlede bevilling", spend(0.85, 1)],
    [KBH, "Sygedagpenge", "min 95 % og max 100 % af købsbudgettet", spend(0.95, 1)],
    [BC, "CBSI", "inden for den driftsmæssige ramme", spend(0, 1)],
    // values at most
    [KBH, "Sygedagpenge", "33 uger eller derunder", { kind: "valueMax", atMost: 33, unit: "uger" }],
    [KBH, "JSV", "max. 6 måneder", { kind: "valueMax", atMost: 6, unit: "måneder" }],
    // counts
    [KBH, "Skelbækgade", "Mindst 30 unge", count(30, "unge")],
    [KBH, "Skelbækgade", "mindst 50 uddannelsesforberedende forløb", count(50, "forløb")],
    [KBH, "Skelbækgade", "mindst 80 mentorforløb", count(80, "mentorforløb")],
    [KBH, "CJF", "CJF vil fremskaffe 750 jobordrer", count(750, "jobordrer")],
    [BC, "CKB", "mindst 50 uddannelsesforberedende forløb", count(50, "forløb")],
    [BC, "CAB", "minimum 50 personer", count(50, "personer")],
    [BC, "CBSI", "mindst 100 kombinerede", count(100, "forløb")],
    [BC, "CBSI", "mindst 100 afklaringsforløb", count(100, "afklaringsforløb")],
    // yes/no
    [KBH, "Skelbækgade", "flaskehalsområder", yesNo],
    [KBH, "JSV", "registreringsprocedurerne", yesNo],
    [BC, "CKB", "personalehåndbog", yesNo],
    [BC, "CBSI", "miljøcertificering", yesNo],
  ])("%s %s: %s", (id, centre, fragment, target) => {
    expect(assessment(id, centre, fragment)).toEqual(own(target));
  });

  it('provisional "Mindst [70-75] pct." is judged on 70 %, up to 75 %', () => {
    for (const centre of ["CKB", "CAB", "CBSI"]) {
      expect(assessment(BC, centre, "Mindst [70-75] pct.")).toEqual(
        own({ kind: "shareMin", atLeast: 0.7, provisionalUpTo: 0.75 }),
      );
    }
  });

  it('"fra 28% til 22%" is at most 22 % starting from 28 %', () => {
    expect(assessment(KBH, "Sygedagpenge", "fra 28% til 22%")).toEqual(
      own({ kind: "shareMax", atMost: 0.22, from: 0.28 }),
    );
  });
});

describe("deadlines", () => {
  it.each<[CentreCode, string, string, string]>([
    ["CKB", "CKB skal kvalitetssikres", "inden udgangen af 1. kvartal 2007", "2007-03-31"],
    ["CAB", "Alle projektbeskrivelser", "inden udgangen af 1. kvartal 2007", "2007-03-31"],
    ["CAB", "brugerundersøgelse", "inden udgangen af 2007", "2007-12-31"],
    ["CAB", "Kompetenceafdækning", "inden udgangen af 1. kvartal 2007", "2007-03-31"],
    ["CAB", "Retningslinier for intern kommunikation", "inden 2. kvartal 2007", "2007-03-31"],
  ])("%s: %s by %s", (centre, fragment, text, date) => {
    expect(assessment(BC, centre, fragment)).toEqual(own(byDeadline(text, date)));
  });
});

describe("a goal with two targets", () => {
  it("gives CAB one row per part", () => {
    const rows = rowsOf(BC, "CAB", "6 tematiserede personalemøder og 2 seminarer");
    expect(rows.map((r) => ({ id: r.id, label: r.partLabel, a: r.assessment }))).toEqual([
      { id: "bc-p07.moeder", label: "tematiserede personalemøder", a: own(count(6, "personalemøder")) },
      { id: "bc-p07.seminarer", label: "seminarer", a: own(count(2, "seminarer")) },
    ]);
    expect(rowsOf(BC, "CKB", "6 tematiserede personalemøder")).toEqual([]);
  });
});

describe("sections and groups", () => {
  it('"Samme mål for CAB." extends the CKB goal to CAB only', () => {
    const g = contract(BC).goals.find((x) => x.text.includes("personalehåndbog"))!;
    expect(g.section).toBe("Særlige mål for Center for Kompetence og Beskæftigelse");
    expect(g.centres).toEqual(["CKB", "CAB"]);
    expect(assessment(BC, "CAB", "personalehåndbog")).toEqual(own(yesNo));
    expect(rowsOf(BC, "CBSI", "personalehåndbog")).toEqual([]);
  });

  it("a special section covers only its centre", () => {
    expect(rowsOf(KBH, "Nyropsgade", "flaskehalsområder")).toEqual([]);
    expect(rowsOf(KBH, "CJF", "Alle nytilmeldte")).toEqual([]);
    expect(rowsOf(BC, "CKB", "matchningsforløb")).toEqual([]);
  });

  it("a new heading resets the group", () => {
    const kbh = contract(KBH).goals;
    expect(
      kbh.filter((g) => g.section === "Mål for Jobcenter Sygedagpenge").every((g) => g.group === undefined),
    ).toBe(true);
    expect(contract(BC).goals.find((g) => g.text.includes("matchningsforløb"))?.group).toBeUndefined();
    expect(contract(BC).goals.find((g) => g.text.includes("minimum 50 personer"))?.group).toBe(
      "Beskæftigelsesaftale",
    );
    expect(contract(BC).goals.find((g) => g.text.includes("Centrets korttidssygefravær"))?.group).toBe(
      "Sygefravær",
    );
  });
});

describe("readings the appendices leave open are visible as notes and 'Sådan måles'", () => {
  const goalOf = (id: string) => [...contract(KBH).goals, ...contract(BC).goals].find((g) => g.id === id)!;
  it.each(["jc-b07", "jc-b40"])(
    "%s: a relative rise, with percentage points named as the alternative",
    (id) => {
      expect(goalOf(id).measure).toMatchObject({ target: { kind: "change", direction: "rise" } });
      expect(goalOf(id).note).toMatch(/procentpoint/);
      expect(goalOf(id).measured?.grundlag).toMatch(/andel, ikke et antal/);
    },
  );
  it("jc-p02 counts sick days per full-time employee", () => {
    expect(goalOf("jc-p02").measured).toEqual({
      grundlag: "Korttidssygefravær pr. fuldtidsansat i {basisår}, i dage",
      resultat: "Korttidssygefravær pr. fuldtidsansat i {år}, i dage",
    });
  });
  it("[70-75] is provisional and says so", () => {
    expect(goalOf("bc-k01").note).toMatch(/foreløbigt krav/);
  });
  it("the sheet shows the years filled in and the note beside the hint", () => {
    const row = rowsFor(contract(KBH), "Sygedagpenge").find((r) => r.goalId === "jc-p02")!;
    expect(row.context).toMatchObject({ year: 2007, baseYear: 2006 });
    expect(row.note).toMatch(/pr\. fuldtidsansat/);
  });
});
