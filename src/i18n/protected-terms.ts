import type { Token } from 'markdown-it';
import { createInspectingMarkdown } from '../markdown/create-markdown.ts';
import { parseReference } from '../markdown/references.ts';

const md = createInspectingMarkdown();

/** What a source text obliges its translations to keep verbatim. */
export type TermKind = 'code' | 'target' | 'code-name' | 'glossary';

/** A protected term the translation lost, and the best guess at what took its place. */
export interface Violation {
  kind: TermKind;
  term: string;
  /** Text in the translation that most likely replaced the term; undefined when nothing resembles it. */
  insteadOf?: string;
}

interface Inline {
  codes: string[];
  /** Link targets in order, with the text of each link. */
  links: { href: string; text: string }[];
  plain: string;
}

/** Walks the inline tokens of a markdown text once, collecting code spans, links and plain text. */
function inspect(text: string): Inline {
  const out: Inline = { codes: [], links: [], plain: '' };
  let open: { href: string; text: string } | undefined;
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === 'code_inline') {
        out.codes.push(t.content);
        out.plain += t.content;
        if (open) open.text += t.content;
      } else if (t.type === 'link_open') {
        open = { href: String(t.attrGet('href') ?? ''), text: '' };
      } else if (t.type === 'link_close' && open) {
        out.links.push(open);
        open = undefined;
      } else if (t.type === 'text') {
        out.plain += t.content;
        if (open) open.text += t.content;
      } else if (t.type === 'softbreak' || t.type === 'hardbreak') out.plain += ' ';
    }
    out.plain += ' ';
  };
  walk(md.parse(text, {}));
  return out;
}

/** Edit distance between two short strings (words), e.g. `levenshtein('konektor', 'connector')` → 2. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

const wordOf = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

function similar(a: string, b: string): boolean {
  const x = wordOf(a);
  const y = wordOf(b);
  if (!x || !y) return false;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length) >= 0.6;
}

/**
 * The words of `text` that most resemble `term`, e.g. `resembling('Connector Space Object
 * Properties', 'jendela properti objek Ruang konektor.')` → `properti objek Ruang konektor`.
 */
export function resembling(term: string, text: string): string | undefined {
  const whole = termAt(text, term, true);
  if (whole >= 0) return text.slice(whole, whole + term.length);
  const termWords = term.split(/\s+/).filter(Boolean);
  const words = text.split(/\s+/).filter(Boolean);
  const hits = words.map((w) => termWords.some((t) => similar(t, w)));
  let best: { from: number; to: number; score: number } | undefined;
  for (let from = 0; from < words.length; from++) {
    if (!hits[from]) continue;
    let to = from;
    let score = 0;
    for (let k = from; k < Math.min(words.length, from + termWords.length + 1); k++) {
      if (hits[k]) {
        to = k;
        score++;
      }
    }
    if (!best || score > best.score) best = { from, to, score };
  }
  if (!best) return undefined;
  // One fuzzy word among three or more is a guess too far to print.
  if (termWords.length > 2 && best.score < 2) return undefined;
  return words.slice(best.from, best.to + 1).join(' ').replace(/[,.;:]+$/, (m) => (term.endsWith(m) ? m : ''));
}

const wordChar = /[\p{L}\p{N}_]/u;

/**
 * Offset of the first whole-term occurrence of `term` in `text`, or -1: not inside a longer
 * word, e.g. `termAt('set lock_timeout', 'lock')` → -1, `termAt('a LOCK.', 'LOCK')` → 2.
 */
export function termAt(text: string, term: string, ignoreCase = false): number {
  if (!term) return -1;
  const hay = ignoreCase ? text.toLowerCase() : text;
  const needle = ignoreCase ? term.toLowerCase() : term;
  // A term that starts or ends with punctuation ("Stack Trace...") bounds itself on that side.
  const open = wordChar.test(needle[0]);
  const close = wordChar.test(needle[needle.length - 1]);
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay[at - 1] : '';
    const after = hay[at + needle.length] ?? '';
    if ((!open || !before || !wordChar.test(before)) && (!close || !after || !wordChar.test(after))) return at;
  }
  return -1;
}

function firstUnused(candidates: string[], used: Set<string>): string | undefined {
  return candidates.find((c) => !used.has(c));
}

/**
 * The protected terms of `source` that `translation` lost: code spans, `link:`/`error:`
 * targets, error-code names written as the text of their `error:` link, and glossary terms.
 * E.g. source `check **TempDB**` and translation `periksa **Code**` with glossary `TempDB` →
 * `[{ kind: 'glossary', term: 'TempDB' }]`.
 */
export function protectedTermViolations(source: string, translation: string, glossary: readonly string[] = []): Violation[] {
  const src = inspect(source);
  const dst = inspect(translation);
  const out: Violation[] = [];

  const dstCodes = new Set(dst.codes);
  const srcCodes = new Set(src.codes);
  for (const code of new Set(src.codes)) {
    if (dstCodes.has(code)) continue;
    out.push({ kind: 'code', term: code, insteadOf: firstUnused(dst.codes, srcCodes) ?? resembling(code, dst.plain) });
  }

  const referenceTargets = (links: Inline['links']) => links.map((l) => l.href).filter((h) => parseReference(h));
  const srcTargets = referenceTargets(src.links);
  const dstTargets = referenceTargets(dst.links);
  for (const target of new Set(srcTargets)) {
    if (dstTargets.includes(target)) continue;
    out.push({ kind: 'target', term: target, insteadOf: firstUnused(dstTargets, new Set(srcTargets)) });
  }

  for (const link of src.links) {
    const ref = parseReference(link.href);
    const code = ref?.kind === 'code' ? ref.ids[1] : undefined;
    if (!code || link.text.trim() !== code) continue;
    const kept = dst.links.filter((l) => l.href === link.href);
    if (kept.length === 0 || kept.some((l) => l.text.trim() === code)) continue;
    out.push({ kind: 'code-name', term: code, insteadOf: kept[0].text.trim() });
  }

  for (const term of glossary) {
    if (termAt(src.plain, term) < 0 || termAt(dst.plain, term) >= 0) continue;
    out.push({ kind: 'glossary', term, insteadOf: resembling(term, dst.plain) });
  }
  return out;
}
