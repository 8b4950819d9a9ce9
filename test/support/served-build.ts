import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
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
}

/**
 * Registers hooks that build the site (the shipped data, or the folder `data` returns after
 * writing it) or take its build from an earlier test file, serve it and launch Chromium before the
 * file's tests, and close all of it after.
 */
export function servedBuild(opts: { tmpPrefix?: string; data?: (tmpDir: string) => string } = {}): ServedBuild {
  const tmp = tempDir(opts.tmpPrefix);
  let out: string | undefined;
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  before(async () => {
    out = builtSite(opts.data?.(tmp.dir));
    browser = await launchChromium();
    server = await serveFolder(out, '/kb/');
  });
  after(async () => {
    await browser?.close();
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
  };
}
