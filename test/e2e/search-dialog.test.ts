import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { contentOf } from '../support/expected-site.ts';
import { fixture, root } from '../support/helpers.ts';
import { servedBuild, type ServedBuild } from '../support/served-build.ts';

// The shipped MIM site, a made-up database whose codes use underscores and dots, and the Hebrew fixture.
const shipped = servedBuild({ tmpPrefix: 'fieldguide-search-' });
const ledger = servedBuild({ tmpPrefix: 'fieldguide-search-ledger-', data: () => fixture('underscore-codes') });
const harbor = servedBuild({ tmpPrefix: 'fieldguide-search-harbor-', data: () => fixture('rtl-product') });

interface Shown { href: string; kind: string; code: string; excerpt: string }

/** A page of a site in that site's tab (`ServedBuild.open`). */
const openAt = (site: ServedBuild, path: string): Promise<Page> => site.open(path);

/** Types a query into the open dialog and returns the results once they answer that query. */
async function resultsFor(page: Page, query: string): Promise<Shown[]> {
  await page.locator('#fg-search-q').fill(query);
  await page.waitForFunction((q) => (document.querySelector('#fg-search-results') as HTMLElement | null)?.dataset.query === q, query);
  return page.locator('#fg-search-results [role=option]').evaluateAll((links) => links.map((a) => ({
    href: a.getAttribute('href') ?? '',
    kind: (a as HTMLElement).dataset.kind ?? '',
    code: a.querySelector('.result-title code')?.textContent ?? '',
    excerpt: a.querySelector('.result-excerpt')?.textContent ?? '',
  })));
}

const dialogOpen = (page: Page) => page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open);
const focused = (page: Page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? `${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('href') ? `[href="${e.getAttribute('href')}"]` : ''}` : '';
});

/** Codes of the shipped data with `dll` as one of their segments, and the ones article steps name. */
const { records } = contentOf(join(root, 'data'));
const named = new Set(records.flatMap((r) => (r.kind === 'step' ? ((r.value.errors as string[] | undefined) ?? []).map((e) => e.split('/')[1]) : [])));
const dllCodes = records.filter((r) => r.kind === 'code' && r.ids[1].split(/[-_.]/).includes('dll')).map((r) => r.ids[1]);

test('without JavaScript there is no search control; with it, the header holds one compact search button and a closed dialog', async () => {
  const plain = await shipped.browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(`${shipped.url}en/articles/configure-mim-sync-service/`);
  assert.equal(await page.locator('.search-open').isVisible(), false);
  assert.equal(await page.locator('input, select, button').filter({ visible: true }).count(), 0, 'no dead control');
  await plain.close();
  const live = await openAt(shipped, 'en/articles/configure-mim-sync-service/');
  assert.equal(await live.locator('.site-header .search-open').filter({ visible: true }).count(), 1);
  assert.equal(await live.locator('.site-header .search-open').textContent(), 'Search/');
  assert.equal(await live.locator('#fg-search-q').isVisible(), false, 'the box is in the dialog, closed');
});

test('/ and Ctrl/⌘+K open the dialog from anywhere; Esc closes it and gives focus back to what opened it', async () => {
  const page = await openAt(shipped, 'en/articles/configure-mim-sync-service/');
  const stepLink = page.locator('main a').first();
  await stepLink.focus();
  const before = await focused(page);
  await page.keyboard.press('/');
  assert.equal(await dialogOpen(page), true);
  assert.equal(await focused(page), 'input#fg-search-q');
  await page.keyboard.type('a/b');
  assert.equal(await page.locator('#fg-search-q').inputValue(), 'a/b', 'in the box, / is a character');
  await page.keyboard.press('Escape');
  assert.equal(await dialogOpen(page), false);
  assert.equal(await focused(page), before);

  const language = page.locator('.languages-switch a[hreflang="id"]');
  for (const keys of ['Control+k', 'Meta+k', 'Control+K']) {
    await language.focus();
    await page.keyboard.press(keys);
    assert.equal(await dialogOpen(page), true, keys);
    assert.equal(await focused(page), 'input#fg-search-q', keys);
    assert.equal(await page.locator('#fg-search-q').evaluate((i) => { const input = i as HTMLInputElement; return input.selectionStart === 0 && input.selectionEnd === input.value.length; }), true, 'the last query is selected, to be typed over');
    await page.keyboard.press(keys);
    assert.equal(await dialogOpen(page), true, 'pressed again inside, the dialog stays');
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), await language.evaluate((a) => `a[href="${a.getAttribute('href')}"]`), keys);
  }

  await page.locator('.search-open').click();
  assert.equal(await dialogOpen(page), true);
  await page.locator('.search-close').click();
  assert.equal(await dialogOpen(page), false);
  assert.equal(await focused(page), 'button');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'search-open');
});

