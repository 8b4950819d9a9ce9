import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { fixture, root } from '../support/helpers.ts';
import { codeUpdated, longDate, siteData } from '../support/page-kinds.ts';
import { servedBuild } from '../support/served-build.ts';

const sites = [
  { name: 'shipped site', data: siteData(join(root, 'data')), build: servedBuild({ tmpPrefix: 'fieldguide-tools-' }) },
  { name: 'rtl-product', data: siteData(fixture('rtl-product')), build: servedBuild({ tmpPrefix: 'fieldguide-tools-rtl-', data: () => fixture('rtl-product') }) },
];

/** What the clipboard holds, read the way a reader would: pasting into a text box. */
async function pasted(page: Page): Promise<string> {
  await page.evaluate('(function () { var box = document.createElement("textarea"); box.id = "paste-here"; document.body.append(box); box.focus(); })()');
  await page.keyboard.press('Control+V');
  return page.locator('#paste-here').inputValue();
}

/** Browsers as they treat a page opened from disk: with a clipboard API, one that refuses, none, and one that refuses every way to copy. */
const browsers = [
  { name: 'the clipboard API', script: '' },
  { name: 'a clipboard API that refuses', script: 'if (navigator.clipboard) navigator.clipboard.writeText = function () { return Promise.reject(new DOMException("refused", "NotAllowedError")); };' },
  { name: 'no clipboard API', script: 'Object.defineProperty(Navigator.prototype, "clipboard", { get: function () { return undefined; } });' },
  {
    name: 'no way to copy', refused: true,
    script: 'Object.defineProperty(Navigator.prototype, "clipboard", { get: function () { return undefined; } }); document.execCommand = function () { return false; };',
  },
];

