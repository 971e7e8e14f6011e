// kontrakt import: merges returned templates into the master by goal id. Every file is checked
// first; one refused file, or a conflict the user has not decided, and nothing is written.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../contracts/model";
import { formatNumber } from "../contracts/formatDa";
import { SUMMARY_SHEET } from "../sheets/layout";
import { danishDate } from "../sheets/planSummary";
import { applyImport, type ConflictChoice, type Conflict } from "../templates/applyImport";
import { logWrites } from "../templates/auditLog";
import { dropSameCentre, dropSameContent, scanFolder, skipNote, type Skipped } from "../templates/folderScan";
import { FIELD_LABEL, templateInputs } from "../templates/inputCells";
import { planTemplate } from "../templates/planTemplate";
import { previewImport, type ImportPreview } from "../templates/previewImport";
import { refusalMessage, type Refusal } from "../templates/refusal";
import { tripWrites } from "../templates/tripCells";
import { verifyTemplate, type VerifiedTemplate } from "../templates/verifyTemplate";
import { DEFAULT_LIMITS, guardZip, sizeLimit } from "../templates/zipGuard";
import { cellKinds } from "../xlsx/cellKinds";
import { gridsOf, loadWorkbook, XlsxReadError } from "../xlsx/readGrids";
import { writePlan } from "../xlsx/writePlan";
import { parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { readInput, requireXlsxOut, writeOutput } from "./files";
import { applyMasterWrites } from "./masterWrites";
import { formatTable } from "./table";
import { openContractWorkbook, type OpenedWorkbook } from "./workbook";

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

const CHOICES: ConflictChoice[] = ["keep", "replace", "fail"];

interface Candidate {
  file: string;
  /** Shown to the user: the path as given, or folder/name. */
  shown: string;
  bytes: Buffer;
  hash: string;
}

interface Accepted {
  template: VerifiedTemplate;
  /** The path as the user gave it (or folder/name), for notes and refusals. */
  file: string;
  /** The file's own name, for the preview, the Log and the trip. */
  baseName: string;
  centreKey: string;
  centre: string;
  kindAt: ReturnType<typeof cellKinds>;
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
  const choice = (values["on-conflict"] ?? "fail") as ConflictChoice;
  if (!CHOICES.includes(choice)) {
    throw new CliError(`--on-conflict skal være keep, replace eller fail (fik "${values["on-conflict"]}").`);
  }

  const master = await openContractWorkbook(masterFile);
  if (master.state.meta.template) {
    throw new CliError(
      `"${path.basename(masterFile)}" er en skabelon til ét center, ikke projektmappen. Angiv projektmappen først.`,
    );
  }
  if (out && sources.some((s) => path.resolve(s) === path.resolve(out))) {
    throw new CliError(`--out må ikke pege på en af de returnerede filer ("${out}").`);
  }

  // 1. Which files: named ones, and the .xlsx files of named folders.
  const skipped: Skipped[] = [];
  const files: { file: string; shown: string }[] = [];
  for (const source of sources) {
    const stat = await fs.stat(source).catch(() => undefined);
    if (!stat) throw new CliError(`"${source}" findes ikke.`);
    if (stat.isDirectory()) {
      const entries = await fs.readdir(source, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
        throw new CliError(`Mappen "${source}" kan ikke læses (${e.code ?? e.message}).`);
      });
      const scan = scanFolder(
        entries.map((e) => ({
          name: e.name,
          kind: e.isDirectory() ? "folder" : e.isFile() ? "file" : "other",
        })),
        (name) => path.join(source, name),
      );
      skipped.push(...scan.skipped);
      files.push(...scan.take.map((f) => ({ file: f, shown: f })));
    } else files.push({ file: source, shown: source });
  }

  // 2. Size, identical copies, and the zip itself, before any spreadsheet parser sees the bytes.
  const limit = sizeLimit(await largestFreshTemplate(master));
  const refusals: Refusal[] = [];
  const candidates: Candidate[] = [];
  for (const f of files) {
    const stat = await fs.stat(f.file);
    if (stat.size > limit) {
      refusals.push({ kind: "tooLarge", file: f.shown, bytes: stat.size, limit });
      continue;
    }
    const bytes = await readInput(f.file);
    candidates.push({ ...f, bytes, hash: createHash("sha256").update(bytes).digest("hex") });
  }
  const distinct = dropSameContent(candidates);
  skipped.push(...distinct.skipped);

  const accepted: Accepted[] = [];
  for (const c of distinct.take) {
    const guarded = await guardZip(c.bytes, c.shown, { ...DEFAULT_LIMITS, maxBytes: limit });
    if (guarded) {
      refusals.push(guarded);
      continue;
    }
    let wb;
    try {
      wb = await loadWorkbook(c.bytes, { fileName: c.shown });
    } catch (e) {
      if (e instanceof XlsxReadError) {
        refusals.push({ kind: "corrupt", file: c.shown });
        continue;
      }
      throw e;
    }
    const verified = verifyTemplate(master.state.meta, gridsOf(wb), c.shown);
    if (!verified.ok) {
      refusals.push(verified.refusal);
      continue;
    }
    const t = verified.template;
    accepted.push({
      template: t,
      file: c.shown,
      baseName: path.basename(c.file),
      centre: t.centre.code,
      centreKey: `${t.contract.id}\u0000${t.centre.code}`,
      kindAt: cellKinds(wb.getWorksheet(t.grid.name)),
    });
  }
  const perCentre = dropSameCentre(accepted);
  skipped.push(...perCentre.skipped);

  if (skipped.length) io.out(`Sprunget over:\n${skipped.map((s) => `  ${skipNote(s)}`).join("\n")}\n\n`);
  if (refusals.length) throw refusedError(refusals);
  if (perCentre.take.length === 0)
    throw new CliError("Der er ingen skabeloner at indlæse. Intet er skrevet.");

  // 3. The preview: what each file would change.
  const previews: ImportPreview[] = [];
  for (const a of perCentre.take) {
    const inputs = templateInputs(a.template, a.kindAt);
    const result = previewImport({ ...a.template, file: a.baseName }, inputs, master.state, master.grids);
    if (!result.ok) refusals.push({ ...result.refusal, file: a.file });
    else previews.push(result.preview);
  }
  if (refusals.length) throw refusedError(refusals);
  io.out(previews.map(previewText).join("\n\n") + "\n");

  // 4. Conflicts, then one write.
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
  if (dryRun) {
    io.out(`\nVed indlæsning: ${counts}.\nPrøvekørsel: intet er skrevet.\n`);
    return EXIT_OK;
  }

  const log = logWrites(master.grids, applied.log);
  const trips = tripWrites(master.state, master.grids, applied.trips, at);
  const buffer = await applyMasterWrites(
    master.buffer,
    [...applied.writes, ...log.writes, ...trips.writes],
    log.createSheet,
  );
  await writeOutput(out!, buffer);
  io.out(
    `\nSkrev ${path.basename(out!)}: ${counts}; ${applied.log.length} ${applied.log.length === 1 ? "linje" : "linjer"} i arket "Log"; modtagelsen er noteret i ${SUMMARY_SHEET} for ${previews.map((p) => p.centre).join(", ")}.\n`,
  );
  if (trips.summaryStale) {
    io.err(
      `Bemærk: arket "${SUMMARY_SHEET}" har ikke den forventede opbygning, så rækken "Indsendt" er ikke opdateret. Kør "kontrakt summary" for at lave det forfra.\n`,
    );
  }
  return EXIT_OK;
}

