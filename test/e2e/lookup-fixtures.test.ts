import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { listFiles } from '../../src/core/files.ts';
import { contentOf } from '../support/expected-site.ts';
import { fixture, runCli, tempDir } from '../support/helpers.ts';
import { serveFolder } from '../support/static-server.ts';

/**
 * Language choice, catalogs that share a code, case rules and the exports, on two small sites:
 * the two-catalogs fixture (English and German, two catalogs with a code `offline` each, one of
 * them case-sensitive, a public url and a feedback form) and the right-to-left rtl-product.
 */
const tmp = tempDir('fieldguide-lookup-fixtures-');
const beacon = join(tmp.dir, 'beacon');
const harbor = join(tmp.dir, 'harbor');
let browser: Browser;
let servers: Awaited<ReturnType<typeof serveFolder>>[] = [];
let beaconUrl = '';
let harborUrl = '';
let beaconBuild = '';
let harborBuild = '';

before(async () => {
  for (const [data, out] of [[fixture('two-catalogs'), beacon], [fixture('rtl-product'), harbor]]) {
    const r = runCli(['build', '--data', data, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    if (out === beacon) beaconBuild = r.stderr;
    else harborBuild = r.stderr;
  }
  servers = [await serveFolder(beacon, '/kb/beacon/'), await serveFolder(harbor, '/')];
  [beaconUrl, harborUrl] = servers.map((s) => s.url);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  tmp.cleanup();
});

async function inLocale(locale: string, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ locale });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test('the root page picks the browser\'s language by range (de-DE → de, he-IL → he), else the default locale, and still lists every language', async () => {
  for (const [locale, url, expected] of [['de-DE', beaconUrl, 'de/'], ['de-CH', beaconUrl, 'de/'], ['fr-FR', beaconUrl, 'en/'], ['he-IL', harborUrl, 'he/'], ['ja-JP', harborUrl, 'en/']]) {
    await inLocale(locale, async (page) => {
      await page.goto(url);
      await page.waitForURL(`${url}${expected}`);
    });
  }
  const lists = (dir: string) => [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/<li><a href="([^"]+)" lang="[^"]+" hreflang="([^"]+)">/g)].map((m) => [m[2], m[1]]);
  assert.deepEqual(lists(beacon), contentOf(fixture('two-catalogs')).locales.map((l) => [l, `${l}/`]));
  assert.deepEqual(lists(harbor), contentOf(fixture('rtl-product')).locales.map((l) => [l, `${l}/`]));
});

