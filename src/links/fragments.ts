import { percentDecode, printable } from './parse.ts';
import type { Fetched } from './request.ts';
import type { Outcome } from './types.ts';

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

/** Whether checking a fragment needs the page's body (not for `#`, `#top` or a text directive). */
export const needsPage = (fragment: string | undefined): boolean => fragment !== undefined && !isTop(fragment);

/**
 * The outcome of one URL from the request made for its page: a working page that lacks the
 * fragment's target is `FRAGMENT`; a fragment on something other than HTML is not judged.
 * @example judgeFragment(fetched /* 200, ids {a} *\/, 'b').error === 'FRAGMENT'
 */
export function judgeFragment(f: Fetched, own: string | undefined): Outcome {
  const { page, locationFragment, contacts: _contacts, retryAfter: _retryAfter, ...outcome } = f;
  const fragment = locationFragment ?? own;
  if (fragment === undefined || f.error) return outcome;
  const finalUrl = `${f.finalUrl}#${fragment}`;
  if (f.status < 200 || f.status >= 300 || !needsPage(fragment)) return { ...outcome, finalUrl };
  const shown = printable(fragment);
  if (!page) return { ...outcome, finalUrl, note: `#${shown} not checked` };
  if (!page.html) return { ...outcome, finalUrl, note: `#${shown} not checked: ${page.mime} is not an HTML page` };
  if (fragmentFound(page.ids, fragment)) return { ...outcome, finalUrl };
  const error = page.truncated ? 'TRUNCATED' : 'FRAGMENT';
  return { ...outcome, finalUrl, error, detail: `no element with id "${shown}"` };
}
