// kontrakt summary: (re)makes the Oversigt sheet from the workbook's own contracts and sheets.
import * as path from "node:path";
import { SUMMARY_SHEET } from "../sheets/layout";
import { planSummary } from "../sheets/planSummary";
import { placedSheets } from "../sheets/readWorkbook";
import { replaceSheet } from "../xlsx/replaceSheet";
import { expectPositionals, parse, type Command, type Io } from "./args";
import { EXIT_OK } from "./errors";
import { requireXlsxOut, writeOutput } from "./files";
import { openContractWorkbook } from "./workbook";

const HELP = `Brug: kontrakt summary PROJEKTMAPPE.xlsx --out FIL.xlsx

Laver arket "${SUMMARY_SHEET}" forfra ud fra projektmappens kontrakter og centerark og
erstatter det gamle; de andre ark bevares. Den oprindelige projektmappe ændres ikke
(medmindre --out peger på den).

Diagrammer kan ikke laves fra kommandolinjen; oversigten viser i stedet
opfyldelsesgraden med datalinjer. Åbn filen i Excel med tilføjelsesprogrammet
for at få diagrammet.

Tilvalg:
  --out FIL.xlsx  Hvor projektmappen gemmes (påkrævet).
  -h, --help      Denne hjælp.
`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("summary", argv, { out: { type: "string", short: "o" } });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [file] = expectPositionals("summary", positionals, ["PROJEKTMAPPE.xlsx"]);
  const out = requireXlsxOut(values.out, "summary");
  const workbook = await openContractWorkbook(file!);
  const { state } = workbook;
  const placed = placedSheets(state);
  const contracts = state.meta.contracts.filter((c) => placed.some((p) => p.contractId === c.id));
  const plan = planSummary(contracts, placed, {
    generatedAt: new Date().toISOString(),
    trips: state.meta.trips,
  });
  const result = await replaceSheet(workbook.buffer, plan, { fileName: path.basename(file!) });
  await writeOutput(out, result.buffer);
  io.out(
    `Skrev ${path.basename(out)}: arket "${SUMMARY_SHEET}" er lavet forfra for ${placed.length} centre.\n`,
  );
  if (result.dropped.length) {
    io.err(
      `Bemærk: projektmappen havde ${result.dropped.join(", ")}, som ikke kunne overføres til den nye fil.\n`,
    );
  }
  return EXIT_OK;
}

export const summaryCommand: Command = {
  name: "summary",
  summary: `Lav arket "${SUMMARY_SHEET}" forfra`,
  help: HELP,
  run,
};
