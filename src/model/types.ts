import type { Severity } from '../content/types.ts';
import type { PageSearch } from './search-model.ts';

/** Page model: everything a template prints, computed in TypeScript. Every href is relative to its page. */

export type PageKind = 'root' | 'home' | 'article' | 'catalog' | 'code' | 'references' | 'translationStatus' | 'notFound' | 'go' | 'diagnose';

export interface Crumb {
  label: string;
  href?: string;
  /** The record the label names, so its language is marked when it is shown untranslated. */
  key?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** An entry of the site navigation: a page, or a group of pages (no href) such as the catalogs. */
export interface NavItem {
  label: string;
  href?: string;
  /** The page itself. */
  current: boolean;
  /** The page is inside this entry, e.g. a code page inside its catalog. */
  contains?: boolean;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  items?: NavItem[];
}

/** The site menu: a sidebar on wide screens, a menu button on narrow ones; it holds the language switcher too. */
export interface SiteMenu {
  /** Text of the menu button. */
  button: string;
  /** Accessible name of the navigation landmark. */
  label: string;
  items: NavItem[];
}

/**
 * A heading with a stable id and a visible anchor link, e.g. a code page's "What it means".
 * Ids are unique on their page (src/model/page-ids.ts) and the same in every locale.
 */
export interface Heading {
  /** The heading element's id. */
  id: string;
  text: string;
  /** Where its anchor link points: `#` and the heading's id, or the section or list item it titles. */
  href: string;
  /** Accessible name of the anchor link, e.g. `Link to this section: What it means`. */
  anchorLabel: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** One line of an on-page table of contents. */
export interface TocEntry {
  label: string;
  href: string;
  /** A few words after the label, e.g. a phase's number of codes. */
  note?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** The on-page table of contents: steps of an article, sections of a code page, phases of a catalog. */
export interface Toc {
  /** Its title and the accessible name of its navigation landmark, e.g. `On this page`. */
  label: string;
  entries: TocEntry[];
}

/** A link to the record before or after this one, e.g. the next code of a catalog. */
export interface PagerLink {
  /** What the link says before the record's name, e.g. `Next code`. */
  rel: string;
  label: string;
  href: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export interface Pager {
  /** Accessible name of the pager, when it is a navigation landmark of its own. */
  label?: string;
  prev?: PagerLink;
  next?: PagerLink;
}

/** A button that copies a code name; shown only when its script runs (src/assets/copy-code.js). */
export interface CopyButton {
  text: string;
  button: string;
  /** Accessible name, e.g. `Copy stopped-server`. */
  label: string;
  /** Said to screen readers once copied. */
  done: string;
  /** Said when the browser refused: the code is left selected for the reader to copy. */
  failed: string;
}

export interface Alternate {
  locale: string;
  label: string;
  href: string;
  current: boolean;
}

/**
 * How a record's text reads where it is shown: its language and direction when it is shown
 * untranslated, and a mark when its translation is stale, machine-made or missing and the page
 * does not already say so. Every record shown anywhere carries one, computed the same way.
 */
export interface RecordView {
  lang?: string;
  dir?: 'ltr' | 'rtl';
  mark?: Notice;
}

export interface CodeChip extends RecordView {
  code: string;
  title?: string;
  severity: Severity;
  href: string;
}

export interface Reference extends RecordView {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  /** Health at the last link check, when a link-status file was present at build. */
  status?: ReferenceStatus;
}

/** What readers are told about a reference's health; see src/model/link-status.ts. */
export interface ReferenceStatus {
  /** e.g. `Last verified on March 1, 2026`. */
  verified?: string;
  /** Set when the link is broken and has an archived copy: readers are sent there. */
  archiveHref?: string;
  notice?: string;
}

/** How a record's text in one locale was made, e.g. `{ state: 'translated', method: 'machine' }`; `source` in the source locale. */
export interface TranslationState {
  state: 'source' | 'translated' | 'stale' | 'missing';
  method?: 'machine' | 'human' | 'reviewed';
}

/** A message to the reader about how the page's text was made. */
export interface Notice {
  kind: 'machine' | 'fallback' | 'stale';
  text: string;
  /** A few words for a mark beside the record, e.g. `May be out of date`. */
  short?: string;
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
  /** The site's icon, relative to the page like every asset, so it loads from any sub-path and from disk. */
  favicon: string;
  breadcrumbs: Crumb[];
  notices: Notice[];
  /** Language of the main text when it is shown untranslated. */
  contentLang?: string;
  /** Scripts the page loads (deferred), relative to it; pages work without them. */
  scripts: string[];
  /** Direction of the source language, for text shown untranslated. */
  sourceDir: 'ltr' | 'rtl';
  nav: NavItem[];
  /** The site navigation with its labels; absent on pages without navigation (the language chooser). */
  menu?: SiteMenu;
  /** What the `<h1>` prints: the title, and on a code page the code (set apart as code). */
  heading: { text?: string; code?: string };
  /** Short facts printed under the heading, e.g. `Last updated on February 19, 2021`. */
  meta: string[];
  /** On-page table of contents, on pages with sections to jump to. */
  toc?: Toc;
  alternates: Alternate[];
  /** The page for readers whose language the site does not have (the source-language page). */
  xDefault?: string;
  /** The translation status page, on sites with more than one locale. */
  statusHref?: string;
  /** Indexing attributes and the search box; set once every page is built. */
  search?: PageSearch;
  /** "Did this solve your problem?", on pages that ask it when site.json names a feedback target. */
  feedback?: Feedback;
}

/** The feedback question and its answers, each a plain link to the site's feedback target. */
export interface Feedback {
  question: string;
  answers: { value: 'yes' | 'no'; label: string; href: string }[];
}

export type * from './page-kinds.ts';
