import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { listFiles } from '../../src/core/files.ts';
import { runCli } from '../support/helpers.ts';
import { edgeText, linkPayloads, writeHostileSite, xssCorpus } from '../support/hostile-site.ts';
import { auditPage, trapScript } from '../support/page-audit.ts';
import { htmlErrors } from '../support/validate-html.ts';
import { servedBuild } from '../support/served-build.ts';

const site = servedBuild({
  tmpPrefix: 'fieldguide-hostile-',
  data: (dir) => {
    writeHostileSite(join(dir, 'data'));
    return join(dir, 'data');
  },
});
const { tmp, out } = site;
let pages: string[];

before(() => {
  pages = listFiles(out).filter((f) => f.endsWith('.html')).map((f) => f.replace(/index\.html$/, ''));
});

test('markdown links to javascript:, data: and other schemes in source text are refused, each located', () => {
  const dir = join(tmp.dir, 'links-in-source');
  writeHostileSite(dir, { linksInSource: true });
  const r = runCli(['build', '--data', dir, '--out', join(tmp.dir, 'never')]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith(dir));
  // 58 markdown fields (article summary and intro, 18 steps, catalog and phase summary, 18 codes × 2), each with every payload.
  assert.equal(lines.length, 58 * linkPayloads.length);
  for (const line of lines) assert.match(line, /\.json:\d+:\d+ \S+: (link target ".*" is not allowed|images are not supported in text) \(/);
  assert.ok(!existsSync(join(tmp.dir, 'never')), 'nothing was written');
});

test('the corpus is in every kind of text field of the built site, escaped', () => {
  const html = readFileSync(join(out, 'en/articles/hostile/index.html'), 'utf8');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;'), 'the script tag shows as text');
  assert.doesNotMatch(html, /<script>alert/);
  const overlay = readFileSync(join(out, 'id/errors/widget-codes/w-1/index.html'), 'utf8');
  assert.match(overlay, /\[plain\]\(javascript:alert\(&quot;xss-md-js&quot;\)\)/, 'a refused link target stays visible as text');
  // Per locale: home, 2 articles, the catalog, its codes, references, go/, diagnose/, status, 404; then root, root go/ and 404.
  assert.equal(pages.length, 2 * (1 + 2 + 1 + (xssCorpus.length + 1) + 1 + 2 + 1 + 1) + 3);
});

test('escaped corpus text leaves every page valid HTML', async () => {
  const { pages: count, errors } = await htmlErrors(out);
  assert.equal(count, pages.length);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
});

test('in Chromium, no page of the hostile site opens a dialog, runs a payload or carries a foreign URL scheme', async () => {
  const context = await site.browser.newContext();
  await context.addInitScript(trapScript);
  const dialogs: string[] = [];
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    for (const path of pages) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      const audit = await auditPage(page);
      if (audit.ran) problems.push(`${path}: a payload ran`);
      for (const [what, found] of Object.entries(audit)) {
        if (Array.isArray(found) && found.length) problems.push(`${path}: ${what}: ${found.slice(0, 3).join(' ')}`);
      }
    }
    // Search results are built in the browser from indexed text: the corpus must stay text there too.
    for (const locale of ['en', 'id']) {
      await page.goto(`${site.url}${locale}/`);
      await page.keyboard.press('/');
      await page.locator('#fg-search-q').fill('alert');
      await page.locator('#fg-search-results [role=option]').first().waitFor();
      const audit = await auditPage(page);
      if (audit.ran || audit.handlers.length || audit.badUrls.length || audit.foreignElements.length) problems.push(`${locale} search: ${JSON.stringify(audit)}`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('at 360 px wide no page scrolls sideways: 300-character words, 1 MB text, bidi overrides and zero-width characters', async () => {
  const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
  const overflowing: string[] = [];
  try {
    for (const path of pages) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) overflowing.push(`${path}: ${scroll} px wide in ${client} px`);
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(overflowing, []);
  const code = readFileSync(join(out, `en/errors/widget-codes/w-${'9'.repeat(98)}/index.html`), 'utf8');
  assert.ok(code.length > 1_048_576, 'the 1 MB meaning is on its page');
  const edge = readFileSync(join(out, 'en/articles/edge/index.html'), 'utf8');
  for (const text of [edgeText.longWord, edgeText.rtlOverride, edgeText.zeroWidth]) assert.ok(edge.includes(text), JSON.stringify(text.slice(0, 20)));
});

test('the audit itself catches a payload that runs, a handler, a javascript: href and a page wider than the screen', async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(trapScript);
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}en/`);
    await page.evaluate((word) => {
      document.body.insertAdjacentHTML('beforeend', `<a href="javascript:void 0">x</a><img src="data:," onerror="alert(1)" onload="alert(1)"><pre>${word}</pre>`);
    }, edgeText.longWord);
    await page.waitForFunction(() => (window as unknown as { __fieldguideRan: boolean }).__fieldguideRan);
    const audit = await auditPage(page);
    assert.equal(audit.ran, true);
    assert.deepEqual(audit.handlers, ['img[onerror]', 'img[onload]']);
    assert.deepEqual(audit.badUrls, ['a[href="javascript:void 0"]', 'img[src="data:,"]']);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth));
  } finally {
    await context.close();
  }
});
