import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listFiles } from '../../src/core/files.ts';
import { expectedPages, translatedRecords } from '../support/expected-site.ts';
import { root } from '../support/helpers.ts';
import { servedBuild } from '../support/served-build.ts';

const site = servedBuild();
const { out } = site;
const data = join(root, 'data');

const codes = (catalog: string) => JSON.parse(readFileSync(join(data, 'errors', `${catalog}.json`), 'utf8')).codes.map((c: { code: string }) => c.code);

test('every shipped code, catalog, article and reference has its page', () => {
  for (const catalog of ['mim-run-status', 'mim-object-errors', 'mim-related']) {
    assert.ok(existsSync(join(out, 'en/errors', catalog, 'index.html')));
    assert.ok(codes(catalog).length > 0, catalog);
    for (const code of codes(catalog)) assert.ok(existsSync(join(out, 'en/errors', catalog, code, 'index.html')), `${catalog}/${code}`);
  }
  for (const page of ['index.html', 'en/index.html', 'en/articles/configure-mim-sync-service/index.html', 'en/references/index.html', '404.html', 'assets/site.css']) {
    assert.ok(existsSync(join(out, page)), page);
  }
  // Per locale: home, each article, catalog and code, references, go/, diagnose/, translation status, 404; then the root page, root go/ and root 404.
  assert.deepEqual(listFiles(out).filter((f) => f.endsWith('.html')).sort(), expectedPages(data));
});

test('pages carry no outside assets: no external stylesheet, script, image or font', () => {
  for (const file of listFiles(out).filter((f) => f.endsWith('.html') || f.endsWith('.css'))) {
    const text = readFileSync(join(out, file), 'utf8');
    assert.doesNotMatch(text, /<(script|img|iframe)\b[^>]*\bsrc="(https?:)?\/\//i, file);
    assert.doesNotMatch(text, /<link\b[^>]*rel="stylesheet"[^>]*href="(https?:)?\/\//i, file);
    assert.doesNotMatch(text, /@import|url\(\s*["']?(https?:)?\/\//i, file);
  }
});

test('in Chromium under a sub-path, a step\'s code link leads to the code page, and nothing leaves 127.0.0.1', async () => {
  const page = await site.browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.url}en/articles/configure-mim-sync-service/`);
  assert.equal(await page.locator('h1').textContent(), 'Configure MIM Sync Service');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const step = page.locator('#extension-dll-exception');
  await step.locator('.step-codes a', { hasText: 'stopped-extension-dll-exception' }).click();
  await page.waitForURL('**/en/errors/mim-run-status/stopped-extension-dll-exception/');
  assert.equal((await page.locator('h1').textContent())?.trim(), 'stopped-extension-dll-exception');
  assert.equal(await page.locator('.facts .sev').textContent(), 'Error');
  const cssLoaded = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position);
  assert.equal(cssLoaded, 'absolute', 'the stylesheet loads through a relative URL');
  await page.locator('a', { hasText: /^Step 4:/ }).click();
  await page.waitForURL('**/configure-mim-sync-service/#extension-dll-exception');
  assert.ok(requests.length > 2);
  assert.deepEqual(requests.filter((u) => !u.startsWith(site.url)), []);
  await page.close();
});

test('the skip link is the first stop of the keyboard and moves focus to the content', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}en/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#main');
  await page.close();
});

test('in Chromium, switching language on an Indonesian code page lands on the same code in English', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}id/errors/mim-related/6025/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.match((await page.locator('.notice-machine').textContent()) ?? '', /diterjemahkan oleh mesin dari bahasa Inggris dan mungkin berisi kesalahan\. Baca halaman dalam bahasa Inggris/);
  await page.locator('.languages-switch a[hreflang="en"]').click();
  await page.waitForURL('**/kb/en/errors/mim-related/6025/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('.notice').count(), 0);
  await page.close();
});

/** The record a page of a locale is the page of, e.g. `errors/a/b/index.html` → `code/a/b`; the site for the others. */
function pageRecordOf(file: string): string {
  const parts = file.split('/').slice(0, -1);
  if (parts[0] === 'articles') return `article/${parts[1]}`;
  if (parts[0] === 'errors') return parts.length === 2 ? `catalog/${parts[1]}` : `code/${parts[1]}/${parts[2]}`;
  return 'site';
}

test('every Indonesian page carries the machine-translation banner, or says that its record is not yet translated', () => {
  const pages = listFiles(join(out, 'id')).filter((f) => f.endsWith('.html'));
  assert.deepEqual([...pages].sort(), expectedPages(data, 'id'));
  const translated = translatedRecords(data, 'id');
  for (const file of pages) {
    const method = translated.get(pageRecordOf(file))?.method;
    const banner = method === 'machine' ? /class="notice notice-machine"/ : /class="notice notice-fallback"/;
    assert.match(readFileSync(join(out, 'id', file), 'utf8'), banner, `${file} (${method ?? 'not translated'})`);
  }
  assert.equal(translated.get('site')?.method, 'machine', 'the shipped Indonesian translation is machine-made');
});
