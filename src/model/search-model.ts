import type { TFunction } from 'i18next';
import { kinds, searchKindsOf } from '../content/kinds.ts';
import type { Severity } from '../content/types.ts';
import { codeListPath } from './code-list.ts';
import { excerpt, stepRecords, type SearchRecord } from './search-records.ts';
import type { Page } from './types.ts';
import { relativeHref, urls } from './urls.ts';

export { excerpt, shorten } from './search-records.ts';

const fromRoot = (url: string) => url.replace(/^\//, '');

/** What a search result is: the values of the `kind` filter, from the table of record kinds. */
export type SearchKind = string;

/** Filter values in the order readers look for them: codes first, as most readers arrive with one. */
export const searchKinds: SearchKind[] = searchKindsOf().sort((a, b) => Number(b === kinds.code.search) - Number(a === kinds.code.search));
const severities: Severity[] = ['error', 'warning', 'info', 'success'];

/** One HTML attribute the template prints as is, e.g. `{ name: 'data-pagefind-body', value: '' }`. */
export interface HtmlAttribute {
  name: string;
  value: string;
}

/** The search dialog of one locale: labels, filter options and the strings the script needs. */
export interface SearchUi {
  label: string;
  close: string;
  placeholder: string;
  instructions: string;
  kindLabel: string;
  severityLabel: string;
  kinds: { value: string; label: string }[];
  severities: { value: string; label: string }[];
  /** JSON for the script: strings, labels of filter values and severities. */
  strings: string;
  /** JSON of Pagefind's ranking weights, shared by the search box and the ranking test. */
  ranking: string;
}

/**
 * Readers arrive with a code: how often a word appears on a long page matters less than an exact
 * code in a short page's heading (with these weights `dll-exception` finds `extension-dll-exception`
 * before the longer `stopped-extension-dll-*` codes).
 */
export const searchRanking = { pageLength: 0.3, termFrequency: 0.6 };

/** The search part of a page: indexing attributes on its content, and the search dialog with its script. */
export interface PageSearch {
  /** Attributes of the element that wraps the page content (empty: not indexed). */
  content: HtmlAttribute[];
  ui?: SearchUi;
  /** Relative path from the page to the site root, e.g. `../../`, for the script to find the index. */
  root: string;
  script: string;
  /** The code finder's script and the locale's code list, from the site root (the script prefixes `root`). */
  finder: string;
  codes: string;
  /** Results that are parts of the page, such as an article's steps. */
  records: SearchRecord[];
  /** On a code page, the code's hyphenated parts, indexed so that a distinctive part finds the code. */
  codeParts: string;
}

/**
 * The runs of two or more segments of a code, shortest first, written with the code's own
 * separators (`-`, `_` or `.`), e.g. `no-start-server` → `no-start start-server`,
 * `storage.file_not_found` → `storage.file file_not not_found storage.file_not file_not_found`.
 * Pagefind indexes a joined word as one compound, so a reader typing `start-server` only finds the
 * page if that run is indexed there.
 */
export function codeParts(code: string): string[] {
  const pieces = code.split(/([-_.]+)/);
  const segments = pieces.filter((_, i) => i % 2 === 0);
  const parts: string[] = [];
  for (let size = 2; size < segments.length; size++) {
    for (let start = 0; start + size <= segments.length; start++) parts.push(pieces.slice(2 * start, 2 * (start + size) - 1).join(''));
  }
  return parts;
}

/** Which page kinds are indexed, and as what kind of result: a record's own page, and the links' references page. */
const kindOfPage: Partial<Record<Page['kind'], SearchKind>> = {
  article: kinds.article.search, code: kinds.code.search, catalog: kinds.catalog.search, references: kinds.link.search,
};

/** The metadata and filters of one page, e.g. a code's code, severity and catalog, and its excerpt. */
export function searchFacts(page: Page, t?: TFunction): { meta: Record<string, string>; filters: Record<string, string> } | undefined {
  const kind = kindOfPage[page.kind];
  if (!kind) return undefined;
  const meta: Record<string, string> = { title: page.title, kind };
  const filters: Record<string, string> = { kind };
  // The page's own summary, not Pagefind's excerpt: that would show indexed code parts and URLs.
  const summary = page.kind === 'references' ? t?.('references.intro') : page.description;
  if (summary) meta.excerpt = excerpt(summary);
  if (page.kind === 'code') {
    Object.assign(meta, { code: page.code, severity: page.severity, catalog: page.catalog.title });
    Object.assign(filters, { severity: page.severity, catalog: page.catalog.title });
  }
  return { meta, filters };
}

/**
 * Pagefind's attributes for a page's content: the body marker, then metadata and filters read from
 * `data-fg-*` attributes so values may hold commas, e.g. `code[data-fg-code]`.
 */
export function indexingAttributes(page: Page, t?: TFunction): HtmlAttribute[] {
  const facts = searchFacts(page, t);
  if (!facts) return [];
  const spec = (o: Record<string, string>, prefix: string) => Object.keys(o).map((k) => `${k}[data-fg-${prefix}${k}]`).join(', ');
  return [
    { name: 'data-pagefind-body', value: '' },
    { name: 'data-pagefind-meta', value: spec(facts.meta, '') },
    { name: 'data-pagefind-filter', value: spec(facts.filters, 'f-') },
    ...Object.entries(facts.meta).map(([k, v]) => ({ name: `data-fg-${k}`, value: v })),
    ...Object.entries(facts.filters).map(([k, v]) => ({ name: `data-fg-f-${k}`, value: v })),
  ];
}

/** The search box of a locale, built once and shared by its pages. */
export function searchUi(t: TFunction, locale: string): SearchUi {
  const kindLabels = Object.fromEntries(searchKinds.map((k) => [k, t(`search.kind.${k}`)]));
  const severityLabels = Object.fromEntries(severities.map((s) => [s, t(`severity.${s}`)]));
  const strings = {
    locale,
    loading: t('search.loading'),
    failed: t('search.failed'),
    none: t('search.none'),
    // Every plural form the locale has (Arabic has six), as i18next keys them.
    results: Object.fromEntries(new Intl.PluralRules(locale).resolvedOptions().pluralCategories.map((c) => [c, t(`search.results_${c}`)])),
    kinds: kindLabels,
    severities: severityLabels,
    // Filter values the script ranks by: code finder hits are codes, the references page comes last.
    codeKind: kinds.code.search,
    referenceKind: kinds.link.search,
  };
  return {
    label: t('search.label'),
    close: t('search.close'),
    placeholder: t('search.placeholder'),
    instructions: t('search.instructions'),
    kindLabel: t('search.kind'),
    severityLabel: t('catalog.severity'),
    kinds: [{ value: '', label: t('search.kind.any') }, ...searchKinds.map((k) => ({ value: k, label: kindLabels[k] }))],
    severities: [{ value: '', label: t('search.severity.any') }, ...severities.map((s) => ({ value: s, label: severityLabels[s] }))],
    strings: JSON.stringify(strings),
    ranking: JSON.stringify(searchRanking),
  };
}

/**
 * The parts of a code that must not point at it: Pagefind matches the last word of a query as a
 * prefix, so a part that is, or starts with, another code (`no-start-ma-update` holds `no-start-ma`)
 * would outrank that code when a reader types it exactly.
 */
export function distinctiveParts(code: string, allCodes: Set<string>): string[] {
  const other = (c: string) => c !== code && allCodes.has(c);
  // A code shadows a part when it is the part or the part's start up to a separator: look those up
  // rather than walk every code, which made this quadratic in the size of the catalog.
  const shadows = (part: string) => {
    if (other(part)) return true;
    for (let i = 1; i < part.length; i++) if ('-_.'.includes(part[i]) && other(part.slice(0, i))) return true;
    return false;
  };
  return codeParts(code).filter((part) => !shadows(part));
}

/** Adds the search model to every page; the language chooser at the root has no search box. */
export function addSearch(pages: Page[], t: (locale: string) => TFunction): void {
  const uis = new Map<string, SearchUi>();
  const allCodes = new Set(pages.flatMap((p) => (p.kind === 'code' ? [p.code] : [])));
  const parts = new Map<string, string[]>();
  const partsOf = (code: string) => parts.get(code) ?? parts.set(code, distinctiveParts(code, allCodes)).get(code)!;
  for (const page of pages) {
    let ui = uis.get(page.locale);
    if (!ui) uis.set(page.locale, (ui = searchUi(t(page.locale), page.locale)));
    page.search = {
      content: indexingAttributes(page, t(page.locale)),
      ui: page.kind === 'root' ? undefined : ui,
      root: relativeHref(page.url, urls.root()),
      script: relativeHref(page.url, urls.asset('search.js')),
      finder: fromRoot(urls.asset('code-finder.js')),
      codes: codeListPath(page.locale),
      records: page.kind === 'article' ? stepRecords(page, t(page.locale), partsOf) : [],
      codeParts: page.kind === 'code' ? partsOf(page.code).join(' ') : '',
    };
  }
}
