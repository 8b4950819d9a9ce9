import { exitCodeMeanings } from './exit-codes.ts';
import { allOptions, globalOptions, type Command, type CommandTable, type OptionSpec } from './table.ts';

/** Width the help is wrapped to. */
const width = 92;

/**
 * Words of `text` in lines of at most `room` characters, then `tail` kept whole, e.g.
 * `wrap('a b c', 3)` → `['a b', 'c']`.
 */
export function wrap(text: string, room: number, tail?: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of [...text.split(/\s+/).filter(Boolean), ...(tail ? [tail] : [])]) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** How an option is written in the help, e.g. `--data DIR`, `-h, --help`. */
export const optionLabel = (name: string, o: OptionSpec): string =>
  `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;

/** The "Options:" section, written from the declared options: each one's label and its wrapped description. */
export function optionsSection(options: Record<string, OptionSpec>): string {
  const labels = Object.entries(options).map(([name, o]) => [optionLabel(name, o), o] as const);
  const column = Math.max(...labels.map(([label]) => label.length)) + 2;
  const lines = labels.flatMap(([label, o]) => {
    const [first, ...more] = wrap(o.description, width - 2 - column, o.default === undefined ? undefined : `(default: ${o.default})`);
    return [`  ${label.padEnd(column)}${first}`, ...more.map((l) => `${' '.repeat(2 + column)}${l}`)];
  });
  return `Options:\n${lines.join('\n')}`;
}

/** `fieldguide <name> --help`: usage, what it does, its options, notes and exit codes. */
export function commandHelp(command: Command): string {
  return [`Usage: ${command.usage}`, command.description, optionsSection(allOptions(command)), command.notes, command.exits]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
}

/** `fieldguide --help`: the command list, the global options and the exit codes. */
export function mainHelp(table: CommandTable): string {
  const names = Object.keys(table);
  const column = Math.max(...names.map((n) => n.length)) + 2;
  const list = names.map((name) => `  ${name.padEnd(column)}${table[name].summary}`).join('\n');
  const codeColumn = Math.max(...exitCodeMeanings.map(([code]) => String(code).length)) + 2;
  const exits = exitCodeMeanings.map(([code, meaning]) => `  ${String(code).padEnd(codeColumn)}${meaning}`).join('\n');
  return `Usage: fieldguide <command> [options]
       fieldguide --version

Builds a static troubleshooting site from structured JSON content.

Commands:
${list}

Run 'fieldguide <command> --help' for the options of a command, and 'fieldguide --version'
(or -v) for the version. Every command also takes:
${optionsSection(globalOptions).split('\n').slice(1).join('\n')}

Exit codes:
${exits}`;
}
