import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from '../../../src/cli.ts';
import { help } from '../../../src/cli/help.ts';

test('the main help lists every command, and each command\'s help names every option it accepts', () => {
  const listed = [...help.main.split('Commands:\n')[1].matchAll(/^ {2}([a-z][\w-]*) /gm)].map((m) => m[1]);
  assert.deepEqual(listed.filter((c) => c !== 'help').sort(), Object.keys(commands).sort());
  for (const [name, command] of Object.entries(commands)) {
    assert.ok(help[name], `fieldguide ${name} --help exists`);
    assert.match(help[name], new RegExp(`^Usage: fieldguide ${name}\\b`), name);
    for (const option of Object.keys(command.options ?? {})) assert.match(help[name], new RegExp(`--${option}\\b`), `fieldguide ${name} --help names --${option}`);
  }
  assert.match(help.main, /fieldguide --version/);
});
