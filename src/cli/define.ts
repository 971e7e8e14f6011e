// kontrakt define: a workbook with a definition sheet per contract, for the economist to read,
// change and build from — or an empty one to start a new contract.
import * as path from "node:path";
import { copyToNextYear } from "../definition/nextYear";
import { planDefinitionSheet, planEmptyDefinitionSheet } from "../definition/planDefinitionSheet";
import type { SheetPlan } from "../sheets/plan";
import { writePlan } from "../xlsx/writePlan";
import { parse, refuseFileNames, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { loadContracts, requireXlsxOut, writeOutput } from "./files";

const HELP = `Brug: kontrakt define [--contract ID|FIL]... [--next-year] [--year ÅR] --out FIL.xlsx

Skriver en projektmappe med et definitionsark pr. kontrakt: kontraktens hoved, centrene
og en række pr. mål med Måltype, Krav, et felt pr. center, Sådan måles og Note.
Ret i arket i Excel, og byg så med: kontrakt build --contract FIL.xlsx --out …

Tilvalg:
  --contract ID|FIL  Et indbygget kontrakt-id, en JSON-fil eller en projektmappe med
                     definitionsark. Kan gentages. Uden: en tom definition.
  --next-year        Kopiér til næste år: år, basisår, frister og kontrakt-id flyttes et
                     år frem; mål-id'erne bevares, og målteksterne står uændret.
  --year ÅR          Året for en tom definition (uden: indeværende år).
  --out FIL.xlsx     Hvor projektmappen gemmes (påkrævet).
  -h, --help         Denne hjælp.
`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("define", argv, {
    contract: { type: "string", multiple: true },
    "next-year": { type: "boolean" },
    year: { type: "string" },
    out: { type: "string", short: "o" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  refuseFileNames("define", positionals);
  const out = requireXlsxOut(values.out, "define");
  const sheets: SheetPlan[] = [];
  const taken = () => sheets.map((s) => s.name);
  if (values.contract?.length) {
    if (values.year) throw new CliError("--year bruges kun til en tom definition (uden --contract).");
    for (const loaded of await loadContracts(values.contract)) {
      const contract = values["next-year"] ? copyToNextYear(loaded) : loaded;
      sheets.push(planDefinitionSheet(contract, { takenNames: taken() }));
    }
  } else {
    const year = values.year === undefined ? new Date().getFullYear() : Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new CliError(`--year skal være et årstal, fx 2008 (fik "${values.year}").`);
    if (values["next-year"])
      throw new CliError("--next-year kræver --contract: hvilken kontrakt skal kopieres?");
    sheets.push(planEmptyDefinitionSheet(year));
  }
  await writeOutput(out, await writePlan({ sheets, names: [] }));
  io.out(
    `Skrev ${path.basename(out)}: ${sheets.map((s) => `arket "${s.name}"`).join(", ")}.\n` +
      `Ret i arket i Excel, og byg så med: kontrakt build --contract ${path.basename(out)} --out kontrakter.xlsx\n`,
  );
  return EXIT_OK;
}

export const defineCommand: Command = {
  name: "define",
  summary: "Skriv kontrakten som et definitionsark, der kan rettes i Excel",
  help: HELP,
  run,
};