test('go/#offline offers the code of both catalogs in the reader\'s language; go/#<catalog>/offline opens each', async () => {
  const catalogs = contentOf(fixture('two-catalogs')).records.filter((r) => r.kind === 'code' && r.ids[1] === 'offline').map((r) => r.ids[0]);
  assert.equal(catalogs.length, 2, 'the fixture has the code in two catalogs');
  await inLocale('de-DE', async (page) => {
    await page.goto(`${beaconUrl}go/#offline`);
    await page.waitForURL(`${beaconUrl}de/go/#offline`);
    await page.locator('.go-results li').first().waitFor();
    assert.deepEqual(await page.locator('.go-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
      catalogs.map((c) => `${beaconUrl}de/errors/${c}/offline/`));
    for (const c of catalogs) {
      await page.goto(`${beaconUrl}go/#${c}/offline`);
      await page.waitForURL(`${beaconUrl}de/errors/${c}/offline/`);
    }
    await page.goto(`${beaconUrl}go/#paper-jam`);
    await page.waitForURL(`${beaconUrl}de/errors/spooler-codes/paper-jam/`);
    assert.match(await page.locator('.meaning').textContent() ?? '', /Im Drucker steckt Papier fest/);
  });
});

test('each catalog\'s case rule: the spooler finds PAPER-JAM and 0X00000064, the case-sensitive driver catalog finds E_TONER but not e_toner', async () => {
  await inLocale('en-US', async (page) => {
    for (const [hash, target] of [['PAPER-JAM', 'spooler-codes/paper-jam'], ['0X00000064', 'spooler-codes/paper-jam'], ['E_TONER_LOW', 'driver-codes/E_TONER']]) {
      await page.goto(`${beaconUrl}go/#${hash}`);
      await page.waitForURL(`${beaconUrl}en/errors/${target}/`);
    }
    await page.goto(`${beaconUrl}go/#e_toner`);
    await page.locator('.go-status:not(:empty)').waitFor();
    await page.waitForFunction(() => !/Looking/.test(document.querySelector('.go-status')?.textContent ?? ''));
    assert.match(await page.locator('.go-status').textContent() ?? '', /^No code is called “e_toner”/);
    assert.equal(new URL(page.url()).hash, '#e_toner');

    await page.goto(`${beaconUrl}en/diagnose/`);
    await page.waitForFunction(() => (self as unknown as { fieldguideCodeLists?: object }).fieldguideCodeLists !== undefined);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // OFFLINE is the spooler's code only: the driver's catalog is case-sensitive.
    await page.locator('#fg-log').fill('10:01 spooler: printer OFFLINE\n10:02 driver: printer offline\n10:03 driver: e_toner low, E_TONER set\n10:04 spooler: PAPER-JAM (0x00000064)');
    await page.locator('.log-form button').click();
    await page.locator('.log-findings > li').first().waitFor();
    const found = await page.locator('.log-findings > li').evaluateAll((lis) => lis.map((li) => [(li.querySelector('.finding-head a') as HTMLAnchorElement).pathname, li.querySelector('.finding-where')!.textContent]));
    assert.deepEqual(found, [
      ['/kb/beacon/en/errors/spooler-codes/offline/', 'Line 1: 10:01 spooler: printer OFFLINE'],
      ['/kb/beacon/en/errors/driver-codes/offline/', 'Line 2: 10:02 driver: printer offline'],
      ['/kb/beacon/en/errors/driver-codes/E_TONER/', 'Line 3: 10:03 driver: e_toner low, E_TONER set'],
      ['/kb/beacon/en/errors/spooler-codes/paper-jam/', 'Line 4: 10:04 spooler: PAPER-JAM (0x00000064)'],
    ]);
    // A name of both catalogs on one line gives both findings, in the order of the catalogs.
    await page.locator('#fg-log').fill('printer offline');
    await page.locator('.log-form button').click();
    await page.waitForFunction(() => document.querySelectorAll('.log-findings > li').length === 2);
    const both = await page.locator('.log-findings .finding-head a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.deepEqual(both, [...both].sort((a, b) => orderOf(a) - orderOf(b)));
    assert.deepEqual(both.map((p) => p.replace(/^.*\/errors\/([^/]+)\/.*$/, '$1')).sort(), ['driver-codes', 'spooler-codes']);
    assert.deepEqual(requests, []);
  });
});

/** A catalog's place in the fixture's data, for the order in which findings of one name are listed. */
function orderOf(path: string): number {
  const catalogs = contentOf(fixture('two-catalogs')).records.filter((r) => r.kind === 'catalog').map((r) => r.ids[0]);
  return catalogs.findIndex((c) => path.includes(`/errors/${c}/`));
}

test('right to left: go/#E_ACCESSDENIED opens the Hebrew page of 0x80070005, and the Hebrew log reader finds it by its decimal form', async () => {
  await inLocale('he-IL', async (page) => {
    await page.goto(`${harborUrl}go/#E_ACCESSDENIED`);
    await page.waitForURL(`${harborUrl}he/errors/harbor-codes/0x80070005/`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.goto(`${harborUrl}he/diagnose/`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.waitForFunction(() => (self as unknown as { fieldguideCodeLists?: object }).fieldguideCodeLists !== undefined);
    await page.locator('#fg-log').fill('שגיאה 2147942405 בעת פתיחת gateway.conf');
    await page.locator('.log-form button').click();
    await page.locator('.log-findings > li').first().waitFor();
    assert.equal(await page.locator('.log-findings a').getAttribute('href'), '../../he/errors/harbor-codes/0x80070005/');
    assert.equal(await page.locator('.log-status').textContent(), 'נמצא קוד אחד');
    assert.equal(await page.locator('.finding-line').getAttribute('dir'), 'ltr');
  });
});

test('codes.json of every locale validates against the codes.schema.json the site publishes', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(beacon, 'codes.schema.json'), 'utf8')));
  for (const dir of [beacon, harbor]) {
    const files = listFiles(dir).filter((f) => /^[^/]+\/codes\.json$/.test(f));
    assert.equal(files.length, contentOf(dir === beacon ? fixture('two-catalogs') : fixture('rtl-product')).locales.length);
    for (const f of files) {
      const ok = validate(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      assert.ok(ok, `${f}: ${JSON.stringify(validate.errors)}`);
    }
  }
});

test('sitemap.xml is well-formed XML with an hreflang alternate per locale; without a url the build says it skipped it', async () => {
  const xml = readFileSync(join(beacon, 'sitemap.xml'), 'utf8');
  const page = await browser.newPage();
  const parsed = await page.evaluate(`(() => {
    const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    const urls = [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'url')];
    return { error: error ? error.textContent : null, root: doc.documentElement.localName, urls: urls.length,
      alternates: urls.map((u) => u.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link').length) };
  })()`) as { error: string | null; root: string; urls: number; alternates: number[] };
  await page.close();
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'urlset');
  const locales = contentOf(fixture('two-catalogs')).locales;
  const content = listFiles(beacon).filter((f) => f.endsWith('.html') && locales.some((l) => f.startsWith(`${l}/`)) && !/(^|\/)(404\.html|go\/index\.html)$/.test(f));
  assert.equal(parsed.urls, content.length);
  assert.ok(parsed.alternates.every((n) => n === locales.length + 1), 'each locale and x-default');
  assert.doesNotMatch(beaconBuild, /sitemap\.xml skipped/);
  assert.match(harborBuild, /^sitemap\.xml skipped: site\.json gives no "url" \(the public address of the site\); llms\.txt links are relative$/m);
  assert.ok(!listFiles(harbor).includes('sitemap.xml'));
});

