import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { runCli, tempDir } from './helpers.ts';
import { serveFolder } from './static-server.ts';

/** A site built once for a test file, served under `/kb/` on 127.0.0.1, with one headless Chromium. */
export interface ServedBuild {
  tmp: ReturnType<typeof tempDir>;
  out: string;
  readonly browser: Browser;
  /** The site's address, ending in `/kb/`. */
  readonly url: string;
}

/**
 * Registers hooks that build the site (the shipped data, or the folder `data` returns after
 * writing it), serve it and launch Chromium before the file's tests, and close all of it after.
 */
export function servedBuild(opts: { tmpPrefix?: string; data?: (tmpDir: string) => string } = {}): ServedBuild {
  const tmp = tempDir(opts.tmpPrefix);
  const out = join(tmp.dir, 'site');
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  before(async () => {
    const data = opts.data ? ['--data', opts.data(tmp.dir)] : [];
    const r = runCli(['build', ...data, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
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
    out,
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
