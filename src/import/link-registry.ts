import type { LinkEntry } from '../content/types.ts';

/** The registry as the import sees it: the entries of links.json plus those this run adds. */
export interface Registry {
  links: Record<string, LinkEntry>;
  /** Ids this run added, in order. */
  added: string[];
  /** Ids this run found already registered (by current URL or history). */
  reused: Set<string>;
  /** Every known address (current, then archive and history) by its urlKey, for lookups in constant time. */
  byUrl: Map<string, string>;
}

/** A registry for one import run over a copy of the entries of links.json. */
export function createRegistry(links: Record<string, LinkEntry>): Registry {
  const byUrl = new Map<string, string>();
  const entries = Object.entries(structuredClone(links));
  for (const [id, entry] of entries) if (!byUrl.has(urlKey(entry.url))) byUrl.set(urlKey(entry.url), id);
  for (const [id, entry] of entries) {
    for (const url of [entry.archive, ...(entry.history ?? []).map((h) => h.url)]) {
      if (url && !byUrl.has(urlKey(url))) byUrl.set(urlKey(url), id);
    }
  }
  return { links: Object.fromEntries(entries), added: [], reused: new Set(), byUrl };
}

/**
 * A URL reduced to what identifies the page, so trivial spelling differences still match, e.g.
 * `HTTPS://Docs.Example.com/en-us/a/b/` → `https://docs.example.com/a/b`.
 */
export function urlKey(url: string): string {
  try {
    const u = new URL(url.trim());
    // Docs sites serve one page under many /xx-yy/ locale prefixes; a translation links its own.
    const path = u.pathname.replace(/^\/[a-z]{2}-[a-z]{2,4}(?=\/)/i, '').replace(/\/+$/, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}${u.hash}`;
  } catch {
    return url.trim();
  }
}

/** The id of the entry whose URL, archive or history holds `url`, e.g. an old TechNet address → `technet-7515`. */
export function lookupLink(registry: Registry, url: string): string | undefined {
  return registry.byUrl.get(urlKey(url));
}

/** Lower-case words joined by hyphens, e.g. `7515.FIM Troubleshooting` → `7515-fim-troubleshooting`. */
export function slug(text: string, max = 48): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/**
 * A readable, unused id for a new link, from the last part of its path, e.g.
 * `https://example.test/guides/cooling.html` → `cooling`; prefixed with the site's name when taken.
 */
export function newLinkId(url: string, taken: (id: string) => boolean): string {
  let host = 'link';
  let last = '';
  try {
    const u = new URL(url);
    host = slug(u.hostname.replace(/^www\./, '').split('.')[0] ?? '') || 'link';
    last = slug(u.pathname.split('/').filter(Boolean).pop()?.replace(/\.(aspx?|html?|md|php)$/i, '') ?? '');
  } catch { /* keep the fallbacks */ }
  const candidates = [last, last ? `${host}-${last}` : host].filter(Boolean);
  for (const c of candidates) if (!taken(c)) return c;
  let n = 2;
  while (taken(`${candidates[candidates.length - 1]}-${n}`)) n++;
  return `${candidates[candidates.length - 1]}-${n}`;
}

/** The registry id for `url`: an existing entry when one holds it, otherwise a new entry titled `title`. */
export function registerLink(registry: Registry, url: string, title: string): string {
  const found = lookupLink(registry, url);
  if (found) {
    if (!registry.added.includes(found)) registry.reused.add(found);
    return found;
  }
  const id = newLinkId(url, (c) => c in registry.links);
  registry.links[id] = { url: url.trim(), title: title.trim() || url.trim() };
  registry.added.push(id);
  registry.byUrl.set(urlKey(url), id);
  return id;
}
