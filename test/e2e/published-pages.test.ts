import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listFiles } from '../../src/core/files.ts';
import { fixture, runCli, tempDir } from '../support/helpers.ts';

const tmp = tempDir('fieldguide-published-');
after(() => tmp.cleanup());

/** The right-to-left fixture outside the working directory, with one English step changed so its translation is stale. */
function staleCopy(): { data: string; out: string } {
  const data = join(tmp.dir, 'kb-data');
  cpSync(fixture('rtl-product'), data, { recursive: true });
  const file = join(data, 'articles/restore-gateway.json');
  const article = JSON.parse(readFileSync(file, 'utf8'));
  article.steps[1].text += ' Keep the old file until the gateway runs.';
  writeFileSync(file, JSON.stringify(article, null, 2));
  return { data, out: join(tmp.dir, 'kb-site') };
}

const { data, out } = staleCopy();
const built = runCli(['build', '--data', data, '--out', out]);

test('no published page shows where the site was built: paths are the data folder\'s own', () => {
  assert.equal(built.code, 0, built.stderr);
  const pages = listFiles(out).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    const html = readFileSync(join(out, page), 'utf8');
    assert.ok(!html.includes(tmp.dir), `${page} shows the build folder ${tmp.dir}`);
  }
  const status = readFileSync(join(out, 'en/translation-status/index.html'), 'utf8');
  assert.match(status, /<code dir="ltr">translations\/he\/articles\/restore-gateway\.json:\d+<\/code>/);
});

test('notices name the source language in the reader\'s language, and the switcher keeps each language\'s own name', () => {
  const he = readFileSync(join(out, 'he/articles/restore-gateway/index.html'), 'utf8');
  assert.match(he, /<p class="notice notice-stale">[^<]*ב?אנגלית[^<]*<a href="[^"]*#restore-config">[^<]*אנגלית<\/a><\/p>/);
  assert.doesNotMatch(he, /English(?![^<]*<\/(a|span)>)/, 'no notice says "English" on a Hebrew page');
  assert.match(he, /<a href="[^"]*" lang="en" hreflang="en" data-keep-hash>English<\/a>/);
  const status = readFileSync(join(out, 'en/translation-status/index.html'), 'utf8');
  assert.match(status, />Hebrew<\/span> <span class="muted">\(he\)<\/span>/);
  const statusHe = readFileSync(join(out, 'he/translation-status/index.html'), 'utf8');
  assert.match(statusHe, />עברית<\/span> <span class="muted">\(he\)<\/span>/);
});
