/** Translation overlays: translated text keyed by stable ids, plus how it was made. */

export type Method = 'machine' | 'human' | 'reviewed';

export interface Provenance {
  method: Method;
  date: string;
}

/** One translated record; `source` is the hash of the source text it was made from. */
export interface RecordOverlay {
  source?: string;
  method?: Method;
  [field: string]: string | undefined;
}

export interface SiteOverlay {
  translation: Provenance;
  source?: string;
  method?: Method;
  title?: string;
  description?: string;
}

export interface ArticleOverlay {
  translation: Provenance;
  source?: string;
  method?: Method;
  title?: string;
  summary?: string;
  intro?: string;
  steps?: Record<string, RecordOverlay>;
}

export interface CatalogOverlay {
  translation: Provenance;
  source?: string;
  method?: Method;
  title?: string;
  summary?: string;
  phases?: Record<string, RecordOverlay>;
  codes?: Record<string, RecordOverlay>;
}

export interface LinksOverlay {
  translation: Provenance;
  links: Record<string, RecordOverlay>;
}

/** The translatable fields of each kind of record, in hash order. */
export const translatable = {
  site: ['title', 'description'],
  article: ['title', 'summary', 'intro'],
  step: ['title', 'text'],
  catalog: ['title', 'summary'],
  phase: ['title', 'summary'],
  code: ['title', 'meaning', 'action'],
  link: ['title'],
} as const;
