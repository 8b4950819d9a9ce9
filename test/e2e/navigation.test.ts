import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { fixture, root } from '../support/helpers.ts';
import { pageKinds, rowIds, siteData } from '../support/page-kinds.ts';
import { servedBuild } from '../support/served-build.ts';

// The shipped site, and a right-to-left one (Hebrew) whose catalog lists a code under two phases.
const sites = [
  { name: 'shipped site', data: siteData(join(root, 'data')), build: servedBuild({ tmpPrefix: 'fieldguide-nav-' }) },
  { name: 'rtl-product', data: siteData(fixture('rtl-product')), build: servedBuild({ tmpPrefix: 'fieldguide-nav-rtl-', data: () => fixture('rtl-product') }) },
];

const phone = { width: 360, height: 780 };

/** Opens a page of a served site, at the given size, in that site's tab. */
const open = (site: (typeof sites)[number], path: string, viewport = { width: 1280, height: 800 }): Promise<Page> => site.build.open(path, { viewport });

const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

for (const site of sites) {
  const { data } = site;
  const locales = data.locales.map((l) => l.code);

  test(`${site.name}: at 360 × 780 px every page kind starts its <h1> within 200 px of the top, and nothing scrolls sideways, menus open or closed`, async (t) => {
    const tops: string[] = [];
    // The root page sends a reader with JavaScript to a language; without it, it is the language list.
    const context = await site.build.browser.newContext({ viewport: phone, javaScriptEnabled: false });
    const rootPage = await context.newPage();
    await rootPage.goto(site.build.url);
    const rootTop = await rootPage.locator('h1').evaluate((h) => h.getBoundingClientRect().top + scrollY);
    tops.push(`root ${Math.round(rootTop)}`);
    assert.ok(rootTop <= 200, `root: h1 at ${rootTop} px`);
    assert.ok((await scrollWidth(rootPage)) <= phone.width, 'root scrolls sideways');
    await context.close();
    for (const locale of locales) {
      for (const { kind, path } of pageKinds(data, locale)) {
        const page = await open(site, path, phone);
        const top = await page.locator('h1').evaluate((h) => h.getBoundingClientRect().top + scrollY);
        tops.push(`${locale} ${kind} ${Math.round(top)}`);
        assert.ok(top <= 200, `${path}: h1 starts at ${top} px`);
        assert.ok((await scrollWidth(page)) <= phone.width, `${path} scrolls sideways (${await scrollWidth(page)} px)`);
        await page.locator('.site-menu > summary').click();
        assert.ok(await page.locator('.site-nav').isVisible(), `${path}: the menu opens`);
        if (await page.locator('.toc').count()) await page.locator('.toc > summary').click();
        assert.ok((await scrollWidth(page)) <= phone.width, `${path} scrolls sideways with its menus open`);
      }
    }
    t.diagnostic(`h1 top (px): ${tops.join(', ')}`);
  });

  test(`${site.name}: README "npm run -s measure:header" prints where each page kind's heading starts at 360 × 780 px: within 200 px, nothing wider than the screen`, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/measure-header.ts', '--site', site.build.out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/));
    // The root page, then per locale: home, the first article, each catalog, a code, references, status, 404.
    const perLocale = 1 + Math.min(data.articles.length, 1) + data.catalogs.length + 1 + 1 + (locales.length > 1 ? 1 : 0) + 1;
    assert.equal(rows.length, 1 + locales.length * perLocale, r.stdout);
    for (const [top, width, ...what] of rows) {
      assert.ok(Number(top) <= 200 && Number(width) <= phone.width, `${what.join(' ')}: h1 at ${top} px, ${width} px wide`);
    }
  });

  test(`${site.name}: on a phone without JavaScript, the menu button opens the site navigation and the table of contents opens, and their links work`, async () => {
    const context = await site.build.browser.newContext({ viewport: phone, javaScriptEnabled: false, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      const [locale] = locales;
      const article = data.articles[0];
      const catalog = data.catalogs.find((c) => c.phases) ?? data.catalogs[0];
      await page.goto(`${site.build.url}${locale}/articles/${article.id}/`);
      assert.equal(await page.locator('.site-nav').isVisible(), false, 'the navigation starts closed');
      await page.locator('.site-menu > summary').tap();
      assert.ok(await page.locator('.site-nav').isVisible());
      if (locales.length > 1) assert.ok(await page.locator('.site-menu .languages-switch').isVisible(), 'the language switcher is in the menu');
      await page.locator(`.site-nav a[href$="errors/${catalog.id}/"]`).tap();
      await page.waitForURL(`**/${locale}/errors/${catalog.id}/`);
      await page.locator('.site-menu > summary').tap();
      assert.equal(await page.locator('.site-nav a[aria-current="page"]').getAttribute('href'), './', 'the catalog is marked as the current page');
      // The filter box needs its script: without it the box stays hidden and every row shows.
      assert.equal(await page.locator('.catalog-filter').isVisible(), false);
      assert.equal(await page.locator('table.codes tbody tr:visible').count(), rowIds(catalog).length);
      if (catalog.phases) {
        const last = catalog.phases[catalog.phases.length - 1];
        await page.locator('.toc > summary').tap();
        await page.locator(`.toc a[href="#${last.id}"]`).tap();
        assert.equal(await page.evaluate('document.querySelector(":target").id'), last.id);
      }
      await page.goto(`${site.build.url}${locale}/errors/${catalog.id}/${catalog.codes[0].code}/`);
      assert.equal(await page.locator('.copy').isVisible(), false, 'no dead copy button without JavaScript');
    } finally {
      await context.close();
    }
  });

  test(`${site.name}: on a wide screen the site navigation is a sidebar at the start of the reading direction, and the table of contents a column at its end`, async () => {
    for (const { code: locale, dir } of data.locales) {
      const page = await open(site, `${locale}/articles/${data.articles[0].id}/`, { width: 1440, height: 900 });
      assert.ok(await page.locator('.site-nav').isVisible(), `${locale}: the sidebar shows without a click`);
      assert.equal(await page.locator('.site-menu > summary').isVisible(), false, `${locale}: no menu button`);
      assert.ok(await page.locator('.toc nav').isVisible(), `${locale}: the table of contents shows without a click`);
      const [nav, body, toc] = await Promise.all(['.site-nav', '.page-body', '.toc'].map((s) => page.locator(s).boundingBox()));
      if (dir === 'rtl') {
        assert.ok(nav!.x >= body!.x + body!.width, `${locale}: the sidebar is right of the text`);
        assert.ok(toc!.x + toc!.width <= body!.x, `${locale}: the contents are left of the text`);
      } else {
        assert.ok(nav!.x + nav!.width <= body!.x, `${locale}: the sidebar is left of the text`);
        assert.ok(toc!.x >= body!.x + body!.width, `${locale}: the contents are right of the text`);
      }
      assert.ok((await scrollWidth(page)) <= 1440, `${locale}: no sideways scroll`);
    }
  });

  test(`${site.name}: the table of contents lists an article's steps, a code page's sections and a catalog's phases, and each link lands on its id`, async () => {
    for (const locale of locales) {
      const checks: { path: string; hrefs: string[] | ((hrefs: string[]) => void) }[] = [
        ...data.articles.map((a) => ({ path: `${locale}/articles/${a.id}/`, hrefs: a.steps.map((s) => `#${s.id}`) })),
        ...data.catalogs.map((c) => ({ path: `${locale}/errors/${c.id}/`, hrefs: (c.phases ?? []).map((p) => `#${p.id}`) })),
        ...data.catalogs.map((c) => ({
          path: `${locale}/errors/${c.id}/${c.codes[0].code}/`,
          hrefs: (hrefs: string[]) => {
            assert.deepEqual(hrefs.slice(0, 2), ['#meaning', '#action'], 'what it means, then what to do');
            assert.deepEqual(hrefs.filter((h) => !['#meaning', '#action', '#steps', '#related', '#references'].includes(h)), []);
          },
        })),
      ];
      for (const { path, hrefs } of checks) {
        const page = await open(site, path, { width: 1440, height: 900 });
        const got = await page.locator('.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        if (typeof hrefs === 'function') hrefs(got);
        else assert.deepEqual(got, hrefs, path);
        if (got.length === 0) assert.equal(await page.locator('.toc').count(), 0, `${path}: no empty table of contents`);
        for (const href of got) {
          await page.locator(`.toc a[href="${href}"]`).click();
          const landed = await page.evaluate('[document.querySelector(":target") && document.querySelector(":target").id, document.querySelector(":target").getBoundingClientRect().top, innerHeight]') as [string, number, number];
          assert.equal(landed[0], href.slice(1), `${path}: ${href}`);
          assert.ok(landed[1] >= -1 && landed[1] < landed[2], `${path}: ${href} is scrolled into view`);
        }
      }
    }
  });

  test(`${site.name}: every h2 and h3 and every catalog row has an id unique on its page, and a visible anchor link that leads to it`, async () => {
    for (const locale of locales) {
      for (const { path } of pageKinds(data, locale)) {
        const page = await open(site, path);
        const seen = await page.evaluate(() => {
          const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
          return {
            duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
            headings: [...document.querySelectorAll('h2, h3')].map((h) => {
              const link = h.parentElement?.classList.contains('heading') ? h.parentElement.querySelector<HTMLAnchorElement>(':scope > a.anchor') : null;
              const target = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
              return {
                text: h.textContent!.trim(), id: h.id, label: link?.getAttribute('aria-label') ?? '',
                lands: !!target && (target === h || target.contains(h)), visible: !!link && link.getBoundingClientRect().width > 0,
              };
            }),
            rows: [...document.querySelectorAll('table.codes tbody tr')].map((tr) => ({ id: tr.id, href: tr.querySelector('a.anchor')?.getAttribute('href') ?? '' })),
          };
        });
        assert.deepEqual(seen.duplicates, [], `${path}: duplicate ids`);
        for (const h of seen.headings) {
          assert.ok(h.id, `${path}: "${h.text}" has an id`);
          assert.ok(h.lands && h.visible && h.label, `${path}: "${h.text}" has a visible, named anchor link to it`);
        }
        for (const r of seen.rows) assert.ok(r.id && r.href === `#${r.id}`, `${path}: row ${r.id} links to itself`);
      }
    }
  });

  test(`${site.name}: catalog rows are named by their code, and by phase and code where the catalog has phases, so a code listed under two phases has two rows with two ids`, async () => {
    const repeated = data.catalogs.flatMap((c) => c.codes.filter((code) => (code.phases?.length ?? 0) > 1));
    assert.ok(repeated.length > 0, 'the data lists a code under two phases');
    for (const locale of locales) {
      for (const catalog of data.catalogs) {
        const page = await open(site, `${locale}/errors/${catalog.id}/`);
        const ids = await page.locator('table.codes tbody tr').evaluateAll((rows) => rows.map((r) => r.id));
        assert.deepEqual(ids, rowIds(catalog), `${locale} ${catalog.id}`);
        assert.equal(new Set(ids).size, ids.length);
        for (const code of catalog.codes.filter((c) => (c.phases?.length ?? 0) > 1)) {
          const [a, b] = code.phases!.map((p) => `${p}/${code.code}`);
          await page.goto(`${site.build.url}${locale}/errors/${catalog.id}/#${b}`);
          assert.equal(await page.evaluate('document.querySelector(":target").id'), b, `#${b} opens the row under its second phase`);
          assert.notEqual(a, b);
        }
      }
    }
  });

  test(`${site.name}: every anchor link is reached with the Tab key`, async () => {
    const [locale] = locales.slice(-1);
    const paths = [`${locale}/articles/${data.articles[0].id}/`, ...data.catalogs.map((c) => `${locale}/errors/${c.id}/`), `${locale}/errors/${data.catalogs[0].id}/${data.catalogs[0].codes[0].code}/`];
    for (const path of paths) {
      const page = await open(site, path);
      const anchors = new Set(await page.locator('a.anchor').evaluateAll((links) => links.map((a) => a.getAttribute('href')!)));
      const stops = await page.locator('a[href], button, input, select, summary').count();
      const reached = new Set<string>();
      for (let i = 0; i < stops + 5 && reached.size < anchors.size; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate('document.activeElement.classList.contains("anchor") ? document.activeElement.getAttribute("href") : ""') as string;
        if (href) reached.add(href);
      }
      assert.deepEqual([...anchors].filter((a) => !reached.has(a)), [], `${path}: anchors the keyboard never reaches`);
    }
  });

  test(`${site.name}: previous and next lead through an article's steps and a catalog's codes in their order`, async () => {
    for (const locale of locales) {
      for (const article of data.articles) {
        const page = await open(site, `${locale}/articles/${article.id}/`);
        for (const [i, step] of article.steps.entries()) {
          const pager = page.locator(`li.step[id="${step.id}"] .pager a`);
          const links = await pager.evaluateAll((as) => as.map((a) => [a.className, a.getAttribute('href')]));
          const prev = links.find(([c]) => c === 'pager-prev')?.[1] ?? null;
          const next = links.find(([c]) => c === 'pager-next')?.[1] ?? null;
          assert.equal(prev, i > 0 ? `#${article.steps[i - 1].id}` : null, `${step.id}: previous`);
          assert.equal(next, i + 1 < article.steps.length ? `#${article.steps[i + 1].id}` : null, `${step.id}: next`);
        }
      }
      for (const catalog of data.catalogs) {
        const codes = catalog.codes.map((c) => c.code);
        for (const i of [...new Set([0, 1, codes.length - 1])].filter((n) => n < codes.length)) {
          const page = await open(site, `${locale}/errors/${catalog.id}/${codes[i]}/`);
          const href = async (sel: string) => (await page.locator(sel).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))[0] ?? null;
          const url = (code: string) => `${site.build.url}${locale}/errors/${catalog.id}/${code}/`;
          assert.equal(await href('.pager a[rel="prev"]'), i > 0 ? url(codes[i - 1]) : null, `${codes[i]}: previous`);
          assert.equal(await href('.pager a[rel="next"]'), i + 1 < codes.length ? url(codes[i + 1]) : null, `${codes[i]}: next`);
          if (i + 1 < codes.length) {
            await page.locator('.pager a[rel="next"]').click();
            await page.waitForURL(url(codes[i + 1]));
            assert.equal(await page.locator('h1 code').textContent(), codes[i + 1]);
          }
        }
      }
    }
  });

  test(`${site.name}: axe finds no WCAG 2.1 AA violation on a phone with the menu and the table of contents open, in light and dark colours`, async () => {
    for (const locale of locales) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await open(site, `${locale}/articles/${data.articles[0].id}/`, phone);
        await page.emulateMedia({ colorScheme });
        await page.locator('.site-menu > summary').click();
        await page.locator('.toc > summary').click();
        const found = (await axeViolations(page)).map((f) => `${f.rule} (${f.impact}) at ${f.targets.join(', ')}: ${f.summary}`);
        assert.deepEqual(found, [], `${locale} ${colorScheme}`);
      }
    }
  });
}
