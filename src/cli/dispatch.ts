import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packageVersion } from '../package-root.ts';
import { reportFailure } from './report-failure.ts';
import { exitCodes } from './exit-codes.ts';
import { commandHelp, mainHelp } from './help.ts';
import { closeName } from './suggest.ts';
import { allOptions, parserOptions, type Command, type CommandTable, type Values } from './table.ts';

/** Where the dispatcher's own messages go: help on stdout, everything else on stderr. */
export interface CliIo {
  out: (text: string) => void;
  err: (line: string) => void;
}

const consoleIo: CliIo = { out: (text) => console.log(text), err: (line) => console.error(line) };

/** The table with `help` added: `fieldguide help <command>` prints that command's help. */
export function withHelp(table: CommandTable, io: CliIo = consoleIo): CommandTable {
  const all: CommandTable = {
    ...table,
    help: {
      summary: 'show help for a command (fieldguide help build)',
      usage: 'fieldguide help [COMMAND]',
      description: "Prints the help of a command, the same as 'fieldguide <command> --help'; with no\ncommand, the list of commands.",
      options: {},
      positionals: '[COMMAND]',
      exits: 'Exit codes: 0 shown, 2 unknown command.',
      run: async (_values, [topic, ...extra]) => {
        if (extra.length > 0) return usageError(io, 'fieldguide help', `takes one command, got ${[topic, ...extra].length}; run 'fieldguide help --help'`);
        if (topic === undefined) {
          io.out(mainHelp(all));
          return exitCodes.ok;
        }
        if (!Object.hasOwn(all, topic)) return unknownCommand(io, topic, all);
        io.out(commandHelp(all[topic]));
        return exitCodes.ok;
      },
    },
  };
  return all;
}

function usageError(io: CliIo, who: string, message: string): number {
  io.err(`${who}: ${message}`);
  return exitCodes.usage;
}

/** `fieldguide: unknown command "biuld"; did you mean "build"?` */
function unknownCommand(io: CliIo, name: string, table: CommandTable): number {
  const near = closeName(name, Object.keys(table));
  return usageError(io, 'fieldguide', `unknown command "${name}"; ${near ? `did you mean "${near}"?` : "run 'fieldguide --help' for the list"}`);
}

/** The first option of `args` the command does not declare, as typed (`--dta`, `-x`), with its name. */
function unknownOption(command: Command, args: string[]): { raw: string; name: string } | undefined {
  const options = parserOptions(command);
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
  return token?.kind === 'option' ? { raw: token.rawName, name: token.name } : undefined;
}

/** `fieldguide build: unknown option "--dta"; did you mean "--data"?` or the parser's own complaint. */
function parseError(io: CliIo, name: string, command: Command, args: string[], err: Error & { code?: string }): number {
  const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownOption(command, args) : undefined;
  if (unknown) {
    const near = closeName(unknown.name, Object.keys(allOptions(command)));
    return usageError(io, `fieldguide ${name}`, `unknown option "${unknown.raw}"; ${near ? `did you mean "--${near}"?` : `run 'fieldguide ${name} --help' for its options`}`);
  }
  return usageError(io, `fieldguide ${name}`, `${err.message.split('\n')[0]}; run 'fieldguide ${name} --help'`);
}

/** The first data folder option whose folder (given or default) does not exist, as a one-line usage error. */
function missingDataFolder(command: Command, values: Values): string | undefined {
  for (const [option, spec] of Object.entries(command.options)) {
    if (spec.kind !== 'dataDir') continue;
    const dir = (values[option] as string | undefined) ?? spec.default;
    if (dir === undefined) continue;
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return `no data folder at ${dir} (pass --${option} <folder>)`;
  }
  return undefined;
}

/** A thrown error no command handled: one line, or its stack trace with --debug; exit 70. */
function unexpected(io: CliIo, name: string, err: unknown, debug: boolean): number {
  const message = err instanceof Error ? err.message.split('\n')[0] || err.name : String(err).split('\n')[0];
  if (debug) io.err(`fieldguide ${name}: unexpected error: ${err instanceof Error && err.stack ? err.stack : String(err)}`);
  else io.err(`fieldguide ${name}: unexpected error: ${message} (run with --debug for the stack trace)`);
  return exitCodes.unexpected;
}

/**
 * Runs the command line `argv` (the arguments after `fieldguide`) against a command table and
 * returns the exit code (`exit-codes.ts`). Everything comes from the table: the command list,
 * strict parsing of each command's options plus the global ones, `--help`, the data folder check
 * and the handler; an error a handler throws and does not handle exits 70.
 */
export async function dispatch(argv: string[], table: CommandTable, io: CliIo = consoleIo): Promise<number> {
  let args = argv;
  let debug = false;
  while (args[0] === '--debug') {
    debug = true;
    args = args.slice(1);
  }
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help') {
    io.out(mainHelp(table));
    return name ? exitCodes.ok : exitCodes.usage;
  }
  if (name === '--version' || name === '-v') {
    io.out(packageVersion());
    return exitCodes.ok;
  }
  if (name.startsWith('-')) {
    const near = closeName(name.replace(/^-+/, ''), ['help', 'version', 'debug']);
    return usageError(io, 'fieldguide', `unknown option "${name}"; ${near ? `did you mean "--${near}"?` : "run 'fieldguide --help' for the list of commands"}`);
  }
  if (!Object.hasOwn(table, name)) return unknownCommand(io, name, table);
  const command = table[name];
  let values: Values;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, options: parserOptions(command), strict: true, allowPositionals: command.positionals !== undefined });
    // No option is declared `multiple`, so no value is an array.
    [values, positionals] = [parsed.values as Values, parsed.positionals];
  } catch (err) {
    return parseError(io, name, command, rest, err as Error);
  }
  const { help, debug: debugOption, ...own } = values;
  if (help) {
    io.out(commandHelp(command));
    return exitCodes.ok;
  }
  debug ||= debugOption === true;
  const missing = missingDataFolder(command, own);
  if (missing) return usageError(io, `fieldguide ${name}`, missing);
  try {
    // A command that runs another process (serve) passes --debug on.
    return await command.run(debug ? { ...own, debug: true } : own, positionals);
  } catch (err) {
    try {
      // A known failure (content errors, broken links, a usage error) that escaped its command.
      return reportFailure(name, err);
    } catch {
      return unexpected(io, name, err, debug);
    }
  }
}
