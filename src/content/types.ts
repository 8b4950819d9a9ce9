/**
 * Source records as authors write them in data/ (already schema-valid when typed as these).
 * Their shapes are generated from data/schemas into ./schema-types.ts; this module adds what
 * is not a file's shape.
 */
import type { Article, Catalog, LinkRegistry, SiteConfig, TranslationPolicy } from './schema-types.ts';

export type {
  Article, Catalog, ErrorCode, LinkEntry, LinkHistory, LinkRegistry, LocaleConfig, Phase, Severity, SiteConfig, Step,
  TranslationPolicy,
} from './schema-types.ts';

/** The statuses a translation policy may limit: the keys of `translationPolicy.thresholds`. */
export type StatusCount = keyof NonNullable<TranslationPolicy['thresholds']>;

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
  links: Sourced<LinkRegistry>;
}
