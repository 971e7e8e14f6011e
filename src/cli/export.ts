// kontrakt export: one template per centre to send out, made by the same code as the pane's
// (templates/exportTemplates, rendered by xlsx/templateFiles).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { danishDate } from "../sheets/planSummary";
import { exportTrips } from "../templates/exportTemplates";
import { tripWrites } from "../templates/tripCells";
import { renderTemplates, UnknownCentre } from "../xlsx/templateFiles";
import { expectPositionals, parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { assertOutSeparate, isSameFile, requireXlsxOut, writeOutput } from "./files";
import { assertUnchanged, sha256, withWriteLock } from "./masterLock";
import { applyMasterWrites } from "./masterWrites";
import { openContractWorkbook } from "./workbook";

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

interface Options {
  file: string;
  dir: string;
  out: string | undefined;
  prefill: boolean;
  centres: string[];
  force: boolean;
}

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
  const options: Options = {
    file: file!,
    dir: values.dir,
    out,
    prefill: values.prefill === true,
    centres: [...(values.centre ?? []), ...(values.center ?? [])],
    force: values.force === true,
  };
  return out ? withWriteLock(out, () => exportFrom(options, io)) : exportFrom(options, io);
}

async function exportFrom({ file, dir, out, prefill, centres, force }: Options, io: Io): Promise<number> {
  const master = await openContractWorkbook(file);
  const readHash = sha256(master.buffer);
  const { state } = master;
  if (state.meta.template) {
    throw new CliError(
      `"${path.basename(file)}" er en skabelon til ét center, ikke projektmappen. Eksportér fra projektmappen.`,
    );
  }

  const exportedAt = new Date().toISOString();
  let files;
  try {
    files = await renderTemplates(state, { prefill, exportedAt, centres });
  } catch (e) {
    if (e instanceof UnknownCentre) throw new CliError(e.message);
    throw e;
  }
  const targets = files.map((f) => ({ ...f, path: path.join(dir, f.name) }));
  for (const t of targets) {
    // A template must never land on the master, nor the master on a template about to be mailed out.
    await assertOutSeparate(t.path, [{ file, what: "projektmappen" }]);
    if (out) await assertOutSeparate(out, [{ file: t.path, what: `skabelonen til ${t.centre}` }]);
  }
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new CliError(
      `Mappen "${dir}" kan ikke oprettes (${(e as NodeJS.ErrnoException).code ?? String(e)}).`,
    );
  }
  if (!force) {
    const existing = [];
    for (const t of targets) if (await exists(t.path)) existing.push(t.name);
    if (existing.length) {
      throw new CliError(
        `Disse skabeloner findes allerede i "${dir}": ${existing.join(", ")}. Brug --force for at overskrive dem, eller vælg en anden mappe. Intet er skrevet.`,
      );
    }
  }

  for (const t of targets) await writeOutput(t.path, Buffer.from(t.bytes));
  const lines = targets.map(
    (w) => `  ${w.name}  (${w.centre}${prefill ? `, ${w.prefilled} tal udfyldt på forhånd` : ""})`,
  );
  io.out(
    `Skrev ${targets.length} ${targets.length === 1 ? "skabelon" : "skabeloner"} i ${dir}:\n${lines.join("\n")}\n`,
  );

  if (!out) {
    io.out(
      `Tidspunktet for udsendelsen (${danishDate(exportedAt)}) er ikke gemt i projektmappen. Angiv --out ${path.basename(file)} for at gemme det.\n`,
    );
    return EXIT_OK;
  }
  const record = tripWrites(state, master.grids, exportTrips(files, exportedAt), exportedAt);
  const buffer = await applyMasterWrites(master.buffer, record.writes);
  if (await isSameFile(out, file)) await assertUnchanged(out, readHash);
  await writeOutput(out, buffer);
  io.out(
    `Skrev ${path.basename(out)}: udsendelsen ${danishDate(exportedAt)} er noteret for ${files.map((w) => w.centre).join(", ")}.\n`,
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
