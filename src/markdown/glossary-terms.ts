/** A run of text that is one whole glossary term, as UTF-16 offsets: `text.slice(start, end)`. */
export interface TermMatch {
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{M}\p{N}_]/u;
// Code points whose letters are written right to left: Hebrew, Arabic, Syriac, Thaana, NKo,
// Samaritan, Mandaic, their presentation forms, and the right-to-left supplementary blocks.
const rtlRange = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const letter = /\p{L}/u;

/** True when `s` holds a letter of a right-to-left script, e.g. `true` for `מסוף`, `false` for `Harbor Console`. */
export function hasRtlLetter(s: string): boolean {
  for (const ch of s) if (letter.test(ch) && rtlRange.test(ch)) return true;
  return false;
}

/** The character that ends at `i` (a whole surrogate pair when there is one), or '' at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

/** The character that starts at `i`, or '' at the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * True when `text.slice(start, end)` is not part of a longer word: a term edge that is a letter,
 * digit or `_` must not touch another one, so `lock` is found in `the lock.` but not in
 * `lock_timeout`, while `Backup...` may be followed by anything.
 */
function isWhole(text: string, start: number, end: number): boolean {
  const first = charAt(text, start);
  const last = charBefore(text, end);
  if (wordChar.test(first) && wordChar.test(charBefore(text, start))) return false;
  if (wordChar.test(last) && wordChar.test(charAt(text, end))) return false;
  return true;
}

/** Every whole occurrence of one term in `text`, overlapping ones included. */
function occurrences(text: string, term: string): TermMatch[] {
  const out: TermMatch[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (isWhole(text, at, at + term.length)) out.push({ start: at, end: at + term.length });
  }
  return out;
}

/**
 * Every whole, non-overlapping occurrence of the terms in `text`, in order, the longer term
 * winning where two start at the same place; case-sensitive, like the protected-term check.
 * E.g. `findTerms('Open the Harbor Console.', ['Harbor Console'])` → `[{ start: 9, end: 23 }]`.
 */
export function findTerms(text: string, terms: readonly string[]): TermMatch[] {
  const all = [...new Set(terms)]
    .filter((t) => t.length > 0)
    .flatMap((t) => occurrences(text, t))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMatch[] = [];
  for (const m of all) if (out.length === 0 || m.start >= out[out.length - 1].end) out.push(m);
  return out;
}

/**
 * The glossary terms to isolate on a page written in direction `dir`: in a right-to-left page,
 * the terms with no right-to-left letter (product names, UI labels in Latin script); none in a
 * left-to-right page, where such terms already run in the page's own direction.
 */
export function termsToIsolate(glossary: readonly string[], dir: 'ltr' | 'rtl'): string[] {
  return dir === 'rtl' ? glossary.filter((t) => !hasRtlLetter(t)) : [];
}
