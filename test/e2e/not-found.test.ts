import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { fixture, root, tempDir } from '../support/helpers.ts';
import { startNginx } from '../support/nginx.ts';
import { builtSite } from '../support/site-cache.ts';
import { serveFolder } from '../support/static-server.ts';

/**
 * The "page not found" page as readers meet it: at a missing address of any depth, behind the
 * shipped nginx recipe (no rewriting of the page), a plain server told to show `404.html`, and
 * `fieldguide serve`. It must say 404, look like the site, lead only to pages that exist, and,
 * without JavaScript, still be styled and say what to do.
 */

const tmp = tempDir('fieldguide-404-');
let shipped: string;
let rtl: string;
let browser: Browser;
let nginx: Awaited<ReturnType<typeof startNginx>>;
let nginxRtl: Awaited<ReturnType<typeof startNginx>>;
let plain: Awaited<ReturnType<typeof serveFolder>>;

before(async () => {
  shipped = builtSite();
  rtl = builtSite(fixture('rtl-product'));
  nginx = await startNginx(shipped);
  nginxRtl = await startNginx(rtl);
  plain = await serveFolder(shipped, '/docs/', { notFound: '404.html' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
  await nginxRtl?.stop();
  await plain?.close();
  tmp.cleanup();
});

interface Seen {
  status: number;
  lang: string;
  dir: string;
  h1: string;
  /** The body's font, which only the site's stylesheet sets. */
  font: string;
  skipLink: string;
  /** The text telling readers what to do when the links cannot be trusted, if shown. */
  fallback: string;
  /** Every link, stylesheet, icon and script of the page, as the browser resolved them. */
  links: string[];
  /** Requests that failed or answered 400 or more, the page itself apart. */
  failed: string[];
  /** What a Content-Security-Policy refused. */
  refused: string[];
}

/** Opens a missing address in Chromium as a reader would, waits until the page has settled, and reports what it shows. */
async function visit(url: string, javaScript = true): Promise<Seen> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const failed: string[] = [];
  const refused: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400 && r.url() !== url) failed.push(`${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  try {
    const response = await page.goto(url);
    if (javaScript) await page.locator('[data-unlocated]').waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    const facts = await page.evaluate(() => {
      const here = location.href.split('#')[0];
      const fallback = document.querySelector('[data-unlocated]') as HTMLElement | null;
      const links = [
        ...[...document.querySelectorAll('a[href], link[href]')].map((e) => (e as HTMLAnchorElement).href),
        ...[...document.querySelectorAll('script[src]')].map((e) => (e as HTMLScriptElement).src),
      ];
      return {
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        h1: document.querySelector('h1')?.textContent ?? '',
        font: getComputedStyle(document.body).fontFamily,
        skipLink: getComputedStyle(document.querySelector('.skip-link')!).position,
        fallback: fallback && !fallback.hidden ? fallback.innerText : '',
        // The page's own fragments (the skip link) point at the page itself.
        links: [...new Set(links)].filter((l) => l.split('#')[0] !== here),
      };
    });
    return { status: response?.status() ?? 0, ...facts, failed, refused };
  } finally {
    await context.close();
  }
}

/** The links of a page that do not answer 200. */
async function deadLinks(links: string[]): Promise<string[]> {
  const dead: string[] = [];
  for (const link of links) {
    const r = await fetch(link);
    if (r.status !== 200) dead.push(`${r.status} ${link}`);
  }
  return dead;
}

/** Asserts the page is the site's styled 404 page in `lang`, with every link alive and nothing refused. */
async function assertWorking(seen: Seen, where: string, lang: string, title: string, dir = 'ltr'): Promise<void> {
  assert.equal(seen.status, 404, where);
  assert.deepEqual([seen.lang, seen.dir, seen.h1], [lang, dir, title], where);
  assert.match(seen.font, /^system-ui,/, `${where}: the site's stylesheet applies`);
  assert.equal(seen.skipLink, 'absolute', where);
  assert.equal(seen.fallback, '', `${where}: the links were pointed at the site, so the page stops saying they may lead nowhere`);
  assert.ok(seen.links.some((l) => l.endsWith(`/${lang}/`)), `${where}: links to the home page: ${seen.links.join(' ')}`);
  assert.ok(seen.links.some((l) => l.endsWith('/assets/favicon.svg')), `${where}: has the icon`);
  assert.deepEqual(await deadLinks(seen.links), [], `${where}: every link leads to a page`);
  assert.deepEqual(seen.refused, [], `${where}: the Content-Security-Policy allows the inline style and script`);
}

test('behind the nginx recipe under /kb/, with no rewriting, a missing address at any depth gets a styled 404 page whose links all work', async () => {
  const kb = `${nginx.origin}/kb/`;
  const en = await visit(`${kb}en/errors/mim-run-status/stoped-server/`);
  await assertWorking(en, 'en at depth 3', 'en', 'Page not found');
  assert.deepEqual(en.failed, [], 'nothing else fails to load');
  assert.ok(en.links.every((l) => l.startsWith(kb)), en.links.join(' '));

  // Under a language folder nginx shows that language's own 404 page.
  const id = await visit(`${kb}id/errors/mim-run-status/stoped-server/lagi/`);
  await assertWorking(id, 'id at depth 4', 'id', 'Halaman tidak ditemukan');
  assert.deepEqual(id.failed, []);
  assert.ok(id.links.includes(`${kb}id/`) && id.links.includes(`${kb}en/404.html`), id.links.join(' '));

  // With no language in the address the page tries each folder, nearest first, until it finds the site.
  const none = await visit(`${kb}old/docs/sync/`);
  await assertWorking(none, 'no locale, depth 3', 'en', 'Page not found');
  const failedPaths = [...new Set(none.failed.map((f) => new URL(f.split(' ')[1]).pathname))].sort();
  assert.deepEqual(failedPaths, ['/kb/old/assets/site.css', '/kb/old/docs/assets/site.css', '/kb/old/docs/sync/assets/site.css'], 'only the wrong guesses fail');
});

test('behind nginx, without JavaScript, the 404 page is still styled and says what to do', async () => {
  const seen = await visit(`${nginx.origin}/kb/en/errors/mim-run-status/stoped-server/`, false);
  assert.equal(seen.status, 404);
  assert.equal(seen.h1, 'Page not found');
  assert.match(seen.font, /^system-ui,/, 'the inline stylesheet applies');
  assert.match(seen.fallback, /^If these links lead nowhere, .* shorten the address in the address bar to the part before “\/en\/”/);
  assert.deepEqual(seen.refused, []);
});

test('behind nginx, a right-to-left site shows its Hebrew 404 page under /he/, right to left, with working links', async () => {
  const he = await visit(`${nginxRtl.origin}/kb/he/errors/harbor-codes/no-such-code/more/`);
  await assertWorking(he, 'he at depth 4', 'he', 'הדף לא נמצא', 'rtl');
  assert.deepEqual(he.failed, []);
});

test('behind a plain server that shows 404.html for any missing address, under /docs/, the page works at any depth', async () => {
  for (const path of ['en/articles/configure-mim-sync-service/no-such-step/', 'id/errors/a/b/c/', 'x/y/']) {
    const seen = await visit(`${plain.url}${path}`);
    await assertWorking(seen, path, 'en', 'Page not found');
    assert.ok(seen.links.every((l) => l.startsWith(plain.url)), seen.links.join(' '));
  }
  const still = await visit(`${plain.url}en/errors/x/y/z/`, false);
  assert.equal(still.status, 404);
  assert.match(still.font, /^system-ui,/);
  assert.match(still.fallback, /shorten the address/);
});

/** `fieldguide serve` of a data folder on a free port; resolves once it answers. */
async function startServe(data: string, out: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/fieldguide.js'), 'serve', '--data', data, '--out', out, '--port', String(port)]);
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${origin}/en/`).then((r) => r.ok, () => false);
    if (ok) return { origin, child };
    if (child.exitCode !== null || Date.now() > until) {
      child.kill();
      throw new Error(`fieldguide serve did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('under fieldguide serve, a missing address gets its language\'s 404 page with status 404, styled, with working links', async () => {
  const { origin, child } = await startServe(fixture('rtl-product'), join(tmp.dir, 'served'));
  try {
    const he = await visit(`${origin}/he/errors/harbor-codes/no-such-code/more/`);
    await assertWorking(he, 'serve, he at depth 4', 'he', 'הדף לא נמצא', 'rtl');
    const en = await visit(`${origin}/en/articles/restore-gateway/no-such-step/`);
    await assertWorking(en, 'serve, en at depth 3', 'en', 'Page not found');
    const none = await visit(`${origin}/nowhere/at/all/`);
    await assertWorking(none, 'serve, no locale', 'en', 'Page not found');
    assert.deepEqual(en.failed, []);
    assert.deepEqual(he.failed, []);
  } finally {
    child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
  }
});

test('the README\'s recipe prints the hashes of the 404 pages\' inline script and stylesheet, which deploy/nginx.conf allows', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Content-Security-Policy.**'));
  const recipe = /```sh\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  assert.ok(recipe.includes('_site/assets/not-found.js'), 'the README shows the commands');
  // Run as written, beside a built site called _site.
  const cwd = join(tmp.dir, 'readme');
  mkdirSync(cwd);
  symlinkSync(shipped, join(cwd, '_site'));
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', recipe], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [script, style] = r.stdout.trim().split('\n');
  const page = readFileSync(join(shipped, 'en/404.html'), 'utf8');
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  assert.equal(script, hash(/<script data-locales[^>]*>([\s\S]*?)<\/script>/.exec(page)![1]), 'the hash of the inline script');
  assert.equal(style, hash(/<style>([\s\S]*?)<\/style>/.exec(page)![1]), 'the hash of the inline stylesheet');
  const policy = /add_header Content-Security-Policy "([^"]*)"/.exec(readFileSync(join(root, 'deploy/nginx.conf'), 'utf8'))![1];
  assert.match(policy, new RegExp(`script-src [^;]*${escapeRe(script)}`));
  assert.match(policy, new RegExp(`style-src [^;]*${escapeRe(style)}`));
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
