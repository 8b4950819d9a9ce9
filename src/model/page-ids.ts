import type { TFunction } from 'i18next';
import type { Heading } from './types.ts';

/**
 * Ids the page chrome gives its own elements (the main landmark, the search box, the catalog
 * filter); content ids never take them. Chrome ids other than `main` start with `fg-`.
 */
export const chromeIds = ['main', 'fg-code', 'fg-search-q', 'fg-search-kind', 'fg-search-severity', 'fg-search-help', 'fg-search-results', 'fg-filter', 'fg-filter-status'];

/** Hands out the element ids of one page. */
export interface PageIds {
  /**
   * An id for an element, unique on the page: `want` as is, else `want-2`, `want-3`… Record
   * anchors (step, phase and link ids) are taken first, so they keep their exact id.
   */
  take: (want: string) => string;
  /** A heading with its own id, its anchor link pointing at `target` (default: the heading). */
  heading: (want: string, text: string, view?: { lang?: string; dir?: 'ltr' | 'rtl' }, target?: string) => Heading;
}

/** The id allocator of one page, with `anchors` (ids readers link to, from the data) already taken. */
export function pageIds(t: TFunction, anchors: Iterable<string> = []): PageIds {
  const taken = new Set(chromeIds);
  for (const a of anchors) taken.add(a);
  const take = (want: string): string => {
    let id = want;
    for (let n = 2; taken.has(id); n++) id = `${want}-${n}`;
    taken.add(id);
    return id;
  };
  return {
    take,
    heading: (want, text, view = {}, target) => {
      const id = take(want);
      return { id, text, href: `#${target ?? id}`, anchorLabel: t('anchor.heading', { title: text }), ...(view.lang ? { lang: view.lang, dir: view.dir } : {}) };
    },
  };
}
