/**
 * Where the page heading starts on a phone: the top of each page kind's <h1> at 360 × 780 px, and
 * whether anything scrolls sideways, in every locale of a built site.
 * Usage: npm run build && npm run -s measure:header [-- --site _site --width 360 --height 780]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { serveFolder } from '../test/support/static-server.ts';

const { values } = parseArgs({
  options: { site: { type: 'string', default: '_site' }, width: { type: 'string', default: '360' }, height: { type: 'string', default: '780' } },
});
const site = resolve(values.site!);
if (!existsSync(join(site, 'index.html'))) {
  console.error(`measure-header: ${site}/index.html not found; run 'npm run build' first`);
  process.exit(1);
}

/** Folders inside `dir`, sorted, or none. */
const folders = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

/** One page of each kind in a locale's folder, found from what the build wrote. */
function pagesOf(locale: string): [string, string][] {
  const at = join(site, locale);
  const article = folders(join(at, 'articles'))[0];
  const catalogs = folders(join(at, 'errors'));
  const withCodes = catalogs.find((c) => folders(join(at, 'errors', c)).length > 0);
  const out: [string, string][] = [['home', `${locale}/`]];
  if (article) out.push(['article', `${locale}/articles/${article}/`]);
  for (const c of catalogs) out.push([`catalog ${c}`, `${locale}/errors/${c}/`]);
  if (withCodes) out.push(['code', `${locale}/errors/${withCodes}/${folders(join(at, 'errors', withCodes))[0]}/`]);
  out.push(['references', `${locale}/references/`]);
  if (existsSync(join(at, 'translation-status'))) out.push(['translation status', `${locale}/translation-status/`]);
  out.push(['404', `${locale}/404.html`]);
  return out;
}

const locales = folders(site).filter((f) => existsSync(join(site, f, 'index.html')) && existsSync(join(site, f, 'references')));
const server = await serveFolder(site, '/kb/');
const browser = await launchChromium();
try {
  const viewport = { width: Number(values.width), height: Number(values.height) };
  const page = await browser.newPage({ viewport });
  // The root page sends a reader with JavaScript on to a language; without it, it shows its language list.
  const noScript = await browser.newContext({ viewport, javaScriptEnabled: false });
  const rows: [string, string, number, number][] = [];
  for (const [kind, path] of [['root', ''] as [string, string], ...locales.flatMap(pagesOf)]) {
    const tab = path ? page : await noScript.newPage();
    await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
    const [top, scroll] = await tab.evaluate(
      '[Math.round(document.querySelector("h1").getBoundingClientRect().top + scrollY), document.documentElement.scrollWidth]',
    ) as [number, number];
    rows.push([kind, path || '/', top, scroll]);
  }
  console.log(`h1 top at ${values.width} × ${values.height} px (px from the top of the page; scrollWidth)`);
  for (const [kind, path, top, scroll] of rows) console.log(`${String(top).padStart(5)}  ${String(scroll).padStart(5)}  ${kind.padEnd(32)} ${path}`);
} finally {
  await browser.close();
  await server.close();
}
