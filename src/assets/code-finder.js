// @ts-check
/**
 * Fieldguide's code finder: looks codes up in a locale's code list, by exact code or alias, by a
 * part of a code, or by the nearest codes to a mistyped one. Plain browser JavaScript, no bundler,
 * and it works from a folder opened from disk (file://), where nothing can be fetched.
 *
 * Load three classic scripts, in any order (ROOT is the page's way to the site root, e.g. `../../`):
 *   ROOT + 'assets/fastest-levenshtein.js'   the edit-distance library (only nearest() needs it)
 *   ROOT + 'assets/code-finder.js'           this file: defines self.fieldguideCodeFinder
 *   ROOT + 'assets/codes-<locale>.js'        the locale's list: self.fieldguideCodeLists[locale]
 * or let `fieldguideCodeFinder.load(ROOT, locale, listPath?)` add the other two and resolve with a finder
 * (listPath from the root, `assets/codes-<locale>.js` by default).
 *
 * A code list (version 1; src/model/code-list.ts writes it; readers ignore fields they do not know):
 *   { version: 1, locale: 'en',
 *     catalogs: { 'mim-run-status': { title: 'MIM run-profile step results', href: 'en/errors/mim-run-status/' } },
 *     codes: [{ code: 'stopped-server', catalog: 'mim-run-status', title: 'stopped-server', severity: 'error',
 *               href: 'en/errors/mim-run-status/stopped-server/', aliases: [], steps: 1 }] }
 *   href: relative to the site root (prefix ROOT; from disk a folder link needs its index.html).
 *   aliases: other names of the code, found exactly like the code itself.
 *   steps: how many article steps name the code; among equally good matches those come first.
 *
 * Matching ignores case and spaces around the query. "Segments" are the pieces between `-`, `_`
 * and `.`, which count as the same separator: `not_available`, `not-available` and
 * `not.available` all find `lock_not_available`.
 *
 * const finder = fieldguideCodeFinder.create(list)
 *   finder.list                     the list it was made from
 *   finder.get(name)                the first entry whose code or alias is `name`, or undefined
 *   finder.exact(query)             entries whose code or alias is the query: [entry]
 *   finder.parts(query)             entries having the query's segments as a run of their own, the last one
 *                                   perhaps only begun (as typed so far): [{ entry, whole, prefix }], best first:
 *                                   whole names (same segments, other separators), then whole segments before
 *                                   begun ones, more steps, shorter codes, then by code
 *   finder.nearest(query, maxEdits) entries within maxEdits edits (Levenshtein, separators unified; default
 *                                   editLimit of the query's length): [{ entry, distance }], nearest first
 *   finder.find(query)              what a search box shows first: [{ entry, match: 'exact' | 'part' | 'near',
 *                                   distance }], exact matches, then parts, then near ones, each entry once;
 *                                   [] for queries with spaces or shorter than two characters
 * fieldguideCodeFinder.segments(text)   e.g. 'Lock_Not-available' → ['lock', 'not', 'available']
 * fieldguideCodeFinder.editLimit(n)     edits allowed for an n-character query: 0 below 4, 1 below 8, else 2
 */
