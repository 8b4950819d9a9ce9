// @ts-check
/**
 * Exact lookup of code names with each catalog's case rule, and the word scan of the log reader.
 * It reads the code lists code-finder.js reads (assets/codes-<locale>.js); nearest codes and parts
 * of codes come from code-finder.js itself. Plain browser JavaScript, works from file://.
 *
 * A name is a code or one of its aliases. A catalog whose list entry says `caseSensitive: true`
 * matches names as written; every other catalog matches them whatever their case.
 *
 *   const names = fieldguideCodeLookup.index(list)   an index of every name of a code list
 *   names.get('STOPPED-SERVER')                      entries named so, one per catalog that has the name
 *   names.get('offline', 'driver-codes')             only that catalog's
 *   fieldguideCodeLookup.scan(text, names)           the codes a text names, in order of appearance:
 *     [{ entry, name, line, text, lines, count }]    name: as written in the text; line: its first line
 *                                                    (1-based) and text that line; lines: every line it
 *                                                    is on; count: how often it occurs
 *
 * Words are runs of letters, digits, `.`, `_` and `-`; a name must be a whole word, its `.`, `_`
 * and `-` at either end trimmed (`stopped-server.` at the end of a sentence), or a dotted part of
 * one (`UnexpectedDataException` in `Microsoft.MetadirectoryServices.UnexpectedDataException`).
 */
