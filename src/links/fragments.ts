import { percentDecode } from './parse.ts';

/**
 * Fragments resolved the way the HTML standard's "indicated part of the document" is: an element
 * whose `id` (or an `<a>` whose `name`) is the fragment as written, else as percent-decoded; and
 * `#` and `#top` (any case) mean the top of the page, whatever the page holds.
 */

/** Whether a fragment needs no element at all: `''` (a bare `#`) or `top`, e.g. `isTop('TOP')` → true. */
export const isTop = (fragment: string): boolean => fragment === '' || percentDecode(fragment).toLowerCase() === 'top';

/** The forms a browser looks for, in order: as written, then percent-decoded, e.g. `a%20b` → `['a%20b', 'a b']`. */
export function fragmentForms(fragment: string): string[] {
  const decoded = percentDecode(fragment);
  return decoded === fragment ? [fragment] : [fragment, decoded];
}

/**
 * Whether a page with these ids (and `<a name>` values) has the fragment's target.
 * @example fragmentFound(new Set(['100%']), '100%') → true; fragmentFound(new Set(), 'top') → true
 */
export function fragmentFound(ids: ReadonlySet<string>, fragment: string): boolean {
  return fragmentForms(fragment).some((f) => ids.has(f)) || isTop(fragment);
}

