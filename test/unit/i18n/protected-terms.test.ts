import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { protectedTermViolations, resembling, termAt } from '../../../src/i18n/protected-terms.ts';
import { violationMessage } from '../../../src/i18n/check-protected.ts';
import { root } from '../../support/helpers.ts';

// The shipped English steps, and the seed's machine translation of them rewritten in our reference
// syntax with the seed's own mistakes kept: translated code names, "TempDB" turned into "Code",
// UI labels translated.
const article = JSON.parse(readFileSync(join(root, 'data/articles/configure-mim-sync-service.json'), 'utf8'));
const site = JSON.parse(readFileSync(join(root, 'data/site.json'), 'utf8'));
const step = (id: string): string => article.steps.find((s: { id: string }) => s.id === id).text;

const seed = {
  'extension-dll-exception':
    'Jika Jalankan perhentian dengan [ekstensi-dll-pengecualian](error:mim-run-status/stopped-extension-dll-exception) dan objek menampilkan ' +
    '[extension-dll-exception](error:mim-object-errors/extension-dll-exception), lalu klik kata tersebut untuk membuka jendela ' +
    '**properti objek Ruang konektor**, dan klik pada **pelacakan stack...** untuk melihat informasi selengkapnya, seperti yang ' +
    'diuraikan dalam [ekstensi-dll-pengecualian](link:technet-7515).',
  'slow-full-sync-tempdb':
    'Jika sinkronisasi penuh dengan agen manajemen layanan FIM lambat, periksa pengaturan **otomatis tumbuh** untuk Code, seperti ' +
    'yang diuraikan dalam [pemecahan masalah sinkronisasi penuh Slow atau Hanging](link:technet-14713).',
  'failed-creation-via-web-services':
    'Jika Anda mengalami kesalahan [berhenti-server](error:mim-run-status/stopped-server) dengan ' +
    '[pembuatan yang gagal-melalui-Web-Services](error:mim-related/failed-creation-via-web-services) menggunakan agen manajemen ' +
    'FIM Service, lihat [dukungan-Info](link:iamsupport-failed-creation) untuk gambaran umum penyebab.',
};

test('the seed translation of the extension-dll-exception step loses code names and UI labels', () => {
  const found = protectedTermViolations(step('extension-dll-exception'), seed['extension-dll-exception'], site.glossary);
  assert.deepEqual(found, [
    { kind: 'code-name', term: 'stopped-extension-dll-exception', insteadOf: 'ekstensi-dll-pengecualian' },
    { kind: 'glossary', term: 'Connector Space Object Properties', insteadOf: 'properti objek Ruang konektor' },
    { kind: 'glossary', term: 'Stack Trace...', insteadOf: 'stack...' },
  ]);
});

test('the seed translation of the TempDB step replaces TempDB and the FIM Service name', () => {
  const found = protectedTermViolations(step('slow-full-sync-tempdb'), seed['slow-full-sync-tempdb'], site.glossary);
  assert.deepEqual(found, [
    { kind: 'glossary', term: 'TempDB', insteadOf: undefined },
    { kind: 'glossary', term: 'FIM Service', insteadOf: 'FIM' },
  ]);
  assert.equal(violationMessage('id', found[0]), 'id: glossary term "TempDB" is missing from the translation; nothing resembling it was found');
});

test('the seed translation of the web-services step translates both code names', () => {
  const found = protectedTermViolations(step('failed-creation-via-web-services'), seed['failed-creation-via-web-services'], site.glossary);
  assert.deepEqual(found, [
    { kind: 'code-name', term: 'stopped-server', insteadOf: 'berhenti-server' },
    { kind: 'code-name', term: 'failed-creation-via-web-services', insteadOf: 'pembuatan yang gagal-melalui-Web-Services' },
  ]);
  assert.equal(
    violationMessage('id', found[1]),
    'id: error code name "failed-creation-via-web-services" is missing from the translation; "pembuatan yang gagal-melalui-Web-Services" stands in its place',
  );
});

