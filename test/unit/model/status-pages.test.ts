import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTranslatedContent, prepareSite } from '../../../src/build/prepare-site.ts';
import { kinds } from '../../../src/content/kinds.ts';
import { createI18n, siteDictionaries } from '../../../src/i18n/create-i18n.ts';
import { standingOf } from '../../../src/i18n/status.ts';
import { dataRelative, percentOf } from '../../../src/model/status-pages.ts';

test('each kind of record is found where readers of that locale see it', () => {
  assert.equal(kinds.step.where('id', ['configure-mim-sync-service', 'pcns-event-6025']), '/id/articles/configure-mim-sync-service/#pcns-event-6025');
  assert.equal(kinds.code.where('id', ['mim-related', '6025']), '/id/errors/mim-related/6025/');
  assert.equal(kinds.phase.where('id', ['mim-object-errors', 'export']), '/id/errors/mim-object-errors/#export');
  assert.equal(kinds.link.where('ar', ['technet-4159']), '/ar/references/#technet-4159');
  assert.equal(kinds.site.where('ar', []), '/ar/');
});

test('published paths are the data folder\'s own, wherever the build ran', () => {
  assert.equal(dataRelative('/srv/kb/data', '/srv/kb/data/translations/id/site.json'), 'translations/id/site.json');
  assert.equal(dataRelative('/srv/kb/data', '/elsewhere/x.json'), 'x.json');
});

test('numbers and shares are written the way each locale writes them', () => {
  assert.equal(percentOf('en', 1, 3), '33%');
  assert.equal(percentOf('fr', 1, 3), '33\u00a0%');
  assert.equal(percentOf('en', 0, 0), '0%');
  // Indonesian comes from the shipped data/translations/id/ui.json, the way a site adds a language.
  const i18n = createI18n('en', siteDictionaries(loadTranslatedContent('data').overlays));
  assert.equal(i18n.t('en')('home.codeCount', { count: 1234 }), '1,234 codes');
  assert.equal(i18n.t('id')('home.codeCount', { count: 1234 }), '1.234 kode');
});

test('a current machine translation is not done: it stands apart from a person\'s, and a stale one of any method is stale', () => {
  assert.equal(standingOf({ state: 'translated', method: 'machine' }), 'machine');
  assert.equal(standingOf({ state: 'translated', method: 'human' }), 'translated');
  assert.equal(standingOf({ state: 'translated', method: 'reviewed' }), 'translated');
  assert.equal(standingOf({ state: 'stale', method: 'machine' }), 'stale');
  assert.equal(standingOf({ state: 'missing' }), 'missing');
});

test('the shipped Indonesian, all machine-made, is "not done yet" on the status page, with no share counted as done', () => {
  const page = prepareSite('data').pages.find((p) => p.kind === 'translationStatus' && p.locale === 'en');
  assert.ok(page?.kind === 'translationStatus');
  const [id] = page.locales;
  const count = Object.fromEntries(id.rows.map((r) => [r.status, r.count]));
  assert.deepEqual(count, { translated: 0, machine: id.total, stale: 0, missing: 0, protectedTerms: 0 });
  assert.deepEqual(id.verdict, { done: false, text: 'Not done yet:', parts: ['Machine-translated, not reviewed (100%)'] });
});
