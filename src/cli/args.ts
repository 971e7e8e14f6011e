// util.parseArgs with Danish messages, and the shape every subcommand has.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./errors";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  /** One line for `kontrakt --help`. */
  summary: string;
  /** The whole `kontrakt <cmd> --help` text. */
  help: string;
  run(argv: string[], io: Io): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  debug: { type: "boolean" },
} as const satisfies Options;

export function parse<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    const option = /'([^']+)'/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new CliError(
        `Ukendt tilvalg ${option ?? ""} til "kontrakt ${command}". Se kontrakt ${command} --help.`,
      );
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new CliError(
        `Tilvalget ${option?.split(" ")[0] ?? ""} mangler en værdi. Se kontrakt ${command} --help.`,
      );
    }
    throw new CliError(`Kommandolinjen kan ikke læses: ${message}. Se kontrakt ${command} --help.`);
  }
}

export function expectPositionals(command: string, positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) {
    throw new CliError(
      `Mangler ${names.slice(positionals.length).join(" og ")}. Se kontrakt ${command} --help.`,
    );
  }
  if (positionals.length > names.length) {
    throw new CliError(
      `For mange argumenter til "kontrakt ${command}": ${positionals.slice(names.length).join(" ")}. Se kontrakt ${command} --help.`,
    );
  }
  return positionals;
}

/** For commands that take their files as --contract and --out only: a bare file name is a mistake. */
export function refuseFileNames(command: string, positionals: string[]): void {
  if (positionals.length === 0) return;
  throw new CliError(
    `"kontrakt ${command}" tager ingen filnavne uden tilvalg (fik ${positionals.join(" ")}). Brug --contract FIL og --out FIL.xlsx.`,
  );
}
