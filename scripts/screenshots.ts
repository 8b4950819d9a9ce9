/**
 * Takes the README's screenshots from the real build: the article page and a code page. With
 * `--all`, also every page kind on a wide screen, on a 360 px phone (menu closed and open) and in
 * dark colours, to look the layout over before a release.
 * Usage: npm run build && npm run screenshots [-- --site _site --out docs --all]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';

const { values } = parseArgs({
  options: { site: { type: 'string', default: '_site' }, out: { type: 'string', default: 'docs' }, all: { type: 'boolean', default: false } },
});
const site = resolve(values.site!);
const out = resolve(values.out!);

interface Shot {
  page: string;
  file: string;
  width?: number;
  height?: number;
  dark?: boolean;
  fullPage?: boolean;
  /** Opens the site menu before the picture. */
  menu?: boolean;
}

const readme: Shot[] = [
  { page: 'en/articles/configure-mim-sync-service/index.html', file: 'article.png' },
  { page: 'en/errors/mim-run-status/stopped-extension-dll-exception/index.html', file: 'code-page.png' },
];

/** One page of each kind, as found in the build: the first article, catalog and code of the source locale. */
function review(): Shot[] {
  const kinds: [string, string][] = [
    ['home', 'en/index.html'],
    ['article', readme[0].page],
    ['catalog', 'en/errors/mim-object-errors/index.html'],
    ['code', readme[1].page],
    ['references', 'en/references/index.html'],
    ['status', 'en/translation-status/index.html'],
    ['404', 'en/404.html'],
    ['id-code', readme[1].page.replace(/^en\//, 'id/')],
  ];
  return kinds.filter(([, page]) => existsSync(join(site, page))).flatMap(([name, page]) => [
    { page, file: `review-${name}-wide.png`, width: 1440, height: 900 },
    { page, file: `review-${name}-phone.png`, width: 360, height: 780 },
    { page, file: `review-${name}-dark.png`, width: 1000, height: 900, dark: true },
    ...(name === 'article' ? [{ page, file: `review-${name}-phone-menu.png`, width: 360, height: 780, menu: true }] : []),
  ]);
}

if (!existsSync(join(site, readme[0].page))) {
  console.error(`screenshots: ${join(site, readme[0].page)} not found; run 'npm run build' first`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const shot of [...readme, ...(values.all ? review() : [])]) {
    const page = await browser.newPage({ viewport: { width: shot.width ?? 1000, height: shot.height ?? 900 }, colorScheme: shot.dark ? 'dark' : 'light' });
    await page.goto(pathToFileURL(join(site, shot.page)).href);
    if (shot.menu) await page.locator('.site-menu > summary').click();
    await page.screenshot({ path: join(out, shot.file), fullPage: shot.fullPage ?? false });
    await page.close();
    console.log(`wrote ${join(values.out!, shot.file)}`);
  }
} finally {
  await browser.close();
}
