// kontrakt build: a contract workbook from the built-in contracts or contract files.
import * as path from "node:path";
import { planWorkbook } from "../sheets/planWorkbook";
import { writePlan } from "../xlsx/writePlan";
import { parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { loadContracts, requireXlsxOut, writeOutput } from "./files";

const HELP = `Brug: kontrakt build [--contract ID|FIL]... [--centre KODE]... --out FIL.xlsx

Bygger en projektmappe med et ark pr. center, Oversigt og skjulte hjælpeark.
Status beregnes i arket selv med formler, så filen virker uden tilføjelsesprogrammet.

Tilvalg:
  --contract ID|FIL  Et indbygget kontrakt-id (fx jobcenter-kbh-2007) eller en
                     kontraktfil i JSON. Kan gentages. Uden: alle indbyggede kontrakter.
  --centre KODE      Kun dette center. Kan gentages. --center virker også.
  --out FIL.xlsx     Hvor projektmappen gemmes (påkrævet).
  -h, --help         Denne hjælp.
`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("build", argv, {
    contract: { type: "string", multiple: true },
    centre: { type: "string", multiple: true },
    center: { type: "string", multiple: true },
    out: { type: "string", short: "o" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw new CliError(
      `"kontrakt build" tager ingen filnavne uden tilvalg (fik ${positionals.join(" ")}). Brug --contract FIL og --out FIL.xlsx.`,
    );
  }
  const out = requireXlsxOut(values.out, "build");
  const contracts = await loadContracts(values.contract);
  const wanted = [...(values.centre ?? []), ...(values.center ?? [])];
  const known = contracts.flatMap((c) => c.centres.map((x) => x.code));
  const centres = wanted.map((w) => {
    const code = known.find((k) => k.toLowerCase() === w.toLowerCase());
    if (!code) throw new CliError(`Ukendt center "${w}". Centrene er: ${known.join(", ")}.`);
    return code;
  });
  const generatedAt = new Date().toISOString();
  const plan = planWorkbook(contracts, centres.length ? { centres, generatedAt } : { generatedAt });
  const buffer = await writePlan(plan);
  await writeOutput(out, buffer);
  const sheets = plan.sheets.filter((s) => s.role === "centre").map((s) => s.name);
  io.out(`Skrev ${path.basename(out)}: ${sheets.length} centerark (${sheets.join(", ")}).\n`);
  return EXIT_OK;
}

export const buildCommand: Command = {
  name: "build",
  summary: "Byg en projektmappe til kontrakterne",
  help: HELP,
  run,
};
