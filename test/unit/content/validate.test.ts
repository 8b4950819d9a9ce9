import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadContent } from '../../../src/content/load.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { validateContent } from '../../../src/content/validate.ts';
import { loadTranslatedContent } from '../../../src/build/prepare-site.ts';
import { ContentError } from '../../../src/core/errors.ts';
import { fixture, root, tempDir } from '../../support/helpers.ts';

/** Copies the valid fixture, lets the test edit files, and returns the formatted problems. */
function problemsAfter(edit: (dir: string) => void): string[] {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(fixture('valid'), dir, { recursive: true });
    edit(dir);
    return validateContent(loadContent(dir)).map((p) => formatProblem(p).split(`${dir}/`).join(''));
  } finally {
    cleanup();
  }
}

function editJson(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

test('the shipped content and the valid fixture have no problems', () => {
  assert.deepEqual(validateContent(loadContent(join(root, 'data'))).map(formatProblem), []);
  assert.deepEqual(validateContent(loadContent(fixture('valid'))).map(formatProblem), []);
});

test('every problem is reported in one run, each with file, position, path and hint', () => {
  const problems = problemsAfter((dir) => {
    editJson(dir, 'articles/restart-widget.json', (t) =>
      t.replace('link:widget-manual', 'link:widget-manaul').replace('error:widget-codes/w-100)', 'error:widget-codes/w-10)'));
    editJson(dir, 'errors/widget-codes.json', (t) => t.replace('"related": ["widget-codes/w-100"]', '"related": ["widget-cods/w-100"]'));
    editJson(dir, 'links.json', (t) => t.replace('https://example.test/forum', '/forum'));
  });
  assert.deepEqual(problems.sort(), [
    'articles/restart-widget.json:10:104 steps[0].text: unknown link id "widget-manaul" (did you mean "widget-manual"?)',
    'articles/restart-widget.json:10:46 steps[0].text: unknown code "w-10" in catalog "widget-codes" (did you mean "w-100"?)',
    'errors/widget-codes.json:6:100 codes[1].related[0]: unknown error catalog "widget-cods" (did you mean "widget-codes"?)',
    'links.json:8:30 links["widget-forum"].url: "/forum" is not an absolute URL (write the full address, starting with https://)',
  ]);
});

test('schema problems name the property and suggest the fix', () => {
  const problems = problemsAfter((dir) => {
    editJson(dir, 'errors/widget-codes.json', (t) => t.replace('"severity": "warning"', '"severity": "warn"').replace('"meaning": "The Widget is fine."', '"meening": "The Widget is fine."'));
    editJson(dir, 'articles/restart-widget.json', (t) => t.replace('"title": "Restart the Widget"', '"title": 7'));
  });
  assert.deepEqual(problems.sort(), [
    'articles/restart-widget.json:3:12 title: expected a string, found a number',
    'errors/widget-codes.json:6:36 codes[1].severity: "warn" is not one of "error", "warning", "info", "success" (did you mean "warning"?)',
    'errors/widget-codes.json:7:47 codes[2].meening: unknown property "meening" (did you mean "meaning"?)',
    'errors/widget-codes.json:7:5 codes[2]: missing required property "meaning"',
  ]);
});

test('unsafe ids, duplicate ids, bad schemes and raw URLs in text are errors', () => {
  const problems = problemsAfter((dir) => {
    editJson(dir, 'errors/widget-codes.json', (t) => t.replace('"code": "w-200"', '"code": "../w-200"').replace('"code": "w-300"', '"code": "W-100"'));
    editJson(dir, 'articles/restart-widget.json', (t) =>
      t.replace('"id": "ask-forum"', '"id": "check-power"').replace('Ask in the [forum](link:widget-forum)', 'Ask in the [forum](https://example.test/forum) or [here](javascript:alert(1))'));
    editJson(dir, 'links.json', (t) => t.replace('https://example.test/forum', 'data:text/html,hi'));
  });
  assert.deepEqual(problems.sort(), [
    'articles/restart-widget.json:14:13 steps[1].id: duplicate step id "check-power" (already used at articles/restart-widget.json:8:13)',
    'articles/restart-widget.json:15:48 steps[1].text: external URL "https://example.test/forum" written in text (register it in data/links.json and write [words](link:<id>))',
    'articles/restart-widget.json:15:86 steps[1].text: link target "javascript:alert(1)" is not allowed (use article:<id>, article:<article>#<step>, catalog:<id>, catalog:<catalog>#<phase>, error:<catalog>/<code>, link:<id> or #anchor)',
    'errors/widget-codes.json:6:15 codes[1].code: code "../w-200" contains "/" (ids become URLs and file names; try "w-200")',
    'errors/widget-codes.json:7:15 codes[2].code: duplicate code "W-100" (already used at errors/widget-codes.json:5:15 as "w-100"; ids differing only in case collide on case-insensitive file systems)',
    'links.json:8:30 links["widget-forum"].url: URL scheme "data:" is not allowed (only http:, https: and mailto: links are accepted)',
  ]);
});

test('a record with a bad field still counts: its duplicate is reported in the same run', () => {
  const problems = problemsAfter((dir) => {
    editJson(dir, 'errors/widget-codes.json', (t) => t.replace('"severity": "warning"', '"severity": "eror"').replace('"code": "w-300"', '"code": "w-200"'));
  });
  assert.deepEqual(problems.sort(), [
    'errors/widget-codes.json:6:36 codes[1].severity: "eror" is not one of "error", "warning", "info", "success" (did you mean "error"?)',
    'errors/widget-codes.json:7:15 codes[2].code: duplicate code "w-200" (already used at errors/widget-codes.json:6:15)',
  ]);
});

test('one run shows a source error and an overlay left pointing at a renamed code together', () => {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(fixture('rtl-product'), dir, { recursive: true });
    editJson(dir, 'errors/harbor-codes.json', (t) => t.replace('"code": "sync_complete"', '"code": "sync_completed"').replace('"severity": "warning"', '"severity": "warn"'));
    let problems: string[] = [];
    try {
      loadTranslatedContent(dir);
    } catch (err) {
      problems = (err as ContentError).problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
    }
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /^errors\/harbor-codes\.json:\d+:\d+ codes\[2\]\.severity: "warn" is not one of "error", "warning", "info", "success" \(did you mean "warning"\?\)$/);
    assert.match(problems[1], /^articles\/restore-gateway\.json:\d+:\d+ steps\[2\]\.errors\[1\]: unknown code "sync_complete" in catalog "harbor-codes" \(did you mean "sync_completed"\?\)$/);
    assert.match(problems[2], /^translations\/he\/errors\/harbor-codes\.json:\d+:\d+ codes\.sync_complete: unknown code "sync_complete" \(did you mean "sync_completed"\?\)$/);
  } finally {
    cleanup();
  }
});
