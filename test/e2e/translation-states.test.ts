import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { loadTranslatedContent } from '../../src/build/prepare-site.ts';
import { kinds, type KindName } from '../../src/content/kinds.ts';
import { allRecords, textsOf, type SourceRecord } from '../../src/content/records.ts';
import { sourceHash } from '../../src/i18n/source-hash.ts';
import { fixture, tempDir } from '../support/helpers.ts';
import { siteBuild } from '../support/site-cache.ts';
import { serveFolder } from '../support/static-server.ts';

/**
 * Every kind of record in every translation state, on the right-to-left fixture of a made-up
 * product, as a reader sees it in Chromium: wherever a record is shown, a missing translation is
 * shown in English marked `lang="en" dir="ltr"`, and a stale or machine-made one says so, once,
 * on the record itself or in the banner of the page that is the record's own.
 */

type State = 'translated' | 'stale' | 'stale-human' | 'missing' | 'machine';
const states: State[] = ['translated', 'stale', 'stale-human', 'missing', 'machine'];
/** The notice a reader must see for each state; none for a fresh human translation. */
const noticeOf: Record<State, string | undefined> = { translated: undefined, stale: 'stale', 'stale-human': 'stale', missing: 'fallback', machine: 'machine' };

const source = fixture('rtl-product');
const tmp = tempDir('fieldguide-states-');
let browser: Browser;
const records = allRecords(loadTranslatedContent(source).content);
const pageKinds: KindName[] = ['site', 'article', 'catalog'];

before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); tmp.cleanup(); });

/** Puts one record's Hebrew translation in a state by editing its overlay the way a translator's tools would. */
function setState(overlays: Map<string, Record<string, unknown>>, r: SourceRecord, state: State): void {
  const file = overlays.get(r.overlayFile)!;
  let parent: Record<string, unknown> | undefined;
  let node = file;
  for (const part of r.overlayPath) [parent, node] = [node, node[part] as Record<string, unknown>];
  if (state === 'missing') {
    if (parent) delete parent[r.overlayPath[r.overlayPath.length - 1]];
    else for (const f of [...kinds[r.kind].fields, 'source', 'method']) delete node[f];
    return;
  }
  node.source = state === 'stale' || state === 'stale-human' ? 'sha256-0000000000000000' : sourceHash(textsOf(r));
  node.method = state === 'stale' || state === 'machine' ? 'machine' : 'human';
}

/** Builds a copy of the fixture whose records are in the state `stateOf` gives them, and serves it. */
async function variant(name: string, stateOf: (r: SourceRecord) => State) {
  const data = join(tmp.dir, name);
  cpSync(source, data, { recursive: true });
  const overlays = new Map<string, Record<string, unknown>>();
  for (const r of records) {
    if (!overlays.has(r.overlayFile)) overlays.set(r.overlayFile, JSON.parse(readFileSync(join(data, 'translations/he', r.overlayFile), 'utf8')));
  }
  // Children first, so a missing parent does not take its children's entries with it.
  for (const r of [...records].reverse()) setState(overlays, r, stateOf(r));
  for (const [file, value] of overlays) writeFileSync(join(data, 'translations/he', file), JSON.stringify(value, null, 2));
  const out = join(tmp.dir, `${name}-site`);
  await siteBuild(data, out);
  return serveFolder(out, '/kb/');
}

interface Seen { lang: string | null; dir: string | null; notices: string[] }

/** The language of a record's text and the notices about it, at one place on one page. */
async function seen(page: Page, base: string, path: string, selector: string, textSelector: string, noticeSelector: string): Promise<Seen> {
  if (page.url() !== base + path) await page.goto(base + path);
  return page.evaluate(([sel, textSel, noticeSel]) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`nothing matches ${sel} on ${location.pathname}`);
    // The visible words must be there too, not only the class.
    const notices = [...el.querySelectorAll(noticeSel)]
      .filter((n) => (n as HTMLElement).innerText.trim() !== '')
      .map((n) => [...n.classList].find((c) => /^(notice|mark)-/.test(c))!.replace(/^(notice|mark)-/, ''));
    const text = el.querySelector(textSel);
    // A chip of a code without a title shows only the code, which is never translated.
    if (!text) return { lang: 'none', dir: 'none', notices };
    const [lang, dir] = ['lang', 'dir'].map((name) => {
      const at = text.closest(`[${name}]`);
      return at === document.documentElement ? null : at!.getAttribute(name);
    });
    return { lang, dir, notices };
  }, [selector, textSelector, noticeSelector] as const);
}

