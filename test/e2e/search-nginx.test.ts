import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { listFiles } from '../../src/core/files.ts';
import { contentOf } from '../support/expected-site.ts';
import { root, tempDir } from '../support/helpers.ts';
import { builtSite } from '../support/site-cache.ts';
import { startNginx } from '../support/nginx.ts';
import { typeSearch } from '../support/search.ts';

const tmp = tempDir();
let site: string;
let browser: Browser;
let nginx: Awaited<ReturnType<typeof startNginx>>;
let base: string;

before(async () => {
  site = builtSite();
  nginx = await startNginx(site);
  base = `${nginx.origin}/kb/`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
  tmp.cleanup();
});

/** A page that records every request and every Content-Security-Policy complaint. */
async function openPage(url: string): Promise<{ page: Page; requests: string[]; refused: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.request().url().startsWith('http://127.0.0.1') ? route.continue() : route.abort();
  });
  page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text()); });
  await page.goto(url);
  return { page, requests, refused };
}

/** Types a query into the search box and returns the first result's title and link once they show. */
async function firstResult(page: Page, query: string): Promise<{ title: string; href: string }> {
  const first = (await typeSearch(page, query)).first();
  return { title: (await first.locator('.result-title').textContent()) ?? '', href: (await first.locator('a').getAttribute('href')) ?? '' };
}

test('behind nginx under /kb/, searching an exact code in English opens its page, with nothing leaving 127.0.0.1', async () => {
  const { page, requests, refused } = await openPage(`${base}en/articles/configure-mim-sync-service/`);
  const first = await firstResult(page, 'stopped-extension-dll-exception');
  assert.equal(first.title, 'stopped-extension-dll-exception');
  assert.equal(first.href, '../../../en/errors/mim-run-status/stopped-extension-dll-exception/', 'relative to the page');
  assert.match((await page.locator('.search-status').textContent()) ?? '', /^\d+ results?$/);
  assert.equal(await page.locator('#fg-search-results li').first().locator('.sev').textContent(), 'Error');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}en/errors/mim-run-status/stopped-extension-dll-exception/`);
  assert.equal(await page.locator('h1').textContent(), 'stopped-extension-dll-exception');
  assert.ok(requests.some((u) => u.endsWith('/kb/pagefind/pagefind.js')), 'Pagefind was loaded from the sub-path');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${nginx.origin}/kb/`)), []);
  assert.deepEqual(refused, [], 'the Content-Security-Policy allows what search needs');
  await page.close();
});

test('behind nginx, an Indonesian page searches the Indonesian index in Indonesian, and arrows choose the result', async () => {
  const { page, requests, refused } = await openPage(`${base}id/`);
  const first = await firstResult(page, '6025');
  assert.match(first.title, /^6025 Peristiwa PCNS 6025$/);
  assert.match((await page.locator('.search-status').textContent()) ?? '', /^\d+ hasil$/);
  const labels = await page.locator('search.site-search').evaluate((el) => (el as HTMLElement).innerText);
  for (const english of ['Search', 'Kind', 'All kinds', 'Error code', 'Any severity', 'results', 'Error']) {
    assert.doesNotMatch(labels, new RegExp(`\\b${english}\\b`), `no English "${english}" on an Indonesian page`);
  }
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#fg-search-q').getAttribute('aria-activedescendant'), 'fg-search-result-0');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}id/errors/mim-related/6025/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${nginx.origin}/kb/`)), []);
  assert.deepEqual(refused, []);
  await page.close();
});

test('the kind and severity filters narrow the results', async () => {
  const { page } = await openPage(`${base}en/`);
  await firstResult(page, '6025');
  await page.selectOption('#fg-search-kind', 'step');
  await page.waitForFunction(() => [...document.querySelectorAll('#fg-search-results .result-facts')].every((e) => e.textContent?.startsWith('Step')));
  const facts = await page.locator('#fg-search-results .result-facts').allTextContents();
  assert.ok(facts.length > 0 && facts.every((f) => f.startsWith('Step')), facts.join(' | '));
  await page.selectOption('#fg-search-kind', 'code');
  await page.selectOption('#fg-search-severity', 'warning');
  await page.locator('#fg-search-q').fill('completed');
  await page.locator('#fg-search-results .sev').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('#fg-search-results .sev')].every((e) => e.textContent === 'Warning'));
  await page.close();
});

/** Every code of the shipped catalogs, as `[catalog, code]`, read from data/. */
const codes = contentOf(join(root, 'data')).records.filter((r) => r.kind === 'code').map((r) => r.ids as [string, string]);

for (const locale of ['en', 'id']) {
  test(`every shipped code, typed exactly, finds its own page first (${locale})`, async () => {
    const { page } = await openPage(`${base}${locale}/`);
    const ranking = await page.locator('search.site-search').getAttribute('data-ranking');
    const wrong = await page.evaluate(async ({ codes, ranking }) => {
      const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
      await pagefind.options({ baseUrl: '/', ranking: JSON.parse(ranking) });
      const out: string[] = [];
      for (const [catalog, code] of codes) {
        const first = await (await pagefind.search(code)).results[0]?.data();
        if (first?.url !== `/${document.documentElement.lang}/errors/${catalog}/${code}/`) out.push(`${code} → ${first?.url}`);
      }
      return out;
    }, { codes, ranking: ranking ?? '{}' });
    // The codes searched are the code pages the build wrote for this locale, all of them.
    const codePages = listFiles(join(site, locale, 'errors')).filter((f) => f.split('/').length === 3).map((f) => f.split('/').slice(0, 2));
    assert.deepEqual(codes.map((c) => c.join('/')).sort(), codePages.map((c) => c.join('/')).sort());
    assert.deepEqual(wrong, []);
    await page.close();
  });
}

test('behind nginx, with no rewriting of the page, a deep missing address gets the 404 page with status 404, styled, with working links and search', async () => {
  const response = await fetch(`${base}en/errors/no-such-catalog/no-such-code/`);
  assert.equal(response.status, 404);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const { page, requests } = await openPage(`${base}en/errors/no-such-catalog/no-such-code/`);
  assert.equal(await page.locator('h1').textContent(), 'Page not found');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position), 'absolute', 'the stylesheet loads');
  const first = await firstResult(page, 'stopped-server');
  assert.equal(first.href, '/kb/en/errors/mim-run-status/stopped-server/');
  await page.keyboard.press('Escape');
  await page.locator('.site-nav a', { hasText: 'References' }).click();
  await page.waitForURL(`${base}en/references/`);
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${nginx.origin}/kb/`)), []);
  await page.close();
});

test('nginx sends the security headers and caches hashed index files for a year, pages not at all', async () => {
  const page = await fetch(`${base}en/`);
  assert.equal(page.status, 200);
  // Besides the site's own files, only the 404 pages' inline locator script, by its hash.
  assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[\w+/]+=*';/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const entry = JSON.parse(await (await fetch(`${base}pagefind/pagefind-entry.json`)).text()) as { languages: Record<string, { hash: string }> };
  assert.deepEqual(Object.keys(entry.languages).sort(), ['en', 'id']);
  const meta = await fetch(`${base}pagefind/pagefind.${entry.languages.en.hash}.pf_meta`);
  assert.equal(meta.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal((await fetch(`${nginx.origin}/kb`, { redirect: 'manual' })).headers.get('location'), `${nginx.origin}/kb/`);
});
