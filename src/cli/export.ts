// kontrakt export: one template per centre to send out, made from the same plan as the master.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { danishDate } from "../sheets/planSummary";
import { planTemplate } from "../templates/planTemplate";
import { templateFileNames } from "../templates/templateFileName";
import { tripWrites } from "../templates/tripCells";
import { writePlan } from "../xlsx/writePlan";
import { expectPositionals, parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { requireXlsxOut, writeOutput } from "./files";
import { applyMasterWrites } from "./masterWrites";
import { openContractWorkbook } from "./workbook";
import { prefilledCount } from "../templates/prefilledCount";

const HELP = `Brug: kontrakt export PROJEKTMAPPE.xlsx --dir MAPPE [--prefill] [--centre KODE]...
                       [--out PROJEKTMAPPE.xlsx] [--force]

Laver en skabelon (.xlsx) pr. center til at sende ud. Skabelonen har centrets ark præcis
som i projektmappen (samme rækker, celler, formler og farver), beskyttet, så kun de gule
felter kan udfyldes, et ark "Vejledning" og skjulte kontraktdata, så den kan indlæses
igen med "kontrakt import". Filnavnet siger kontrakt, center og år, fx
beskaeftigelsescentre-2007_CKB_2007.xlsx.

Projektmappen ændres ikke, medmindre --out peger på den.

Tilvalg:
  --dir MAPPE      Hvor skabelonerne gemmes; oprettes, hvis den ikke findes (påkrævet).
  --prefill        Skriv de tal, der allerede står i projektmappen, i skabelonerne.
  --centre KODE    Kun dette center. Kan gentages. --center virker også.
  --out FIL.xlsx   Gem projektmappen med tidspunktet for udsendelsen (Oversigt, rækken
                   "Indsendt"). Må gerne være projektmappen selv. Uden --out gemmes
                   tidspunktet ikke.
  --force          Overskriv skabeloner, der allerede ligger i mappen.
  -h, --help       Denne hjælp.
`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("export", argv, {
    dir: { type: "string" },
    prefill: { type: "boolean" },
    centre: { type: "string", multiple: true },
    center: { type: "string", multiple: true },
    out: { type: "string", short: "o" },
    force: { type: "boolean" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [file] = expectPositionals("export", positionals, ["PROJEKTMAPPE.xlsx"]);
  if (!values.dir) throw new CliError("Angiv, hvor skabelonerne skal gemmes: kontrakt export … --dir MAPPE");
  const out = values.out === undefined ? undefined : requireXlsxOut(values.out, "export");
  const master = await openContractWorkbook(file!);
  const { state } = master;
  if (state.meta.template) {
    throw new CliError(
      `"${path.basename(file!)}" er en skabelon til ét center, ikke projektmappen. Eksportér fra projektmappen.`,
    );
  }

  const available = state.centres.map((c) => ({ contract: c.contract, code: c.centre.code }));
  if (available.length === 0) throw new CliError("Projektmappen har ingen centerark at lave skabeloner til.");
  const wanted = [...(values.centre ?? []), ...(values.center ?? [])];
  const chosen = wanted.length
    ? wanted.map((w) => {
        const hit = available.find((a) => a.code.toLowerCase() === w.toLowerCase());
        if (!hit)
          throw new CliError(
            `Ukendt center "${w}". Projektmappens centre er: ${available.map((a) => a.code).join(", ")}.`,
          );
        return hit;
      })
    : available;

  const names = templateFileNames(
    chosen.map((c) => ({ contractId: c.contract.id, centre: c.code, year: c.contract.year })),
  );
  const dir = values.dir;
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new CliError(
      `Mappen "${dir}" kan ikke oprettes (${(e as NodeJS.ErrnoException).code ?? String(e)}).`,
    );
  }
  if (!values.force) {
    const existing = [];
    for (const name of names) if (await exists(path.join(dir, name))) existing.push(name);
    if (existing.length) {
      throw new CliError(
        `Disse skabeloner findes allerede i "${dir}": ${existing.join(", ")}. Brug --force for at overskrive dem, eller vælg en anden mappe. Intet er skrevet.`,
      );
    }
  }

  const exportedAt = new Date().toISOString();
  const written: { name: string; code: string; contractId: string; prefilled: number }[] = [];
  for (const [i, c] of chosen.entries()) {
    const plan = planTemplate(c.contract, c.code, {
      exportedAt,
      prefill: values.prefill ? state : undefined,
    });
    const prefilled = values.prefill ? prefilledCount(state, c.contract.id, c.code) : 0;
    await writeOutput(path.join(dir, names[i]!), await writePlan(plan));
    written.push({ name: names[i]!, code: c.code, contractId: c.contract.id, prefilled });
  }

  const lines = written.map(
    (w) => `  ${w.name}  (${w.code}${values.prefill ? `, ${w.prefilled} tal udfyldt på forhånd` : ""})`,
  );
  io.out(
    `Skrev ${written.length} ${written.length === 1 ? "skabelon" : "skabeloner"} i ${dir}:\n${lines.join("\n")}\n`,
  );

  if (!out) {
    io.out(
      `Tidspunktet for udsendelsen (${danishDate(exportedAt)}) er ikke gemt i projektmappen. Angiv --out ${path.basename(file!)} for at gemme det.\n`,
    );
    return EXIT_OK;
  }
  const trips = written.map((w) => ({
    event: "exported" as const,
    contractId: w.contractId,
    centre: w.code,
    at: exportedAt,
    file: w.name,
  }));
  const record = tripWrites(state, master.grids, trips, exportedAt);
  const buffer = await applyMasterWrites(master.buffer, record.writes, false);
  await writeOutput(out, buffer);
  io.out(
    `Skrev ${path.basename(out)}: udsendelsen ${danishDate(exportedAt)} er noteret for ${written.map((w) => w.code).join(", ")}.\n`,
  );
  if (record.summaryStale) {
    io.err(
      `Bemærk: arket "Oversigt" har ikke den forventede opbygning, så rækken "Indsendt" er ikke opdateret. Kør "kontrakt summary" for at lave det forfra.\n`,
    );
  }
  return EXIT_OK;
}

async function exists(file: string): Promise<boolean> {
  return fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
}

export const exportCommand: Command = {
  name: "export",
  summary: "Lav en skabelon pr. center til at sende ud",
  help: HELP,
  run,
};
