import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listFiles } from './files.ts';
import { fragmentFound, pageFacts, percentDecode, type PageFacts } from './page-facts.ts';

/** A link in the output that does not lead anywhere. */
export interface BrokenLink {
  /** Page path inside the output folder, e.g. `en/index.html`. */
  page: string;
  href: string;
  reason: string;
}


function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href);
}

/**
 * Checks every internal link and `#fragment` in a built site, with no network. Root-absolute
 * links are reported too: they break when the site is served under a sub-path. `only` limits the
 * pages whose links are checked (paths as `en/index.html`), e.g. to those a rebuild wrote.
 */
export function verifyOutput(dir: string, only?: readonly string[], progress?: (done: number, total: number) => void): { pages: number; links: number; broken: BrokenLink[] } {
  const files = listFiles(dir);
  const fileSet = new Set(files);
  // Only the ids of each page are kept, for the fragments that point at it: keeping every page's
  // links as well took gigabytes at 60,000 pages. A page targeted before its turn is read twice.
  const ids = new Map<string, ReadonlySet<string>>();
  const read = (page: string): PageFacts => {
    const f = pageFacts(readFileSync(join(dir, page), 'utf8'));
    // The parser's strings are slices of the page's text and would keep all of it alive: copy them out.
    ids.set(page, f.ids.size ? new Set([...f.ids].join('\u0000').split('\u0000')) : new Set());
    return f;
  };
  const idsOf = (page: string) => ids.get(page) ?? read(page).ids;
  const broken: BrokenLink[] = [];
  let count = 0;
  // A rebuild checks only the pages it wrote, against every file of the site.
  const pages = only ? only.filter((f) => fileSet.has(f)) : files.filter((f) => f.endsWith('.html'));
  for (const [i, page] of pages.entries()) {
    if (progress && i % 250 === 0) progress(i, pages.length);
    for (const href of read(page).links) {
      count++;
      if (isExternal(href) || href.startsWith('//')) continue;
      if (href.startsWith('/')) {
        broken.push({ page, href, reason: 'root-absolute link; pages must link relatively to work under any sub-path' });
        continue;
      }
      const [pathPart, fragment] = splitHref(href);
      let target = pathPart === '' ? page : posix.normalize(posix.join(posix.dirname(page), percentDecode(pathPart)));
      if (target.startsWith('..')) {
        broken.push({ page, href, reason: 'points outside the site' });
        continue;
      }
      if (pathPart.endsWith('/') || target === '.') target = posix.join(target, 'index.html');
      if (!fileSet.has(target)) {
        broken.push({ page, href, reason: fileSet.has(`${target}/index.html`) ? 'links a folder without its trailing "/"' : 'no such page' });
        continue;
      }
      if (fragment !== undefined && target.endsWith('.html') && !fragmentFound(idsOf(target), fragment)) {
        broken.push({ page, href, reason: `no element with id "${fragment}" on ${target}` });
      }
    }
  }
  progress?.(pages.length, pages.length);
  return { pages: pages.length, links: count, broken };
}

/** A relative href's path and fragment, e.g. `a/?q=1#b` → `['a/', 'b']`; no `#` gives an undefined fragment. */
function splitHref(href: string): [string, string | undefined] {
  const noQuery = href.replace(/\?[^#]*/, '');
  const hash = noQuery.indexOf('#');
  return hash < 0 ? [noQuery, undefined] : [noQuery.slice(0, hash), noQuery.slice(hash + 1)];
}
