import { fragmentForms, fragmentFound, isTop } from '../core/page-facts.ts';
import { printable } from './parse.ts';
import type { Fetched } from './request.ts';
import type { Outcome } from './types.ts';

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