const banner = 'main .page-head > .notices .notice';
/** Every place the fixture shows each kind of record: the page, the element, where its text is, where its own notices are. */
function placesOf(r: SourceRecord): { path: string; selector: string; text: string; notices: string; pageOwn: boolean }[] {
  const [a, b] = r.ids;
  const pageOf = (path: string) => ({ path, selector: 'body', text: 'main h1', notices: banner, pageOwn: true });
  switch (r.kind) {
    case 'site': return [pageOf('he/')];
    case 'article': return [pageOf(`he/articles/${a}/`), { path: 'he/', selector: `.cards li:has(> a[href="articles/${a}/"])`, text: 'a', notices: '.mark', pageOwn: false }];
    case 'catalog': return [pageOf(`he/errors/${a}/`), { path: 'he/', selector: `.cards li:has(> a[href="errors/${a}/"])`, text: 'a', notices: '.mark', pageOwn: false }];
    case 'step': return [{ path: `he/articles/${a}/`, selector: `li.step#${b}`, text: '.step-text', notices: ':scope > .notice', pageOwn: false }];
    case 'phase': return [{ path: `he/errors/${a}/`, selector: `section#${b}`, text: 'h2', notices: ':scope > .notice', pageOwn: false }];
    case 'code': {
      const steps = records.filter((s) => s.kind === 'step' && ((s.value.errors as string[] | undefined) ?? []).includes(`${a}/${b}`));
      return [
        pageOf(`he/errors/${a}/${b}/`),
        { path: `he/errors/${a}/`, selector: `tr:has(a[href="${b}/"])`, text: 'th', notices: '.mark', pageOwn: false },
        ...steps.map((s) => ({ path: `he/articles/${s.ids[0]}/`, selector: `li.step#${s.ids[1]} .code-chips li:has(a[href$="/${b}/"])`, text: 'a span', notices: '.mark', pageOwn: false })),
      ];
    }
    case 'link': return [{ path: 'he/references/', selector: `section#${a}`, text: 'h2', notices: ':scope > .notice', pageOwn: false }];
  }
}