test('results show inside the dialog and never move the page, nor does choosing through them', async () => {
  const page = await openAt(shipped, 'en/articles/configure-mim-sync-service/');
  await page.evaluate(() => window.scrollTo(0, 420));
  const layout = () => page.evaluate(() => ({
    scroll: [window.scrollX, window.scrollY],
    boxes: [...document.querySelectorAll('.site-header, main, h1, h2, .step, .site-footer')].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    }),
  }));
  const before = await layout();
  assert.ok(before.scroll[1] > 0, 'the page is scrolled');
  await page.keyboard.press('/');
  const shown = await resultsFor(page, 'stopped');
  assert.equal(shown.length, 10);
  assert.deepEqual(await layout(), before, 'results appeared');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#fg-search-results [aria-selected=true]').getAttribute('id'), 'fg-search-result-1', 'twelve steps down a list of ten');
  assert.equal(await page.evaluate(() => document.querySelector('dialog.search-dialog')!.matches(':modal') && document.querySelector('dialog.search-dialog')!.contains(document.querySelector('#fg-search-results'))), true);
  assert.deepEqual(await layout(), before, 'arrows moved through the results');
  await page.keyboard.press('Escape');
  assert.deepEqual(await layout(), before, 'the dialog closed');
});

test('Enter opens the first result of the whole query in the box, even before its results show, never an earlier answer', async () => {
  const [typed, earlier] = records.filter((r) => r.kind === 'code').map((r) => r.ids);
  const page = await openAt(shipped, 'en/');
  await page.keyboard.press('/');
  await page.keyboard.type(typed[1]);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${shipped.url}en/errors/${typed[0]}/${typed[1]}/`);
  const again = await openAt(shipped, 'en/');
  await again.keyboard.press('/');
  assert.equal((await resultsFor(again, earlier[1]))[0].code, earlier[1]);
  await again.keyboard.press('Control+a');
  await again.keyboard.type(typed[1]);
  await again.keyboard.press('Enter');
  await again.waitForURL(`${shipped.url}en/errors/${typed[0]}/${typed[1]}/`);
  assert.equal(await again.locator('h1 code').textContent(), typed[1]);
});

test('the Kind and Severity filters appear with the results, not before typing, and go with the query', async () => {
  const page = await openAt(shipped, 'en/');
  await page.keyboard.press('/');
  const filters = page.locator('.search-filters');
  assert.equal(await filters.isVisible(), false);
  await resultsFor(page, 'dll');
  assert.equal(await filters.isVisible(), true);
  await page.selectOption('#fg-search-kind', 'step');
  await page.waitForFunction(() => [...document.querySelectorAll('#fg-search-results [role=option]')].every((a) => (a as HTMLElement).dataset.kind === 'step'));
  await resultsFor(page, '');
  assert.equal(await filters.isVisible(), false);
});

for (const locale of ['en', 'id']) {
  test(`a mistyped code finds that code first, and dll puts its codes first, those the article covers at the top (${locale})`, async () => {
    const page = await openAt(shipped, `${locale}/errors/mim-run-status/`);
    await page.keyboard.press('/');
    const typo = await resultsFor(page, 'stoped-server');
    assert.deepEqual([typo[0].code, typo[0].href], ['stopped-server', `../../../${locale}/errors/mim-run-status/stopped-server/`]);
    assert.equal((await resultsFor(page, 'stopped-sevrer'))[0].code, 'stopped-server');
    const dll = await resultsFor(page, 'dll');
    assert.ok(dllCodes.length >= 10);
    assert.deepEqual(dll.map((r) => r.kind), Array(10).fill('code'));
    assert.ok(dll.every((r) => dllCodes.includes(r.code)), dll.map((r) => r.code).join(' '));
    const covered = dllCodes.filter((c) => named.has(c)).sort((a, b) => a.length - b.length);
    assert.deepEqual(dll.slice(0, covered.length).map((r) => r.code), covered);
    assert.ok(covered.includes('stopped-extension-dll-exception'));
  });
}

test('the References page never ranks above a code or a step, and no excerpt is a raw URL or a broken sentence', async () => {
  let seen = 0;
  for (const locale of ['en', 'id']) {
    const page = await openAt(shipped, `${locale}/`);
    await page.keyboard.press('/');
    for (const query of ['6025', 'technet', 'sync', 'stack trace', 'extension', 'pcns', 'microsoft', 'archive', 'server']) {
      const shown = await resultsFor(page, query);
      const reference = shown.findIndex((r) => r.kind === 'reference');
      const lastRecord = shown.map((r) => r.kind === 'code' || r.kind === 'step').lastIndexOf(true);
      if (reference >= 0) {
        seen++;
        assert.ok(reference > lastRecord, `${locale} "${query}": ${shown.map((r) => r.kind).join(' ')}`);
      }
      for (const r of shown) {
        assert.doesNotMatch(r.excerpt, /https?:\/\//, `${locale} "${query}" ${r.href}`);
        assert.doesNotMatch(r.excerpt, /\s[.,;:!?](\s|$)|\s{2}/, `${locale} "${query}" ${r.href}: ${r.excerpt}`);
      }
    }
  }
  assert.ok(seen > 0, 'some query shows the References page');
});

test('a part of a code with underscores or dots finds it first, across -, _ and ., and underscores stay in excerpts', async () => {
  const page = await openAt(ledger, 'en/articles/recover-stuck-writes/');
  await page.keyboard.press('/');
  for (const query of ['not_available', 'not-available', 'NOT.AVAILABLE']) {
    const shown = await resultsFor(page, query);
    assert.deepEqual(shown.slice(0, 2).map((r) => r.code), ['lock_not_available', 'replica_not_available'], query);
    assert.ok(shown.some((r) => r.href.endsWith('/recover-stuck-writes/#find-blocking-session')), `${query}: the step about the code is found too`);
  }
  assert.equal((await resultsFor(page, 'disk_full'))[0].code, 'storage.disk_full');
  assert.equal((await resultsFor(page, 'disk-full'))[0].code, 'storage.disk_full');
  assert.equal((await resultsFor(page, 'lock_not_avilable'))[0].code, 'lock_not_available');
  const deadlock = await resultsFor(page, 'deadlock_timeout');
  assert.equal(deadlock[0].code, 'deadlock_detected');
  assert.match(deadlock[0].excerpt, /after deadlock_timeout the server/);
  assert.match((await resultsFor(page, 'replica'))[0].excerpt, /named in primary_conninfo does/);
  await page.goto(`${ledger.url}en/errors/ledger-conditions/deadlock_detected/`);
  assert.match(await page.locator('meta[name=description]').getAttribute('content') ?? '', /after deadlock_timeout the server/);
});

test('on a Hebrew page a part or a typo of a code finds it first, and the open dialog passes axe', async () => {
  const page = await openAt(harbor, 'he/articles/restore-gateway/');
  await page.keyboard.press('/');
  const part = await resultsFor(page, 'not_available');
  assert.equal(part[0].code, 'lock_not_available');
  assert.equal(part[0].href, '../../../he/errors/harbor-codes/lock_not_available/');
  assert.equal((await resultsFor(page, '0x8007005'))[0].code, '0x80070005');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  const findings = await axeViolations(page);
  assert.deepEqual(findings.map((f) => `${f.rule}: ${f.targets.join(', ')}`), []);
});

test('the README\'s code finder recipe works as written on a page two folders below the root', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The code finder'));
  const html = /```html\n([^]*?)```/.exec(section)?.[1] ?? '';
  // It listens for the page's errors, so it has a page of its own.
  const page = await shipped.browser.newPage();
  await page.goto(`${shipped.url}${/such as (\S+)\//.exec(html)?.[1]}/`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const src = /<script src="([^"]+)"><\/script>/.exec(html)![1];
  await page.addScriptTag({ url: new URL(src, page.url()).href });
  const inline = /<script>\n([^]*?)<\/script>/.exec(html)![1];
  await page.addScriptTag({ content: inline });
  // The same calls, with what they answer.
  const [, rootArg, locale] = /fieldguideCodeFinder\.load\('([^']+)', '([^']+)'\)/.exec(inline)!;
  const [, getArg] = /finder\.get\('([^']+)'\)/.exec(inline)!;
  const [, findArg] = /finder\.find\('([^']+)'\)/.exec(inline)!;
  const answer = await page.evaluate(async ([r, l, g, f]) => {
    const finder = await (window as unknown as { fieldguideCodeFinder: { load: (r: string, l: string) => Promise<any> } }).fieldguideCodeFinder.load(r, l);
    return { got: finder.get(g), found: finder.find(f)[0] };
  }, [rootArg, locale, getArg, findArg]);
  assert.deepEqual(Object.keys(answer.got), /finder\.get\('[^']+'\); \/\/ \{ ([^}]+) \}/.exec(inline)![1].split(', '));
  assert.equal(answer.got.code, getArg);
  assert.deepEqual([answer.found.entry.code, answer.found.match, answer.found.distance], ['stopped-server', 'near', 1]);
  assert.match(inline, /match: 'near', distance: 1/);
  assert.deepEqual(errors, []);
  await page.close();
});
