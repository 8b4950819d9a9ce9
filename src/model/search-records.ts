import { kinds } from '../content/kinds.ts';
import type { TFunction } from 'i18next';
import type { ArticlePage } from './types.ts';

/** A search result that is not a page of its own, such as one step of an article. */
export interface SearchRecord {
  /** Root-absolute URL with its anchor, e.g. `/en/articles/a/#step-id`. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Text cut at a word boundary with an ellipsis, e.g. `shorten('a long text', 6)` → `a long…`. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 0 ? space : max)}…`;
}

/**
 * How much of a text a result carries as its excerpt, in characters: whole sentences, of which the
 * search dialog shows about 200, starting at the sentence where the query is.
 */
export const excerptLength = 600;

/**
 * A result's excerpt: whole sentences that fit, else the text cut at a word, e.g.
 * `excerpt('One. Two three.', 10)` → `One.`. Pagefind's own excerpts are windows of indexed words,
 * which start mid-sentence and show whatever else the page indexes (code lists, URLs).
 */
export function excerpt(text: string, max = excerptLength): string {
  if (text.length <= max) return text;
  // A sentence ends at a stop followed by space and no lower-case letter (`Stack Trace... to see` goes on).
  const ends = [...text.slice(0, max + 2).matchAll(/[.!?。؟](?=\s+[^\p{Ll}\s])/gu)].map((m) => m.index + 1).filter((i) => i <= max);
  const end = ends.filter((i) => i >= max / 3).at(-1);
  return end ? text.slice(0, end) : shorten(text, max);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of our own rendered markdown, e.g. `<p>Open <code>x</code> &amp; go</p>` → `Open x & go`. */
export function htmlToText(html: string): string {
  return html
    // Inline tags sit inside words and sentences (`<code>x</code>.`, `ב־<bdi>Term</bdi>`): no space.
    .replace(/<\/?(a|bdi|code|em|strong)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, name: string) => {
      if (name[0] !== '#') return entities[name] ?? m;
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Each step of an article as a search record of its own, linked to its anchor, so a search for
 * words in step 4 opens step 4 rather than the top of a long article; `partsOf` gives the parts of
 * a code that are indexed on its page.
 */
export function stepRecords(page: ArticlePage, t: TFunction, partsOf: (code: string) => string[] = () => []): SearchRecord[] {
  return page.steps.map((step) => {
    const label = t('step.number', { n: step.n });
    const text = htmlToText(step.html);
    return {
      url: `${page.url}#${step.id}`,
      // The codes the step lists are indexed even where its text does not name them, with their
      // parts, so a part that finds a code's page (`not_available`) finds the step about it too.
      content: [step.title, text, ...step.codes.flatMap((c) => [c.code, ...partsOf(c.code)])].filter(Boolean).join(' '),
      language: page.locale,
      // The excerpt is the step's own text in sentences; the title is the result's heading.
      meta: { title: step.title ? `${label}: ${step.title}` : label, kind: kinds.step.search, article: page.title, excerpt: excerpt(text) },
      filters: { kind: [kinds.step.search] },
    };
  });
}
