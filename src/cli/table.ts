import type { ParseArgsConfig } from 'node:util';

/** Parsed option values as a command's handler receives them, e.g. `{ data: 'data', 'dry-run': true }`. */
export type Values = Record<string, string | boolean | undefined>;

/** One option of a command: how it is parsed, and the line that describes it in the command's help. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
  /** What a string option's value is, shown after it in the help: `DIR`, `FILE`, `N`. */
  value?: string;
  /** One line (wrapped to the terminal's width when printed), e.g. `content folder`. */
  description: string;
  /** The value used when the option is left out; printed as `(default: …)` after the description. */
  default?: string;
  /** `dataDir`: a data folder, checked to exist (default included) before the command runs. */
  kind?: 'dataDir';
}

/** What a command does with its parsed options and positionals; resolves to its exit code. */
export type Handler = (values: Values, positionals: string[]) => Promise<number>;

/** One command of the command line: everything its parser, its help and the command list need. */
export interface Command {
  /** One line for the command list of `fieldguide --help`. */
  summary: string;
  /** The usage lines after `Usage: `, e.g. `fieldguide build [--data DIR] [--out DIR]`. */
  usage: string;
  /** What the command does, printed between the usage and the options. */
  description: string;
  /** Every option the command accepts; the global ones (`globalOptions`) are added to each. */
  options: Record<string, OptionSpec>;
  /** What the positional arguments are, e.g. `[DIR]`; when absent, the command takes none. */
  positionals?: string;
  /** Text printed after the options, before the exit codes. */
  notes?: string;
  /** The command's exit codes, e.g. `Exit codes: 0 built, 1 content errors, 2 usage errors.` */
  exits?: string;
  run: Handler;
}

/** The command line: command name → its declaration. */
export type CommandTable = Record<string, Command>;

/** Options every command accepts, declared once. */
export const globalOptions = {
  debug: { type: 'boolean', description: 'on an unexpected error (exit 70), print its stack trace' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** A command's options with the global ones, in the order its help lists them. */
export function allOptions(command: Command): Record<string, OptionSpec> {
  return { ...command.options, ...globalOptions };
}

/** The options as `parseArgs` takes them, e.g. `{ data: { type: 'string' }, help: { type: 'boolean', short: 'h' } }`. */
export function parserOptions(command: Command): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(allOptions(command)).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
}
