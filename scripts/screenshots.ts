/**
 * Takes the README's screenshots from the real build, opened from disk as the offline zip is:
 * the article and a code page at desktop width, a code page on a phone, dark mode, and search open.
 * Usage: npm run build && npm run screenshots [-- --zip dist/site.zip --out docs]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';

const { values } = parseArgs({ options: { zip: { type: 'string', default: 'dist/site.zip' }, out: { type: 'string', default: 'docs' } } });
const zip = resolve(values.zip!);
const out = resolve(values.out!);
const article = 'en/articles/configure-mim-sync-service/index.html';
const code = 'en/errors/mim-run-status/stopped-extension-dll-exception/index.html';

/** Opens the search from the keyboard, as a reader would, and types a code with a typo. */
async function openSearch(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type('stoped-server', { delay: 20 });
  await page.waitForTimeout(1500);
}

const shots: { page: string; file: string; width: number; height: number; dark?: boolean; act?: (page: Page) => Promise<void> }[] = [
  { page: article, file: 'article.png', width: 1280, height: 860 },
  { page: code, file: 'code-page.png', width: 1280, height: 860 },
  { page: code, file: 'phone.png', width: 360, height: 780 },
  { page: article, file: 'dark.png', width: 1280, height: 860, dark: true },
  { page: code, file: 'search.png', width: 1280, height: 860, act: openSearch },
];
if (!existsSync(zip)) {
  console.error(`screenshots: ${values.zip} not found; run 'npm run build' first`);
  process.exit(1);
}
const unpacked = mkdtempSync(join(tmpdir(), 'fieldguide-shots-'));
execFileSync('unzip', ['-q', zip, '-d', unpacked]);
const site = join(unpacked, 'site');
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.dark ? 'dark' : 'light' });
    await page.goto(pathToFileURL(join(site, shot.page)).href);
    await shot.act?.(page);
    await page.screenshot({ path: join(out, shot.file) });
    await page.close();
    console.log(`wrote ${join(values.out!, shot.file)}`);
  }
} finally {
  await browser.close();
  rmSync(unpacked, { recursive: true, force: true });
}
