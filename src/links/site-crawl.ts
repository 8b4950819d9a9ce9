import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { listFiles } from '../core/files.ts';
import { pageFacts } from '../core/page-facts.ts';
import { verifyOutput } from '../core/verify-output.ts';
import { parseUrl } from './parse.ts';
import { serveSite } from './site-server.ts';

/** A broken link inside the built site: one finding, however many pages have it. */
export interface InternalProblem {
  /** Root-absolute pages that hold the link, sorted, e.g. `['/en/', '/en/articles/x/']`. */
  pages: string[];
  /** The target as a root-absolute address, e.g. `/en/missing/` or `/en/x/#step`; root-absolute hrefs as written. */
  href: string;
  reason: string;
}

export interface SiteLinks {
  /** External http(s) URLs and the pages that link them. */
  external: Map<string, Set<string>>;
  internal: { checked: number; broken: InternalProblem[] };
  pages: number;
}

/** The address a page file is served at, e.g. `en/x/index.html` → `/en/x/`, `404.html` → `/404.html`. */
export const pageUrl = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * The URL an external href requests, or undefined for an internal one: `http(s)://…` as written,
 * and a protocol-relative `//host/path` resolved against the page as the check serves it (http:).
 */
export function externalUrl(href: string): string | undefined {
  if (/^https?:/i.test(href)) return href;
  if (/^[\\/]{2}[^\\/]/.test(href)) return `http:${href}`;
  return undefined;
}

/** External links of every page, read from the files so each URL knows all of its pages. */
function externalLinks(siteDir: string, files: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    for (const href of pageFacts(readFileSync(join(siteDir, file), 'utf8')).links) {
      const url = externalUrl(href);
      if (!url) continue;
      let set = out.get(url);
      if (!set) out.set(url, (set = new Set()));
      set.add(pageUrl(file));
    }
  }
  return out;
}

/** Where a relative href of a page leads, as a root-absolute address, e.g. (`en/a/index.html`, `../x/#s`) → `/en/x/#s`. */
export function internalTarget(file: string, href: string): string {
  if (href.startsWith('/')) return href;
  const parsed = parseUrl(href, `http://site/${file}`);
  return 'url' in parsed ? parsed.url.href.slice('http://site'.length).replace(/\?[^#]*/, '') : href;
}

/** Adds a page to the finding for its target, creating it on first sight. */
function note(found: Map<string, InternalProblem>, target: string, page: string, reason: string): void {
  const known = found.get(target);
  if (!known) found.set(target, { pages: [page], href: target, reason });
  else if (!known.pages.includes(page)) known.pages = [...known.pages, page].sort();
}

/**
 * Crawls the built site with linkinator over a loopback server (every internal link and
 * stylesheet reference, as a web server answers them) and checks every `#fragment` from the files.
 * Fragments are read from the files because linkinator 7.6 validates a fragment only when the
 * linking page happens to be parsed before the target page is fetched.
 */
export async function crawlSite(siteDir: string, opts: { concurrency: number; timeout: number; userAgent: string }): Promise<SiteLinks> {
  const files = listFiles(siteDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const found = new Map<string, InternalProblem>();
  for (const b of verifyOutput(siteDir).broken) note(found, internalTarget(b.page, b.href), pageUrl(b.page), b.reason);
  const server = await serveSite(siteDir);
  let checked = 0;
  try {
    const inside = (url: string) => url.startsWith(`${server.origin}/`);
    const result = await new LinkChecker().check({
      path: pages.map((p) => `${server.origin}/${p}`),
      recurse: true,
      checkCss: true,
      timeout: opts.timeout,
      concurrency: opts.concurrency,
      userAgent: opts.userAgent,
      // External URLs are checked by our engine (per-host limits, redirect records, Retry-After).
      linksToSkip: async (url) => !inside(url),
    });
    for (const link of result.links) {
      if (!inside(link.url)) continue;
      checked++;
      if (link.state !== LinkState.BROKEN) continue;
      const parent = link.parent?.startsWith(server.origin) ? link.parent.slice(server.origin.length + 1) : '';
      // The file check has usually found it already, on every page: the crawl only adds its page.
      note(found, link.url.slice(server.origin.length).replace(/\?[^#]*/, ''), pageUrl(parent), `${link.status || 'no'} response from the built site`);
    }
  } finally {
    await server.close();
  }
  return { external: externalLinks(siteDir, pages), internal: { checked, broken: [...found.values()] }, pages: pages.length };
}
