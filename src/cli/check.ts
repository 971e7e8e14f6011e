// kontrakt check: judges every goal from the input cells with the core evaluator. Cached
// formula results in the file are never trusted; the workbook's own Status cells may be stale.
import { evaluateJoint } from "../contracts/evaluate";
import { kindOf } from "../contracts/kinds";
import type { CellValue, GoalRow, Outcome, Status, Target } from "../contracts/model";
import { lowerFirst, quantity } from "../contracts/requirement";
import { statusTarget } from "../contracts/resolve";
import { STATUS_LABEL } from "../contracts/status";
import { judgeWorkbook, type CentreReport, type WorkbookState } from "../sheets/readWorkbook";
import { expectPositionals, parse, type Command, type Io } from "./args";
import { EXIT_OK } from "./errors";
import { formatTable } from "./table";
import { openContractWorkbook, type OpenedWorkbook } from "./workbook";

const HELP = `Brug: kontrakt check PROJEKTMAPPE.xlsx [--contract ID|FIL]... [--json]

Vurderer hvert mål for hvert center ud fra de indtastede tal (Grundlag og Resultat)
med programmets egne regler – ikke ud fra de værdier, Excel senest har gemt.
Viser pr. center: Mål-ID, Status, Opnået, Krav og Besked.

Afslutter med kode 0, uanset om målene er opfyldt; med kode 2, hvis filen ikke kan
læses eller ikke er en kontraktprojektmappe.

Tilvalg:
  --contract ID|FIL  Vurder efter denne kontrakt (et indbygget id, en JSON-fil eller en
               projektmappe med definitionsark) i stedet for den, projektmappen blev
               bygget med. Tallene findes ud fra mål-id. Kan gentages.
  --json       Maskinlæsbart: {"centres":[{"code","name","contract","sheet","goals":[
               {"id","text","status","achieved","requirement","message","joint",
                "cells":{"grundlag","resultat","status"}}]}]}
  -h, --help   Denne hjælp.
`;

export interface CheckGoalJson {
  id: string;
  text: string;
  status: Status;
  achieved: Outcome["achieved"];
  requirement: string;
  message: string;
  joint: boolean;
  cells: { grundlag: string; resultat: string; status: string } | null;
}

export interface CheckCentreJson {
  code: string;
  name: string;
  contract: string;
  sheet: string;
  goals: CheckGoalJson[];
}

/** Exactly the documented JSON shape, whatever else the core's report carries. */
export function checkJson(reports: CentreReport[]): { centres: CheckCentreJson[] } {
  return {
    centres: reports.map((c) => ({
      code: c.code,
      name: c.name,
      contract: c.contract,
      sheet: c.sheet,
      goals: c.goals.map((g) => ({
        id: g.id,
        text: g.text,
        status: g.status,
        achieved: g.achieved,
        requirement: g.requirement,
        message: g.message,
        joint: g.joint,
        cells: g.cells
          ? { grundlag: g.cells.grundlag, resultat: g.cells.resultat, status: g.cells.status }
          : null,
      })),
    })),
  };
}

/** The judged figure as a person reads it: 12,5 %, 33 uger, 1.850 personer, Ja, 15.3.2007. */
export function achievedText(achieved: Outcome["achieved"], target: Target | undefined): string {
  if (achieved === null) return "";
  if (!target) return typeof achieved === "string" ? achieved : quantity(achieved);
  return kindOf(target).achievedText(target, achieved);
}

/**
 * A row judged on its own share beside a joint target also shows the joint total and its status,
 * as the sheet does in Fælles i alt / Fælles status: "… Fælles: 2.400 pladser i alt – Ikke opfyldt
 * (mindst 2.484 pladser i alt for CKB, CAB og CBSI)."
 */
function withJoint(
  message: string,
  row: GoalRow | undefined,
  state: WorkbookState,
  contractId: string,
): string {
  if (!row || row.assessment.basis !== "ownAndJoint") return message;
  const joint = row.assessment.joint;
  const contributions: Record<string, CellValue | undefined> = {};
  for (const code of joint.centres) {
    const other = state.centres.find((c) => c.contract.id === contractId && c.centre.code === code);
    const r = other?.rows.find((x) => x.row.id === row.id);
    contributions[code] = r && r.rowNumber !== undefined ? r.resultat : undefined;
  }
  const outcome = evaluateJoint(joint, contributions, row.context);
  const total = outcome.achieved === null ? "" : `${achievedText(outcome.achieved, joint.target)} i alt – `;
  return `${message} Fælles: ${total}${STATUS_LABEL[outcome.status]} (${lowerFirst(outcome.requirement)}).`;
}

const COUNT_WORDS: [Status, string][] = [
  ["met", "opfyldt"],
  ["not_met", "ikke opfyldt"],
  ["missing", "mangler data"],
  ["invalid", "ugyldige"],
];

/** The workbook judged by other contracts (--contract); their readers load only then. */
async function overridden(opened: OpenedWorkbook, specs: string[]): Promise<WorkbookState> {
  const [{ withContracts }, { loadContracts }] = await Promise.all([
    import("./contractOverride"),
    import("./files"),
  ]);
  return withContracts(opened.state, opened.grids, await loadContracts(specs));
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("check", argv, {
    json: { type: "boolean" },
    contract: { type: "string", multiple: true },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [file] = expectPositionals("check", positionals, ["PROJEKTMAPPE.xlsx"]);
  const opened = await openContractWorkbook(file!);
  const state = values.contract?.length ? await overridden(opened, values.contract) : opened.state;
  const reports = judgeWorkbook(state);
  if (values.json) {
    io.out(JSON.stringify(checkJson(reports), null, 2) + "\n");
    return EXIT_OK;
  }
  const blocks = reports.map((report, i) => {
    const centre = state.centres[i]!;
    const targets = new Map(centre.rows.map((r) => [r.row.id, statusTarget(r.row.assessment)] as const));
    const rows = new Map(centre.rows.map((r) => [r.row.id, r.row] as const));
    const head = `${report.code} – ${report.name} (${report.contract}, arket "${report.sheet}")`;
    const table = formatTable(
      [
        { header: "Mål-ID", max: 14 },
        { header: "Status", max: 14 },
        { header: "Opnået", max: 18, align: "right" },
        { header: "Krav", max: 48 },
        { header: "Besked" },
      ],
      report.goals.map((g) => [
        g.id,
        STATUS_LABEL[g.status],
        achievedText(g.achieved, targets.get(g.id)),
        g.joint ? `${g.requirement} (fælles)` : g.requirement,
        withJoint(g.message, rows.get(g.id), state, centre.contract.id),
      ]),
    );
    const counts = COUNT_WORDS.map(
      ([s, word]) => `${report.goals.filter((g) => g.status === s).length} ${word}`,
    ).join(", ");
    const unknown = centre.unknownIds.length
      ? `\n  Bemærk: arket har rækker med mål-id, som kontrakten ikke kender, og som ikke er vurderet: ${centre.unknownIds.join(", ")}.`
      : "";
    const absent = report.goals.filter((g) => g.cells === null).map((g) => g.id);
    const lost = absent.length
      ? `\n  Bemærk: disse mål har ingen række i arket og vurderes som uden tal: ${absent.join(", ")}.`
      : "";
    return `${head}\n${table}\n  I alt: ${counts}.${unknown}${lost}`;
  });
  io.out((blocks.length ? blocks.join("\n\n") : "Projektmappen har ingen centerark.") + "\n");
  return EXIT_OK;
}

export const checkCommand: Command = {
  name: "check",
  summary: "Vurder alle mål ud fra de indtastede tal",
  help: HELP,
  run,
};
