import { Parser } from 'htmlparser2';

/** What a page offers and asks for: its ids (and `<a name>` values), and the link targets it holds. */
export interface PageFacts {
  ids: Set<string>;
  links: string[];
}

const hex = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
const utf8 = new TextDecoder('utf-8');

/**
 * Percent-decodes as the URL standard does: `%` not followed by two hex digits stays as it is, and
 * the bytes are read as UTF-8 (invalid bytes become U+FFFD), e.g. `100%` → `100%`, `caf%C3%A9` → `café`.
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes = Buffer.from(text, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hi = bytes[i] === 37 && i + 2 < bytes.length ? hex(bytes[i + 1]) : -1;
    const lo = hi >= 0 ? hex(bytes[i + 2]) : -1;
    if (lo >= 0) {
      out.push(hi * 16 + lo);
      i += 2;
    } else out.push(bytes[i]);
  }
  return utf8.decode(Uint8Array.from(out));
}

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

/** The ids and outgoing link targets (a, link, script, img, iframe, form) of one HTML page; links marked nofollow are not followed. */
export function pageFacts(html: string): PageFacts {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (name === 'a' && attrs.name) ids.add(attrs.name);
      // rel="nofollow" marks links no crawler should follow, such as the feedback answers: following one is a vote.
      if (name === 'a' && /(^|\s)nofollow(\s|$)/i.test(attrs.rel ?? '')) return;
      const target = name === 'a' || name === 'link' ? attrs.href : name === 'script' || name === 'img' || name === 'iframe' ? attrs.src : name === 'form' ? attrs.action : undefined;
      // Browsers strip leading and trailing ASCII whitespace from a URL attribute before parsing it.
      if (target !== undefined) links.push(target.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, ''));
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return { ids, links };
}
