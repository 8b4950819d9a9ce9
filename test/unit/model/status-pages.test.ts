import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTranslatedContent } from '../../../src/build/prepare-site.ts';
import { createI18n, siteDictionaries } from '../../../src/i18n/create-i18n.ts';
import { percentOf, recordUrl } from '../../../src/model/status-pages.ts';

test('each status record links to where readers of that locale see it', () => {
  assert.equal(recordUrl('id', 'step/configure-mim-sync-service/pcns-event-6025'), '/id/articles/configure-mim-sync-service/#pcns-event-6025');
  assert.equal(recordUrl('id', 'code/mim-related/6025'), '/id/errors/mim-related/6025/');
  assert.equal(recordUrl('id', 'phase/mim-object-errors/export'), '/id/errors/mim-object-errors/#export');
  assert.equal(recordUrl('ar', 'link/technet-4159'), '/ar/references/#technet-4159');
  assert.equal(recordUrl('ar', 'site'), '/ar/');
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
