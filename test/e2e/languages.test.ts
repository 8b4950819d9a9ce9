import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { listFiles } from '../../src/core/files.ts';
import { contentOf, expectedPages } from '../support/expected-site.ts';
import { fixture, root, runCli, tempDir } from '../support/helpers.ts';
import { builtSite } from '../support/site-cache.ts';
import { serveFolder } from '../support/static-server.ts';

const tmp = tempDir();
let out: string;
let rtl: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let rtlServer: Awaited<ReturnType<typeof serveFolder>>;

before(async () => {
  out = builtSite();
  rtl = builtSite(fixture('rtl-ui-only'));
  browser = await launchChromium();
  server = await serveFolder(out, '/docs/mim/');
  rtlServer = await serveFolder(rtl, '/');
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rtlServer?.close();
  tmp.cleanup();
});

/** The file a relative href of `page` opens, e.g. `../en/` from `id/x/index.html` → `en/index.html`. */
function target(page: string, href: string): string {
  const path = normalize(join(dirname(page), href.split('#')[0]));
  return href.split('#')[0].endsWith('/') || href.startsWith('#') || href === '' ? join(path, 'index.html') : path;
}

const attr = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

test('every page links to itself in each locale and to the English page as x-default, and the switcher round-trips', () => {
  const pages = listFiles(out).filter((f) => /^(en|id)\/.*\.html$/.test(f));
  assert.deepEqual([...pages].sort(), expectedPages(join(root, 'data')).filter((f) => /^(en|id)\//.test(f)));
  for (const page of pages) {
    const html = readFileSync(join(out, page), 'utf8');
    const locale = page.slice(0, 2);
    const other = locale === 'en' ? 'id' : 'en';
    const rest = page.slice(3);
    const alternates = Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], target(page, m[2])]));
    assert.deepEqual(alternates, { en: `en/${rest}`, id: `id/${rest}`, 'x-default': `en/${rest}` }, page);
    const [there] = attr(html, new RegExp(`<a href="([^"]+)" lang="${other}" hreflang="${other}" data-keep-hash>`, 'g'));
    assert.equal(target(page, there), `${other}/${rest}`, page);
    const back = readFileSync(join(out, target(page, there)), 'utf8');
    const [home] = attr(back, new RegExp(`<a href="([^"]+)" lang="${locale}" hreflang="${locale}" data-keep-hash>`, 'g'));
    assert.equal(target(target(page, there), home), page, `switcher back from ${other}/${rest}`);
    assert.ok(existsSync(join(out, page)));
  }
});

test('in Chromium, switching language on a step keeps the reader at the same step', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}id/articles/configure-mim-sync-service/#slow-full-sync-tempdb`);
  await page.locator('.languages-switch a[hreflang="en"]').click();
  await page.waitForURL('**/docs/mim/en/articles/configure-mim-sync-service/#slow-full-sync-tempdb');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator(':target').getAttribute('id'), 'slow-full-sync-tempdb');
  await page.close();
});

test('the root page sends readers to their browser\'s language, else the default one, and lists the languages without script', async () => {
  for (const [locale, expected] of [['id-ID', '/docs/mim/id/'], ['en-GB', '/docs/mim/en/']]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForURL(`**${expected}`);
    await context.close();
  }
  // No language of the site matches: the site's default language.
  const french = await browser.newContext({ locale: 'fr-FR' });
  const fallback = await french.newPage();
  await fallback.goto(server.url);
  await fallback.waitForURL('**/docs/mim/en/');
  await french.close();

  const noScript = await browser.newContext({ locale: 'id-ID', javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(server.url);
  assert.deepEqual(await plain.locator('.languages a').evaluateAll((as) => as.map((a) => [a.getAttribute('hreflang'), a.getAttribute('href'), a.textContent])), [
    ['en', 'en/', 'English'],
    ['id', 'id/', 'Bahasa Indonesia'],
  ]);
  await plain.locator('.languages a[hreflang="id"]').click();
  await plain.waitForURL('**/docs/mim/id/');
  await noScript.close();
});

test('a locale with only UI strings builds right-to-left, with every text shown in English and marked so', async () => {
  const arPages = listFiles(join(rtl, 'ar')).filter((f) => f.endsWith('.html'));
  assert.deepEqual(arPages.sort(), listFiles(join(rtl, 'en')).filter((f) => f.endsWith('.html')).sort());
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${rtlServer.url}ar/articles/restart-widget/`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('.step-n').first().textContent(), 'الخطوة 1');
  // Mirrored: the site title sits at the right edge, the notice border on the right.
  const title = (await page.locator('.site-title').boundingBox())!;
  assert.ok(title.x > 500, `site title at x=${title.x}`);
  assert.equal(await page.locator('.notice').first().evaluate((n) => getComputedStyle(n).borderRightWidth), '4px');
  assert.match((await page.locator('.notice-fallback').first().textContent()) ?? '', /^لم يُترجم بعد/);
  const text = page.locator('.step-text').first();
  assert.deepEqual([await text.getAttribute('lang'), await text.getAttribute('dir')], ['en', 'ltr']);
  assert.match((await text.textContent()) ?? '', /If the Widget reports w-100/);
  await page.goto(`${rtlServer.url}ar/errors/widget-codes/w-100/`);
  assert.equal(await page.locator('.notice-fallback').count(), 1);
  assert.equal(await page.locator('h1').getAttribute('lang'), 'en');
  assert.match(await page.locator('.facts').textContent() ?? '', /خطأ/);
  await page.close();

  const status = runCli(['i18n', 'status', '--data', fixture('rtl-ui-only'), '--format', 'json']);
  assert.equal(status.code, 0, status.stderr);
  const [ar] = JSON.parse(status.stdout).locales;
  assert.equal(ar.locale, 'ar');
  // Every record of the fixture is counted, and every one is missing.
  const records = contentOf(fixture('rtl-ui-only')).records;
  assert.equal(ar.counts.total, records.length);
  assert.equal(ar.counts.missing, ar.counts.total);
  assert.deepEqual(ar.records.map((r: { key: string }) => r.key).sort(), records.map((r) => r.key).sort());
  assert.ok(ar.records.every((r: { state: string }) => r.state === 'missing'));
  const statusPage = readFileSync(join(rtl, 'ar/translation-status/index.html'), 'utf8');
  assert.match(statusPage, new RegExp(`<tr class="status-missing"><th scope="row">لم يُترجم بعد</th><td>${records.length}</td>`));
});

test('dates are written the way each locale writes them', () => {
  const article = (l: string) => readFileSync(join(out, l, 'articles/configure-mim-sync-service/index.html'), 'utf8');
  assert.match(article('en'), /Updated February 19, 2021/);
  assert.match(article('id'), /19 Februari 2021/);
  assert.match(readFileSync(join(rtl, 'ar/articles/restart-widget/index.html'), 'utf8'), /آخر تحديث ١ مايو ٢٠٢٤|آخر تحديث 1 مايو 2024/);
});
