// kontrakt draft: a contract drafted from the appendix itself (its Word file or its text), written
// as a definition workbook to review in Excel, or as a JSON contract file.
import * as path from "node:path";
import type { DraftResult } from "../draft/draftContract";
import { parse, type Command, type Io } from "./args";
import { CliError, EXIT_OK } from "./errors";
import { readInput, writeOutput } from "./files";

const HELP = `Brug: kontrakt draft BILAG.docx|BILAG.txt --out UDKAST.xlsx|UDKAST.json [--json]

Læser bilaget med resultatmålene — Word-filen eller teksten kopieret ud af den (UTF-8 eller
Windows-1252, kolonner adskilt af tabulator) — og laver et udkast til kontrakten.
Hvert mål, der kan læses sikkert, er udfyldt; hvert mål, hvor teksten kan læses på flere måder,
står til gennemsyn med grunden og alternativerne.

Tilvalg:
  --out FIL.xlsx    Et definitionsark at gennemse i Excel: rækkerne til gennemsyn er fremhævet,
                    og kolonnen "Gennemsyn" siger hvorfor. Byg bagefter med
                    kontrakt build --contract FIL.xlsx --out kontrakter.xlsx
  --out FIL.json    Kontrakten som JSON-fil (gennemsynet står kun i udskriften).
  --json            Maskinlæsbart på standard output: {"contract":{"id","title","year"},
                    "goals":N,"centres":[{"code","name"}],"review":[{"goalId","line","reason"}]}
                    (uden --out skrives ingen fil).
  -h, --help        Denne hjælp.
`;

function jsonSummary(result: DraftResult) {
  const { contract, review } = result;
  return {
    contract: { id: contract.id, title: contract.title, year: contract.year },
    goals: contract.goals.length,
    centres: contract.centres.map((c) => ({ code: c.code, name: c.name })),
    review: review.map((r) => ({ goalId: r.goalId, line: r.line, reason: r.reason })),
  };
}

async function draftFile(file: string): Promise<DraftResult> {
  const bytes = new Uint8Array(await readInput(file));
  const { draftFromFile } = await import("../draft/draftFile");
  const { DraftError } = await import("../draft/errors");
  try {
    return await draftFromFile(bytes, path.basename(file));
  } catch (e) {
    if (e instanceof DraftError) throw new CliError(e.message);
    throw e;
  }
}

async function output(result: DraftResult, out: string): Promise<void> {
  if (path.extname(out).toLowerCase() === ".json") {
    await writeOutput(out, Buffer.from(`${JSON.stringify(result.contract, null, 2)}\n`, "utf8"));
    return;
  }
  const { planDefinitionSheet } = await import("../definition/planDefinitionSheet");
  const { definitionReview } = await import("../draft/reviewSheet");
  const { writePlan } = await import("../xlsx/writePlan");
  const sheet = planDefinitionSheet(result.contract, { review: definitionReview(result) });
  await writeOutput(out, await writePlan({ sheets: [sheet], names: [] }));
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("draft", argv, {
    out: { type: "string", short: "o" },
    json: { type: "boolean" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliError(
      positionals.length === 0
        ? "Angiv bilaget: kontrakt draft BILAG.docx --out UDKAST.xlsx"
        : `Angiv ét bilag ad gangen (fik ${positionals.join(" ")}).`,
    );
  }
  const input = positionals[0]!;
  const out = values.out;
  if (!out && !values.json)
    throw new CliError("Angiv, hvor udkastet skal gemmes: --out UDKAST.xlsx eller --out UDKAST.json");
  if (out && ![".xlsx", ".json"].includes(path.extname(out).toLowerCase())) {
    throw new CliError(`--out skal være en .xlsx- eller .json-fil (fik "${out}").`);
  }
  if (out && path.resolve(out) === path.resolve(input)) {
    throw new CliError(`--out må ikke være bilaget selv ("${input}"): vælg et nyt filnavn.`);
  }
  const result = await draftFile(input);
  if (out) await output(result, out);
  if (values.json) {
    io.out(`${JSON.stringify(jsonSummary(result))}\n`);
    return EXIT_OK;
  }
  const { draftSummary } = await import("../draft/reviewSheet");
  const lines = [
    `${result.contract.title} (${result.contract.year}): ${draftSummary(result)}.`,
    `Centre: ${result.contract.centres.map((c) => `${c.code} (${c.name})`).join(", ")}.`,
    ...result.review.map((r) => `  linje ${r.line}${r.goalId ? `, ${r.goalId}` : ""}: ${r.reason}`),
  ];
  if (out) {
    lines.push(
      path.extname(out).toLowerCase() === ".xlsx"
        ? `Skrev ${path.basename(out)}. Gennemse de fremhævede rækker i Excel, og byg så med: kontrakt build --contract ${path.basename(out)} --out kontrakter.xlsx`
        : `Skrev ${path.basename(out)}.`,
    );
  }
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

export const draftCommand: Command = {
  name: "draft",
  summary: "Lav et udkast til en kontrakt ud fra bilaget (Word-fil eller tekst)",
  help: HELP,
  run,
};
