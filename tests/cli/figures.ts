// Figures for the built-in contracts in the three CSV dialects, and the outcomes computed by hand.
// Together they cover every target kind, an override, the joint goals, the capacity split, the
// provisional [70-75], "fra 28% til 22%", Sygedagpenge's "1 dag", a goal with parts and the
// invalid inputs a CSV can carry (text is put in by hand in the tests: fill refuses it).

/** ";" file: Danish numbers, with a BOM and Windows line ends as Excel saves it. */
export const DANISH_CSV =
  "\uFEFF" +
  [
    "Center;Mål;Grundlag;Resultat;Bemærkning",
    // change, fall 10 %: exactly on target (1.000 → 900) and short of it
    "Nyropsgade;jc-b01;1.000;900;Præcis 10 %",
    "Nyropsgade;jc-b02;1.000;950;",
    // change, rise 10 %, typed as percentages: (44 % - 40 %) / 40 % = 10 %
    "Nyropsgade;jc-b07;40 %;44 %;",
    // shareMin 95 %: 190 of 200
    "Nyropsgade;jc-b04;200;190;",
    // the override: 95 % for Nyropsgade, 90 % elsewhere; 94 % fails here and passes at Skelbækgade
    "Nyropsgade;jc-b09;100;94;",
    "Skelbækgade;jc-b09;100;94;",
    // shareMin 75 % given as the share itself
    'Nyropsgade;jc-b05;;"74,5 %";',
    // countMin 450 jobordrer for Nyropsgade
    "nyropsgade;JC-B11;;450;",
    // spendRange 85-100 % (on the edge) and 95-100 % (over budget)
    "Nyropsgade;jc-o01;1.000.000;850.000 kr.;",
    "Nyropsgade;jc-o02;1.000.000;1.000.001;",
    // shareMax 3 %: 31 of 1.000
    "Nyropsgade;jc-o04;1.000;31;",
    // a fall from 0 to 0 is met (nothing to bring down); a rise from 0 has no percentage (invalid),
    // a numerator above its denominator, a share above 100 %
    "Nyropsgade;jc-k01;0;0;",
    "Nyropsgade;jc-b10;0;3;",
    "Nyropsgade;jc-k02;100;101;",
    'Nyropsgade;jc-k03;;"150 %";',
    // yesNo, countMin short, "Alle" met
    "Skelbækgade;jc-b18;;ja;Visiteret",
    "Skelbækgade;jc-b14;;29;",
    "Skelbækgade;jc-b15;40;40;",
    // valueMax in kr. with the unit typed: 61.975 kr. > 61.974 kr.
    "CKB;bc-o02;;61.975 kr.;",
  ].join("\r\n") +
  "\r\n";

/** "," file: English numbers. */
export const ENGLISH_CSV = [
  "center,mål,grundlag,resultat,bemærkning",
  // shareMax "fra 28% til 22%": 220 of 1,000 is exactly 22 %
  'Sygedagpenge,jc-b32,"1,000",220,',
  // valueMax 33 uger
  "Sygedagpenge,jc-b33,,33.5,",
  // absoluteChange "1 dag": 10.5 → 9.5 days
  "Sygedagpenge,jc-p02,10.5,9.5,",
  // Sygedagpenge's own 25 % for jc-k01
  "Sygedagpenge,jc-k01,200,150,",
  // yesNo "Nej", valueMax 6 måneder
  'JSV,jc-k05,,Nej,"Registrering, ikke i orden"',
  "JSV,jc-b47,,5.5,",
].join("\n");

/** Tab file: numbers read either way, ambiguous ones refused. */
export const TAB_CSV = [
  "CENTER\tMÅL\tGRUNDLAG\tRESULTAT",
  // the joint 1850 across CKB, CAB and CBSI: 900 + 500 + 450
  "CKB\tbc-b05\t\t900",
  "CAB\tbc-b05\t\t500",
  "CBSI\tbc-b05\t\t450",
  // joint 392 with CBSI missing
  "CKB\tbc-b06\t\t200",
  "CAB\tbc-b06\t\t200",
  // the capacity split: own 838 / 799 / 847, joint 2484
  "CKB\tbc-o03\t\t838",
  "CAB\tbc-o03\t\t700",
  "CBSI\tbc-o03\t\t900",
  // provisional [70-75]: judged on 70 %
  "CKB\tbc-k01\t100\t70",
  "CAB\tbc-k01\t100\t69",
  // the goal with parts: 6 personalemøder met, 1 of 2 seminarer
  "CAB\tbc-p07.moeder\t\t6",
  "CAB\tbc-p07.seminarer\t\t1",
  // yesNo with a deadline, spendRange 0-100 %, change rise 25 %, valueMax kr.
  "CKB\tbc-k02\t\tJa",
  "CKB\tbc-o01\t1000000\t1000000",
  "CAB\tbc-b09\t80\t100",
  "CBSI\tbc-o02\t\t49218",
].join("\n");

