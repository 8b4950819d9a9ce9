import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { clientScripts, levenshteinScript } from '../../../src/build/client-scripts.ts';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { editDistance } from '../../../src/content/did-you-mean.ts';
import { codeListPath, type CodeList } from '../../../src/model/code-list.ts';
import { contentOf } from '../../support/expected-site.ts';
import { fixture, root } from '../../support/helpers.ts';

interface Entry { code: string; catalog: string; href: string; steps: number; aliases: string[] }
interface Finder {
  list: CodeList;
  get(name: string): Entry | undefined;
  exact(q: string): Entry[];
  parts(q: string): { entry: Entry; whole: boolean; prefix: boolean }[];
  nearest(q: string, max?: number): { entry: Entry; distance: number }[];
  find(q: string): { entry: Entry; match: string; distance: number }[];
}
interface FinderApi { create(list: CodeList): Finder; segments(t: string): string[]; editLimit(n: number): number }

const plain = <T>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));

/** The browser files as a page runs them: the wrapped library, the finder and a site's code lists, in one global scope. */
function browserScope(dataDir: string): { api: FinderApi; lists: Record<string, CodeList>; distance: (a: string, b: string) => number } {
  const scope = createContext({});
  runInContext('var self = globalThis;', scope);
  for (const script of clientScripts(prepareSite(dataDir).pages)) runInContext(script.text, scope, { filename: script.outputPath });
  runInContext(readFileSync(join(root, 'src/assets/code-finder.js'), 'utf8'), scope, { filename: 'code-finder.js' });
  const g = scope as { fieldguideCodeFinder: FinderApi; fieldguideCodeLists: Record<string, CodeList>; fastestLevenshtein: { distance: (a: string, b: string) => number } };
  const inner = g.fieldguideCodeFinder;
  // Values made in the script's realm are copied into this one, so deepEqual compares their contents.
  const api: FinderApi = {
    create: (list) => {
      const f = inner.create(list);
      return {
        list: f.list, get: (n) => plain(f.get(n)), exact: (q) => plain(f.exact(q)), parts: (q) => plain(f.parts(q)),
        nearest: (q, max) => plain(f.nearest(q, max)), find: (q) => plain(f.find(q)),
      };
    },
    segments: (t) => plain(inner.segments(t)),
    editLimit: (n) => inner.editLimit(n),
  };
  return { api, lists: plain(g.fieldguideCodeLists), distance: g.fastestLevenshtein.distance };
}

const shipped = browserScope(join(root, 'data'));
const shippedFinder = (locale: string) => shipped.api.create(shipped.lists[locale]);
const codesOf = (hits: { entry: Entry }[]) => hits.map((h) => h.entry.code);

test('a code list per locale holds every code of the data, with its page, catalog and the steps that name it', () => {
  const { records, locales } = contentOf(join(root, 'data'));
  assert.deepEqual(Object.keys(shipped.lists).sort(), [...locales].sort());
  const codes = records.filter((r) => r.kind === 'code').map((r) => r.ids.join('/')).sort();
  const namedBySteps = new Map<string, number>();
  for (const r of records) if (r.kind === 'step') for (const e of (r.value.errors as string[] | undefined) ?? []) namedBySteps.set(e, (namedBySteps.get(e) ?? 0) + 1);
  const aliasesOf = new Map(records.filter((r) => r.kind === 'code').map((r) => [r.ids.join('/'), r.value.aliases as string[] | undefined]));
  assert.ok([...aliasesOf.values()].some((a) => a?.length), 'the shipped data has codes with aliases');
  for (const locale of locales) {
    const list = shipped.lists[locale];
    assert.equal(list.version, 1);
    assert.deepEqual(list.codes.map((c) => `${c.catalog}/${c.code}`).sort(), codes, locale);
    for (const c of list.codes) {
      assert.equal(c.href, `${locale}/errors/${c.catalog}/${c.code}/`);
      assert.deepEqual(c.aliases, aliasesOf.get(`${c.catalog}/${c.code}`) ?? [], c.code);
      assert.equal(c.steps, namedBySteps.get(`${c.catalog}/${c.code}`) ?? 0, c.code);
      assert.equal(list.catalogs[c.catalog].href, `${locale}/errors/${c.catalog}/`);
      assert.equal(list.catalogs[c.catalog].caseSensitive, records.find((r) => r.key === `catalog/${c.catalog}`)!.value.caseSensitive === true);
    }
  }
  assert.equal(codeListPath('en'), 'assets/codes-en.js');
});

