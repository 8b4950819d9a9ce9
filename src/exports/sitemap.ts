import type { Page, PageKind } from '../model/types.ts';
import { fromRoot } from '../model/urls.ts';

/** A file the build writes beside the pages, e.g. `sitemap.xml`. */
export interface OutputFile {
  /** Relative to the output folder, e.g. `en/codes.json`. */
  outputPath: string;
  body: string;
}

/** Pages that are not content to index: the language chooser, the not-found pages and the lookup redirector. */
const unlisted = new Set<PageKind>(['root', 'notFound', 'go']);

/** The sitemap protocol's limit of addresses per file. */
export const sitemapLimit = 50_000;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** One `<url>` with its language alternates (`hreflang`, and `x-default` for readers of other languages). */
function entry(page: Page, root: string): string {
  const loc = new URL(fromRoot(page.url), root).href;
  const alternates = [
    ...page.alternates.map((a) => ({ lang: a.locale, href: new URL(a.href, loc).href })),
    ...(page.xDefault ? [{ lang: 'x-default', href: new URL(page.xDefault, loc).href }] : []),
  ];
  const links = alternates.map((a) => `\n    <xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${escapeXml(a.href)}"/>`).join('');
  return `  <url>\n    <loc>${escapeXml(loc)}</loc>${links}\n  </url>`;
}

const head = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * `sitemap.xml` for a site whose public root is `root` (ending in `/`): every content page in
 * every locale, each with its alternates. Over the protocol's 50,000 addresses it becomes an index
 * of `sitemap-1.xml`, `sitemap-2.xml`, ….
 */
export function sitemapFiles(pages: Page[], root: string, limit = sitemapLimit): OutputFile[] {
  const entries = pages.filter((p) => !unlisted.has(p.kind)).map((p) => entry(p, root));
  const urlset = (list: string[]) =>
    `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${list.join('\n')}\n</urlset>\n`;
  if (entries.length <= limit) return [{ outputPath: 'sitemap.xml', body: urlset(entries) }];
  const parts: OutputFile[] = [];
  for (let i = 0; i < entries.length; i += limit) parts.push({ outputPath: `sitemap-${parts.length + 1}.xml`, body: urlset(entries.slice(i, i + limit)) });
  const index = parts.map((p) => `  <sitemap>\n    <loc>${escapeXml(new URL(p.outputPath, root).href)}</loc>\n  </sitemap>`).join('\n');
  return [{ outputPath: 'sitemap.xml', body: `${head}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}\n</sitemapindex>\n` }, ...parts];
}
