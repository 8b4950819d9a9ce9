import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from '../../../src/cli.ts';
import { commandHelp, mainHelp } from '../../../src/cli/help.ts';
import { allOptions, globalOptions } from '../../../src/cli/table.ts';
import { exitCodeMeanings, exitCodes } from '../../../src/cli/exit-codes.ts';

/** Every `--flag` a text names, e.g. `['data', 'out']` for `[--data DIR] [--out DIR]`. */
const flagsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]));

test('the main help lists every command of the table, in its order, with its summary', () => {
  const listed = [...mainHelp(commands).split('Commands:\n')[1].split('\n\n')[0].matchAll(/^ {2}([a-z][\w-]*) +(.+)$/gm)].map((m) => [m[1], m[2]]);
  assert.deepEqual(listed, Object.entries(commands).map(([name, c]) => [name, c.summary]));
  assert.match(mainHelp(commands), /fieldguide --version/);
});

test('every command\'s help names each option it accepts, and no --flag it does not accept', () => {
  for (const [name, command] of Object.entries(commands)) {
    const help = commandHelp(command);
    assert.match(help, new RegExp(`^Usage: fieldguide ${name}\\b`), name);
    const declared = Object.keys(allOptions(command));
    const options = help.split('\nOptions:\n')[1].split('\n\n')[0];
    for (const option of declared) assert.match(options, new RegExp(`--${option}\\b`), `fieldguide ${name} --help lists --${option} among its options`);
    for (const flag of flagsIn(help)) assert.ok(declared.includes(flag), `fieldguide ${name} --help names --${flag}, which the command does not accept`);
    for (const [option, spec] of Object.entries(command.options)) {
      assert.ok(spec.description && !spec.description.includes('\n'), `fieldguide ${name} --${option} has a one-line description`);
      if (spec.type === 'string') assert.ok(spec.value, `fieldguide ${name} --${option} names its value`);
    }
    if (command.positionals === undefined) assert.doesNotMatch(command.usage.replace(/\[[^\]]*\]/g, ''), new RegExp(`fieldguide ${name} +[^\\s-]`), `fieldguide ${name} takes no positionals`);
  }
});

test('the main help names only global options and lists every exit code', () => {
  const help = mainHelp(commands);
  for (const flag of flagsIn(help)) assert.ok(['version', ...Object.keys(globalOptions)].includes(flag), `--${flag}`);
  const listed = [...help.split('Exit codes:\n')[1].matchAll(/^ {2}(\d+) +(.+)$/gm)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(listed, exitCodeMeanings);
  assert.deepEqual(listed.map(([code]) => code), [...new Set(Object.values(exitCodes))]);
});
