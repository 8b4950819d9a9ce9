import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands as table } from '../../../src/cli/commands.ts';
import { dispatch, withHelp, type CliIo } from '../../../src/cli/dispatch.ts';
import { exitCodes } from '../../../src/cli/exit-codes.ts';
import { i18nCommand } from '../../../src/cli/i18n.ts';
import type { CommandTable, Values } from '../../../src/cli/table.ts';

const tmp = mkdtempSync(join(tmpdir(), 'fieldguide-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the command line against a table, returning the exit code and what went to stdout and stderr. */
async function run(argv: string[], commands: (io: CliIo) => CommandTable = (io) => withHelp(table, io)) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (l) => err.push(l) };
  const code = await dispatch(argv, commands(io), io);
  return { code, out, err };
}

/** A table of one command, `probe`, that records what it was given or throws what it is told to. */
function probe(behaviour: { throws?: unknown } = {}) {
  const calls: { values: Values; positionals: string[] }[] = [];
  const commands = (io: CliIo) => withHelp({
    probe: {
      summary: 'a test command',
      usage: 'fieldguide probe [--data DIR] [--fast]',
      description: 'Records its arguments.',
      options: {
        data: { type: 'string', value: 'DIR', description: 'content folder', default: join(tmp, 'default-data'), kind: 'dataDir' },
        fast: { type: 'boolean', description: 'go fast' },
      },
      positionals: '[ARG]...',
      run: async (values, positionals) => {
        calls.push({ values, positionals });
        if ('throws' in behaviour) throw behaviour.throws;
        return exitCodes.ok;
      },
    },
  }, io);
  return { calls, commands };
}

test('an unknown command is one line on stderr, with the closest command when one is close, exit 2', async () => {
  assert.deepEqual(await run(['biuld']), { code: 2, out: [], err: ['fieldguide: unknown command "biuld"; did you mean "build"?'] });
  assert.deepEqual(await run(['chek-links']), { code: 2, out: [], err: ['fieldguide: unknown command "chek-links"; did you mean "check-links"?'] });
  assert.deepEqual(await run(['frobnicate']), { code: 2, out: [], err: ["fieldguide: unknown command \"frobnicate\"; run 'fieldguide --help' for the list"] });
  assert.deepEqual(await run(['help', 'biuld']), { code: 2, out: [], err: ['fieldguide: unknown command "biuld"; did you mean "build"?'] });
  assert.deepEqual(await run(['--verison']), { code: 2, out: [], err: ['fieldguide: unknown option "--verison"; did you mean "--version"?'] });
});

test('an unknown option of a command names the closest declared one, exit 2', async () => {
  assert.deepEqual(await run(['build', '--dta', 'data']), { code: 2, out: [], err: ['fieldguide build: unknown option "--dta"; did you mean "--data"?'] });
  assert.deepEqual(await run(['check-links', '--ofline']), { code: 2, out: [], err: ['fieldguide check-links: unknown option "--ofline"; did you mean "--offline"?'] });
  assert.deepEqual(await run(['i18n', 'status', '--dry-runn']), { code: 2, out: [], err: ['fieldguide i18n: unknown option "--dry-runn"; did you mean "--dry-run"?'] });
  assert.deepEqual(await run(['build', '--debgu']), { code: 2, out: [], err: ['fieldguide build: unknown option "--debgu"; did you mean "--debug"?'] });
  assert.deepEqual(await run(['build', '--zzzzzz']), { code: 2, out: [], err: ["fieldguide build: unknown option \"--zzzzzz\"; run 'fieldguide build --help' for its options"] });
  assert.deepEqual(await run(['build', '--out']), { code: 2, out: [], err: ["fieldguide build: Option '--out <value>' argument missing; run 'fieldguide build --help'"] });
});

test('a missing data folder is a usage error, found before the command runs, exit 2', async () => {
  const nope = join(tmp, 'nope');
  const { calls, commands } = probe();
  assert.deepEqual(await run(['probe', '--data', nope], commands), { code: 2, out: [], err: [`fieldguide probe: no data folder at ${nope} (pass --data <folder>)`] });
  assert.deepEqual(await run(['probe'], commands), { code: 2, out: [], err: [`fieldguide probe: no data folder at ${join(tmp, 'default-data')} (pass --data <folder>)`] });
  assert.equal(calls.length, 0);
  // Every command of the table that takes --data, whatever else it needs.
  const takingData = Object.entries(table).filter(([, c]) => c.options.data?.kind === 'dataDir').map(([name]) => name);
  assert.deepEqual(takingData.sort(), ['build', 'check-links', 'i18n', 'import', 'serve']);
  for (const name of takingData) {
    assert.deepEqual(await run([name, '--data', 'nope']), { code: 2, out: [], err: [`fieldguide ${name}: no data folder at nope (pass --data <folder>)`] }, name);
  }
  const r = await run(['probe', '--data', tmp, '--fast', 'x'], commands);
  assert.deepEqual(r, { code: 0, out: [], err: [] });
  assert.deepEqual(calls, [{ values: { data: tmp, fast: true }, positionals: ['x'] }], 'the handler gets its own options, not --help or --debug');
  assert.equal((await run(['probe', '--data', join(tmp, 'nope'), '--help'], commands)).code, 0, '--help works without a data folder');
});

test('an error no command handled is one line and exit 70; --debug prints its stack', async () => {
  const { commands } = probe({ throws: new Error('the disk is on fire\nsecond line') });
  assert.deepEqual(await run(['probe', '--data', tmp], commands), {
    code: 70, out: [], err: ['fieldguide probe: unexpected error: the disk is on fire (run with --debug for the stack trace)'],
  });
  assert.deepEqual(await run(['probe', '--data', tmp], probe({ throws: 'a string' }).commands), {
    code: 70, out: [], err: ['fieldguide probe: unexpected error: a string (run with --debug for the stack trace)'],
  });
  for (const argv of [['probe', '--data', tmp, '--debug'], ['--debug', 'probe', '--data', tmp]]) {
    const r = await run(argv, commands);
    assert.equal(r.code, 70, argv.join(' '));
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /^fieldguide probe: unexpected error: Error: the disk is on fire\nsecond line\n {4}at /, argv.join(' '));
  }
  assert.equal(exitCodes.unexpected, 70);
});

test('help: the list without a command, a command\'s help with one, the same as --help', async () => {
  const list = await run(['help']);
  assert.equal(list.code, 0);
  assert.match(list.out[0], /^Usage: fieldguide <command>/);
  assert.deepEqual(await run(['--help']), list);
  assert.equal((await run([])).code, 2, 'no command at all is a usage error, with the list');
  const build = await run(['help', 'build']);
  assert.equal(build.code, 0);
  assert.match(build.out[0], /^Usage: fieldguide build /);
  assert.deepEqual(await run(['build', '--help']), build);
  assert.deepEqual(await run(['build', '-h']), build);
});

test('an unknown i18n subcommand names the closest one', async (t) => {
  const lines: string[] = [];
  t.mock.method(console, 'error', (line: string) => lines.push(line));
  assert.equal(await i18nCommand({}, ['stats']), 2);
  assert.equal(await i18nCommand({}, ['frobnicate']), 2);
  assert.deepEqual(lines, [
    "fieldguide i18n: unknown subcommand \"stats\"; did you mean \"status\"?; run 'fieldguide i18n --help'",
    "fieldguide i18n: unknown subcommand \"frobnicate\"; use status, stamp, init, export or import; run 'fieldguide i18n --help'",
  ]);
});
