/**
 * Takes the README's screenshots from the real build: the article page and a code page.
 * Usage: npm run build && npm run screenshots [-- --site _site --out docs]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: '_site' }, out: { type: 'string', default: 'docs' } } });
const site = resolve(values.site!);
const out = resolve(values.out!);
const shots = [
  { page: 'en/articles/configure-mim-sync-service/index.html', file: 'article.png' },
  { page: 'en/errors/mim-run-status/stopped-extension-dll-exception/index.html', file: 'code-page.png' },
];
if (!existsSync(join(site, shots[0].page))) {
  console.error(`screenshots: ${join(site, shots[0].page)} not found; run 'npm run build' first`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: 'light' });
  for (const shot of shots) {
    await page.goto(pathToFileURL(join(site, shot.page)).href);
    await page.screenshot({ path: join(out, shot.file) });
    console.log(`wrote ${join(values.out!, shot.file)}`);
  }
} finally {
  await browser.close();
}
