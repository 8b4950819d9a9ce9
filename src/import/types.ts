/** Shapes shared by the Docs-markdown importer. */
import type { Problem } from '../content/problems.ts';
import type { Method } from '../i18n/overlay-types.ts';

/** Thrown when a file cannot be imported (malformed front matter, no steps…); carries every problem. */
export class ImportError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ImportError';
  }
}

/** Thrown for a wrong command line (unknown article, locale that is not a site locale…): exit 2. */
export class ImportUsageError extends Error {
  name = 'ImportUsageError';
}

/** What Docs front matter says about translation provenance, kept in the overlay as it was. */
export interface DocsProvenance {
  file: string;
  contentLocale?: string;
  translationType?: string;
  lastHandoff?: string;
  openLocFileHash?: string;
  sourceGitCommit?: string;
  locFileId?: string;
}

/** Front matter mapped onto the content model's fields. */
export interface DocsMeta {
  title?: string;
  summary?: string;
  updated?: string;
  owner?: string;
  audience?: string;
  robots?: string;
  /** Set only when the front matter marks the file as a translation. */
  translation?: { locale?: string; method?: Method; date?: string; provenance: DocsProvenance };
}

/** One step as imported: markdown with `link:`/`error:` references, and what it refers to. */
export interface ImportedStep {
  text: string;
  /** Plain words of the step, for ids and messages. */
  plain: string;
  links: string[];
  errors: string[];
  /** Bold or code-span names that matched no catalog code, in order (candidates for lost code names). */
  names: string[];
  /** 1-based line of the step in the markdown file. */
  line: number;
}

/** A Docs-style markdown article, parsed and converted. */
export interface ImportedDoc {
  file: string;
  meta: DocsMeta;
  anchor?: string;
  heading?: string;
  intro?: string;
  steps: ImportedStep[];
  warnings: Problem[];
}
