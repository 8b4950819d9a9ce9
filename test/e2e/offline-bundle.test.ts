import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { runCli, tempDir } from '../support/helpers.ts';
import { typeSearch } from '../support/search.ts';

const tmp = tempDir();
const site = join(tmp.dir, '_site');
const zip = join(tmp.dir, 'out', 'mim-guide.zip');
const unzipped = join(tmp.dir, 'unzipped');
let bundleOutput = '';
let browser: Browser;

before(async () => {
  const built = runCli(['build', '--out', site]);
  assert.equal(built.code, 0, built.stderr);
  const bundled = runCli(['bundle', '--site', site, '--out', zip]);
  assert.equal(bundled.code, 0, bundled.stderr);
  bundleOutput = bundled.stdout;
  const un = spawnSync('unzip', ['-q', zip, '-d', unzipped], { encoding: 'utf8' });
  assert.equal(un.status, 0, un.stderr);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  tmp.cleanup();
});

const fileUrl = (path: string) => pathToFileURL(join(unzipped, 'mim-guide', path)).href;

/** A page whose requests must all stay on file://; anything else is blocked and recorded. */
async function openFromDisk(path: string): Promise<{ page: Page; outside: string[] }> {
  const page = await browser.newPage();
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(fileUrl(path));
  return { page, outside };
}

test('bundle prints the zip size and the zip says which file to open', () => {
  assert.match(bundleOutput, /^wrote .*mim-guide\.zip: \d+ KB \(\d+ bytes\), \d+ files in [\d.]+ s; unzip it and open mim-guide\/index\.html\n$/);
  const readme = readFileSync(join(unzipped, 'mim-guide', 'README.txt'), 'utf8');
  assert.match(readme, /open mim-guide\/index\.html in a web browser/);
  assert.ok(existsSync(join(unzipped, 'mim-guide', 'pagefind', 'offline', 'pagefind.js')));
});

test('from disk, home → catalog → code page and back, with styles and no request leaving file://', async () => {
  const { page, outside } = await openFromDisk('en/index.html');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position), 'absolute', 'the stylesheet loads');
  await page.locator('main a', { hasText: 'MIM run-profile step results' }).click();
  await page.waitForURL(fileUrl('en/errors/mim-run-status/index.html'));
  await page.locator('a', { hasText: /^stopped-server$/ }).click();
  await page.waitForURL(fileUrl('en/errors/mim-run-status/stopped-server/index.html'));
  assert.equal(await page.locator('h1').textContent(), 'stopped-server');
  await page.locator('.breadcrumbs a', { hasText: 'Home' }).click();
  await page.waitForURL(fileUrl('en/index.html'));
  await page.goBack();
  await page.waitForURL(fileUrl('en/errors/mim-run-status/stopped-server/index.html'));
  await page.locator('.languages-switch a[hreflang="id"]').click();
  await page.waitForURL(fileUrl('id/errors/mim-run-status/stopped-server/index.html'));
  assert.deepEqual(outside, []);
  await page.close();
});

for (const [locale, query, url, status] of [
  ['en', 'failed-creation-via-web-services', 'en/errors/mim-related/failed-creation-via-web-services/index.html', /^\d+ results?$/],
  ['id', 'stopped-extension-dll-exception', 'id/errors/mim-run-status/stopped-extension-dll-exception/index.html', /^\d+ hasil$/],
] as const) {
  test(`from disk, searching ${query} (${locale}) opens its page, with no request leaving file://`, async () => {
    const { page, outside } = await openFromDisk(`${locale}/articles/configure-mim-sync-service/index.html`);
    const first = (await typeSearch(page, query)).first();
    assert.equal(await first.locator('code').textContent(), query);
    assert.match((await page.locator('.search-status').textContent()) ?? '', status);
    await page.keyboard.press('Enter');
    await page.waitForURL(fileUrl(url));
    assert.equal(await page.locator('h1 code').textContent(), query);
    assert.deepEqual(outside, []);
    await page.close();
  });
}

test('from disk, the code finder loads too: a mistyped code finds its page first, and a part of one its codes', async () => {
  const { page, outside } = await openFromDisk('en/errors/mim-run-status/index.html');
  await page.keyboard.press('/');
  await page.keyboard.type('stoped-server');
  const first = page.locator('#fg-search-results[data-query="stoped-server"] [role=option]').first();
  await first.waitFor();
  assert.equal(await first.locator('code').textContent(), 'stopped-server');
  assert.equal(await page.evaluate(() => 'fieldguideCodeLists' in window && 'fastestLevenshtein' in window), true);
  await page.locator('#fg-search-q').fill('dll');
  await page.locator('#fg-search-results[data-query="dll"] [role=option]').first().waitFor();
  assert.ok((await page.locator('#fg-search-results [role=option] code').allTextContents()).every((c) => c.split('-').includes('dll')));
  await page.locator('#fg-search-q').fill('stoped-server');
  await page.locator('#fg-search-results[data-query="stoped-server"] [role=option]').first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(fileUrl('en/errors/mim-run-status/stopped-server/index.html'));
  assert.deepEqual(outside, []);
  await page.close();
});

test('bundle refuses a folder that is not a built site, naming it', () => {
  const r = runCli(['bundle', '--site', join(tmp.dir, 'nothing-here'), '--out', join(tmp.dir, 'x.zip')]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').at(-1), `fieldguide bundle: ${join(tmp.dir, 'nothing-here')} is not a Fieldguide site; run 'fieldguide build' first or pass --site`);
  const bad = runCli(['bundle', '--out', 'site.tar']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim(), 'fieldguide bundle: --out must name a .zip file, got "site.tar"');
});
