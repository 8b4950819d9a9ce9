import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { loadContent } from '../../../src/content/load.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { validateContent } from '../../../src/content/validate.ts';
import type { ArticlePage, ReferencesPage } from '../../../src/model/types.ts';
import { fixture, tempDir } from '../../support/helpers.ts';

/** A copy of a fixture with one step's text replaced, and what validation says about it. */
function withStepText(name: string, step: number, text: string) {
  const { dir, cleanup } = tempDir();
  cpSync(fixture(name), dir, { recursive: true });
  const file = join(dir, 'articles', name === 'valid' ? 'restart-widget.json' : 'restore-gateway.json');
  const article = JSON.parse(readFileSync(file, 'utf8'));
  article.steps[step].text = text;
  writeFileSync(file, JSON.stringify(article, null, 2));
  const problems = validateContent(loadContent(dir)).map((p) => formatProblem(p).split(`${dir}/`).join(''));
  return { dir, cleanup, problems };
}

test('an article can point to another article, one of its steps, a catalog and one of its phases', () => {
  const { dir, cleanup, problems } = withStepText('rtl-product', 2,
    'See [the first step](article:restore-gateway#stop-sync-agent), [the catalog](catalog:harbor-codes), [sync codes](catalog:harbor-codes#sync) and [this article](article:restore-gateway).');
  try {
    assert.deepEqual(problems, []);
    const site = prepareSite(dir);
    const page = site.pages.find((p) => p.url === '/en/articles/restore-gateway/') as ArticlePage;
    const html = page.steps[2].html;
    assert.match(html, /<a href="#stop-sync-agent">the first step<\/a>/);
    assert.match(html, /<a href="\.\.\/\.\.\/errors\/harbor-codes\/">the catalog<\/a>/);
    assert.match(html, /<a href="\.\.\/\.\.\/errors\/harbor-codes\/#sync">sync codes<\/a>/);
    assert.match(html, /<a href="\.\/">this article<\/a>/);
    // The Hebrew step is translated: its own text carries no such reference, the English one does.
    const he = site.pages.find((p) => p.url === '/he/articles/restore-gateway/') as ArticlePage;
    assert.equal(he.steps[2].mark?.kind, 'stale', 'the changed English step makes its Hebrew translation stale');
  } finally {
    cleanup();
  }
});

test('a reference to a record that does not exist is a located error with a likely fix', () => {
  const { cleanup, problems } = withStepText('valid', 1,
    'See [a](article:restart-widgte), [b](article:restart-widget#check-powr), [c](catalog:widget-cods) and [d](error:widget-codes/w-10).');
  try {
    assert.deepEqual(problems, [
      'articles/restart-widget.json:17:24 steps[1].text: unknown article id "restart-widgte" (did you mean "restart-widget"?)',
      'articles/restart-widget.json:17:53 steps[1].text: unknown step id "check-powr" in article "restart-widget" (did you mean "check-power"?)',
      'articles/restart-widget.json:17:93 steps[1].text: unknown catalog id "widget-cods" (did you mean "widget-codes"?)',
      'articles/restart-widget.json:17:122 steps[1].text: unknown code "w-10" in catalog "widget-codes" (did you mean "w-100"?)',
    ]);
  } finally {
    cleanup();
  }
});

test('the references page lists the step that uses a link, by its number and title, linked to its anchor', () => {
  const { dir, cleanup } = withStepText('rtl-product', 0, 'Read [the guide](link:harbor-restore-guide) first.');
  try {
    const site = prepareSite(dir);
    const refs = site.pages.find((p) => p.url === '/en/references/') as ReferencesPage;
    const guide = refs.links.find((l) => l.id === 'harbor-restore-guide')!;
    assert.ok(guide.usedBy.some((u) => u.href === '../articles/restore-gateway/#stop-sync-agent' && /Step 1: Stop the Sync Agent$/.test(u.label)), JSON.stringify(guide.usedBy));
  } finally {
    cleanup();
  }
});