/** The size of a fresh template for the master's centre with the most goal rows. */
async function largestFreshTemplate(master: OpenedWorkbook): Promise<number> {
  const biggest = [...master.state.centres].sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!biggest) return 0;
  const plan = planTemplate(biggest.contract, biggest.centre.code, { exportedAt: new Date().toISOString() });
  return (await writePlan(plan)).length;
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
  return v;
}

const KIND_WORD = { new: "ny", unchanged: "uændret", conflict: "KONFLIKT" } as const;

function previewText(p: ImportPreview): string {
  const n = (k: string) => p.fields.filter((f) => f.kind === k).length;
  const head = `${p.centre} – ${p.centreName} (${p.file}, sendt ud ${danishDate(p.exportedAt)}): ${n("new")} nye, ${n("unchanged")} uændrede, ${n("conflict")} i konflikt`;
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
    ? `\n  Indsatte rækker med ukendte mål-id'er er ikke indlæst: ${p.unknownIds.join(", ")}.`
    : "";
  return `${head}\n${table}${rejected}${unknown}`;
}

function conflictLine(c: Conflict): string {
  const old = c.oldFormula ? `formlen =${c.oldFormula.replace(/^=/, "")}` : shownValue(c.old);
  return `${c.centre} ${c.goalId} ${FIELD_LABEL[c.field]} (${c.masterAddress}): projektmappen har ${old}, ${c.file} har ${shownValue(c.value)}`;
}

export const importCommand: Command = {
  name: "import",
  summary: "Indlæs udfyldte skabeloner fra centrene",
  help: HELP,
  run,
};
