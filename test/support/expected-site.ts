import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTranslatedContent } from '../../src/build/prepare-site.ts';
import { kinds } from '../../src/content/kinds.ts';
import { allRecords, textsOf, type SourceRecord } from '../../src/content/records.ts';
import { sourceHash } from '../../src/i18n/source-hash.ts';

/**
 * What tests expect of a site, derived from the data folder it is built from rather than copied
 * from the shipped data, so that following the README's author recipes (a new code, link or
 * step) changes the expectation along with the data.
 */

/** The records of a data folder, read and validated the way the build reads them, and its locales. */
export function contentOf(dataDir: string): { records: SourceRecord[]; locales: string[]; defaultLocale: string } {
  const { content } = loadTranslatedContent(dataDir);
  const site = content.site.value;
  return { records: allRecords(content), locales: site.locales.map((l) => l.code), defaultLocale: site.defaultLocale };
}

/**
 * The HTML files, relative to the output folder and sorted, that a build of `dataDir` writes as
 * the README lays the site out: per locale the home page, one page per article, per catalog and
 * per code, the references page, the lookup page `go/` and the log reader `diagnose/`, the
 * translation status page (when the site has more than one locale) and the 404 page; then the
 * root language page, the root lookup address `go/` and the root 404. With `locale`, only that
 * locale's pages, relative to its folder.
 */
export function expectedPages(dataDir: string, locale?: string): string[] {
  const { records, locales } = contentOf(dataDir);
  const ofLocale = (l: string): string[] => [
    'index.html',
    ...records.flatMap((r) => {
      if (r.kind === 'article') return [`articles/${r.ids[0]}/index.html`];
      if (r.kind === 'catalog') return [`errors/${r.ids[0]}/index.html`];
      if (r.kind === 'code') return [`errors/${r.ids[0]}/${r.ids[1]}/index.html`];
      return [];
    }),
    'references/index.html',
    'go/index.html',
    'diagnose/index.html',
    ...(locales.length > 1 ? ['translation-status/index.html'] : []),
    '404.html',
  ].map((f) => (locale ? f : `${l}/${f}`));
  if (locale) return ofLocale(locale).sort();
  return ['index.html', 'go/index.html', '404.html', ...locales.flatMap(ofLocale)].sort();
}

/** A record's translation in one locale: how it was made, and whether it was made from the current source text. */
export interface Translated {
  method?: string;
  fresh: boolean;
}

/**
 * The records that have a translation in `locale`: those whose overlay (under
 * `translations/<locale>/`, in a file that says how it was made) holds at least one of their
 * translatable fields. The method is the record's own, else the file's `translation.method`;
 * a translation is fresh when its `source` is the hash of the record's current source text.
 */
export function translatedRecords(dataDir: string, locale: string): Map<string, Translated> {
  const out = new Map<string, Translated>();
  const files = new Map<string, Record<string, unknown> | undefined>();
  for (const r of contentOf(dataDir).records) {
    if (!files.has(r.overlayFile)) {
      const file = join(dataDir, 'translations', locale, r.overlayFile);
      files.set(r.overlayFile, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
    }
    const overlay = files.get(r.overlayFile);
    const provenance = overlay?.translation as { method?: string } | undefined;
    let entry: unknown = overlay;
    for (const part of r.overlayPath) entry = (entry as Record<string, unknown> | undefined)?.[part];
    const node = entry as Record<string, unknown> | undefined;
    if (!provenance || !node || !kinds[r.kind].fields.some((f) => typeof node[f] === 'string')) continue;
    out.set(r.key, { method: (node.method as string | undefined) ?? provenance.method, fresh: node.source === sourceHash(textsOf(r)) });
  }
  return out;
}

/** The counts `fieldguide i18n status` reports for `locale`, but lost protected terms: derived from the overlays. */
export function expectedCounts(dataDir: string, locale: string): { total: number; translated: number; stale: number; staleHuman: number; missing: number; machine: number } {
  const total = contentOf(dataDir).records.length;
  const all = [...translatedRecords(dataDir, locale).values()];
  const stale = all.filter((t) => !t.fresh);
  return {
    total, translated: all.length - stale.length, stale: stale.length, staleHuman: stale.filter((t) => t.method !== 'machine').length,
    missing: total - all.length, machine: all.filter((t) => t.method === 'machine').length,
  };
}
