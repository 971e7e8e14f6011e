// kontrakt import: merges returned templates into the master by goal id. Every file goes through
// the template review the pane uses too (templates/reviewReturned), here with the policy that one
// refused file, or a conflict the user has not decided, means nothing is written.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../contracts/model";
import { formatNumber } from "../contracts/formatDa";
import { SUMMARY_SHEET } from "../sheets/layout";
import { danishDate } from "../sheets/planSummary";
import { applyImport, type Conflict, type ConflictPolicy } from "../templates/applyImport";
import { logWrites } from "../templates/auditLog";
import { scanFolder, skipNote, type Skipped } from "../templates/folderScan";
import { FIELD_LABEL } from "../templates/inputCells";
import type { FilePreview } from "../templates/previewImport";
import { refusalMessage, type Refusal } from "../templates/refusal";
import type { ReturnedSource } from "../templates/reviewReturned";
import { shownText } from "../templates/shownText";
import { tripWrites } from "../templates/tripCells";
import { reviewReturnedFiles } from "../xlsx/templateFiles";
import { parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import {
  assertOutSeparate,
  inputKind,
  isSameFile,
  openInExcel,
  readInput,
  requireXlsxOut,
  writeOutput,
} from "./files";
import { assertUnchanged, sha256, withWriteLock } from "./masterLock";
import { applyMasterWrites } from "./masterWrites";
import { formatTable } from "./table";
import { openContractWorkbook } from "./workbook";

const HELP = `Brug: kontrakt import PROJEKTMAPPE.xlsx RETUR.xlsx|MAPPE... --out FIL.xlsx
                       [--on-conflict keep|replace|fail] [--dry-run]

Indlæser de tal, centrene har skrevet i deres skabeloner (fra "kontrakt export"), i
projektmappen – efter mål-id, ikke efter rækkenummer. Kun værdier indlæses: en formel,
en fejl, en dato eller et link i et gult felt springes over, med besked om cellen.

Hver fil kontrolleres først. En fil afvises, hvis den ikke er en skabelon til
projektmappens kontrakt, hører til et andet center, end den siger, er lavet ud fra en
anden udgave af kontrakten (ændrede mål eller sidste års skabelon), har ændrede mål,
krav eller mål-værdier, mangler målrækker eller er beskadiget, alt for stor eller en
zip-bombe. Afvises blot én fil, skrives intet.

I en mappe springes Office-låsefiler (~$…), filer, der ikke er .xlsx, og dubletter
over med en besked: en fil med samme indhold som en anden, og alle filer for et center,
som flere forskellige filer er for (angiv så den rigtige fil direkte).

Først vises, hvilke tal der er nye, uændrede eller i konflikt med et andet tal, der
allerede står i projektmappen. Så skrives det hele på én gang til --out, med en linje
pr. ændret tal i arket "Log" og tidspunktet for modtagelsen i Oversigt ("Indsendt").

Tilvalg:
  --out FIL.xlsx            Hvor projektmappen gemmes (påkrævet, undtagen ved --dry-run).
                            Må gerne være projektmappen selv.
  --on-conflict keep|replace|fail
                            Hvad der sker, hvor projektmappen allerede har et andet tal:
                            keep beholder projektmappens tal, replace bruger filens,
                            fail (standard) stopper med en liste over konflikterne
                            (kode 2), og intet skrives.
  --dry-run                 Vis kun, hvad der ville ske; intet skrives.
  -h, --help                Denne hjælp.

Afslutter med kode 0, når tallene er indlæst (eller prøvekørslen gik igennem), og
med kode 2, når en fil er afvist, en konflikt ikke er afgjort, eller noget ikke kan
læses eller skrives.
`;

const CHOICES: ConflictPolicy[] = ["keep", "replace", "fail"];

interface Options {
  masterFile: string;
  sources: string[];
  out: string | undefined;
  choice: ConflictPolicy;
  dryRun: boolean;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("import", argv, {
    out: { type: "string", short: "o" },
    "on-conflict": { type: "string" },
    "dry-run": { type: "boolean" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [masterFile, ...sources] = positionals;
  if (!masterFile || sources.length === 0) {
    throw new CliError(
      `Mangler ${masterFile ? "de returnerede filer eller en mappe med dem" : "PROJEKTMAPPE.xlsx og de returnerede filer"}. Se kontrakt import --help.`,
    );
  }
  const dryRun = values["dry-run"] === true;
  const out = dryRun && values.out === undefined ? undefined : requireXlsxOut(values.out, "import");
  const choice = (values["on-conflict"] ?? "fail") as ConflictPolicy;
  if (!CHOICES.includes(choice)) {
    throw new CliError(`--on-conflict skal være keep, replace eller fail (fik "${values["on-conflict"]}").`);
  }
  const options: Options = { masterFile, sources, out, choice, dryRun };
  // The whole read-modify-write under one lock: a second import into the same file waits and then reads this one's result.
  return out && !dryRun ? withWriteLock(out, () => importInto(options, io)) : importInto(options, io);
}

async function importInto({ masterFile, sources, out, choice, dryRun }: Options, io: Io): Promise<number> {
  const master = await openContractWorkbook(masterFile);
  const readHash = sha256(master.buffer);
  if (master.state.meta.template) {
    throw new CliError(
      `"${path.basename(masterFile)}" er en skabelon til ét center, ikke projektmappen. Angiv projektmappen først.`,
    );
  }
  const owner = await openInExcel(masterFile);
  if (owner) {
    io.err(
      `Bemærk: "${owner}" ligger ved siden af projektmappen, så den er måske åben i Excel. Gem og luk den i Excel, før du åbner resultatet; ellers kan Excel gemme sin udgave oven i.\n`,
    );
  }

  // 1. Which files: named ones, and the .xlsx files of named folders.
  const skipped: Skipped[] = [];
  const files: { file: string; size: number }[] = [];
  for (const source of sources) {
    const kind = await inputKind(source);
    if (kind === "missing") throw new CliError(`"${shownText(source)}" findes ikke.`);
    if (kind === "other")
      throw new CliError(`"${shownText(source)}" er ikke en almindelig fil eller mappe og læses ikke.`);
    if (kind === "folder") {
      const entries = await fs.readdir(source, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
        throw new CliError(`Mappen "${shownText(source)}" kan ikke læses (${e.code ?? e.message}).`);
      });
      const scan = scanFolder(
        entries.map((e) => ({
          name: e.name,
          kind: e.isDirectory() ? "folder" : e.isFile() ? "file" : "other",
        })),
        (name) => path.join(source, name),
      );
      skipped.push(...scan.skipped);
      for (const file of scan.take) files.push({ file, size: (await fs.stat(file)).size });
    } else files.push({ file: source, size: (await fs.stat(source)).size });
  }
  if (out) {
    await assertOutSeparate(
      out,
      files.map((f) => ({ file: f.file, what: "en af de returnerede filer" })),
    );
  }

  // 2. The review: size, identical copies, the zip, the template and what each file would change.
  const review = await reviewReturnedFiles(
    files.map((f): ReturnedSource => ({
      name: path.basename(f.file),
      shown: shownText(f.file),
      size: f.size,
      bytes: () => readInput(f.file),
    })),
    master,
    "refuseAll",
  );
  skipped.push(...review.skipped);
  if (skipped.length) io.out(`Sprunget over:\n${skipped.map((s) => `  ${skipNote(s)}`).join("\n")}\n\n`);
  if (review.refusals.length) throw refusedError(review.refusals);
  if (review.accepted.length === 0)
    throw new CliError("Der er ingen skabeloner at indlæse. Intet er skrevet.");
  const previews = review.accepted.map((a) => a.preview);
  io.out(previews.map(previewText).join("\n\n") + "\n");

  // 3. Conflicts, then one write.
  const at = new Date().toISOString();
  const result = applyImport(previews, choice, at);
  if (!result.ok) {
    const lines = result.conflicts.map(conflictLine);
    if (dryRun) {
      io.out(
        `\n${result.conflicts.length} ${result.conflicts.length === 1 ? "konflikt" : "konflikter"} (projektmappen har allerede et andet tal):\n${lines.map((l) => `  ${l}\n`).join("")}Vælg --on-conflict keep (behold projektmappens tal) eller replace (brug filens).\nPrøvekørsel: intet er skrevet.\n`,
      );
      return EXIT_OK;
    }
    throw new CliError(
      `${result.conflicts.length} ${result.conflicts.length === 1 ? "konflikt" : "konflikter"}: projektmappen har allerede et andet tal. Vælg --on-conflict keep (behold projektmappens tal) eller --on-conflict replace (brug filens). Intet er skrevet.`,
      lines,
    );
  }
  const applied = result.applied;
  const counts = `${applied.added.length} nye, ${applied.replaced.length} erstattede, ${applied.kept.length} beholdt ved konflikt, ${applied.unchanged.length} uændrede`;
  if (dryRun || !out) {
    io.out(`\nVed indlæsning: ${counts}.\nPrøvekørsel: intet er skrevet.\n`);
    return EXIT_OK;
  }

  const log = logWrites(master.grids, applied.log);
  const trips = tripWrites(master.state, master.grids, applied.trips, at);
  const buffer = await applyMasterWrites(
    master.buffer,
    [...applied.writes, ...log.writes, ...trips.writes],
    log.createSheet ? log.sheet : undefined,
  );
  if (await isSameFile(out, masterFile)) await assertUnchanged(out, readHash);
  await writeOutput(out, buffer);
  io.out(
    `\nSkrev ${path.basename(out)}: ${counts}; ${applied.log.length} ${applied.log.length === 1 ? "linje" : "linjer"} i arket "${log.sheet}"; modtagelsen er noteret i ${SUMMARY_SHEET} for ${previews.map((p) => p.centre).join(", ")}.\n`,
  );
  if (trips.summaryStale) {
    io.err(
      `Bemærk: arket "${SUMMARY_SHEET}" har ikke den forventede opbygning, så rækken "Indsendt" er ikke opdateret. Kør "kontrakt summary" for at lave det forfra.\n`,
    );
  }
  return EXIT_OK;
}

function refusedError(refusals: Refusal[]): CliError {
  if (refusals.length === 1) return new CliError(refusalMessage(refusals[0]!));
  return new CliError(
    `${refusals.length} filer er afvist. Intet er indlæst, og intet er skrevet.`,
    refusals.map(refusalMessage),
  );
}

export function shownValue(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === "") return "(tom)";
  if (typeof v === "number") return formatNumber(v, 6);
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  return shownText(v);
}

const KIND_WORD = { new: "ny", unchanged: "uændret", conflict: "KONFLIKT" } as const;

function previewText(p: FilePreview): string {
  const n = (k: string) => p.fields.filter((f) => f.kind === k).length;
  const head = `${p.centre} – ${p.centreName} (${shownText(p.file)}, sendt ud ${danishDate(p.exportedAt)}): ${n("new")} nye, ${n("unchanged")} uændrede, ${n("conflict")} i konflikt`;
  const table = p.fields.length
    ? formatTable(
        [
          { header: "Mål-ID", max: 16 },
          { header: "Felt" },
          { header: "Celle" },
          { header: "I projektmappen", max: 30 },
          { header: "I filen", max: 30 },
          { header: "" },
        ],
        p.fields.map((f) => [
          f.goalId,
          FIELD_LABEL[f.field],
          f.masterAddress,
          f.oldFormula ? `=${f.oldFormula.replace(/^=/, "")}` : shownValue(f.old),
          shownValue(f.value),
          KIND_WORD[f.kind],
        ]),
      )
    : "  Filen har ingen udfyldte felter.";
  const rejected = p.rejected.length
    ? `\n  Ikke indlæst:\n${p.rejected.map((r) => `    ${r.reason}`).join("\n")}`
    : "";
  const unknown = p.unknownIds.length
    ? `\n  Indsatte rækker med ukendte mål-id'er er ikke indlæst: ${p.unknownIds.map(shownText).join(", ")}.`
    : "";
  return `${head}\n${table}${rejected}${unknown}`;
}

function conflictLine(c: Conflict): string {
  const old = c.oldFormula ? `formlen =${c.oldFormula.replace(/^=/, "")}` : shownValue(c.old);
  return `${c.centre} ${c.goalId} ${FIELD_LABEL[c.field]} (${c.masterAddress}): projektmappen har ${old}, ${shownText(c.file)} har ${shownValue(c.value)}`;
}

export const importCommand: Command = {
  name: "import",
  summary: "Indlæs udfyldte skabeloner fra centrene",
  help: HELP,
  run,
};
