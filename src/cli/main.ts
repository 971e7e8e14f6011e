// The `kontrakt` command: dispatches to one file per subcommand. Errors meant for people are one
// Danish line on stderr and exit code 2; anything else is a bug, shown in full with --debug.
// Commands are loaded when used, so `kontrakt --help` and `kontrakt goals` do not pay for exceljs.
import type { Command, Io } from "./args";
import { CliError, EXIT_ERROR, EXIT_OK, isUserError } from "./errors";

interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: "goals",
    summary: "Vis centrene og de mål, der gælder for hvert af dem",
    load: async () => (await import("./goals")).goalsCommand,
  },
  {
    name: "build",
    summary: "Byg en projektmappe til kontrakterne",
    load: async () => (await import("./build")).buildCommand,
  },
  {
    name: "fill",
    summary: "Indsæt mange tal på én gang fra en CSV-fil",
    load: async () => (await import("./fill")).fillCommand,
  },
  {
    name: "check",
    summary: "Vurder alle mål ud fra de indtastede tal",
    load: async () => (await import("./check")).checkCommand,
  },
  {
    name: "summary",
    summary: 'Lav arket "Oversigt" forfra',
    load: async () => (await import("./summary")).summaryCommand,
  },
  {
    name: "export",
    summary: "Lav en skabelon pr. center til at sende ud",
    load: async () => (await import("./export")).exportCommand,
  },
  {
    name: "import",
    summary: "Indlæs udfyldte skabeloner fra centrene",
    load: async () => (await import("./import")).importCommand,
  },
];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Brug: kontrakt KOMMANDO [tilvalg]

Resultatkontrakter for jobcentre: byg projektmappen, indsæt tal og vurder målene.

Kommandoer:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Eksempel:
  kontrakt build --out kontrakter.xlsx
  kontrakt fill kontrakter.xlsx tal.csv --out udfyldt.xlsx
  kontrakt check udfyldt.xlsx

Skriv "kontrakt KOMMANDO --help" for at se en kommandos tilvalg.
Tilvalget --debug viser tekniske detaljer, hvis noget går galt.
`;
}

/**
 * Runs one command line and returns its exit code. All output goes through `io`, and nothing here
 * touches `process`, so tests run the command in-process (tests/cli/run.ts) exactly as the bin
 * (bin/kontrakt.js, which wires `io` to stdout/stderr) does.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes("--debug");
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      const entry = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      const topic = entry ? await entry.load() : undefined;
      if (name === undefined) {
        io.err(mainHelp());
        return EXIT_ERROR;
      }
      io.out(topic ? topic.help : mainHelp());
      return EXIT_OK;
    }
    if (name === "--version" || name === "-v") {
      io.out("kontrakt 0.1.0\n");
      return EXIT_OK;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      throw new CliError(
        `Ukendt kommando "${name}". Kommandoerne er: ${COMMANDS.map((c) => c.name).join(", ")}. Se kontrakt --help.`,
      );
    }
    return await (await entry.load()).run(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(`kontrakt: ${e.message}\n`);
      if (e instanceof CliError) for (const line of e.details) io.err(`  ${line}\n`);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return EXIT_ERROR;
    }
    io.err(
      `kontrakt: der opstod en uventet fejl: ${e instanceof Error ? e.message : String(e)}${debug ? "" : " (kør igen med --debug for detaljer)"}\n`,
    );
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_ERROR;
  }
}
