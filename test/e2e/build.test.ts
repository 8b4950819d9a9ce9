import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { expectedPages } from '../support/expected-site.ts';
import { fixture, runCli, tempDir } from '../support/helpers.ts';

const tmp = tempDir();
const out = join(tmp.dir, 'site');
const marker = join(out, 'en', 'index.html');
let previous = '';

before(() => {
  const r = runCli(['build', '--data', fixture('valid'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  // The summary says where the time went, phase by phase, in pipeline order.
  assert.match(r.stdout, new RegExp(`^built ${expectedPages(fixture('valid')).length} pages into .* in \\d+\\.\\d\\d s \\(validate [\\d.]+ s, model [\\d.]+ s, render [\\d.]+ s, verify [\\d.]+ s, search [\\d.]+ s\\)$`, 'm'));
  // Marks the good output so a test can tell it survived byte for byte.
  writeFileSync(marker, `${readFileSync(marker, 'utf8')}<!-- previous build -->`);
  previous = readFileSync(marker, 'utf8');
});
after(() => tmp.cleanup());

const failing: [string, RegExp][] = [
  ['malformed-json', /malformed-json\/errors\/widget-codes\.json:4:3: invalid JSON: comma expected \(check for a missing comma, quote or bracket just before this position\)/],
  ['unknown-link-id', /unknown-link-id\/articles\/restart-widget\.json:10:105 steps\[0\]\.text: unknown link id "widget-manaul" \(did you mean "widget-manual"\?\)/],
  ['duplicate-code', /duplicate-code\/errors\/widget-codes\.json:7:15 codes\[2\]\.code: duplicate code "w-100" \(already used at .*duplicate-code\/errors\/widget-codes\.json:5:15\)/],
  ['javascript-url', /javascript-url\/links\.json:8:30 links\["widget-forum"\]\.url: URL scheme "javascript:" is not allowed \(only http:, https: and mailto: links are accepted\)/],
];

for (const [name, message] of failing) {
  test(`${name}: exits 1 naming file, position and problem, and keeps the previous output`, () => {
    const r = runCli(['build', '--data', fixture(name), '--out', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, message);
    assert.match(r.stderr, /^1 content error in 1 file$/m);
    assert.match(r.stderr, /fieldguide build: content errors; nothing was written/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(readFileSync(marker, 'utf8'), previous);
  });
}

test('script in a text field comes out escaped, never as markup', () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = runCli(['build', '--data', fixture('script-in-text'), '--out', dir + '/s']);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(join(dir, 's/en/errors/widget-codes/w-300/index.html'), 'utf8');
    assert.match(html, /<p>&lt;script&gt;alert\(1\)&lt;\/script&gt; The Widget is &lt;b&gt;fine&lt;\/b&gt;\.<\/p>/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<b>fine/);
  } finally {
    cleanup();
  }
});

test('a search indexer that dies mid-build fails the build in one line and keeps the previous output', () => {
  // Pagefind's Node API runs the binary named by PAGEFIND_BINARY_PATH; this one quits at once.
  const fake = join(tmp.dir, 'pagefind-that-dies');
  writeFileSync(fake, '#!/bin/sh\necho "pagefind: out of disk space" >&2\nexit 3\n', { mode: 0o755 });
  for (let run = 0; run < 3; run++) {
    const r = runCli(['build', '--data', fixture('valid'), '--out', out], undefined, { PAGEFIND_BINARY_PATH: fake });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^fieldguide build: search index: Pagefind backend closed \((?:Pagefind exited with code 3|write EPIPE)\); nothing was written$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(readFileSync(marker, 'utf8'), previous);
    assert.deepEqual(readdirSync(tmp.dir).filter((f) => f.includes('.tmp-')), [], 'no temporary folder left behind');
  }
});

test('usage errors exit 2 with one clear line', () => {
  const unknown = runCli(['build', '--outt', out]);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.trim(), 'fieldguide build: unknown option "--outt"; did you mean "--out"?');
  const intoData = runCli(['build', '--data', fixture('valid'), '--out', fixture('valid')]);
  assert.equal(intoData.code, 2);
  assert.match(intoData.stderr, /refusing to build into .*fixtures\/valid: it contains the data or the project/);
  assert.equal(runCli(['frobnicate']).code, 2);
});

test('refuses to replace a folder that is not a Fieldguide build', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const r = runCli(['build', '--data', fixture('valid'), '--out', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /refusing to replace .*: it is not empty and is not a Fieldguide build/);
    assert.ok(existsSync(join(dir, 'notes.txt')));
  } finally {
    cleanup();
  }
});

test('--help tells the options and exit codes', () => {
  const r = runCli(['build', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--data DIR\s+content folder \(default: data\)/);
  assert.match(r.stdout, /--out DIR\s+output folder \(default: _site\)/);
  assert.match(r.stdout, /Exit codes: 0 built, 1 content errors/);
});
