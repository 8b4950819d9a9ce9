import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contentOf } from '../support/expected-site.ts';
import { fixture, root, runCli } from '../support/helpers.ts';
import { startNginx } from '../support/nginx.ts';
import { servedBuild } from '../support/served-build.ts';

/**
 * The lookup address go/#<code> and the log reader on the shipped site: served under /kb/ by a
 * plain server, behind the nginx recipe, and unzipped from the offline bundle on file://.
 */
const site = servedBuild({ tmpPrefix: 'fieldguide-lookup-' });
const data = join(root, 'data');
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
const unzipped = () => join(site.tmp.dir, 'unzipped', 'site');

before(async () => {
  nginx = await startNginx(site.out);
  const zip = join(site.tmp.dir, 'site.zip');
  const bundled = runCli(['bundle', '--site', site.out, '--out', zip]);
  assert.equal(bundled.code, 0, bundled.stderr);
  const un = spawnSync('unzip', ['-q', zip, '-d', join(site.tmp.dir, 'unzipped')], { encoding: 'utf8' });
  assert.equal(un.status, 0, un.stderr);
});
after(async () => {
  await nginx?.stop();
});

/** The shipped codes with their names, from the data the site is built from. */
const codes = contentOf(data).records.filter((r) => r.kind === 'code').map((r) => ({ catalog: r.ids[0], code: r.ids[1], aliases: (r.value.aliases as string[] | undefined) ?? [] }));
const byName = (name: string) => codes.filter((c) => c.code.toLowerCase() === name.toLowerCase() || c.aliases.some((a) => a.toLowerCase() === name.toLowerCase()));
/** An alias that names one code, and one that names codes in two catalogs (the shipped data has both). */
const single = codes.flatMap((c) => c.aliases).find((a) => byName(a).length === 1)!;
const shared = codes.flatMap((c) => c.aliases).find((a) => new Set(byName(a).map((c) => c.catalog)).size > 1)!;
const page6025 = byName('6025')[0];

async function inLocale<T>(browser: Browser, locale: string, run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale });
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Opens `<base>go/#<hash>` and waits for the page it leads to, in the reader's language. */
async function lookUp(page: Page, base: string, hash: string, expected: string): Promise<void> {
  await page.goto(`${base}go/#${hash}`);
  await page.waitForURL((u) => u.href.startsWith(base + expected), { timeout: 10_000 });
  assert.equal(await page.locator('html').getAttribute('lang'), expected.slice(0, 2));
}

test('the shipped data has what these tests need: code 6025, an alias of one code and one shared by two catalogs', () => {
  assert.ok(page6025 && single && shared, JSON.stringify({ page6025, single, shared }));
});

test('over http under /kb/, go/#6025 and go/#<alias> open the code\'s page in the reader\'s language', async () => {
  const [target] = byName(single);
  for (const [locale, l] of [['id-ID', 'id'], ['en-GB', 'en'], ['fr-FR', 'en']]) {
    await inLocale(site.browser, locale, async (page) => {
      await lookUp(page, site.url, '6025', `${l}/errors/${page6025.catalog}/6025/`);
      await lookUp(page, site.url, encodeURIComponent(single), `${l}/errors/${target.catalog}/${target.code}/`);
      await lookUp(page, site.url, single.toUpperCase(), `${l}/errors/${target.catalog}/${target.code}/`);
    });
  }
});

test('an earlier choice in the language switcher wins over the browser\'s language', async () => {
  await inLocale(site.browser, 'en-US', async (page) => {
    await page.goto(`${site.url}en/`);
    await page.locator('.languages-switch a[hreflang="id"]').click();
    await page.waitForURL('**/kb/id/');
    await lookUp(page, site.url, '6025', `id/errors/${page6025.catalog}/6025/`);
    await page.goto(site.url);
    await page.waitForURL('**/kb/id/');
  });
});

