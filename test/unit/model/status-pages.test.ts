import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTranslatedContent } from '../../../src/build/prepare-site.ts';
import { kinds } from '../../../src/content/kinds.ts';
import { createI18n, siteDictionaries } from '../../../src/i18n/create-i18n.ts';
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
