import type { Severity } from '../content/types.ts';
import type { PageSearch } from './search-model.ts';

/** Page model: everything a template prints, computed in TypeScript. Every href is relative to its page. */

export type PageKind = 'root' | 'home' | 'article' | 'catalog' | 'code' | 'references' | 'notFound';

export interface Crumb {
  label: string;
  href?: string;
}

export interface NavItem {
  label: string;
  href: string;
  current: boolean;
}

export interface Alternate {
  locale: string;
  label: string;
  href: string;
  current: boolean;
}

export interface CodeChip {
  code: string;
  title?: string;
  severity: Severity;
  href: string;
}

export interface Reference {
  id: string;
  title: string;
  url: string;
  publisher?: string;
}

/** A message to the reader about how the page's text was made. */
export interface Notice {
  kind: 'machine' | 'fallback' | 'stale';
  text: string;
  href?: string;
  linkText?: string;
}

export interface PageBase {
  kind: PageKind;
  /** Root-absolute URL, e.g. `/en/errors/x/`; used for output and alternates, never printed as a link. */
  url: string;
  outputPath: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Heading of the page. */
  title: string;
  /** Text of `<title>`. */
  docTitle: string;
  description?: string;
  robots?: string;
  siteTitle: string;
  homeHref: string;
  stylesheet: string;
  breadcrumbs: Crumb[];
  notices: Notice[];
  /** Language of the main text when it is shown untranslated. */
  contentLang?: string;
  nav: NavItem[];
  alternates: Alternate[];
  /** Indexing attributes and the search box; set once every page is built. */
  search?: PageSearch;
}

export interface RootPage extends PageBase {
  kind: 'root';
  languages: { label: string; href: string; lang: string }[];
  /** With one locale, the root forwards straight to it. */
  forward?: string;
}

export interface HomePage extends PageBase {
  kind: 'home';
  descriptionHtml?: string;
  articles: { title: string; summaryHtml?: string; href: string }[];
  catalogs: { title: string; summaryHtml?: string; href: string; count: number }[];
}

export interface StepModel {
  id: string;
  /** Set when the step is shown in the source language. */
  lang?: string;
  notice?: Notice;
  n: number;
  title?: string;
  html: string;
  codes: CodeChip[];
  references: Reference[];
}

export interface ArticlePage extends PageBase {
  kind: 'article';
  summaryHtml?: string;
  introHtml?: string;
  updated?: string;
  audience?: string;
  steps: StepModel[];
}

export interface CatalogRow extends CodeChip {
  meaningHtml: string;
  lang?: string;
}

export interface CatalogPage extends PageBase {
  kind: 'catalog';
  summaryHtml?: string;
  count: number;
  groups: { id?: string; title?: string; summaryHtml?: string; rows: CatalogRow[] }[];
}

export interface CodePage extends PageBase {
  kind: 'code';
  code: string;
  severity: Severity;
  catalog: { title: string; href: string };
  phases: string[];
  meaningHtml: string;
  actionHtml?: string;
  steps: { label: string; articleTitle: string; href: string }[];
  related: CodeChip[];
  references: Reference[];
}

export interface ReferencesPage extends PageBase {
  kind: 'references';
  links: (Reference & {
    archive?: string;
    usedBy: { label: string; href: string }[];
    history: { url: string; until?: string; note?: string }[];
  })[];
}

export interface NotFoundPage extends PageBase {
  kind: 'notFound';
}

export type Page = RootPage | HomePage | ArticlePage | CatalogPage | CodePage | ReferencesPage | NotFoundPage;
