import type { TFunction } from 'i18next';
import type { Heading, NavItem, Pager, PagerLink, Toc, TocEntry } from './types.ts';
import { relativeHref } from './urls.ts';

/** A page or group of the site navigation before it is placed on a page: URLs are root-absolute. */
export interface NavSpec {
  label: string;
  url?: string;
  /** The record the label names, so its language is marked when it is shown untranslated. */
  key?: string;
  items?: NavSpec[];
}

/**
 * The site navigation as seen from the page at `url`: hrefs relative to it, the page itself
 * current, and the entry whose pages hold it (a catalog, for one of its codes) marked as
 * containing it. `languageOf` gives an untranslated label its language.
 */
export function navFor(
  specs: NavSpec[], url: string, home: string, languageOf: (key?: string) => { lang?: string; dir?: 'ltr' | 'rtl' },
): NavItem[] {
  const place = (s: NavSpec): NavItem => {
    const items = s.items?.map(place);
    const current = s.url === url;
    const contains = !current && s.url !== undefined && s.url !== home && url.startsWith(s.url);
    return {
      label: s.label,
      ...(s.url !== undefined ? { href: relativeHref(url, s.url) } : {}),
      current,
      ...(contains ? { contains } : {}),
      ...languageOf(s.key),
      ...(items ? { items } : {}),
    };
  };
  return specs.map(place);
}

/** A table of contents from the headings it lists, or undefined when there is nothing to list. */
export function tocOf(t: TFunction, entries: TocEntry[]): Toc | undefined {
  return entries.length ? { label: t('toc.label'), entries } : undefined;
}

/** A table-of-contents entry for a heading. */
export function tocEntry(h: Heading, note?: string): TocEntry {
  return { label: h.text, href: h.href, ...(note ? { note } : {}), ...(h.lang ? { lang: h.lang, dir: h.dir } : {}) };
}

/** The items before and after position `i` of a list, as pager links made by `link`. */
export function pagerAt<T>(list: readonly T[], i: number, link: (item: T, rel: 'prev' | 'next') => PagerLink, label?: string): Pager {
  return {
    ...(label ? { label } : {}),
    ...(i > 0 ? { prev: link(list[i - 1], 'prev') } : {}),
    ...(i + 1 < list.length ? { next: link(list[i + 1], 'next') } : {}),
  };
}
