import type { Severity } from '../content/types.ts';
import type { CodeChip, CopyButton, Heading, PageBase, Pager, RecordView, Reference, TranslationState } from './types.ts';

/** The page kinds of the model, one interface each; `Page` is their union. */

export interface RootPage extends PageBase {
  kind: 'root';
  /** A sentence above the list, e.g. on the lookup address go/. */
  intro?: string;
  /** The language script falls back to when the reader's preferences match none. */
  defaultLocale: string;
  languagesHeading: Heading;
  languages: { label: string; href: string; lang: string }[];
  /** With one locale, the root forwards straight to it. */
  forward?: string;
}

export interface HomePage extends PageBase {
  kind: 'home';
  headings: { articles: Heading; catalogs: Heading };
  descriptionHtml?: string;
  articles: (RecordView & { title: string; summaryHtml?: string; href: string })[];
  catalogs: (RecordView & { title: string; summaryHtml?: string; href: string; count: number })[];
}

export interface StepModel extends RecordView, RecordFields {
  id: string;
  /** Id of the step's heading; the step's own `id` is its anchor. */
  headingId: string;
  n: number;
  title?: string;
  /** The steps before and after it, for reading step by step. */
  pager: Pager;
  html: string;
  codes: CodeChip[];
  references: Reference[];
}

/** A page of one record: its translatable fields as templates print them (Markdown ones as HTML). */
export interface RecordFields {
  fields: Record<string, string>;
}

export interface ArticlePage extends PageBase, RecordFields {
  kind: 'article';
  summaryHtml?: string;
  introHtml?: string;
  stepsHeading: Heading;
  steps: StepModel[];
}

export interface CatalogRow extends CodeChip {
  /**
   * The row's id: the code, or in a catalog with phases `<phase>/<code>`, since a code listed under
   * two phases has two rows (ids never hold `/`, so these never meet another id of the page).
   */
  id: string;
  anchorLabel: string;
  meaningHtml: string;
}

/** The codes of one phase of a catalog (or all codes, when the catalog has no phases). */
export interface CodeGroup extends RecordView {
  id?: string;
  heading?: Heading;
  summaryHtml?: string;
  rows: CatalogRow[];
}

/** The filter box above a catalog's table; shown only when its script runs (src/assets/catalog-filter.js). */
export interface CatalogFilter {
  label: string;
  placeholder: string;
  /** `Codes shown: {{shown}} of {{total}}`, filled in by the script. */
  shown: string;
  /** `No code matches “{{query}}”.`, filled in by the script. */
  noMatch: string;
}

export interface CatalogPage extends PageBase, RecordFields {
  kind: 'catalog';
  catalogId: string;
  /** Whether the catalog tells its codes and aliases apart by case (its `caseSensitive`). */
  caseSensitive: boolean;
  summaryHtml?: string;
  count: number;
  filter: CatalogFilter;
  groups: CodeGroup[];
}

export interface CodePage extends PageBase, RecordFields {
  kind: 'code';
  code: string;
  /** Other names the product prints for the code, as the catalog lists them. */
  aliases: string[];
  /** Whether its catalog tells codes and aliases apart by case. */
  caseSensitive: boolean;
  /** How the code's text in this locale was made: the source, or its translation's state and method. */
  translation: TranslationState;
  severity: Severity;
  /** The catalog the code belongs to: its id (as in `error:<catalog>/<code>`), title and page. */
  catalog: { id: string; title: string; href: string };
  phases: (RecordView & { title: string; href: string })[];
  meaningHtml: string;
  actionHtml?: string;
  /** The page's sections, each present only when the page has it. */
  sections: { meaning: Heading; action: Heading; steps?: Heading; related?: Heading; references?: Heading };
  steps: (RecordView & { label: string; articleTitle: string; href: string })[];
  related: CodeChip[];
  references: Reference[];
  copy: CopyButton;
  /** The codes before and after it in its catalog. */
  pager: Pager;
}

export interface ReferencesPage extends PageBase {
  kind: 'references';
  links: (Reference & {
    heading: Heading;
    usedByHeading: Heading;
    historyHeading: Heading;
    archive?: string;
    usedBy: (RecordView & { label: string; href: string })[];
    history: { url: string; until?: string; note?: string }[];
  })[];
}

/**
 * One status of one locale, with its share of all records. The record statuses (a person's
 * current translation, a current machine one, stale, missing) divide the records between them;
 * lost protected terms are counted beside them.
 */
export interface StatusRow {
  status: 'translated' | 'stale' | 'missing' | 'machine' | 'protectedTerms';
  label: string;
  count: number;
  /** The count as the page's locale writes numbers. */
  countText: string;
  total: number;
  percent: string;
}

/** A record a translator should look at, linked to where readers see it. */
export interface StatusItem {
  key: string;
  state: string;
  where: string;
  href: string;
  detail?: string;
}

/**
 * A locale's translation in one sentence: done only when every record is a person's translation
 * of the current source; otherwise the shares that are not, e.g. `Machine-translated, not reviewed (100%)`.
 */
export interface StatusVerdict {
  done: boolean;
  text: string;
  parts: string[];
}

export interface TranslationStatusPage extends PageBase {
  kind: 'translationStatus';
  locales: {
    locale: string; label: string; dir: 'ltr' | 'rtl'; total: number;
    verdict: StatusVerdict; rows: StatusRow[]; items: StatusItem[]; uiMissing: string[];
    heading: Heading; uiHeading: Heading; itemsHeading: Heading;
  }[];
}

/**
 * What the "page not found" page needs to find the site's root folder from wherever a server
 * shows it (`/kb/en/errors/x/y/`), since its relative links are right only from its own folder.
 */
export interface SiteLocator {
  /** The site's locale codes: pages start at a folder named after one, e.g. `/kb/en/…` → root `/kb/`. */
  locales: string[];
  /** The page's own folder below the root (`` or `en/`), which its relative links are written from. */
  base: string;
  /** A file of the root folder that a guess at the root is confirmed by: the stylesheet, loaded from there. */
  probe: string;
}

export interface NotFoundPage extends PageBase {
  kind: 'notFound';
  locator: SiteLocator;
}

/** The lookup address of one locale, `<locale>/go/#<code>`; assets/go.js does the looking up. */
export interface GoPage extends PageBase {
  kind: 'go';
  intro: string;
  /** Relative path to the site root, for the script to find the code list. */
  root: string;
  /** JSON of the strings the script shows. */
  strings: string;
  /** Where a reader without script finds the codes. */
  catalogs: { title: string; href: string }[];
}

/** "Paste your log" of one locale; assets/log-reader.js reads the text in the browser. */
export interface DiagnosePage extends PageBase {
  kind: 'diagnose';
  root: string;
  strings: string;
  catalogs: { title: string; href: string }[];
}

export type Page = RootPage | HomePage | ArticlePage | CatalogPage | CodePage | ReferencesPage | TranslationStatusPage | NotFoundPage | GoPage | DiagnosePage;
