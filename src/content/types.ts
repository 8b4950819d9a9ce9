/** Source records as authors write them in data/ (already schema-valid when typed as these). */

export type Severity = 'error' | 'warning' | 'info' | 'success';

export interface LocaleConfig {
  code: string;
  label: string;
  dir?: 'ltr' | 'rtl';
}

export interface SiteConfig {
  title: string;
  description?: string;
  defaultLocale: string;
  locales: LocaleConfig[];
  robots?: string;
  glossary?: string[];
  translationPolicy?: TranslationPolicy;
}

export type StatusCount = 'missing' | 'stale' | 'staleHuman' | 'machine' | 'protectedTerms';

/** How strictly translations are checked; see data/schemas/site.schema.json. */
export interface TranslationPolicy {
  protectedTerms?: 'error' | 'warning';
  thresholds?: Partial<Record<StatusCount, number>>;
}

export interface Step {
  id: string;
  title?: string;
  text: string;
  errors?: string[];
  links?: string[];
}

export interface Article {
  id: string;
  title: string;
  summary?: string;
  intro?: string;
  updated?: string;
  audience?: string;
  owner?: string;
  robots?: string;
  steps: Step[];
}

export interface Phase {
  id: string;
  title: string;
  summary?: string;
}

export interface ErrorCode {
  code: string;
  title?: string;
  severity: Severity;
  phases?: string[];
  meaning: string;
  action?: string;
  related?: string[];
  links?: string[];
}

export interface Catalog {
  id: string;
  title: string;
  summary?: string;
  product?: string;
  phases?: Phase[];
  codes: ErrorCode[];
}

export interface LinkHistory {
  url: string;
  until?: string;
  note?: string;
}

export interface LinkEntry {
  url: string;
  title: string;
  publisher?: string;
  archive?: string;
  history?: LinkHistory[];
}

/** A record together with the parsed file it came from, so later checks can locate problems. */
export interface Sourced<T> {
  value: T;
  source: import('./json-source.ts').JsonSource;
  /** Parsed, but broke its schema: its ids count for cross-checks; it is never rendered. */
  invalid?: boolean;
}

/** Everything loaded from a data folder. */
export interface Content {
  dataDir: string;
  site: Sourced<SiteConfig>;
  articles: Sourced<Article>[];
  catalogs: Sourced<Catalog>[];
  links: Sourced<{ links: Record<string, LinkEntry> }>;
}
