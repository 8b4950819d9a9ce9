import type { TFunction } from 'i18next';
import { loadTranslatedContent } from '../../src/build/prepare-site.ts';
import { createI18n, siteDictionaries } from '../../src/i18n/create-i18n.ts';
import type { Catalog, ErrorCode, Step } from '../../src/content/types.ts';

/** What a data folder holds that page-level tests need, read the way the build reads it. */
export interface SiteData {
  locales: { code: string; dir: 'ltr' | 'rtl' }[];
  defaultLocale: string;
  articles: { id: string; steps: Step[] }[];
  catalogs: Catalog[];
  /** The UI strings of a locale, as the build translates them. */
  t: (locale: string) => TFunction;
}

/** The articles, catalogs, locales and UI strings of a data folder. */
export function siteData(dataDir: string): SiteData {
  const { content, overlays } = loadTranslatedContent(dataDir);
  const site = content.site.value;
  const i18n = createI18n(site.defaultLocale, siteDictionaries(overlays));
  return {
    locales: site.locales.map((l) => ({ code: l.code, dir: l.dir ?? 'ltr' })),
    defaultLocale: site.defaultLocale,
    articles: content.articles.map((a) => ({ id: a.value.id, steps: a.value.steps })),
    catalogs: content.catalogs.map((c) => c.value),
    t: i18n.t,
  };
}

/** One page of every kind in a locale, as paths under the site root: each article and catalog, the first code of each catalog. */
export function pageKinds(data: SiteData, locale: string): { kind: string; path: string }[] {
  return [
    { kind: 'home', path: `${locale}/` },
    ...data.articles.map((a) => ({ kind: 'article', path: `${locale}/articles/${a.id}/` })),
    ...data.catalogs.map((c) => ({ kind: c.phases ? 'catalog with phases' : 'catalog', path: `${locale}/errors/${c.id}/` })),
    ...data.catalogs.map((c) => ({ kind: 'code', path: `${locale}/errors/${c.id}/${c.codes[0].code}/` })),
    { kind: 'references', path: `${locale}/references/` },
    ...(data.locales.length > 1 ? [{ kind: 'translation status', path: `${locale}/translation-status/` }] : []),
    { kind: '404', path: `${locale}/404.html` },
  ];
}

/** The ids a catalog's rows carry: the code, or `<phase>/<code>` under each phase in a catalog with phases. */
export function rowIds(catalog: Catalog): string[] {
  if (!catalog.phases) return catalog.codes.map((c) => c.code);
  return catalog.phases.flatMap((p) => catalog.codes.filter((c) => c.phases?.includes(p.id)).map((c) => `${p.id}/${c.code}`));
}

/** A code's "last updated" date: its own, else its catalog's. */
export const codeUpdated = (catalog: Catalog, code: ErrorCode): string | undefined => code.updated ?? catalog.updated;

/** A YYYY-MM-DD date as a locale writes it in full, e.g. `November 26, 2026`. */
export function longDate(locale: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
