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
 * words in step 4 opens step 4 rather than the top of a long article.
 */
export function stepRecords(page: ArticlePage, t: TFunction): SearchRecord[] {
  return page.steps.map((step) => {
    const label = t('step.number', { n: step.n });
    return {
      url: `${page.url}#${step.id}`,
      content: [step.title, htmlToText(step.html), ...step.codes.map((c) => c.code)].filter(Boolean).join(' '),
      language: page.locale,
      meta: { title: step.title ? `${label}: ${step.title}` : label, kind: kinds.step.search, article: page.title },
      filters: { kind: [kinds.step.search] },
    };
  });
}
