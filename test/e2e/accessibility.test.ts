import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { expectedPages } from '../support/expected-site.ts';
import { root } from '../support/helpers.ts';
import { htmlErrors } from '../support/validate-html.ts';
import { servedBuild } from '../support/served-build.ts';

const site = servedBuild();

/** One page of every kind the site has, in a locale. */
const kinds = (l: string): Record<string, string> => ({
  home: `${l}/`,
  article: `${l}/articles/configure-mim-sync-service/`,
  'catalog index': `${l}/errors/mim-run-status/`,
  'catalog index with phases': `${l}/errors/mim-object-errors/`,
  'code page': `${l}/errors/mim-run-status/stopped-extension-dll-exception/`,
  references: `${l}/references/`,
  'translation status': `${l}/translation-status/`,
  '404': `${l}/404.html`,
  'lookup (go/)': `${l}/go/`,
  'log reader (diagnose/)': `${l}/diagnose/`,
});

const locales = ['en', 'id'];

/** Opens a page in the file's tab and waits for its deferred scripts (load), so axe sees what a reader sees. */
const open = (path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> => site.open(path, { colorScheme });

const report = (findings: Awaited<ReturnType<typeof axeViolations>>) =>
  findings.map((f) => `${f.rule} (${f.impact}) at ${f.targets.join(', ')}: ${f.summary}`);

for (const locale of locales) {
  for (const [kind, path] of Object.entries(kinds(locale))) {
    // Dark colours are checked in the source locale only: both locales share one stylesheet.
    const schemes = locale === 'en' ? (['light', 'dark'] as const) : (['light'] as const);
    test(`axe: ${locale} ${kind} has no WCAG 2.1 AA violation (${schemes.join(' and ')})`, async () => {
      for (const scheme of schemes) {
        const page = await open(path, scheme);
        assert.deepEqual(report(await axeViolations(page)), [], `${path} (${scheme})`);
      }
    });
  }

  test(`axe: ${locale} search dialog open with results and filters has no WCAG 2.1 AA violation`, async () => {
    for (const scheme of locale === 'en' ? (['light', 'dark'] as const) : (['light'] as const)) {
      const page = await open(`${locale}/`, scheme);
      await page.locator('.search-open').click();
      await page.locator('#fg-search-q').fill('extension-dll');
      await page.locator('#fg-search-results [role=option]').first().waitFor();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('#fg-search-results [aria-selected=true]').count(), 1);
      assert.ok(await page.locator('dialog.search-dialog[open] .search-filters').isVisible(), 'the filters show with the results');
      assert.deepEqual(report(await axeViolations(page)), [], scheme);
    }
  });

  test(`axe: ${locale} lookup with nearest codes and log reader with findings have no WCAG 2.1 AA violation`, async () => {
    for (const scheme of locale === 'en' ? (['light', 'dark'] as const) : (['light'] as const)) {
      const page = await open(`${locale}/go/#stoped-server`, scheme);
      await page.locator('.go-results li').first().waitFor();
      assert.deepEqual(report(await axeViolations(page)), [], `go/ ${scheme}`);
      await page.goto(`${site.url}${locale}/diagnose/`);
      await page.locator('#fg-log').fill('Run History: stopped-server\nEvent ID: 6025\nat Microsoft.MetadirectoryServices.UnexpectedDataException');
      await page.locator('.log-form button').click();
      await page.locator('.log-findings li').first().waitFor();
      assert.deepEqual(report(await axeViolations(page)), [], `diagnose/ ${scheme}`);
    }
  });
}

test('axe: the root language page and the root lookup address have no WCAG 2.1 AA violation', async () => {
  for (const path of ['', 'go/']) {
    const page = await site.browser.newPage();
    try {
      // Without the script that sends readers on, the page stays as a reader without script sees it.
      await page.route('**/choose-language.js', (route) => route.abort());
      await page.goto(`${site.url}${path}`);
      assert.deepEqual(report(await axeViolations(page)), [], path || 'root');
    } finally {
      await page.close();
    }
  }
});

test('html-validate: every built page has zero errors under .htmlvalidate.json', async () => {
  const { pages, errors } = await htmlErrors(site.out);
  assert.equal(pages, expectedPages(join(root, 'data')).length, 'every page of the site was checked');
  assert.deepEqual(errors.slice(0, 30), [], `${errors.length} errors`);
});
