/**
 * Markdown text as XLIFF inline content: protected terms become native codes a translation
 * tool shows as locked tags, the words between them stay translatable, and joining the parts
 * gives back the text exactly.
 *
 * Every protected part is a `<ph>` (or a `<bpt>`/`<ept>` pair around a link's words), not
 * `<mrk mtype="protected">`: translation tools (Trados, memoQ, OmegaT, Okapi, Weblate, Phrase)
 * all show `<ph>`/`<bpt>`/`<ept>` as tags whose content cannot be edited and flag a target that
 * drops one, while many of them read `<mrk>` as plain, editable text. Line breaks are `<x
 * ctype="lb"/>`, XLIFF 1.2's line-break code, so no tool trims or reflows them.
 */

/** A protected piece of a text: its native code (the exact characters) and the tag that carries it. */
export interface Code {
  tag: 'ph' | 'bpt' | 'ept' | 'x';
  id: string;
  code: string;
  /** XLIFF 1.2 ctype: `x-code`, `x-term`, `x-link`, `x-placeholder`, `link` (bpt), `lb`, `x-cr`. */
  ctype?: string;
}

/** A text as a run of plain words and protected codes. */
export type Segment = string | Code;

interface Span {
  start: number;
  end: number;
  tag: 'ph' | 'bpt' | 'ept';
  ctype?: string;
  /** For a bpt/ept pair, the link target both ends belong to. */
  pair?: string;
}

/** Code spans of a markdown text, as [start, end) ranges, e.g. `` a `b` `` → `[[2, 5]]`. */
export function codeSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '`') continue;
    let n = 1;
    while (text[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let close = text.indexOf(fence, i + n);
    while (close >= 0 && text[close + n] === '`') {
      let skip = close;
      while (text[skip] === '`') skip++;
      close = text.indexOf(fence, skip);
    }
    if (close < 0) {
      i += n - 1;
      continue;
    }
    out.push([i, close + n]);
    i = close + n - 1;
  }
  return out;
}

/** True when an offset falls in one of the ranges. */
const inside = (ranges: [number, number][], at: number) => ranges.some(([s, e]) => at >= s && at < e);

/** The `[` that opens the link whose text ends at `close` (a `]`), skipping code spans; -1 when none. */
function openingBracket(text: string, close: number, code: [number, number][]): number {
  let depth = 0;
  for (let j = close - 1; j >= 0; j--) {
    const span = code.find(([s, e]) => j >= s && j < e);
    if (span) {
      j = span[0];
      continue;
    }
    if (text[j - 1] === '\\') continue;
    if (text[j] === ']') depth++;
    else if (text[j] === '[') {
      if (depth === 0) return text[j - 1] === '!' ? -1 : j;
      depth--;
    }
  }
  return -1;
}

const referenceLink = /\]\(((?:link|error):[^\s()]+|#[^\s()]+)\)/g;
const placeholder = /\{\{[^{}]*\}\}|\$t\([^()]*\)/g;

/** Every protected span of a text: code spans, `link:`/`error:`/`#` targets, code names, glossary terms, and (UI strings) `{{placeholders}}`. */
export function protectedSpans(text: string, glossary: readonly string[], ui = false): Span[] {
  const code = codeSpans(text);
  const spans: Span[] = code.map(([start, end]) => ({ start, end, tag: 'ph', ctype: 'x-code' }));
  const taken = (s: number, e: number) => spans.some((x) => s < x.end && e > x.start);
  for (const m of text.matchAll(referenceLink)) {
    const close = m.index;
    if (inside(code, close)) continue;
    const open = openingBracket(text, close, code);
    const end = close + m[0].length;
    if (open < 0 || taken(open, end)) continue;
    const words = text.slice(open + 1, close).trim();
    if (m[1].startsWith('error:') && m[1].endsWith(`/${words}`)) spans.push({ start: open, end, tag: 'ph', ctype: 'x-link' });
    else spans.push({ start: open, end: open + 1, tag: 'bpt', ctype: 'link', pair: m[1] }, { start: close, end, tag: 'ept', pair: m[1] });
  }
  for (const term of [...glossary].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      if (!taken(at, at + term.length)) spans.push({ start: at, end: at + term.length, tag: 'ph', ctype: 'x-term' });
    }
  }
  if (ui) {
    for (const m of text.matchAll(placeholder)) {
      if (!taken(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, tag: 'ph', ctype: 'x-placeholder' });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Plain text split at line breaks, each break an `<x ctype="lb"/>` (or `x-cr` for a carriage return). */
function words(text: string, out: Segment[], idFor: (c: Code) => string): void {
  for (const part of text.split(/(\r|\n)/)) {
    if (part !== '\n' && part !== '\r') {
      if (part) out.push(part);
      continue;
    }
    const c: Code = { tag: 'x', id: '', code: part, ctype: part === '\n' ? 'lb' : 'x-cr' };
    c.id = idFor(c);
    out.push(c);
  }
}

/** Which source code a target code stands for: same tag and characters (a link's ends by their target). */
const matchKey = (c: Code, pair?: string) => `${c.tag}\u0000${pair ?? c.code}`;

/**
 * A text as segments with XLIFF ids. Ids count from 1 in the source; pass the source's segments
 * as `like` for a translation so that its codes reuse the ids of the same codes in the source,
 * e.g. `toSegments('see `x`', [])` → `['see ', { tag: 'ph', id: '1', code: '`x`', ctype: 'x-code' }]`.
 */
export function toSegments(text: string, glossary: readonly string[], opts: { ui?: boolean; like?: Segment[] } = {}): Segment[] {
  const reuse = new Map<string, string[]>();
  let max = 0;
  for (const s of opts.like ?? []) {
    if (typeof s === 'string') continue;
    max = Math.max(max, Number(s.id) || 0);
    if (s.tag === 'ept') continue;
    const key = matchKey(s, pairOf(opts.like!, s));
    reuse.set(key, [...(reuse.get(key) ?? []), s.id]);
  }
  const fresh = () => String(++max);
  const idFor = (c: Code, pair?: string) => reuse.get(matchKey(c, pair))?.shift() ?? fresh();
  const out: Segment[] = [];
  const pairIds = new Map<Span, string>();
  const spans = protectedSpans(text, glossary, opts.ui);
  let at = 0;
  for (const span of spans) {
    words(text.slice(at, span.start), out, idFor);
    const code = text.slice(span.start, span.end);
    if (span.tag === 'ept') {
      const open = [...pairIds.keys()].find((s) => s.pair === span.pair);
      const id = open ? pairIds.get(open)! : fresh();
      if (open) pairIds.delete(open);
      out.push({ tag: 'ept', id, code });
    } else {
      const c: Code = { tag: span.tag, id: '', code, ctype: span.ctype };
      c.id = idFor(c, span.pair);
      if (span.tag === 'bpt') pairIds.set(span, c.id);
      out.push(c);
    }
    at = span.end;
  }
  words(text.slice(at), out, idFor);
  return out;
}

/** The link target of a bpt in a segment list, read from the ept with the same id. */
function pairOf(segments: Segment[], s: Code): string | undefined {
  if (s.tag !== 'bpt') return undefined;
  const end = segments.find((x): x is Code => typeof x !== 'string' && x.tag === 'ept' && x.id === s.id);
  return end?.code.slice(2, -1);
}

/** Joins segments back into the text they came from. */
export function fromSegments(segments: Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.code)).join('');
}
