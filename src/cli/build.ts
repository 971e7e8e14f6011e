// kontrakt build: a contract workbook from the built-in contracts or contract files.
import * as path from "node:path";
import { rowsFor } from "../contracts/resolve";
import type { SheetPlan } from "../sheets/plan";
import { placeCentres, planWorkbook } from "../sheets/planWorkbook";
import { writePlanFile } from "../xlsx/writePlanFile";
import { parse, refuseFileNames, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { loadContractSources, requireXlsxOut, writeOutput, type ContractSource } from "./files";

const HELP = `Brug: kontrakt build [--contract ID|FIL]... [--centre KODE]... [--carry-from FIL.xlsx] --out FIL.xlsx

Bygger en projektmappe med et ark pr. center, Oversigt og skjulte hjælpeark.
Status beregnes i arket selv med formler, så filen virker uden tilføjelsesprogrammet.

Tilvalg:
  --contract ID|FIL  Et indbygget kontrakt-id (fx jobcenter-kbh-2007), en kontraktfil i
                     JSON eller en projektmappe med definitionsark (se kontrakt define).
                     Kan gentages. Uden: alle indbyggede kontrakter.
  --carry-from FIL   Sidste års projektmappe: for fald- og stigningsmål, der fortsætter
                     (samme mål-id eller samme tekst), bliver sidste års Resultat årets
                     Grundlag. Viser, hvad der blev overført, og hvad der ikke blev.
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
    "carry-from": { type: "string" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  refuseFileNames("build", positionals);
  const out = requireXlsxOut(values.out, "build");
  const sources = await loadContractSources(values.contract);
  const contracts = sources.map((s) => s.contract);
  // Last year's workbook and definition sheets are rare: their readers load only when used.
  const last = values["carry-from"]
    ? await (await import("./workbook")).openContractWorkbook(values["carry-from"])
    : undefined;
  const wanted = [...(values.centre ?? []), ...(values.center ?? [])];
  const known = contracts.flatMap((c) => c.centres.map((x) => x.code));
  const centres = wanted.map((w) => {
    const code = known.find((k) => k.toLowerCase() === w.toLowerCase());
    if (!code) throw new CliError(`Ukendt center "${w}". Centrene er: ${known.join(", ")}.`);
    return code;
  });
  const generatedAt = new Date().toISOString();
  const plan = planWorkbook(contracts, centres.length ? { centres, generatedAt } : { generatedAt });
  // A contract defined in a sheet keeps its definition sheet in the workbook, as in the pane.
  const definitions = await definitionSheets(sources);
  const before = plan.sheets.findIndex((s) => s.role === "lists");
  plan.sheets.splice(before < 0 ? plan.sheets.length : before, 0, ...definitions);
  const carry = last
    ? (await import("../definition/carryFromLastYear")).carryFromLastYear(
        plan,
        placeCentres(contracts, centres.length ? centres : undefined).map((p) => ({
          sheet: p.sheet,
          centre: p.centre,
          rows: rowsFor(
            contracts.find((c) => c.id === p.contractId)!,
            p.centre,
          ),
        })),
        last.state,
      )
    : undefined;
  const buffer = await writePlanFile(plan);
  await writeOutput(out, buffer);
  const sheets = plan.sheets.filter((s) => s.role === "centre").map((s) => s.name);
  io.out(`Skrev ${path.basename(out)}: ${sheets.length} centerark (${sheets.join(", ")}).\n`);
  if (carry && last) io.out((await import("./carryReport")).printCarry(carry, path.basename(last.file)));
  return EXIT_OK;
}

/** The definition sheets of contracts read from definition workbooks (their planner loads only then). */
async function definitionSheets(sources: ContractSource[]): Promise<SheetPlan[]> {
  const defined = sources.flatMap((s) =>
    s.definitionSheet ? [{ contract: s.contract, name: s.definitionSheet }] : [],
  );
  if (defined.length === 0) return [];
  const { planDefinitionSheet } = await import("../definition/planDefinitionSheet");
  return defined.map((d) => planDefinitionSheet(d.contract, { name: d.name }));
}

export const buildCommand: Command = {
  name: "build",
  summary: "Byg en projektmappe til kontrakterne",
  help: HELP,
  run,
};
