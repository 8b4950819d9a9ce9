/**
 * Measures what search costs, on a site built with `npm run build` (_site/ and dist/site.zip):
 * index size per language, what a first query downloads, the zip's size, the article page's
 * weight before search, and how the search box ranks a few queries. Run: npm run -s measure
 * Ranking only, of any built site: npm run -s measure -- --ranking SITE [QUERY[=CODE] ...]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { gzipSize, pageWeightBudgetBytes } from './lib/page-weight.ts';
import { rankingLine, shippedQueries, type RankingQuery } from './lib/search-ranking.ts';
import { folderBytes } from '../src/search/index-site.ts';
import { serveFolder } from '../test/support/static-server.ts';

if (process.argv[2] === '--ranking') {
  const [dir, ...asked] = process.argv.slice(3);
  const queries: RankingQuery[] = asked.length ? asked.map((a) => ({ query: a.split('=')[0], target: a.split('=')[1] })) : shippedQueries;
  const server = await serveFolder(dir ?? '_site', '/kb/');
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${server.url}en/`);
  for (const q of queries) console.log(`ranking ${await rankingLine(page, q)}`);
  await browser.close();
  await server.close();
  process.exit(0);
}
const site = process.argv[2] ?? '_site';
const zip = process.argv[3] ?? 'dist/site.zip';
if (!existsSync(join(site, 'pagefind')) || !existsSync(zip)) {
  console.error(`measure: needs ${site}/pagefind and ${zip}; run 'npm run build' first`);
  process.exit(1);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pf = join(site, 'pagefind');
const indexOf = (lang: string) => {
  let total = 0;
  for (const entry of readdirSync(pf, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && (entry.name.startsWith(`${lang}_`) || entry.name.startsWith(`pagefind.${lang}_`))) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
};
console.log(`search index (${pf}): ${kb(folderBytes(pf))} in all, of which index data en ${kb(indexOf('en'))}, id ${kb(indexOf('id'))} (the rest is Pagefind's code and WebAssembly)`);
console.log(`offline zip (${zip}): ${kb(statSync(zip).size)}`);

const server = await serveFolder(site, '/kb/');
const browser = await launchChromium();
const context = await browser.newContext();
const page = await context.newPage();
const sizes = new Map<string, number>();
context.on('requestfinished', async (r) => {
  const body = await (await r.response())?.body().catch(() => undefined);
  if (body) sizes.set(r.url(), body.length);
});
await page.goto(`${server.url}en/articles/configure-mim-sync-service/`);
await page.waitForLoadState('networkidle');
const before = [...sizes.keys()].map((u) => new URL(u).pathname.replace(/^\/kb\//, '').replace(/\/$/, '/index.html'));
const weight = before.reduce((n, f) => n + gzipSize(join(site, f)), 0);
console.log(`article page before search: ${before.length} files (${before.join(', ')}), ${kb(weight)} gzip; budget ${kb(pageWeightBudgetBytes)}`);
sizes.clear();
await page.keyboard.press('/');
await page.waitForFunction(() => 'fieldguideCodeLists' in window && 'fastestLevenshtein' in window && 'fieldguideCodeFinder' in window);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(200);
const opened = [...sizes.entries()].filter(([u]) => !before.includes(new URL(u).pathname.replace(/^\/kb\//, '')));
const finder = opened.reduce((n, [u]) => n + gzipSize(join(site, new URL(u).pathname.replace(/^\/kb\//, ''))), 0);
console.log(`opening search: ${opened.length} requests (${opened.map(([u]) => new URL(u).pathname.replace(/^\/kb\//, '')).join(', ')}), ${kb(finder)} gzip`);
sizes.clear();
await page.keyboard.type('stopped-extension-dll-exception');
await page.locator('#fg-search-results li').first().waitFor();
await page.waitForLoadState('networkidle');
const query = [...sizes.entries()];
const js = query.filter(([u]) => u.endsWith('.js')).reduce((n, [u]) => n + gzipSize(join(site, new URL(u).pathname.replace(/^\/kb\//, ''))), 0);
const data = query.filter(([u]) => !u.endsWith('.js')).reduce((n, [, s]) => n + s, 0);
console.log(`first query "stopped-extension-dll-exception": ${query.length} requests, ${kb(js + data)} (Pagefind scripts ${kb(js)} gzip + WebAssembly and index ${kb(data)}, already compressed)`);
for (const q of shippedQueries) console.log(`ranking ${await rankingLine(page, q)}`);
await browser.close();
await server.close();
