/**
 * Deterministic text for synthetic content: a seeded random source, sentences of everyday
 * troubleshooting vocabulary, and a pseudo-translation that keeps every protected term.
 */

/** A seeded random source (mulberry32), e.g. `random(1)()` → a float in [0, 1), the same every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

/** An integer in [min, max], e.g. `between(rng, 1, 3)` → 2. */
export const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** One element of a non-empty list. */
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

/** Lowercase words that pseudo-translation may replace; nothing protected is among them. */
export const vocabulary = [
  'the', 'service', 'server', 'agent', 'connector', 'object', 'account', 'run', 'step', 'import', 'export',
  'sync', 'profile', 'queue', 'record', 'attribute', 'value', 'rule', 'filter', 'partition', 'container',
  'database', 'log', 'event', 'error', 'warning', 'stopped', 'started', 'finished', 'failed', 'because',
  'when', 'after', 'before', 'until', 'again', 'check', 'open', 'review', 'restart', 'confirm', 'update',
  'correct', 'remove', 'add', 'enable', 'disable', 'retry', 'wait', 'read', 'write', 'could', 'not',
  'was', 'is', 'are', 'has', 'have', 'some', 'one', 'or', 'more', 'every', 'each', 'new', 'old', 'missing',
  'duplicate', 'invalid', 'expired', 'locked', 'slow', 'large', 'empty', 'full', 'delta', 'password',
  'certificate', 'permission', 'credentials', 'network', 'timeout', 'connection', 'schema', 'reference',
  'anchor', 'join', 'provisioning', 'deletion', 'threshold', 'memory', 'disk', 'space', 'history',
  'properties', 'settings', 'console', 'host', 'port', 'domain', 'forest', 'tenant', 'batch', 'retries',
  'of', 'in', 'to', 'for', 'on', 'with', 'from', 'by', 'and', 'then', 'that', 'this', 'it', 'its', 'a',
];

/** A sentence of `n` vocabulary words, capitalised and ending with a full stop. */
export function sentence(rng: Rng, n: number): string {
  const words = Array.from({ length: n }, () => pick(rng, vocabulary));
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** Sentences until the text reaches about `chars` characters, e.g. a 200-character meaning. */
export function prose(rng: Rng, chars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const s = sentence(rng, between(rng, 6, 16));
    out.push(s);
    length += s.length + 1;
  }
  return out.join(' ');
}

/** A stand-in word for one locale: the same every time, e.g. `foreignWord('id', 'server')` → `servera`. */
export function foreignWord(locale: string, word: string): string {
  const reversed = [...word].reverse().join('');
  return locale.length % 2 === 0 ? `${word}${reversed[0]}a` : `${reversed}o`;
}

const protectedPart = /(`[^`]*`|\[[^\]]*\]\([^)]*\)|\b[A-Za-z][\w]*(?:-[\w]+)+\b)/;
const vocabularySet = new Set(vocabulary);

/**
 * Pseudo-translates markdown: replaces vocabulary words outside code spans, links and hyphenated
 * names, so protected terms (code spans, references, code names, glossary terms) stay verbatim.
 */
export function pseudoTranslate(locale: string, text: string): string {
  return text
    .split(protectedPart)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]+/g, (w) => {
      const lower = w.toLowerCase();
      if (!vocabularySet.has(lower)) return w;
      const t = foreignWord(locale, lower);
      return w === lower ? t : `${t[0].toUpperCase()}${t.slice(1)}`;
    })))
    .join('');
}