test('the shipped Indonesian article keeps every protected term', () => {
  const overlay = JSON.parse(readFileSync(join(root, 'data/translations/id/articles/configure-mim-sync-service.json'), 'utf8'));
  for (const s of article.steps) {
    assert.deepEqual(protectedTermViolations(s.text, overlay.steps[s.id].text, site.glossary), [], s.id);
  }
});

test('code spans and reference targets must survive, and a translated span is named', () => {
  assert.deepEqual(protectedTermViolations('Run `csexport` now', 'Jalankan `ekspor-cs` sekarang'), [
    { kind: 'code', term: 'csexport', insteadOf: 'ekspor-cs' },
  ]);
  assert.deepEqual(protectedTermViolations('See [the guide](link:guide-a).', 'Lihat [panduan](link:guide-b).'), [
    { kind: 'target', term: 'link:guide-a', insteadOf: 'link:guide-b' },
  ]);
  assert.deepEqual(protectedTermViolations('Run `x` and see [g](link:g).', 'Jalankan `x`, lihat [panduan](link:g).'), []);
});

test('a glossary term only binds translations of text that contains it', () => {
  assert.deepEqual(protectedTermViolations('Restart the service.', 'Mulai ulang layanan.', ['TempDB']), []);
  assert.deepEqual(protectedTermViolations('Grow **TempDB**.', 'Perbesar **tempdb**.', ['TempDB']), [
    { kind: 'glossary', term: 'TempDB', insteadOf: 'tempdb' },
  ]);
});

test('resembling finds the translated words of a multi-word label', () => {
  assert.equal(resembling('Connector Space Object Properties', 'buka jendela properti objek Ruang konektor, lalu'), 'properti objek Ruang konektor');
  assert.equal(resembling('TempDB', 'pengaturan untuk Code'), undefined);
});

test('the French human translation keeps the extension code but renames stopped-server and the UI labels', () => {
  // The seed's French step 7 and step 4, in our reference syntax, with the seed's wording kept.
  const step7 =
    'Si vous rencontrez une erreur [Serveur arrêté](error:mim-run-status/stopped-server) dont la ' +
    '[failed-creation-via-web-services](error:mim-related/failed-creation-via-web-services) via des services web à l’aide de ' +
    'l’agent de gestion FIM Service, consultez [Support-Info: failed-creation-via-web-services](link:iamsupport-failed-creation).';
  assert.deepEqual(protectedTermViolations(step('failed-creation-via-web-services'), step7, site.glossary), [
    { kind: 'code-name', term: 'stopped-server', insteadOf: 'Serveur arrêté' },
  ]);
  const step4 =
    'Si l’exécution s’arrête avec [stopped-extension-dll-exception](error:mim-run-status/stopped-extension-dll-exception) et ' +
    '[extension-dll-exception](error:mim-object-errors/extension-dll-exception), cliquez sur ces mots pour ouvrir la fenêtre ' +
    '**Propriétés d’objet d’espace de connecteur**, puis cliquez sur **Trace de pile...**, comme décrit dans ' +
    '[Extension-DLL-Exception](link:technet-7515).';
  assert.deepEqual(protectedTermViolations(step('extension-dll-exception'), step4, site.glossary).map((v) => v.term), [
    'Connector Space Object Properties',
    'Stack Trace...',
  ]);
});

test('glossary terms match whole terms only: LOCK is not found inside lock_timeout', () => {
  assert.equal(termAt('set lock_timeout first', 'lock', true), -1);
  assert.equal(termAt('take the LOCK.', 'LOCK'), 9);
  assert.equal(termAt('open Stack Trace... now', 'Stack Trace...'), 5);
  // The source names LOCK; a translation that only has lock_timeout lost it, and nothing stands in for it.
  assert.deepEqual(protectedTermViolations('Wait for the LOCK to clear.', 'Tunggu lock_timeout selesai.', ['LOCK']), [
    { kind: 'glossary', term: 'LOCK', insteadOf: undefined },
  ]);
  // Without the term in the source, nothing is asked of the translation.
  assert.deepEqual(protectedTermViolations('Set lock_timeout.', 'Atur lock_timeout.', ['LOCK']), []);
});
