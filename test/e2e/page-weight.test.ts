import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { gzipSize, pageWeightBudgetBytes } from '../../scripts/lib/page-weight.ts';
import { tempDir } from '../support/helpers.ts';
import { builtSite } from '../support/site-cache.ts';
import { serveFolder } from '../support/static-server.ts';

const tmp = tempDir();
let site: string;
let server: Awaited<ReturnType<typeof serveFolder>>;
let browser: Browser;

before(async () => {
  site = builtSite();
  server = await serveFolder(site, '/kb/');
  browser = await launchChromium();
});
// Closed here, not in the test, so a failed assertion cannot leave Chromium running.
after(async () => {
  await browser?.close();
  await server?.close();
  tmp.cleanup();
});

test(`the article page loads only its HTML, CSS, icon, search and language-switch scripts before a search, within ${pageWeightBudgetBytes / 1024} KB gzip; opening search adds only the code finder`, async () => {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}en/articles/configure-mim-sync-service/`);
  await page.waitForLoadState('networkidle');
  const files = requests.map((u) => new URL(u).pathname.replace(/^\/kb\//, '').replace(/\/$/, '/index.html'));
  assert.deepEqual(files.sort(), ['assets/favicon.svg', 'assets/language-switch.js', 'assets/search.js', 'assets/site.css', 'en/articles/configure-mim-sync-service/index.html']);
  const total = files.reduce((n, f) => n + gzipSize(join(site, f)), 0);
  assert.ok(total <= pageWeightBudgetBytes, `${total} bytes gzip is over the ${pageWeightBudgetBytes}-byte budget`);
  const loaded = () => requests.map((u) => new URL(u).pathname.replace(/^\/kb\//, '')).filter((f) => !files.includes(f) && !f.endsWith('/'));
  // Opening the dialog loads the code finder and the page's code list, and nothing of Pagefind yet.
  await page.keyboard.press('/');
  await page.waitForFunction(() => 'fieldguideCodeLists' in window && 'fastestLevenshtein' in window);
  assert.deepEqual(loaded().sort(), ['assets/code-finder.js', 'assets/codes-en.js', 'assets/fastest-levenshtein.js']);
  const finder = loaded().reduce((n, f) => n + gzipSize(join(site, f)), 0);
  assert.ok(finder <= 10 * 1024, `the code finder weighs ${finder} bytes gzip`);
  await page.keyboard.type('x');
  await page.waitForRequest((r) => r.url().endsWith('/kb/pagefind/pagefind.js'));
});
