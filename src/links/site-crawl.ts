import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { listFiles, pageFacts, verifyOutput } from '../build/verify-output.ts';
import { serveSite } from './site-server.ts';

/** A broken link inside the built site. */
export interface InternalProblem {
  /** Root-absolute page that holds the link, e.g. `/en/articles/x/`. */
  page: string;
  /** The file of that page inside the site folder, e.g. `en/articles/x/index.html`. */
  file: string;
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

/** External links of every page, read from the files so each URL knows all of its pages. */
function externalLinks(siteDir: string, files: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    for (const href of pageFacts(readFileSync(join(siteDir, file), 'utf8')).links) {
      if (!/^https?:\/\//i.test(href)) continue;
      let set = out.get(href);
      if (!set) out.set(href, (set = new Set()));
      set.add(pageUrl(file));
    }
  }
  return out;
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
  const verified = verifyOutput(siteDir);
  const broken: InternalProblem[] = verified.broken.map((b) => ({ page: pageUrl(b.page), file: b.page, href: b.href, reason: b.reason }));
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
    const seen = new Set(broken.map((b) => b.href));
    for (const link of result.links) {
      if (!inside(link.url)) continue;
      checked++;
      if (link.state !== LinkState.BROKEN) continue;
      const path = link.url.slice(server.origin.length);
      const parent = link.parent?.startsWith(server.origin) ? link.parent.slice(server.origin.length + 1) : '';
      if (seen.has(path)) continue;
      seen.add(path);
      broken.push({ page: pageUrl(parent), file: parent, href: path, reason: `${link.status || 'no'} response from the built site` });
    }
  } finally {
    await server.close();
  }
  return { external: externalLinks(siteDir, pages), internal: { checked, broken }, pages: pages.length };
}