test('the wrapped edit-distance library runs as a classic script and agrees with the build\'s own distance', () => {
  assert.match(levenshteinScript(), /^\/\*! fastest-levenshtein \d+\.\d+\.\d+, wrapped as a classic script[^]*MIT License[^]*\*\/\n\(function \(exports\) \{/);
  for (const [a, b] of [['stoped-server', 'stopped-server'], ['kitten', 'sitting'], ['', 'abc'], ['lock_not_avilable', 'lock_not_available'], ['x'.repeat(40), 'y'.repeat(38)]]) {
    assert.equal(shipped.distance(a, b), editDistance(a, b), `${a} / ${b}`);
  }
});

test('exact lookup ignores case and spaces around the query, and finds aliases like codes', () => {
  const finder = shippedFinder('en');
  assert.deepEqual(finder.exact(' Stopped-Server ').map((e) => e.code), ['stopped-server']);
  assert.equal(finder.get('6025')?.catalog, 'mim-related');
  assert.deepEqual(finder.exact('stopped-serve'), []);
  const list: CodeList = { version: 1, locale: 'en', catalogs: {}, codes: [
    { code: 'E100', catalog: 'c', title: 'E100', severity: 'error', href: 'en/errors/c/E100/', aliases: ['ERR_DISK_FULL'], steps: 0 },
  ] };
  const withAlias = shipped.api.create(list);
  assert.equal(withAlias.get('err_disk_full')?.code, 'E100');
  assert.deepEqual(codesOf(withAlias.find('disk_full')), ['E100'], 'a part of an alias finds its code');
  assert.deepEqual(codesOf(withAlias.find('ERR_DISK_FUL')), ['E100']);
});

test('a code mistyped by one or two edits finds that code first; short queries are not guessed at', () => {
  const finder = shippedFinder('en');
  assert.deepEqual(finder.find('stoped-server')[0], { entry: finder.get('stopped-server'), match: 'near', distance: 1 });
  assert.equal(finder.find('stopped-sevrer')[0].entry.code, 'stopped-server', 'a swap is two edits');
  assert.equal(finder.find('extension-dll-exeption')[0].entry.code, 'extension-dll-exception');
  assert.deepEqual(finder.nearest('stoped-server', 0), []);
  assert.deepEqual(finder.nearest('602'), [], 'no edit allowed below four characters');
  assert.deepEqual([2, 3, 4, 7, 8, 20].map(shipped.api.editLimit), [0, 0, 1, 1, 2, 2]);
  assert.deepEqual(finder.find('stopped server'), [], 'words are for the full-text search');
  assert.deepEqual(finder.find('s'), []);
});

test('an exact code comes before the codes it is a part of, and those before near ones', () => {
  const finder = shippedFinder('en');
  const hits = finder.find('stopped-server');
  assert.deepEqual(hits.slice(0, 2).map((h) => [h.entry.code, h.match]), [['stopped-server', 'exact'], ['stopped-server-down', 'part']]);
  assert.equal(new Set(codesOf(hits)).size, hits.length, 'each code once');
});

test('a distinctive part finds the codes that have it: covered codes first, then shorter ones', () => {
  const finder = shippedFinder('en');
  const dll = codesOf(finder.find('dll'));
  const withDll = finder.list.codes.filter((c) => shipped.api.segments(c.code).includes('dll'));
  assert.deepEqual([...dll].sort(), withDll.map((c) => c.code).sort(), 'every code with a dll segment, nothing else');
  // The two codes the article's steps name come first, shorter first; then the rest, shortest first.
  assert.deepEqual(dll.slice(0, 4), ['extension-dll-exception', 'stopped-extension-dll-exception', 'extension-dll-crash', 'extension-dll-timeout']);
  assert.deepEqual(codesOf(finder.find('dl')), dll, 'a segment begun finds the same codes');
  assert.equal(codesOf(finder.find('start-server'))[0], 'no-start-server');
});

test('parts match across -, _ and . on codes with underscores and dots', () => {
  const { api, lists } = browserScope(fixture('underscore-codes'));
  const finder = api.create(lists.en);
  for (const q of ['not_available', 'not-available', 'NOT.AVAILABLE']) {
    assert.deepEqual(codesOf(finder.find(q)), ['lock_not_available', 'replica_not_available'], q);
  }
  assert.deepEqual(codesOf(finder.find('disk_full')), ['storage.disk_full']);
  assert.deepEqual(codesOf(finder.find('storage')), ['storage.disk_full', 'storage.file_not_found']);
  assert.deepEqual(finder.find('storage-disk-full')[0], { entry: finder.get('storage.disk_full'), match: 'part', distance: 0 }, 'the whole name with other separators');
  assert.equal(codesOf(finder.find('lock_not_avilable'))[0], 'lock_not_available');
  assert.deepEqual(api.segments(' Lock_Not-available.x '), ['lock', 'not', 'available', 'x']);
  const rtl = browserScope(fixture('rtl-product'));
  for (const locale of ['en', 'he']) assert.deepEqual(codesOf(rtl.api.create(rtl.lists[locale]).find('not_available')), ['lock_not_available'], locale);
});
