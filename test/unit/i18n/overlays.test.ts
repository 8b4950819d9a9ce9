import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { ContentError } from '../../../src/core/errors.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { matchesSource, sourceHash } from '../../../src/i18n/source-hash.ts';
import type { ArticlePage, CatalogPage, CodePage } from '../../../src/model/types.ts';
import { fixture, tempDir } from '../../support/helpers.ts';

const article = JSON.parse(readFileSync(join(fixture('valid'), 'articles/restart-widget.json'), 'utf8'));

/** The valid fixture plus a French overlay written by `write`. */
function withFrench(write: (dir: string) => void) {
  const { dir, cleanup } = tempDir();
  cpSync(fixture('valid'), dir, { recursive: true });
  const site = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8'));
  site.locales.push({ code: 'fr', label: 'Français' });
  writeFileSync(join(dir, 'site.json'), JSON.stringify(site));
  mkdirSync(join(dir, 'translations/fr/articles'), { recursive: true });
  write(dir);
  return { dir, cleanup };
}

const overlay = (steps: Record<string, unknown>, method = 'human') => ({
  translation: { method, date: '2024-06-01' },
  source: sourceHash([article.title, article.summary, article.intro]),
  title: 'Redémarrer le Widget',
  steps,
});

test('translated, stale and missing records: text, notices and lang follow the overlay', () => {
  const { dir, cleanup } = withFrench((d) => {
    writeFileSync(join(d, 'translations/fr/articles/restart-widget.json'), JSON.stringify(overlay({
      'check-power': { source: 'sha256-0000000000000000', text: 'Si le Widget signale [w-100](error:widget-codes/w-100), vérifiez le câble ([manuel](link:widget-manual)).' },
    })));
  });
  try {
    const site = prepareSite(dir);
    const page = site.pages.find((p) => p.url === '/fr/articles/restart-widget/') as ArticlePage;
    assert.equal(page.title, 'Redémarrer le Widget');
    assert.deepEqual(page.notices, []);
    assert.equal(page.contentLang, undefined);
    const [stale, missing] = page.steps;
    assert.match(stale.html, /vérifiez le câble/);
    assert.equal(stale.lang, undefined);
    assert.equal(missing.lang, 'en', 'untranslated step is marked as English');
    assert.equal(missing.mark?.text, 'Not yet translated: this text is shown in English.');
    const code = site.pages.find((p) => p.url === '/fr/errors/widget-codes/w-100/') as CodePage;
    assert.equal(code.contentLang, 'en');
    assert.equal(code.notices[0].href, '../../../../en/errors/widget-codes/w-100/');
    const catalog = site.pages.find((p) => p.url === '/fr/errors/widget-codes/') as CatalogPage;
    assert.deepEqual(catalog.groups[0].rows.map((r) => r.lang), ['en', 'en', 'en']);
    assert.deepEqual(code.alternates.map((a) => [a.locale, a.href]), [['en', '../../../../en/errors/widget-codes/w-100/'], ['fr', './']]);
  } finally {
    cleanup();
  }
});

test('a machine translation carries a banner; a stale one says the source changed', () => {
  const { dir, cleanup } = withFrench((d) => {
    const o = overlay({}, 'machine');
    o.source = 'sha256-ffffffffffffffff';
    writeFileSync(join(d, 'translations/fr/articles/restart-widget.json'), JSON.stringify(o));
  });
  try {
    const page = prepareSite(dir).pages.find((p) => p.url === '/fr/articles/restart-widget/') as ArticlePage;
    assert.deepEqual(page.notices.map((n) => [n.kind, n.text, n.href]), [
      ['machine', 'This page was machine-translated from English and may contain mistakes.', '../../../en/articles/restart-widget/'],
      ['stale', 'This translation may be out of date; the English page was updated on 1 mai 2024.', '../../../en/articles/restart-widget/'],
    ]);
  } finally {
    cleanup();
  }
});

test('overlays for unknown locales, files and ids are located errors', () => {
  const { dir, cleanup } = withFrench((d) => {
    writeFileSync(join(d, 'translations/fr/articles/restart-widget.json'), JSON.stringify(overlay({ 'check-powr': { text: 'x' } }), null, 2));
    writeFileSync(join(d, 'translations/fr/articles/other.json'), '{}');
    mkdirSync(join(d, 'translations/de'));
  });
  try {
    assert.throws(() => prepareSite(dir), (err: unknown) => {
      assert.ok(err instanceof ContentError);
      const lines = err.problems.map((p) => formatProblem(p).split(`${dir}/`).join(''));
      assert.deepEqual(lines.sort(), [
        'translations/de:1:1: locale "de" is not in site.json locales (add { "code": "de", "label": "…" } to locales)',
        'translations/fr/articles/other.json:1:1: no source file data/articles/other.json to translate',
        'translations/fr/articles/restart-widget.json:9:5 steps["check-powr"]: unknown step id "check-powr" (did you mean "check-power"?)',
      ]);
      return true;
    });
  } finally {
    cleanup();
  }
});

test('a translatable field added at the end of a kind leaves existing translations current, and the new text makes them stale', () => {
  const hash = sourceHash(['Title', 'Meaning', undefined]);
  assert.equal(matchesSource(hash, ['Title', 'Meaning', undefined]), true);
  assert.equal(matchesSource(hash, ['Title', 'Meaning', undefined, undefined]), true, 'a new, still empty, last field');
  assert.equal(matchesSource(hash, ['Title', 'Meaning', undefined, 'What you see']), false, 'the source gained text');
  assert.equal(matchesSource(hash, ['Title', 'Meaning changed', undefined]), false);
  assert.equal(matchesSource(undefined, ['Title']), false);
});
