import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadContent } from '../../../src/content/load.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { validateContent } from '../../../src/content/validate.ts';
import { fixture, tempDir } from '../../support/helpers.ts';

/** Ids that try to leave the output folder or that a file system refuses, with why each is refused. */
const hostile: [string, string][] = [
  ['../x', 'contains "/"'],
  ['..', 'contains ".."'],
  ['a/b', 'contains "/"'],
  ['a\\b', 'contains "\\"'],
  ['CON', 'is a reserved file name on Windows'],
  ['nul.txt', 'is a reserved file name on Windows'],
  ['x'.repeat(300), 'is longer than 100 characters'],
  ['.hidden', 'may only hold letters, digits, ".", "_" and "-", starting with a letter or digit'],
  ['%2e%2e', 'may only hold letters, digits, ".", "_" and "-", starting with a letter or digit'],
];

/** Where each kind of id lives in the valid fixture, and how to set it. */
const places: [string, string, (v: any, id: string) => void][] = [
  ['article id', 'articles/restart-widget.json', (v, id) => (v.id = id)],
  ['step id', 'articles/restart-widget.json', (v, id) => (v.steps[1].id = id)],
  ['catalog id', 'errors/widget-codes.json', (v, id) => (v.id = id)],
  ['code', 'errors/widget-codes.json', (v, id) => (v.codes[2].code = id)],
  ['link id', 'links.json', (v, id) => (v.links[id] = { url: 'https://example.test/x', title: 'X' })],
];

for (const [what, file, set] of places) {
  test(`${what}s that try path traversal, reserved names or 300 characters are refused with the reason`, () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const [id, reason] of hostile) {
        cpSync(fixture('valid'), dir, { recursive: true });
        const value = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        set(value, id);
        writeFileSync(join(dir, file), JSON.stringify(value, null, 2));
        const problems = validateContent(loadContent(dir)).map(formatProblem);
        const quoted = id.length > 60 ? `${id.slice(0, 60)}…` : id;
        const expected = `${what} "${quoted}" ${reason} (ids become URLs and file names;`;
        assert.ok(problems.some((p) => p.startsWith(join(dir, file)) && p.includes(expected)), `${id.slice(0, 20)}: ${problems.join('\n')}`);
      }
    } finally {
      cleanup();
    }
  });
}