for (const mixed of [false, true]) {
  for (const state of states) {
    const what = mixed ? `${state} records on fresh pages` : `every record ${state}`;
    test(`in Chromium, ${what}: each kind reads in the right language and says how it was translated, wherever it is shown`, async () => {
      // Mixed: site, articles and catalogs are fresh human translations, so what their records show is their own.
      const stateOf = (r: SourceRecord): State => (mixed && pageKinds.includes(r.kind) ? 'translated' : state);
      const server = await variant(`${mixed ? 'mixed' : 'all'}-${state}`, stateOf);
      const page = await browser.newPage();
      try {
        const kindsSeen = new Set<KindName>();
        for (const r of records) {
          for (const place of placesOf(r)) {
            const got = await seen(page, server.url, place.path, place.selector, place.text, place.notices);
            const own = stateOf(r);
            const where = `${r.key} on /${place.path} (${place.selector})`;
            if (got.lang === 'none') { /* only the code shows */ } else if (own === 'missing') assert.deepEqual([got.lang, got.dir], ['en', 'ltr'], `${where} is marked as English`);
            else assert.notEqual(got.lang, 'en', `${where} is not marked as English`);
            // A record on its own page speaks through the page's banner; elsewhere it speaks for itself
            // unless the page it is shown on already says the same about its own record.
            const shownOn = place.pageOwn ? undefined : records.find((p) => p.key === pageRecordOf(r, place.path));
            const stated = shownOn ? noticeOf[stateOf(shownOn)] : undefined;
            const expected = noticeOf[own] && noticeOf[own] !== stated ? [noticeOf[own]] : [];
            if (place.pageOwn) assert.ok(expected.every((n) => got.notices.includes(n!)), `${where}: banner says ${expected} (got ${got.notices})`);
            else assert.deepEqual(got.notices, expected, `${where}: notices`);
            if (place.pageOwn && own === 'translated') assert.deepEqual(got.notices, [], `${where}: no banner`);
            kindsSeen.add(r.kind);
          }
        }
        assert.deepEqual([...kindsSeen].sort(), Object.keys(kinds).sort(), 'every kind of record was looked at');
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
}

/** The record whose page a place belongs to: the site for home and references, else the page's own record. */
function pageRecordOf(r: SourceRecord, path: string): string {
  const parts = path.split('/').filter(Boolean).slice(1);
  if (parts.length === 0 || parts[0] === 'references') return 'site';
  if (parts[0] === 'articles') return `article/${parts[1]}`;
  return parts.length === 2 ? `catalog/${parts[1]}` : `code/${parts[1]}/${parts[2]}`;
}

/** The colour at the middle of an element as Chromium painted it, as `rgb(r, g, b)`. */
async function paintedColour(page: Page, selector: string): Promise<string> {
  const png = (await page.locator(selector).screenshot()).toString('base64');
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const [r, gr, b] = g.getImageData(Math.floor(img.width / 2), Math.floor(img.height / 2), 1, 1).data;
    return 'rgb(' + r + ', ' + gr + ', ' + b + ')';
  })()`);
}

test('the translation status page shows machine-made and stale records as not done, in words and colour, light and dark', async () => {
  const page = await browser.newPage();
  const servers: Awaited<ReturnType<typeof variant>>[] = [];
  try {
    const total = records.length;
    // What "done" looks like: every record a person's current translation.
    const done = await variant('status-translated', () => 'translated');
    servers.push(done);
    const doneColour: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${done.url}en/translation-status/`);
      assert.equal(await page.locator('.status-verdict').innerText(), '✓ Done: every record is translated by a person and up to date.');
      assert.equal(await page.locator('tr.status-translated td').first().innerText(), String(total));
      doneColour[scheme] = await paintedColour(page, 'tr.status-translated meter');
    }
    assert.notEqual(doneColour.light, doneColour.dark);

    for (const [state, row, words] of [['machine', 'machine', 'Machine-translated, not reviewed'], ['stale', 'stale', 'Stale (source changed since)']] as const) {
      const server = await variant(`status-${state}`, () => state);
      servers.push(server);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${server.url}en/translation-status/`);
        assert.equal(await page.locator('.status-verdict').innerText(), `! Not done yet: ${words} (100%).`, `${state}, ${scheme}`);
        assert.equal(await page.locator(`tr.status-${row} th`).innerText(), words);
        assert.equal(await page.locator(`tr.status-${row} td`).first().innerText(), String(total));
        assert.equal(await page.locator('tr.status-translated td').first().innerText(), '0', 'none of them counts as done');
        const colour = await paintedColour(page, `tr.status-${row} meter`);
        assert.notEqual(colour, doneColour[scheme], `a full ${state} bar is not the colour of done (${scheme})`);
        assert.notEqual(await paintedColour(page, '.status-verdict .status-symbol'), await paintedColour(page, 'tr.status-translated th'), 'the mark is coloured');
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // The Hebrew page says the same in Hebrew, right to left.
      await page.goto(`${server.url}he/translation-status/`);
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.match(await page.locator('.status-verdict').innerText(), /^! עדיין לא הושלם: /);
      if (state === 'machine') assert.match(await page.locator('.status-verdict').innerText(), /תורגם במכונה, לא נבדק/);
    }
  } finally {
    await page.close();
    for (const s of servers) await s.close();
  }
});
