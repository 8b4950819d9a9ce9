import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingUiKeys } from '../../../src/i18n/create-i18n.ts';
import { untranslatedUiKeys, uiSourceText } from '../../../src/i18n/untranslated-ui.ts';

const en = { 'nav.home': 'Home', 'status.status': 'Status', 'home.codeCount_one': '{{count}} code', 'home.codeCount_other': '{{count}} codes' };

test('a UI string still holding the source text counts as untranslated, like a missing one', () => {
  const de = { 'nav.home': 'Home', 'status.status': 'Stand', 'home.codeCount_one': '{{count}} Code' };
  assert.deepEqual(untranslatedUiKeys(en, de, 'de'), ['home.codeCount_other', 'nav.home']);
  // The status and the build warning go through missingUiKeys, which applies the same rule.
  assert.deepEqual(missingUiKeys(en, de, 'de'), ['home.codeCount_other', 'nav.home']);
});

test('$sameAsSource lists strings that are the same as the source on purpose', () => {
  const id = { $sameAsSource: ['status.status'], 'nav.home': 'Beranda', 'status.status': 'Status', 'home.codeCount_other': '{{count}} kode' } as unknown as Record<string, string>;
  assert.deepEqual(untranslatedUiKeys(en, id, 'id'), []);
});

test('a plural form English lacks is compared with English _other', () => {
  assert.equal(uiSourceText(en, 'home.codeCount_few'), '{{count}} codes');
  const ar = { 'nav.home': 'الرئيسية', 'status.status': 'الحالة', 'home.codeCount_few': '{{count}} codes' };
  assert.ok(untranslatedUiKeys(en, ar, 'ar').includes('home.codeCount_few'));
});