export interface Expected {
  centre: string;
  id: string;
  status: "met" | "not_met" | "missing" | "invalid";
  achieved?: number | string | null;
}

/** Hand-computed outcomes of the three files applied to a freshly built workbook. */
export const EXPECTED: Expected[] = [
  { centre: "Nyropsgade", id: "jc-b01", status: "met", achieved: 0.1 },
  { centre: "Nyropsgade", id: "jc-b02", status: "not_met", achieved: 0.05 },
  { centre: "Nyropsgade", id: "jc-b07", status: "met", achieved: 0.1 },
  { centre: "Nyropsgade", id: "jc-b04", status: "met", achieved: 0.95 },
  { centre: "Nyropsgade", id: "jc-b09", status: "not_met", achieved: 0.94 },
  { centre: "Skelbækgade", id: "jc-b09", status: "met", achieved: 0.94 },
  { centre: "Nyropsgade", id: "jc-b05", status: "not_met", achieved: 0.745 },
  { centre: "Nyropsgade", id: "jc-b11", status: "met", achieved: 450 },
  { centre: "Nyropsgade", id: "jc-o01", status: "met", achieved: 0.85 },
  { centre: "Nyropsgade", id: "jc-o02", status: "not_met", achieved: 1.000001 },
  { centre: "Nyropsgade", id: "jc-o04", status: "not_met", achieved: 0.031 },
  { centre: "Nyropsgade", id: "jc-k01", status: "met", achieved: 0 },
  { centre: "Nyropsgade", id: "jc-b10", status: "invalid", achieved: null },
  { centre: "Nyropsgade", id: "jc-k02", status: "invalid", achieved: null },
  { centre: "Nyropsgade", id: "jc-k03", status: "invalid", achieved: null },
  { centre: "Nyropsgade", id: "jc-b03", status: "missing", achieved: null },
  { centre: "Skelbækgade", id: "jc-b18", status: "met", achieved: "Ja" },
  { centre: "Skelbækgade", id: "jc-b14", status: "not_met", achieved: 29 },
  { centre: "Skelbækgade", id: "jc-b15", status: "met", achieved: 1 },
  { centre: "CKB", id: "bc-o02", status: "not_met", achieved: 61975 },
  { centre: "Sygedagpenge", id: "jc-b32", status: "met", achieved: 0.22 },
  { centre: "Sygedagpenge", id: "jc-b33", status: "not_met", achieved: 33.5 },
  { centre: "Sygedagpenge", id: "jc-p02", status: "met", achieved: 1 },
  { centre: "Sygedagpenge", id: "jc-k01", status: "met", achieved: 0.25 },
  { centre: "JSV", id: "jc-k05", status: "not_met", achieved: "Nej" },
  { centre: "JSV", id: "jc-b47", status: "met", achieved: 5.5 },
  { centre: "CKB", id: "bc-b05", status: "met", achieved: 1850 },
  { centre: "CAB", id: "bc-b05", status: "met", achieved: 1850 },
  { centre: "CBSI", id: "bc-b05", status: "met", achieved: 1850 },
  { centre: "CKB", id: "bc-b06", status: "missing", achieved: null },
  { centre: "CBSI", id: "bc-b06", status: "missing", achieved: null },
  { centre: "CKB", id: "bc-o03", status: "met", achieved: 838 },
  { centre: "CAB", id: "bc-o03", status: "not_met", achieved: 700 },
  { centre: "CBSI", id: "bc-o03", status: "met", achieved: 900 },
  { centre: "CKB", id: "bc-k01", status: "met", achieved: 0.7 },
  { centre: "CAB", id: "bc-k01", status: "not_met", achieved: 0.69 },
  { centre: "CAB", id: "bc-p07.moeder", status: "met", achieved: 6 },
  { centre: "CAB", id: "bc-p07.seminarer", status: "not_met", achieved: 1 },
  { centre: "CKB", id: "bc-k02", status: "met", achieved: "Ja" },
  { centre: "CKB", id: "bc-o01", status: "met", achieved: 1 },
  { centre: "CAB", id: "bc-b09", status: "met", achieved: 0.25 },
  { centre: "CBSI", id: "bc-o02", status: "met", achieved: 49218 },
];
