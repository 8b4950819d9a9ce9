import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shortId } from '../../../src/content/ids.ts';
import { tooDeepAt } from '../../../src/content/json-depth.ts';
import { parseJson } from '../../../src/content/json-source.ts';
import { loadContent } from '../../../src/content/load.ts';
import { formatProblem, printable } from '../../../src/content/problems.ts';
import { validateContent } from '../../../src/content/validate.ts';
import { fixture, tempDir } from '../../support/helpers.ts';

// Regression tests for what the content fuzzer (test/e2e/fuzz-content.test.ts) found.

/** The formatted problems after `edit` changes one file of a copy of the valid fixture. */
function problemsAfter(file: string, edit: (text: string) => string): string[] {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(fixture('valid'), dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    return validateContent(loadContent(dir)).map((p) => formatProblem(p).split(`${dir}/`).join(''));
  } finally {
    cleanup();
  }
}

test('tooDeepAt finds the bracket that opens one level too many, ignoring brackets in strings', () => {
  assert.equal(tooDeepAt('[[1]]', 1), 1);
  assert.equal(tooDeepAt('{"a": "[[[["}', 1), -1);
  assert.equal(tooDeepAt('{"a": "\\"[[["}', 1), -1);
});

test('JSON nested 20,000 levels deep is a located problem, not a stack overflow', () => {
  const text = `{\n  "id": ${'['.repeat(20_000)}1${']'.repeat(20_000)}\n}`;
  const { problems, source } = parseJson('deep.json', text);
  assert.equal(source.value, undefined);
  assert.deepEqual(problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['2:72 nested more than 64 levels deep']);
});

test('an object where a severity belongs is named as JSON, not thrown on', () => {
  const problems = problemsAfter('errors/widget-codes.json', (t) => t.replace('"severity": "error"', '"severity": {"a": 1}'));
  assert.deepEqual(problems, ['errors/widget-codes.json:5:36 codes[0].severity: "{"a":1}" is not one of "error", "warning", "info", "success"']);
});

test('control and bidi characters from the data are printed as escapes, keeping one problem on one line', () => {
  assert.equal(printable('a\u202eb\u001b[31mc\nd'), 'a\\u202eb\\u001b[31mc\\u000ad');
  const problems = problemsAfter('errors/widget-codes.json', (t) => t.replace('"severity": "error"', '"severity": "err\\u202eor\\n"'));
  assert.deepEqual(problems, ['errors/widget-codes.json:5:36 codes[0].severity: "err\\u202eor\\u000a" is not one of "error", "warning", "info", "success" (did you mean "error"?)']);
});

test('a very long id is quoted shortened, so its message stays readable', () => {
  assert.equal(shortId('x'.repeat(300)), `${'x'.repeat(60)}…`);
  assert.equal(shortId('stopped-server'), 'stopped-server');
});

test('an unpaired surrogate escape is refused where it stands, before the search indexer chokes on it', () => {
  const problems = problemsAfter('articles/restart-widget.json', (t) => t.replace('"Restart the Widget"', '"Restart \\ud800 the Widget"'));
  assert.deepEqual(problems, ['articles/restart-widget.json:3:12 title: text holds an unpaired surrogate escape (a lone \\ud800–\\udfff), which is not a character (write the character itself, or both halves of its surrogate pair)']);
  assert.deepEqual(problemsAfter('articles/restart-widget.json', (t) => t.replace('"Restart the Widget"', '"Restart \\ud83d\\ude00 the Widget"')), []);
});
