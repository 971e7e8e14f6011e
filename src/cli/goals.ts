// kontrakt goals: which goals (rows) apply to which centre, with their requirements.
import { fillYears } from "../contracts/kinds/texts";
import type { Contract, GoalRow } from "../contracts/model";
import { jointRequirementText, requirementText } from "../contracts/requirement";
import { rowsFor, statusTarget } from "../contracts/resolve";
import { parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { loadContracts } from "./files";
import { formatTable } from "./table";

const HELP = `Brug: kontrakt goals [--centre KODE] [--contract ID|FIL]... [--json]

Viser centrene og de mål (rækker), der gælder for hvert center, med deres krav.
Et mål, der ikke gælder for et center, står ikke under det.

Tilvalg:
  --centre KODE     Kun dette center (fx Nyropsgade, CKB). --center virker også.
  --contract ID|FIL Kun denne kontrakt: et indbygget id, en JSON-fil eller en projektmappe
                    med definitionsark. Kan gentages.
                    Uden: alle indbyggede kontrakter.
  --json            Maskinlæsbart: {"centres":[{"code","name","contract","goals":[
                    {"id","text","requirement","joint","note","measured":{"grundlag",
                     "resultat"},…}]}]}; note og measured («Sådan måles») er null,
                    hvor målet ikke har dem.
  -h, --help        Denne hjælp.
`;

export interface GoalJson {
  id: string;
  goalId: string;
  text: string;
  area: string;
  group: string | null;
  partLabel: string | null;
  /** The target kind that gives the row its status. */
  kind: string;
  requirement: string;
  /** True for a row judged jointly (its assessment basis is not "own"). */
  joint: boolean;
  basis: GoalRow["assessment"]["basis"];
  jointRequirement: string | null;
  /** Why the goal is read this way, as the centre's sheet shows it (years filled in). */
  note: string | null;
  /** "Sådan måles": the goal's own words for what goes in Grundlag and Resultat (years filled in). */
  measured: { grundlag: string | null; resultat: string | null } | null;
}

export interface CentreGoalsJson {
  code: string;
  name: string;
  contract: string;
  goals: GoalJson[];
}

/** The requirement as `kontrakt check` reports it: the own target's, or the joint one's. */
export function rowRequirement(row: GoalRow): string {
  const a = row.assessment;
  return a.basis === "joint"
    ? jointRequirementText(a.joint, row.context)
    : requirementText(a.target, row.context);
}

export function goalJson(row: GoalRow): GoalJson {
  const a = row.assessment;
  return {
    id: row.id,
    goalId: row.goalId,
    text: row.text,
    area: row.area,
    group: row.group ?? null,
    partLabel: row.partLabel ?? null,
    kind: statusTarget(a).kind,
    requirement: rowRequirement(row),
    joint: a.basis !== "own",
    basis: a.basis,
    jointRequirement: a.basis === "own" ? null : jointRequirementText(a.joint, row.context),
    note: row.note ? fillYears(row.note, row.context) : null,
    measured: measuredJson(row),
  };
}

function measuredJson(row: GoalRow): GoalJson["measured"] {
  const own = row.context.measured;
  if (!own || (own.grundlag === undefined && own.resultat === undefined)) return null;
  const filled = (text: string | undefined) => (text === undefined ? null : fillYears(text, row.context));
  return { grundlag: filled(own.grundlag), resultat: filled(own.resultat) };
}

export function centreGoals(contracts: Contract[], only?: string): CentreGoalsJson[] {
  const out: CentreGoalsJson[] = [];
  for (const contract of contracts) {
    for (const centre of contract.centres) {
      if (only && centre.code.toLowerCase() !== only.toLowerCase()) continue;
      out.push({
        code: centre.code,
        name: centre.name,
        contract: contract.id,
        goals: rowsFor(contract, centre.code).map(goalJson),
      });
    }
  }
  return out;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse("goals", argv, {
    centre: { type: "string" },
    center: { type: "string" },
    contract: { type: "string", multiple: true },
    json: { type: "boolean" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const contracts = await loadContracts(values.contract);
  const only = values.centre ?? values.center;
  const centres = centreGoals(contracts, only);
  if (only && centres.length === 0) {
    const known = contracts.flatMap((c) => c.centres.map((x) => x.code)).join(", ");
    throw new CliError(`Ukendt center "${only}". Centrene er: ${known}.`);
  }
  if (values.json) {
    io.out(JSON.stringify({ centres }, null, 2) + "\n");
    return EXIT_OK;
  }
  const blocks = centres.map((c) => {
    const head = `${c.code} – ${c.name} (${c.contract}): ${c.goals.length} mål`;
    const table = formatTable(
      [
        { header: "Mål-ID", max: 14 },
        { header: "Krav", max: 60 },
        { header: "Mål", max: 80 },
      ],
      c.goals.map((g) => [
        g.id,
        g.basis === "joint"
          ? `Fælles: ${g.requirement}`
          : g.basis === "ownAndJoint"
            ? `${g.requirement} (og fælles)`
            : g.requirement,
        g.partLabel ? `${g.text} [del: ${g.partLabel}]` : g.text,
      ]),
    );
    return `${head}\n${table}`;
  });
  io.out(blocks.join("\n\n") + "\n");
  return EXIT_OK;
}

export const goalsCommand: Command = {
  name: "goals",
  summary: "Vis centrene og de mål, der gælder for hvert af dem",
  help: HELP,
  run,
};
