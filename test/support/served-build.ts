import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { tempDir } from './helpers.ts';
import { builtSite } from './site-cache.ts';
import { serveFolder } from './static-server.ts';

/** A site built once for a test file, served under `/kb/` on 127.0.0.1, with one headless Chromium. */
export interface ServedBuild {
  tmp: ReturnType<typeof tempDir>;
  /** The built site: shared by the test files that build the same data (test/support/site-cache.ts); read-only. */
  readonly out: string;
  readonly browser: Browser;
  /** The site's address, ending in `/kb/`. */
  readonly url: string;
  /**
   * Opens a page of the site (a path under `/kb/`) in the file's one reused tab, at a viewport and
   * colour scheme, with the site's storage cleared, and checks it answered 200. A fresh Chromium
   * page costs a new context and renderer (about 0.75 s here); a navigation in a kept tab about
   * 0.2 s. Tests that listen to a page's events or need other context options make their own.
   */
  open(path: string, opts?: OpenOptions): Promise<Page>;
}

/** How `open` shows a page: Playwright's default desktop viewport and light colours unless told. */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** The test file's one Chromium, launched by the first served site and closed after the last: a launch costs about a second. */
let chromium: { browser: Promise<Browser>; users: number } | undefined;

function takeChromium(): Promise<Browser> {
  chromium ??= { browser: launchChromium(), users: 0 };
  chromium.users++;
  return chromium.browser;
}

async function releaseChromium(): Promise<void> {
  if (!chromium || --chromium.users > 0) return;
  const { browser } = chromium;
  chromium = undefined;
  await (await browser).close();
}

/**
 * Registers hooks that build the site (the shipped data, or the folder `data` returns after
 * writing it) or take its build from an earlier test file, serve it and start (or share) the file's
 * Chromium before the file's tests, and close all of it after.
 */
export function servedBuild(opts: { tmpPrefix?: string; data?: (tmpDir: string) => string } = {}): ServedBuild {
  const tmp = tempDir(opts.tmpPrefix);
  let out: string | undefined;
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  let tab: Page | undefined;
  before(async () => {
    out = builtSite(opts.data?.(tmp.dir));
    browser = await takeChromium();
    server = await serveFolder(out, '/kb/');
  });
  after(async () => {
    if (browser) await releaseChromium();
    await server?.close();
    tmp.cleanup();
  });
  return {
    tmp,
    get out() {
      assert.ok(out, 'the site is built in the before hook');
      return out;
    },
    get browser() {
      assert.ok(browser, 'Chromium starts in the before hook');
      return browser;
    },
    get url() {
      assert.ok(server, 'the server starts in the before hook');
      return server.url;
    },
    async open(path, opts = {}) {
      assert.ok(browser && server, 'the site is served in the before hook');
      tab ??= await browser.newPage();
      const target = `${server.url}${path}`;
      if (tab.url().startsWith(server.url)) {
        // What one test chose (a language, say) must not follow the next into its page.
        await tab.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
        // The same address but for its #fragment would only scroll the kept page: load it afresh.
        if (tab.url().split('#')[0] === target.split('#')[0]) await tab.goto('about:blank');
      }
      await tab.setViewportSize(opts.viewport ?? { width: 1280, height: 720 });
      await tab.emulateMedia({ colorScheme: opts.colorScheme ?? 'light' });
      const response = await tab.goto(target);
      assert.equal(response?.status(), 200, path);
      return tab;
    },
  };
}