(() => {
  /** @typedef {{ code: string, catalog: string, title: string, severity: string, href: string, aliases?: string[] }} Entry */
  /** @typedef {{ catalogs: Record<string, { title: string, href: string, caseSensitive?: boolean }>, codes: Entry[] }} CodeList */

  /** An index of every name of a code list, by the case rule of each name's catalog. */
  const index = (/** @type {CodeList} */ list) => {
    /** @type {Map<string, Entry[]>} names of case-sensitive catalogs, as written */
    const exact = new Map();
    /** @type {Map<string, Entry[]>} every other name, in lower case */
    const folded = new Map();
    for (const entry of list.codes) {
      const sensitive = list.catalogs[entry.catalog]?.caseSensitive === true;
      for (const name of [entry.code, ...(entry.aliases ?? [])]) {
        const map = sensitive ? exact : folded;
        const key = sensitive ? name : name.toLowerCase();
        const had = map.get(key);
        if (!had) map.set(key, [entry]);
        else if (!had.includes(entry)) had.push(entry);
      }
    }
    const order = Object.keys(list.catalogs);
    /** Entries named `name`, in catalog order; only `catalog`'s when given. */
    const get = (/** @type {string} */ name, /** @type {string=} */ catalog) => {
      const hits = [...(exact.get(name) ?? []), ...(folded.get(name.toLowerCase()) ?? [])];
      const mine = catalog === undefined ? hits : hits.filter((e) => e.catalog === catalog);
      return mine.length > 1 ? mine.sort((a, b) => order.indexOf(a.catalog) - order.indexOf(b.catalog)) : mine;
    };
    const sensitive = exact.size > 0;
    /** Entries named `word` (given lower-cased too) as the scan meets it: faster than get() for the many words that name nothing. */
    const ofWord = (/** @type {string} */ word, /** @type {string} */ lower) => {
      const b = folded.get(lower);
      if (!sensitive) return b;
      const a = exact.get(word);
      return a && b ? [...a, ...b] : a ?? b;
    };
    /** Which lengths a name can have (lengths[n] is 1 when some name has n characters), to skip most words unread. */
    const lengths = new Uint8Array(1 + Math.max(0, ...[...exact.keys(), ...folded.keys()].map((k) => k.length)));
    for (const k of [...exact.keys(), ...folded.keys()]) lengths[k.length] = 1;
    return { get, ofWord, lengths, list };
  };

  /** Characters of a word: ASCII letters, digits, `.`, `_` and `-` (1); other scripts' letters, digits and marks glue a word into a longer one. */
  const wordChar = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (/[A-Za-z0-9._-]/.test(String.fromCharCode(c))) wordChar[c] = 1;
  const otherScript = /[\p{L}\p{N}\p{M}]/u;
  /** `.`, `_` and `-`: a word's edges lose them (`stopped-server.` ends a sentence). */
  const isEdge = (/** @type {number} */ c) => c === 46 || c === 95 || c === 45;
  /** The longest line text a finding shows; longer lines are cut around the name. */
  const maxLine = 240;

  /** A line's text as a finding shows it: trimmed, and cut around the name when long. */
  const lineText = (/** @type {string} */ line, /** @type {number} */ at, /** @type {number} */ length) => {
    const text = line.replace(/\s+$/, '');
    if (text.length <= maxLine) return text.trim();
    const start = Math.max(0, Math.min(at - Math.floor((maxLine - length) / 2), text.length - maxLine));
    return `${start > 0 ? '…' : ''}${text.slice(start, start + maxLine).trim()}${start + maxLine < text.length ? '…' : ''}`;
  };

  /** The entries a word names, trying it whole, without its edge punctuation, then each dotted part; with where the name starts in it. */
  const namesIn = (/** @type {ReturnType<typeof index>} */ names, /** @type {string} */ raw, /** @type {string} */ folded) => {
    let hits = names.ofWord(raw, folded);
    if (hits) return { hits, offset: 0, name: raw };
    let start = 0;
    let end = raw.length;
    while (start < end && isEdge(raw.charCodeAt(start))) start++;
    while (end > start && isEdge(raw.charCodeAt(end - 1))) end--;
    if (start > 0 || end < raw.length) {
      if (start === end) return undefined;
      hits = names.ofWord(raw.slice(start, end), folded.slice(start, end));
      if (hits) return { hits, offset: start, name: raw.slice(start, end) };
    }
    if (raw.indexOf('.', start) === -1) return undefined;
    // A dotted name (a namespace, a file) may end in, or hold, a name: try each part.
    for (let at = start; at < end;) {
      let stop = raw.indexOf('.', at);
      if (stop === -1 || stop > end) stop = end;
      if (stop > at) {
        hits = names.ofWord(raw.slice(at, stop), folded.slice(at, stop));
        if (hits) return { hits, offset: at, name: raw.slice(at, stop) };
      }
      at = stop + 1;
    }
    return undefined;
  };

  /**
   * Every code a text names, in order of first appearance; a name in several catalogs gives one
   * finding each. One pass over the characters (a megabyte of log holds some 150,000 words): most
   * words are dismissed by their length before any string is made of them.
   */
  const scan = (/** @type {string} */ text, /** @type {ReturnType<typeof index>} */ names) => {
    /** @type {Map<Entry, { entry: Entry, name: string, line: number, text: string, lines: number[], count: number }>} */
    const found = new Map();
    // Lower-casing the whole text once is far cheaper than every word; where it changes lengths
    // (a few letters of some scripts do), words are lower-cased one at a time instead.
    const lower = text.toLowerCase();
    const aligned = lower.length === text.length;
    const lengths = names.lengths;
    let line = 1;
    let lineStart = 0;
    let start = -1;
    let dotted = false;
    let gluedWord = false;
    /** Looks up the word that ends at `end`. */
    const word = (/** @type {number} */ end) => {
      const length = end - start;
      const first = text.charCodeAt(start);
      const last = text.charCodeAt(end - 1);
      if (!dotted && !isEdge(first) && !isEdge(last) && (length >= lengths.length || !lengths[length])) return;
      const raw = text.slice(start, end);
      const hit = namesIn(names, raw, aligned ? lower.slice(start, end) : raw.toLowerCase());
      if (!hit) return;
      const at = start + hit.offset;
      for (const entry of hit.hits) {
        const had = found.get(entry);
        if (had) {
          had.count++;
          if (had.lines[had.lines.length - 1] !== line) had.lines.push(line);
          continue;
        }
        let stop = text.indexOf('\n', end);
        if (stop === -1) stop = text.length;
        found.set(entry, { entry, name: hit.name, line, text: lineText(text.slice(lineStart, stop), at - lineStart, hit.name.length), lines: [line], count: 1 });
      }
    };
    for (let i = 0, n = text.length; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      if (c < 128 ? wordChar[c] === 1 : otherScript.test(text[i])) {
        if (start < 0) {
          start = i;
          dotted = false;
          gluedWord = false;
        }
        if (c === 46) dotted = true;
        else if (c >= 128) gluedWord = true;
        continue;
      }
      if (start >= 0) {
        if (!gluedWord) word(i);
        start = -1;
      }
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return [...found.values()];
  };

  /** @type {any} */ (self).fieldguideCodeLookup = { index, scan };
})();
