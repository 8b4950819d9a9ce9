import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { servedBuild } from '../support/served-build.ts';

const site = servedBuild({ tmpPrefix: 'fieldguide-favicon-' });

/** One page of every kind, in a locale; the 404 pages at their own addresses. */
const kinds = (l: string): Record<string, string> => ({
  home: `${l}/`,
  article: `${l}/articles/configure-mim-sync-service/`,
  catalog: `${l}/errors/mim-run-status/`,
  'catalog with phases': `${l}/errors/mim-object-errors/`,
  code: `${l}/errors/mim-run-status/stopped-extension-dll-exception/`,
  references: `${l}/references/`,
  'translation status': `${l}/translation-status/`,
  '404': `${l}/404.html`,
});

/** A tab that lists, for the last address it opened, what was asked for and what failed. */
async function watchedTab(): Promise<{ page: Page; visit: (url: string) => Promise<{ requested: string[]; failed: string[] }> }> {
  const page = await site.browser.newPage();
  let requested: string[] = [];
  let failed: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  // One tab for every page: a fresh one costs about 0.75 s; after networkidle nothing of the
  // previous page is still loading, so the lists start clean.
  const visit = async (url: string) => {
    requested = [];
    failed = [];
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    return { requested, failed };
  };
  return { page, visit };
}

test('every kind of page links the site icon relative to itself, loads it, and nothing it asks for fails', async () => {
  const pages = { root: '', 'root 404': '404.html', ...kinds('en'), ...Object.fromEntries(Object.entries(kinds('id')).map(([k, v]) => [`id ${k}`, v])) };
  const { page, visit } = await watchedTab();
  try {
    for (const [kind, path] of Object.entries(pages)) {
      const { requested, failed } = await visit(`${site.url}${path}`);
      const icon = await page.locator('link[rel=icon]').evaluate((l) => ({ href: l.getAttribute('href'), type: l.getAttribute('type'), url: (l as HTMLLinkElement).href }));
      assert.equal(icon.url, `${site.url}assets/favicon.svg`, kind);
      // A 404 page's own script points its links at the site root; the file links relatively like any page.
      const written = kind.includes('404') ? /<link rel="icon" href="([^"]*)"/.exec(readFileSync(join(site.out, path), 'utf8'))?.[1] : icon.href;
      assert.doesNotMatch(written ?? '/', /^(\/|[a-z]+:)/, `${kind}: relative, so it works under any sub-path`);
      assert.equal(icon.type, 'image/svg+xml');
      const r = await fetch(icon.url);
      assert.deepEqual([r.status, r.headers.get('content-type')], [200, 'image/svg+xml'], kind);
      assert.ok(requested.includes(icon.url), `${kind}: Chromium loaded the icon`);
      assert.ok(!requested.some((u) => u.endsWith('/favicon.ico')), `${kind}: no guess at /favicon.ico`);
      assert.deepEqual(failed, [], kind);
    }
  } finally {
    await page.close();
  }
});

test('the icon is small, and loads from a page opened from disk', async () => {
  assert.ok(statSync(join(site.out, 'assets/favicon.svg')).size < 1024, 'under 1 KB');
  const { page, visit } = await watchedTab();
  try {
    for (const file of ['en/index.html', 'en/articles/configure-mim-sync-service/index.html', 'id/404.html']) {
      const { requested, failed } = await visit(pathToFileURL(join(site.out, file)).href);
      const url = await page.locator('link[rel=icon]').evaluate((l) => (l as HTMLLinkElement).href);
      assert.equal(url, pathToFileURL(join(site.out, 'assets/favicon.svg')).href, file);
      assert.ok(requested.includes(url), `${file}: Chromium loaded the icon from disk`);
      assert.deepEqual(failed, [], file);
    }
  } finally {
    await page.close();
  }
});