test('a name in two catalogs offers both; go/#<catalog>/<name> opens that catalog\'s code', async () => {
  const targets = byName(shared);
  await inLocale(site.browser, 'en-US', async (page) => {
    await page.goto(`${site.url}go/#${shared}`);
    await page.waitForURL(`**/kb/en/go/#${shared}`);
    await page.locator('.go-results li').first().waitFor();
    assert.match(await page.locator('.go-status').textContent() ?? '', new RegExp(`“${shared}” is a code in more than one catalog`));
    const hrefs = await page.locator('.go-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.deepEqual(hrefs, targets.map((t) => `${site.url}en/errors/${t.catalog}/${t.code}/`));
    for (const t of targets) await lookUp(page, site.url, `${t.catalog}/${shared}`, `en/errors/${t.catalog}/${t.code}/`);
  });
});

test('an unknown code shows the nearest codes, a lookup box and the search box', async () => {
  await inLocale(site.browser, 'en-US', async (page) => {
    await page.goto(`${site.url}go/#stoped-server`);
    await page.waitForURL('**/kb/en/go/#stoped-server');
    await page.locator('.go-results li').first().waitFor();
    assert.equal(await page.locator('.go-status').textContent(), 'No code is called “stoped-server”. The nearest codes:');
    assert.equal(await page.locator('.go-results li a').first().getAttribute('href'), '../../en/errors/mim-run-status/stopped-server/');
    assert.equal(await page.locator('#fg-go-code').inputValue(), 'stoped-server');
    assert.ok(await page.locator('.search-open').isVisible(), 'the site\'s search button');
    await page.locator('#fg-go-code').fill(single);
    await page.locator('.go-form button').click();
    await page.waitForURL((u) => u.pathname.endsWith(`/errors/${byName(single)[0].catalog}/${byName(single)[0].code}/`));
  });
});

test('search finds a code by its alias, and the code page lists its aliases', async () => {
  const [target] = byName(single);
  await inLocale(site.browser, 'en-US', async (page) => {
    await page.goto(`${site.url}en/errors/${target.catalog}/${target.code}/`);
    assert.deepEqual(await page.locator('.facts .aliases code').allTextContents(), target.aliases);
    await page.locator('.search-open').click();
    await page.locator('#fg-search-q').fill(single);
    await page.locator('#fg-search-results [role=option]').first().waitFor();
    const hrefs = await page.locator('#fg-search-results [role=option]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.equal(hrefs[0], `/kb/en/errors/${target.catalog}/${target.code}/`, 'an exact alias comes first');
  });
});

/** Pastes `text` into the log reader and returns the findings' code hrefs and lines; records every request made after the paste. */
async function readLog(page: Page, base: string, locale: string, text: string): Promise<{ findings: { href: string; line: string; head: string }[]; requests: string[] }> {
  await page.goto(`${base}${locale}/diagnose/${base.startsWith('file:') ? 'index.html' : ''}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (self as unknown as { fieldguideCodeLists?: object }).fieldguideCodeLists !== undefined);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.locator('#fg-log').fill(text);
  await page.locator('.log-form button').click();
  await page.locator('.log-status:not(:empty)').waitFor();
  const findings = await page.locator('.log-findings > li').evaluateAll((lis) => lis.map((li) => ({
    href: (li.querySelector('.finding-head a') as HTMLAnchorElement).href,
    line: li.querySelector('.finding-where')!.textContent ?? '',
    head: li.querySelector('.finding-head')!.textContent ?? '',
  })));
  return { findings, requests };
}

const log = (name: string) => readFileSync(fixture(`mim-logs/${name}`), 'utf8');

test('pasting a run history and an event log lists their codes in order, with severity, line and link, and sends nothing', async () => {
  const expected = [
    'mim-run-status/completed-sync-errors', 'mim-run-status/success', 'mim-object-errors/extension-unexpected-attribute-value',
    'mim-run-status/stopped-unexpected-data', 'mim-object-errors/missing-anchor-component', 'mim-run-status/stopped-server',
    'mim-related/failed-creation-via-web-services', 'mim-object-errors/cd-error',
    `${page6025.catalog}/6025`, `${byName('ServerDownException')[0].catalog}/${byName('ServerDownException')[0].code}`,
  ];
  await inLocale(site.browser, 'en-US', async (page) => {
    const { findings, requests } = await readLog(page, site.url, 'id', `${log('run-history.xml')}\n${log('event-log.txt')}`);
    assert.deepEqual(findings.map((f) => f.href), expected.map((k) => `${site.url}id/errors/${k}/`));
    assert.deepEqual(requests, [], 'no request after the paste');
    const run = findings[3];
    assert.match(run.head, /^Kesalahan stopped-unexpected-data · .+ \(tertulis UnexpectedDataException\)$/);
    assert.match(run.line, /^Baris 31: <call-stack>Microsoft\.MetadirectoryServices\.UnexpectedDataException: department is empty$/);
    assert.equal(await page.locator('.log-status').textContent(), `${expected.length} kode ditemukan`);
    assert.match(await page.locator('.log-findings > li').nth(1).locator('.finding-more').textContent() ?? '', /^Juga pada baris \d+$/);
  });
});

test('pasted markup is shown as text, never run', async () => {
  await inLocale(site.browser, 'en-US', async (page) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const hostile = '<script>window.__ran = 1; alert(1)</script> stopped-server\n<img src=x onerror="window.__ran = 2; alert(2)"> 6025';
    const { findings, requests } = await readLog(page, site.url, 'en', hostile);
    assert.equal(findings.length, 2);
    assert.equal(findings[0].line, 'Line 1: <script>window.__ran = 1; alert(1)</script> stopped-server');
    assert.equal(findings[1].line, 'Line 2: <img src=x onerror="window.__ran = 2; alert(2)"> 6025');
    assert.equal(await page.locator('.log-findings script, .log-findings img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, []);
  });
});

test('behind the nginx recipe under /kb/, go/#6025 and go/#<alias> open the code page in the reader\'s language', async () => {
  const base = `${nginx!.origin}/kb/`;
  const [target] = byName(single);
  await inLocale(site.browser, 'id-ID', async (page) => {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && /Content.Security.Policy|Refused/i.test(m.text())) errors.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
    await lookUp(page, base, '6025', `id/errors/${page6025.catalog}/6025/`);
    await lookUp(page, base, single, `id/errors/${target.catalog}/${target.code}/`);
    const { findings } = await readLog(page, base, 'id', log('event-log.txt'));
    assert.equal(findings.length, 2);
    assert.deepEqual(errors, [], 'nothing refused by the security headers, nothing missing');
    for (const [path, type] of [['en/llms.txt', 'text/plain; charset=utf-8'], ['id/llms-full.txt', 'text/plain; charset=utf-8'], ['en/codes.json', 'application/json; charset=utf-8'], ['codes.schema.json', 'application/json; charset=utf-8']]) {
      const r = await fetch(`${base}${path}`);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('content-type'), type, path);
    }
  });
});

test('from the unzipped bundle on file://, go/#6025, go/#<alias> and the log reader work with nothing leaving file://', async () => {
  const base = pathToFileURL(`${unzipped()}/`).href;
  const [target] = byName(single);
  await inLocale(site.browser, 'id-ID', async (page) => {
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith('file://')) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${base}go/index.html#6025`);
    await page.waitForURL(`${base}id/errors/${page6025.catalog}/6025/index.html`);
    await page.goto(`${base}go/index.html#${single}`);
    await page.waitForURL(`${base}id/errors/${target.catalog}/${target.code}/index.html`);
    await page.goto(`${base}go/index.html#stoped-server`);
    await page.locator('.go-results li a').first().waitFor();
    assert.equal(await page.locator('.go-results li a').first().getAttribute('href'), '../../id/errors/mim-run-status/stopped-server/index.html');
    const { findings } = await readLog(page, base, 'en', log('event-log.txt'));
    assert.deepEqual(findings.map((f) => f.href), [`${base}en/errors/${page6025.catalog}/6025/index.html`, `${base}en/errors/${byName('ServerDownException')[0].catalog}/${byName('ServerDownException')[0].code}/index.html`]);
    assert.deepEqual(outside, []);
  });
});

test('the README\'s addresses for error messages, followed as written on the served site, open their codes', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Put the address in your product\'s error messages.**'));
  const block = /\n```\n([\s\S]*?)\n```\n/.exec(section)![1];
  const addresses = block.split('\n');
  assert.ok(addresses.length >= 3 && addresses.every((a) => a.startsWith('https://intranet.example/kb/go/#')), block);
  await inLocale(site.browser, 'en-US', async (page) => {
    for (const address of addresses) {
      const hash = decodeURIComponent(address.slice(address.indexOf('#') + 1));
      const [catalog, name] = hash.includes('/') ? hash.split('/') : [undefined, hash];
      const target = byName(name).find((c) => !catalog || c.catalog === catalog)!;
      assert.ok(target, address);
      await lookUp(page, site.url, address.slice(address.indexOf('#') + 1), `en/errors/${target.catalog}/${target.code}/`);
    }
  });
  const feedback = /^"feedback": "([^"]+)"$/m.exec(readme)![1];
  assert.equal(JSON.parse(readFileSync(fixture('two-catalogs/site.json'), 'utf8')).feedback, feedback, 'the README\'s feedback template is the one the fixture tests');
});
