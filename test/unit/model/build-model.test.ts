import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import type { ArticlePage, CodePage, ReferencesPage } from '../../../src/model/types.ts';
import { fixture, root } from '../../support/helpers.ts';

const shipped = prepareSite(join(root, 'data'));
const byUrl = new Map(shipped.pages.map((p) => [p.url, p]));
// What the shipped data holds, read from its files, so that an author's new code, step or link is expected too.
const sourceArticle = shipped.content.articles.find((a) => a.value.id === 'configure-mim-sync-service')!.value;

test('the shipped site has a page for every step, code and catalog', () => {
  const article = byUrl.get('/en/articles/configure-mim-sync-service/') as ArticlePage;
  assert.deepEqual(article.steps.map((s) => s.id), sourceArticle.steps.map((s) => s.id));
  assert.ok(article.steps.some((s) => s.id === 'extension-dll-exception'));
  for (const { value: catalog } of shipped.content.catalogs) {
    const pages = shipped.pages.filter((p) => p.kind === 'code' && p.url.startsWith(`/en/errors/${catalog.id}/`)).map((p) => p.url);
    assert.deepEqual(pages, catalog.codes.map((c) => `/en/errors/${catalog.id}/${c.code}/`), catalog.id);
  }
  assert.deepEqual(shipped.content.catalogs.map((c) => c.value.id).sort(), ['mim-object-errors', 'mim-related', 'mim-run-status']);
  assert.ok(byUrl.has('/en/errors/mim-related/6025/'));
});

test('a code page lists the steps that name it and related codes both ways', () => {
  const page = byUrl.get('/en/errors/mim-run-status/stopped-server/') as CodePage;
  assert.deepEqual(page.steps.map((s) => s.href), ['../../../articles/configure-mim-sync-service/#failed-creation-via-web-services']);
  assert.ok(page.related.some((r) => r.code === 'failed-creation-via-web-services'));
  const back = byUrl.get('/en/errors/mim-related/failed-creation-via-web-services/') as CodePage;
  assert.ok(back.related.some((r) => r.code === 'stopped-server'));
  assert.deepEqual(page.breadcrumbs.map((c) => c.label), ['Home', 'MIM run-profile step results', 'stopped-server']);
});

test('step chips carry severity and link relatively to the code pages', () => {
  const article = byUrl.get('/en/articles/configure-mim-sync-service/') as ArticlePage;
  const step = article.steps.find((s) => s.id === 'extension-dll-exception')!;
  assert.deepEqual(step.codes.map((c) => [c.code, c.severity, c.href]), [
    ['stopped-extension-dll-exception', 'error', '../../errors/mim-run-status/stopped-extension-dll-exception/'],
    ['extension-dll-exception', 'error', '../../errors/mim-object-errors/extension-dll-exception/'],
  ]);
  assert.deepEqual(step.references.map((r) => r.id), ['technet-7515']);
});

test('the references page lists users and former URLs of each link', () => {
  const refs = byUrl.get('/en/references/') as ReferencesPage;
  assert.deepEqual(refs.links.map((l) => l.id).sort(), Object.keys(shipped.content.links.value.links).sort());
  const technet = refs.links.find((l) => l.id === 'technet-7515')!;
  assert.equal(technet.history[0].url, 'https://social.technet.microsoft.com/wiki/contents/articles/7515.fim-troubleshooting-extension-dll-exception.aspx');
  assert.ok(technet.usedBy.some((u) => u.href === '../articles/configure-mim-sync-service/#extension-dll-exception'));
});

test('a tiny site yields root, lookup, home, article, catalog, codes, references, log reader and 404 pages', () => {
  const site = prepareSite(fixture('valid'));
  assert.deepEqual(site.pages.map((p) => p.url), [
    '/', '/go/', '/en/', '/en/articles/restart-widget/', '/en/errors/widget-codes/',
    '/en/errors/widget-codes/w-100/', '/en/errors/widget-codes/w-200/', '/en/errors/widget-codes/w-300/',
    '/en/references/', '/en/go/', '/en/diagnose/', '/en/404.html', '/404.html',
  ]);
  assert.deepEqual(site.i18n.missing, []);
});