(() => {
  /** @typedef {{ code: string, catalog: string, title: string, severity: string, href: string, aliases?: string[], steps?: number }} Entry */
  /** @typedef {{ version: number, locale: string, catalogs: Record<string, { title: string, href: string }>, codes: Entry[] }} CodeList */

  const separators = /[-_.]+/;
  /** The lower-case segments of a name or query. */
  const segments = (/** @type {string} */ text) => text.trim().toLowerCase().split(separators).filter(Boolean);
  /** A name with its separators unified, for edit distances: `Lock_Not.available` → `lock-not-available`. */
  const unified = (/** @type {string} */ text) => segments(text).join('-');
  /** Edits a query of `length` characters may be away from a code and still be taken for it. */
  const editLimit = (/** @type {number} */ length) => (length < 4 ? 0 : length < 8 ? 1 : 2);
  /** The names an entry is found by: its code, then its aliases. */
  const namesOf = (/** @type {Entry} */ e) => [e.code, ...(e.aliases ?? [])];
  const byCode = (/** @type {Entry} */ a, /** @type {Entry} */ b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

  /**
   * Where `query` segments sit as a run in `name` segments, the last perhaps only begun; the best
   * such place (whole segment over begun one), or undefined.
   */
  const runIn = (/** @type {string[]} */ name, /** @type {string[]} */ query) => {
    const last = query.length - 1;
    /** @type {{ prefix: boolean } | undefined} */
    let best;
    for (let at = 0; at + query.length <= name.length; at++) {
      let ok = true;
      for (let i = 0; i < last && ok; i++) ok = name[at + i] === query[i];
      if (!ok || !name[at + last].startsWith(query[last])) continue;
      const prefix = name[at + last] !== query[last];
      if (!prefix) return { prefix };
      best ??= { prefix };
    }
    return best;
  };

  /** A finder over one code list. */
  const create = (/** @type {CodeList} */ list) => {
    const entries = list.codes;
    const named = entries.flatMap((entry) => namesOf(entry).map((name) => ({ entry, name: name.toLowerCase(), segments: segments(name), unified: unified(name) })));

    const get = (/** @type {string} */ name) => named.find((n) => n.name === name.trim().toLowerCase())?.entry;

    const exact = (/** @type {string} */ query) => {
      const q = query.trim().toLowerCase();
      return [...new Set(named.filter((n) => n.name === q).map((n) => n.entry))];
    };

    const parts = (/** @type {string} */ query) => {
      const q = segments(query);
      if (!q.length) return [];
      /** @type {Map<Entry, { entry: Entry, whole: boolean, prefix: boolean }>} */
      const found = new Map();
      for (const n of named) {
        const run = runIn(n.segments, q);
        if (!run) continue;
        const hit = { entry: n.entry, whole: !run.prefix && n.segments.length === q.length, prefix: run.prefix };
        const had = found.get(n.entry);
        if (!had || (hit.whole && !had.whole) || (had.prefix && !hit.prefix)) found.set(n.entry, hit);
      }
      return [...found.values()].sort((a, b) => Number(b.whole) - Number(a.whole) || Number(a.prefix) - Number(b.prefix)
        || (b.entry.steps ?? 0) - (a.entry.steps ?? 0) || a.entry.code.length - b.entry.code.length || byCode(a.entry, b.entry));
    };

    const nearest = (/** @type {string} */ query, maxEdits = editLimit(unified(query).length)) => {
      const q = unified(query);
      if (!q || maxEdits <= 0) return [];
      const distance = /** @type {any} */ (self).fastestLevenshtein?.distance;
      if (typeof distance !== 'function') throw new Error('code finder: assets/fastest-levenshtein.js is not loaded');
      /** @type {Map<Entry, number>} */
      const found = new Map();
      for (const n of named) {
        // Names longer or shorter by more than the limit cannot be within it.
        if (Math.abs(n.unified.length - q.length) > maxEdits) continue;
        const d = distance(q, n.unified);
        if (d <= maxEdits && d < (found.get(n.entry) ?? Infinity)) found.set(n.entry, d);
      }
      return [...found].map(([entry, d]) => ({ entry, distance: d }))
        .sort((a, b) => a.distance - b.distance || (b.entry.steps ?? 0) - (a.entry.steps ?? 0) || byCode(a.entry, b.entry));
    };

    const find = (/** @type {string} */ query) => {
      const q = query.trim();
      if (q.length < 2 || /\s/.test(q)) return [];
      /** @type {Set<Entry>} */
      const seen = new Set();
      /** @type {{ entry: Entry, match: 'exact' | 'part' | 'near', distance: number }[]} */
      const out = [];
      const add = (/** @type {Entry} */ entry, /** @type {'exact' | 'part' | 'near'} */ match, distance = 0) => {
        if (seen.has(entry)) return;
        seen.add(entry);
        out.push({ entry, match, distance });
      };
      for (const e of exact(q)) add(e, 'exact');
      for (const p of parts(q)) add(p.entry, 'part');
      for (const n of nearest(q)) add(n.entry, 'near', n.distance);
      return out;
    };

    return { list, get, exact, parts, nearest, find };
  };

  /** Loads a classic script, resolving when it has run. */
  const loadScript = (/** @type {string} */ src) => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`code finder: could not load ${src}`));
    document.head.append(s);
  });

  /**
   * A finder for a locale, first loading from `root` whichever of the list (at `listPath` from the
   * root) and the edit-distance library the page does not have yet.
   */
  const load = async (/** @type {string} */ root, /** @type {string} */ locale, listPath = `assets/codes-${locale}.js`) => {
    const lists = () => /** @type {Record<string, CodeList> | undefined} */ (/** @type {any} */ (self).fieldguideCodeLists);
    await Promise.all([
      /** @type {any} */ (self).fastestLevenshtein ? undefined : loadScript(`${root}assets/fastest-levenshtein.js`),
      lists()?.[locale] ? undefined : loadScript(`${root}${listPath}`),
    ]);
    const list = lists()?.[locale];
    if (!list) throw new Error(`code finder: ${listPath} defined no code list for ${locale}`);
    return create(list);
  };

  /** @type {any} */ (self).fieldguideCodeFinder = { create, load, segments, editLimit };
})();