test('llms.txt of each locale is well-formed and its links lead to pages of the site', () => {
  for (const [dir, data] of [[beacon, fixture('two-catalogs')], [harbor, fixture('rtl-product')]]) {
    const files = listFiles(dir);
    for (const locale of contentOf(data).locales) {
      const text = readFileSync(join(dir, locale, 'llms.txt'), 'utf8');
      assert.match(text, /^# [^\n]+\n\n> [^\n]+\n\n[^#][^\n]*\n\n## /);
      for (const [, href] of text.matchAll(/\]\(([^)]+)\)/g)) {
        const path = new URL(href, `https://intranet.example/kb/beacon/${locale}/llms.txt`).pathname.replace(/^\/kb\/beacon\//, '');
        assert.ok(files.includes(path) || files.includes(`${path}index.html`), `${locale}/llms.txt: ${href}`);
      }
      assert.ok(files.includes(`${locale}/llms-full.txt`));
    }
  }
});

test('the feedback question is under article and code pages when site.json names a form, and absent otherwise', async () => {
  await inLocale('en-US', async (page) => {
    await page.goto(`${beaconUrl}de/errors/driver-codes/offline/`);
    const links = page.locator('.feedback a');
    assert.deepEqual(await links.allTextContents(), ['Yes', 'No']);
    assert.equal(await links.first().getAttribute('rel'), 'nofollow');
    assert.equal(await links.last().getAttribute('href'), `https://tickets.example/new?page=${encodeURIComponent('https://intranet.example/kb/beacon/de/errors/driver-codes/offline/')}&lang=de&code=driver-codes/offline&solved=no`);
    await page.goto(`${beaconUrl}en/articles/printing-stops/`);
    assert.equal(await page.locator('.feedback a').count(), 2);
    await page.goto(`${beaconUrl}en/`);
    assert.equal(await page.locator('.feedback').count(), 0);
    await page.goto(`${harborUrl}en/errors/harbor-codes/0x80070005/`);
    assert.equal(await page.locator('.feedback').count(), 0);
  });
});
