import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { root } from '../../support/helpers.ts';

/** The browser scripts run as a page runs them, in one global scope with the given globals. */
function browser(files: string[], globals: Record<string, unknown> = {}): Record<string, any> {
  const scope = createContext({ ...globals });
  runInContext('var self = globalThis;', scope);
  for (const f of files) runInContext(readFileSync(join(root, 'src/assets', f), 'utf8'), scope, { filename: f });
  return scope as Record<string, any>;
}

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const list = {
  catalogs: { spooler: { title: 'Spooler', href: 'en/errors/spooler/' }, driver: { title: 'Driver', href: 'en/errors/driver/', caseSensitive: true } },
  codes: [
    { code: 'paper-jam', catalog: 'spooler', title: 'paper-jam', severity: 'error', href: 'en/errors/spooler/paper-jam/', aliases: ['0x00000064'] },
    { code: 'offline', catalog: 'spooler', title: 'offline', severity: 'error', href: 'en/errors/spooler/offline/', aliases: [] },
    { code: 'offline', catalog: 'driver', title: 'offline', severity: 'warning', href: 'en/errors/driver/offline/', aliases: [] },
    { code: 'E_TONER', catalog: 'driver', title: 'Toner low', severity: 'warning', href: 'en/errors/driver/E_TONER/', aliases: ['UnexpectedTonerException'] },
  ],
};
const { fieldguideCodeLookup: lookup } = browser(['code-lookup.js']);
const names = lookup.index(list);
const keys = (entries: { catalog: string; code: string }[]) => plain(entries).map((e) => `${e.catalog}/${e.code}`);
const scan = (text: string) => plain(lookup.scan(text, names)).map((f: any) => ({ key: `${f.entry.catalog}/${f.entry.code}`, name: f.name, line: f.line, text: f.text, lines: f.lines, count: f.count }));

test('names follow their catalog\'s case rule; a name in two catalogs gives both, in catalog order', () => {
  assert.deepEqual(keys(names.get('PAPER-JAM')), ['spooler/paper-jam']);
  assert.deepEqual(keys(names.get('0X00000064')), ['spooler/paper-jam']);
  assert.deepEqual(keys(names.get('E_TONER')), ['driver/E_TONER']);
  assert.deepEqual(keys(names.get('e_toner')), []);
  assert.deepEqual(keys(names.get('offline')), ['spooler/offline', 'driver/offline']);
  assert.deepEqual(keys(names.get('OFFLINE')), ['spooler/offline']);
  assert.deepEqual(keys(names.get('offline', 'driver')), ['driver/offline']);
});

test('the scan finds whole words only, in order of first appearance, with the line each is on', () => {
  assert.deepEqual(scan('job 1: paper-jammed\nprinter offline; then paper-jam.\nagain: paper-jam, PAPER-JAM'), [
    { key: 'spooler/offline', name: 'offline', line: 2, text: 'printer offline; then paper-jam.', lines: [2], count: 1 },
    { key: 'driver/offline', name: 'offline', line: 2, text: 'printer offline; then paper-jam.', lines: [2], count: 1 },
    { key: 'spooler/paper-jam', name: 'paper-jam', line: 2, text: 'printer offline; then paper-jam.', lines: [2, 3], count: 3 },
  ]);
});

test('edge punctuation is trimmed, dotted names are split, and words glued to other scripts are not names', () => {
  assert.deepEqual(scan('--offline--').map((f: any) => f.name), ['offline', 'offline']);
  assert.deepEqual(scan('at Contoso.Drivers.UnexpectedTonerException: empty').map((f: any) => [f.key, f.name]), [['driver/E_TONER', 'UnexpectedTonerException']]);
  assert.deepEqual(scan('Fehler offlineé und éoffline, 0x00000064ü'), []);
  assert.deepEqual(scan('שגיאה: offline').map((f: any) => f.key), ['spooler/offline', 'driver/offline']);
  assert.deepEqual(scan('e_toner and E_TONER').map((f: any) => [f.key, f.name]), [['driver/E_TONER', 'E_TONER']]);
});

test('a long line is cut around the name it holds', () => {
  const line = `${'x '.repeat(400)}paper-jam${' y'.repeat(400)}`;
  const [f] = scan(line);
  assert.ok(f.text.length <= 242, String(f.text.length));
  assert.ok(f.text.startsWith('…') && f.text.endsWith('…') && f.text.includes('paper-jam'));
});

test('the language choice: earlier choice, then browser preferences by range, then the default', () => {
  const storage = new Map<string, string>();
  const window = { localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) } };
  const g = browser(['locale-choice.js'], { window, navigator: { languages: ['de-CH', 'en'], language: 'de-CH' } });
  const pick = g.fieldguideLocale.pick as (available: string[], fallback: string, wanted?: string[]) => string;
  assert.equal(pick(['en', 'de'], 'en'), 'de', 'de-CH → de');
  assert.equal(pick(['en', 'de'], 'en', ['de-DE']), 'de');
  assert.equal(pick(['en', 'pt-BR', 'pt'], 'en', ['pt-BR']), 'pt-BR');
  assert.equal(pick(['en', 'zh-Hant'], 'en', ['zh-Hant-TW']), 'zh-Hant');
  assert.equal(pick(['en', 'de-AT'], 'en', ['de-DE']), 'de-AT', 'the same language in another region');
  assert.equal(pick(['en', 'de'], 'en', ['fr-FR', 'de']), 'de', 'later preferences count');
  assert.equal(pick(['en', 'id'], 'en', ['fr-FR', 'ja']), 'en', 'no match: the default');
  assert.equal(pick(['EN', 'he'], 'EN', ['HE-il']), 'he', 'without case');
  g.fieldguideLocale.remember('en');
  assert.equal(pick(['en', 'de'], 'de'), 'en', 'an earlier choice wins');
  assert.equal(storage.get('fieldguide.language'), 'en');
});
