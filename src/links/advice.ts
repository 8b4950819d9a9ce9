import type { LinkReport } from './types.ts';

type Subject = Omit<LinkReport, 'advice'>;

/** Where to look, e.g. `data/links.json:12`. */
const at = (l: Pick<LinkReport, 'definedAt'>): string => (l.definedAt ? `${l.definedAt.file}:${l.definedAt.line}` : 'the page');

/** Every registry entry holding the URL with its line, e.g. `a at data/links.json:4 and b at data/links.json:9`. */
function entries(l: Subject, field?: 'url' | 'archive'): string {
  const defs = (l.definitions ?? []).filter((d) => !field || d.field === field);
  if (defs.length <= 1) return `${l.registryId} at ${at(l)}`;
  const named = defs.map((d) => `${d.id} at ${d.definedAt.file}:${d.definedAt.line}`);
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/**
 * What an author should do about a result, in one sentence; nothing for a healthy link.
 * @example advice({ state: 'redirected', permanent: true, finalUrl: 'https://new/', … }) → 'moved for good: set "url" of x at data/links.json:5 to https://new/ (or run with --fix)'
 */
export function advice(l: Subject, archive: string | undefined, indeterminateDays: number): string | undefined {
  if (l.internal) {
    const pages = l.pages.length > 1 ? `pages ${l.pages.join(', ')} link` : `page ${l.pages[0] ?? ''} links`;
    return `the built ${pages} a target that does not exist; fix the record or template that produced it and rebuild`;
  }
  switch (l.state) {
    case 'redirected':
      if (!l.permanent) return 'temporary redirect: keep the URL, the site may move it back';
      if (l.registryId && l.field === 'url') return `moved for good: set "url" of ${entries(l, 'url')} to ${l.finalUrl} (or run with --fix)`;
      if (l.registryId) return `moved for good: set "archive" of ${entries(l)} to ${l.finalUrl}`;
      return `moved for good to ${l.finalUrl}; add it to the link registry and reference it by id`;
    case 'broken':
      if (l.registryId && l.field === 'archive') return `the archived copy of ${l.registryId} is gone too; find another archive or remove "archive" at ${at(l)}`;
      if (l.registryId && archive) return `readers are shown the archived copy (${archive}); find the page's new address for ${entries(l)} or keep relying on the archive`;
      if (l.registryId) return `find the page's new address and update ${entries(l)}, or add an "archive" URL so readers get an archived copy`;
      return 'this URL is not in the link registry; add it there (data/links.json) and reference it by id so it can be fixed in one place';
    case 'indeterminate':
      if (l.cause === 'NONET') return 'not checked: this machine could not reach the outside; run the check where it can';
      return `not judged this time; it counts as broken if it stays indeterminate for more than ${indeterminateDays} days`;
    default:
      return undefined;
  }
}
