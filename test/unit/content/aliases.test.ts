import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aliasProblem, nameKey } from '../../../src/content/code-names.ts';
import { loadContent } from '../../../src/content/load.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { validateContent } from '../../../src/content/validate.ts';
import { fixture, tempDir } from '../../support/helpers.ts';

/** The valid fixture with its widget catalog replaced by `catalog`, validated; problems relative to the copy. */
function problemsWith(catalog: object, site?: (s: Record<string, unknown>) => void): string[] {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(fixture('valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'errors/widget-codes.json'), `${JSON.stringify(catalog, null, 2)}\n`);
    if (site) {
      const path = join(dir, 'site.json');
      const value = JSON.parse(readFileSync(path, 'utf8'));
      site(value);
      writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    }
    return validateContent(loadContent(dir)).map((p) => formatProblem(p).split(`${dir}/`).join(''));
  } finally {
    cleanup();
  }
}

const widget = (codes: object[], extra: object = {}) => ({ id: 'widget-codes', title: 'Widget codes', ...extra, codes });
const code = (name: string, aliases?: string[]) => ({ code: name, severity: 'error', meaning: 'It broke.', ...(aliases ? { aliases } : {}) });
// The fixture's article and catalog name these codes; keep them so only alias problems show.
const base = [code('w-100'), code('w-200'), code('w-300')];

test('aliases that are whole words and unique in their catalog pass', () => {
  assert.deepEqual(problemsWith(widget([code('w-100', ['0x64', '100', 'PowerLost']), code('w-200', ['0xC8']), code('w-300')])), []);
});

test('every alias problem is reported at once with file, line:column, JSON path and hint', () => {
  const problems = problemsWith(widget([
    code('w-100', ['w-100', 'hot one', '-x', 'W-200']),
    code('w-200', ['0x64']),
    code('w-300', ['0X64', 'PowerLost', 'powerlost']),
  ]));
  assert.deepEqual(problems, [
    'errors/widget-codes.json:10:9 codes[0].aliases[0]: alias "w-100" repeats the code it belongs to (remove it: a code is always found by its own name)',
    'errors/widget-codes.json:11:9 codes[0].aliases[1]: alias "hot one" contains white space (aliases are found as whole words in pasted logs and in go/#<alias> addresses; write the name as the product prints it, e.g. 0x80070005)',
    'errors/widget-codes.json:12:9 codes[0].aliases[2]: alias "-x" may only hold letters, digits, ".", "_" and "-", starting and ending with a letter or digit (aliases are found as whole words in pasted logs and in go/#<alias> addresses; write the name as the product prints it, e.g. 0x80070005)',
    'errors/widget-codes.json:13:9 codes[0].aliases[3]: alias "W-200" of code "w-100" is already a code of this catalog (the code at errors/widget-codes.json:17:15 as "w-200"; this catalog finds names whatever their case (set "caseSensitive": true in the catalog if the product tells them apart); each name in a catalog leads to one code)',
    'errors/widget-codes.json:29:9 codes[2].aliases[0]: duplicate alias "0X64" (already an alias of code "w-200" at errors/widget-codes.json:21:9 as "0x64"; this catalog finds names whatever their case (set "caseSensitive": true in the catalog if the product tells them apart))',
    'errors/widget-codes.json:31:9 codes[2].aliases[2]: duplicate alias "powerlost" (already an alias of code "w-300" at errors/widget-codes.json:30:9 as "PowerLost"; this catalog finds names whatever their case (set "caseSensitive": true in the catalog if the product tells them apart))',
  ]);
});

test('a case-sensitive catalog tells names apart by case, and still refuses an exact repeat', () => {
  assert.deepEqual(problemsWith(widget([code('w-100', ['E_FAIL', 'W-100']), code('w-200', ['e_fail']), code('w-300')], { caseSensitive: true })), []);
  assert.deepEqual(problemsWith(widget([code('w-100', ['E_FAIL']), code('w-200', ['E_FAIL']), code('w-300')], { caseSensitive: true })), [
    'errors/widget-codes.json:19:9 codes[1].aliases[0]: duplicate alias "E_FAIL" (already an alias of code "w-100" at errors/widget-codes.json:11:9)',
  ]);
});

test('the same alias in two catalogs is allowed: readers are offered both', () => {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(fixture('valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'errors/widget-codes.json'), JSON.stringify(widget([code('w-100', ['shared']), ...base.slice(1)])));
    writeFileSync(join(dir, 'errors/other.json'), JSON.stringify({ id: 'other', title: 'Other', codes: [code('o-1', ['shared']), code('w-100')] }));
    assert.deepEqual(validateContent(loadContent(dir)).map(formatProblem), []);
  } finally {
    cleanup();
  }
});

test('aliases are schema-checked: a list of non-empty strings', () => {
  assert.deepEqual(problemsWith(widget([{ ...code('w-100'), aliases: 'x' }, { ...code('w-200'), aliases: [''] }, code('w-300')])), [
    'errors/widget-codes.json:9:18 codes[0].aliases: expected an array, found a string',
    'errors/widget-codes.json:16:9 codes[1].aliases[0]: must not be empty',
  ]);
});

test('site url and feedback are checked as addresses, each problem located', () => {
  const problems = problemsWith(widget(base), (s) => {
    s.url = 'intranet/kb/';
    s.feedback = 'https://tickets.example/new?p={page}&who={user}';
  });
  assert.deepEqual(problems.map((p) => p.replace(/:\d+:\d+ /, ':L:C ')), [
    'site.json:L:C url: "intranet/kb/" is not an absolute URL (write the address readers open the site at, e.g. https://intranet.example/kb/)',
    'site.json:L:C feedback: unknown placeholder "{user}" in feedback (use {page}, {locale}, {code}, {catalog}, {answer})',
  ]);
  assert.deepEqual(problemsWith(widget(base), (s) => {
    s.url = 'ftp://intranet.example/kb/';
    s.feedback = 'javascript:alert(1)';
  }).map((p) => p.replace(/:\d+:\d+ /, ':L:C ')), [
    'site.json:L:C url: URL scheme "ftp:" is not allowed for the site\'s address (the site is served over http: or https:)',
    'site.json:L:C feedback: URL scheme "javascript:" is not allowed for feedback (only mailto:, http: and https: are accepted)',
  ]);
  assert.deepEqual(problemsWith(widget(base), (s) => {
    s.url = 'https://intranet.example/kb/?x=1';
    s.feedback = 'mailto:kb@example.test';
  }).map((p) => p.replace(/:\d+:\d+ /, ':L:C ')), [
    'site.json:L:C url: the site\'s address "https://intranet.example/kb/?x=1" has a query or fragment (give the folder the site is served from, e.g. https://intranet.example/kb/)',
  ]);
});

test('names compare by the catalog\'s case rule; an alias must read as one word', () => {
  assert.equal(nameKey('E_FAIL', false), 'e_fail');
  assert.equal(nameKey('E_FAIL', true), 'E_FAIL');
  assert.equal(aliasProblem('0x80070005'), undefined);
  assert.equal(aliasProblem('Microsoft.MetadirectoryServices.UnexpectedDataException'), undefined);
  assert.equal(aliasProblem('6025.'), 'may only hold letters, digits, ".", "_" and "-", starting and ending with a letter or digit');
  assert.equal(aliasProblem('x'.repeat(101)), 'is longer than 100 characters');
});