for (const site of sites) {
  const { data } = site;

  test(`${site.name}: the copy button beside a code page's code copies it on a page opened from disk (file://), and says so to screen readers`, async () => {
    const catalog = data.catalogs.find((c) => c.codes.length >= browsers.length)!;
    for (const { code: locale } of data.locales) {
      const t = data.t(locale);
      for (const [i, b] of browsers.entries()) {
        const code = catalog.codes[i].code;
        const context = await site.build.browser.newContext();
        try {
          if (b.script) await context.addInitScript(b.script);
          const page = await context.newPage();
          await page.goto(pathToFileURL(join(site.build.out, locale, 'errors', catalog.id, code, 'index.html')).href);
          const button = page.getByRole('button', { name: t('copy.label', { code }) });
          await button.click();
          const status = page.locator('.copy [role="status"]');
          if (b.refused) {
            await assertText(status, t('copy.failed'), `${locale} ${code}, ${b.name}`);
            assert.equal(await page.evaluate('getSelection().toString()'), code, 'the code is left selected to copy by hand');
          } else {
            await assertText(status, t('copy.done'), `${locale} ${code}, ${b.name}`);
            assert.equal(await pasted(page), code, `${locale}: with ${b.name}, pasting gives the code`);
          }
        } finally {
          await context.close();
        }
      }
    }
  });

  test(`${site.name}: catalog and code pages say when they were last updated, from the dates in the data`, async () => {
    assert.ok(data.catalogs.every((c) => c.updated), 'every catalog of the data has a date');
    const page = await site.build.browser.newPage();
    try {
      for (const { code: locale } of data.locales) {
        const t = data.t(locale);
        for (const catalog of data.catalogs) {
          const latest = [catalog.updated!, ...catalog.codes.flatMap((c) => c.updated ?? [])].sort().pop()!;
          await page.goto(`${site.build.url}${locale}/errors/${catalog.id}/`);
          assert.equal(await page.locator('.page-head .meta').textContent(), t('meta.updated', { date: longDate(locale, latest) }), `${locale} ${catalog.id}`);
          // Every code with a date of its own, and the first code, which shows its catalog's date when it has none.
          for (const code of catalog.codes.filter((c, i) => i === 0 || c.updated)) {
            await page.goto(`${site.build.url}${locale}/errors/${catalog.id}/${code.code}/`);
            const expected = t('meta.updated', { date: longDate(locale, codeUpdated(catalog, code)!) });
            assert.equal(await page.locator('.page-head .meta').textContent(), expected, `${locale} ${catalog.id}/${code.code}`);
          }
        }
      }
    } finally {
      await page.close();
    }
  });

  test(`${site.name}: the filter box narrows a catalog's rows to those holding every word typed, says how many codes it shows, and hides emptied phases`, async () => {
    const page = await site.build.browser.newPage();
    try {
      for (const { code: locale } of data.locales) {
        const t = data.t(locale);
        for (const catalog of data.catalogs) {
          await page.goto(`${site.build.url}${locale}/errors/${catalog.id}/`);
          const box = page.getByRole('searchbox', { name: t('catalog.filter') });
          const status = page.locator('.catalog-filter [role="status"]');
          const rows = page.locator('table.codes tbody tr');
          const total = await rows.count();
          // The code listed under the most phases: every one of its rows stays.
          const code = [...catalog.codes].sort((a, b) => (b.phases?.length ?? 0) - (a.phases?.length ?? 0))[0];
          await box.fill(code.code.toUpperCase());
          const seen = await rows.evaluateAll((trs) => trs.map((tr) => ({ code: tr.querySelector('th code')!.textContent!, hidden: (tr as HTMLElement).hidden, text: tr.textContent!.toLowerCase() })));
          for (const r of seen) assert.equal(r.hidden, !r.text.includes(code.code.toLowerCase()), `${locale} ${catalog.id}: row of ${r.code}`);
          assert.equal(seen.filter((r) => r.code === code.code && !r.hidden).length, Math.max(code.phases?.length ?? 0, 1), `${code.code}: a row under each of its phases`);
          const shown = new Set(seen.filter((r) => !r.hidden).map((r) => r.code)).size;
          await assertText(status, t('catalog.filterShown').replace('{{shown}}', String(shown)).replace('{{total}}', String(catalog.codes.length)), `${locale} ${catalog.id}`);
          for (const phase of catalog.phases ?? []) {
            const inPhase = catalog.codes.filter((c) => c.phases?.includes(phase.id)).some((c) => seen.some((r) => r.code === c.code && !r.hidden));
            assert.equal(await page.locator(`section[id="${phase.id}"]`).isVisible(), inPhase, `${locale} ${catalog.id}: phase ${phase.id}`);
          }
          await box.fill('no-such-code zzz');
          await assertText(status, t('catalog.filterNone').replace('{{query}}', 'no-such-code zzz'), 'nothing matches');
          assert.equal(await page.locator('table.codes tbody tr:visible').count(), 0);
          await box.fill('');
          assert.equal(await page.locator('table.codes tbody tr:visible').count(), total, 'clearing the box shows every row');
          await assertText(status, '', 'and says nothing');
        }
      }
    } finally {
      await page.close();
    }
  });

  test(`${site.name}: a step whose text names a catalog links to the site's own catalog page, in every language`, async () => {
    const steps = data.articles.flatMap((a) => a.steps.flatMap((s) => [...s.text.matchAll(/\]\(catalog:([^)#]+)\)/g)].map((m) => ({ article: a.id, step: s, catalog: m[1] }))));
    if (site.name === 'shipped site') {
      assert.ok(steps.some((s) => s.catalog === 'mim-run-status' && /\]\(link:/.test(s.step.text)), 'a shipped step links to the run-status catalog and to an outside reference');
    }
    const page = await site.build.browser.newPage();
    try {
      for (const { code: locale } of data.locales) {
        for (const { article, step, catalog } of steps) {
          await page.goto(`${site.build.url}${locale}/articles/${article}/`);
          const hrefs = await page.locator(`li.step[id="${step.id}"] .step-text a`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
          const own = `${site.build.url}${locale}/errors/${catalog}/`;
          assert.ok(hrefs.includes(own), `${locale} ${step.id}: links ${own} (has ${hrefs.join(', ')})`);
          if (/\]\(link:/.test(step.text)) assert.ok(hrefs.some((h) => !h.startsWith(site.build.url)), `${locale} ${step.id}: and the outside reference`);
          await page.locator(`li.step[id="${step.id}"] .step-text a[href$="errors/${catalog}/"]`).click();
          await page.waitForURL(own);
        }
      }
    } finally {
      await page.close();
    }
  });
}

/** Waits for an element's text to become `expected` (scripts update it after an event), then checks it. */
async function assertText(locator: import('playwright-core').Locator, expected: string, message: string): Promise<void> {
  await locator.page().waitForFunction(
    ([el, want]) => (el as Element).textContent === want, [await locator.elementHandle(), expected] as const, { timeout: 2000 },
  ).catch(() => undefined);
  assert.equal(await locator.textContent(), expected, message);
}
