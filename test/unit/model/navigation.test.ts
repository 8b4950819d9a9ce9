import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { catalogUpdated } from '../../../src/model/catalog-pages.ts';
import { navFor, pagerAt } from '../../../src/model/navigation.ts';
import { pageIds } from '../../../src/model/page-ids.ts';
import type { CatalogPage, CodePage, Page } from '../../../src/model/types.ts';
import type { Catalog } from '../../../src/content/types.ts';
import { fixture } from '../../support/helpers.ts';

const t = ((key: string, vars?: Record<string, unknown>) => `${key}${vars ? ` ${JSON.stringify(vars)}` : ''}`) as unknown as TFunction;

test('page ids: record anchors keep their id, others get a suffix when taken, and the chrome ids are never handed out', () => {
  const ids = pageIds(t, ['steps', 'check-power']);
  assert.equal(ids.take('steps'), 'steps-2', 'an anchor from the data keeps "steps"');
  assert.equal(ids.take('steps'), 'steps-3');
  assert.equal(ids.take('main'), 'main-2', 'the main landmark keeps "main"');
  assert.equal(ids.take('check-power-title'), 'check-power-title');
  const h = ids.heading('meaning', 'What it means', { lang: 'en', dir: 'ltr' });
  assert.deepEqual(h, { id: 'meaning', text: 'What it means', href: '#meaning', anchorLabel: 'anchor.heading {"title":"What it means"}', lang: 'en', dir: 'ltr' });
  assert.equal(ids.heading('x-title', 'X', {}, 'x').href, '#x', 'a section heading links to its section');
});

test('site navigation: hrefs relative to the page, the page current, the catalog of a code page containing it', () => {
  const specs = [
    { label: 'Home', url: '/en/' },
    { label: 'Catalogs', items: [{ label: 'A', url: '/en/errors/a/' }, { label: 'B', url: '/en/errors/b/' }] },
  ];
  const none = () => ({});
  const onCode = navFor(specs, '/en/errors/a/x/', '/en/', none);
  assert.deepEqual(onCode, [
    { label: 'Home', href: '../../../', current: false },
    { label: 'Catalogs', current: false, items: [{ label: 'A', href: '../', current: false, contains: true }, { label: 'B', href: '../../b/', current: false }] },
  ]);
  const onCatalog = navFor(specs, '/en/errors/b/', '/en/', none);
  assert.deepEqual(onCatalog[1].items!.map((i) => [i.href, i.current, i.contains]), [['../a/', false, undefined], ['./', true, undefined]]);
});

test('pager: no previous link on the first item, no next link on the last', () => {
  const link = (n: number, rel: 'prev' | 'next') => ({ rel, label: String(n), href: `#${n}` });
  assert.deepEqual(pagerAt([1, 2, 3], 0, link), { next: { rel: 'next', label: '2', href: '#2' } });
  assert.deepEqual(pagerAt([1, 2, 3], 2, link, 'Codes'), { label: 'Codes', prev: { rel: 'prev', label: '2', href: '#2' } });
  assert.deepEqual(pagerAt([1], 0, link), {});
});

test('a catalog was last updated on its own date or its latest code\'s, whichever is later', () => {
  const catalog = (updated: string | undefined, codes: (string | undefined)[]) =>
    ({ id: 'c', title: 'C', updated, codes: codes.map((u, i) => ({ code: `k${i}`, severity: 'error', meaning: 'm', updated: u })) }) as Catalog;
  assert.equal(catalogUpdated(catalog('2026-01-01', [undefined, '2026-03-02', '2025-12-31'])), '2026-03-02');
  assert.equal(catalogUpdated(catalog('2026-05-01', ['2026-03-02'])), '2026-05-01');
  assert.equal(catalogUpdated(catalog(undefined, [undefined])), undefined);
});

test('the right-to-left fixture: a code under two phases has a row under each, ids unique on the page; code pages list their sections', () => {
  const site = prepareSite(fixture('rtl-product'));
  for (const locale of ['en', 'he']) {
    const byUrl = new Map<string, Page>(site.pages.map((p) => [p.url, p]));
    const catalog = byUrl.get(`/${locale}/errors/harbor-codes/`) as CatalogPage;
    const ids = catalog.groups.flatMap((g) => [g.id!, g.heading!.id, ...g.rows.map((r) => r.id)]);
    assert.equal(new Set(ids).size, ids.length, `${locale}: ids are unique`);
    assert.deepEqual(catalog.groups.map((g) => g.rows.map((r) => r.id)), [
      ['startup/0x80070005', 'startup/0x80004005'],
      ['sync/0x80070005', 'sync/lock_not_available', 'sync/sync_complete'],
    ]);
    assert.deepEqual(catalog.toc!.entries.map((e) => e.href), ['#startup', '#sync']);
    const code = byUrl.get(`/${locale}/errors/harbor-codes/0x80070005/`) as CodePage;
    const present = { steps: code.steps.length, related: code.related.length, references: code.references.length };
    assert.ok(Object.values(present).every((n) => n > 0), 'the fixture\'s first code has steps, related codes and references');
    assert.deepEqual(code.toc!.entries.map((e) => e.href), ['#meaning', '#action', '#steps', '#related', '#references']);
    assert.deepEqual([code.pager.prev, code.pager.next?.label], [undefined, '0x80004005']);
    assert.equal(code.heading.code, '0x80070005');
  }
});
