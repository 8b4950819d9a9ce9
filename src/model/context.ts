import type { TFunction } from 'i18next';
import { createMarkdown, type MarkdownEnv, type ResolvedHref } from '../markdown/create-markdown.ts';
import { parseReference, referenceKey } from '../markdown/references.ts';
import type { ContentIndex } from '../content/index.ts';
import { kinds, recordKey } from '../content/kinds.ts';
import { allRecords, type SourceRecord } from '../content/records.ts';
import type { Content, LocaleConfig } from '../content/types.ts';
import type { RecordStatus } from '../i18n/localize.ts';
import { pageNotices, recordView, type NoticeContext } from './record-notices.ts';
import type { Crumb, NavItem, Notice, PageBase, PageKind, RecordView, Reference, TranslationState } from './types.ts';
import { navFor, type NavSpec } from './navigation.ts';
import { outputPathOf, relativeHref, urls } from './urls.ts';

const md = createMarkdown();

/** Everything a page builder needs for one locale. */
export interface LocaleContext {
  locale: LocaleConfig;
  code: string;
  dir: 'ltr' | 'rtl';
  t: TFunction;
  content: Content;
  index: ContentIndex;
  /** Every record of this locale's content by key, translations applied. */
  records: Map<string, SourceRecord>;
  /** Builds the shared part of a page. */
  base: (kind: PageKind, url: string, title: string, crumbs: Crumb[], extra?: { description?: string; robots?: string }) => PageBase;
  /** Renders block markdown for the page at `from`. */
  block: (text: string, from: string) => string;
  /** Renders inline markdown (no paragraph) for the page at `from`. */
  inline: (text: string, from: string) => string;
  /** Registry entries as references seen from the page at `from` (whose own record is `pageKey`), skipping unknown ids. */
  references: (ids: string[], from: string, pageKey?: string) => Reference[];
  /**
   * Every translatable field of a record as a template prints it: Markdown fields rendered for
   * the page at `from`, plain ones as text, so a field added to the table of record kinds
   * reaches the templates (`p.fields.symptom`) with no change to the page model.
   */
  fields: (key: string, from: string) => Record<string, string>;
  /** Where readers of this locale see a record, relative to the page at `from`, e.g. `../a/#step`. */
  hrefOf: (key: string, from: string) => string;
  /** Formats a YYYY-MM-DD (or YYYY, YYYY-MM) date for this locale with Intl. */
  date: (iso: string) => string;
  /**
   * What a reader must be told at the top of the page at `url` about its own record: machine
   * translation, untranslated (fallback) text and its language, or a stale translation.
   */
  translation: (key: string, url: string, sourceUpdated?: string) => { notices: Notice[]; lang?: string };
  /** How a record shown on the page at `url`, whose own record is `pageKey`, reads; see RecordView. */
  view: (key: string, url: string, pageKey?: string) => RecordView;
  /** How a record's text in this locale was made: `source` in the source locale, else its translation's state. */
  translationState: (key: string) => TranslationState;
  /** The notices of several records merged into one of each kind, e.g. for a page listing every link. */
  pageNotices: (keys: string[], url: string, kinds?: Notice['kind'][]) => Notice[];
}

/** How the locale relates to the source language. */
export interface TranslationInfo {
  status: Map<string, RecordStatus>;
  source: LocaleConfig;
  translated: boolean;
}

/** Resolves `link:`, `error:`, `article:` and `catalog:` references (the table's forms) for the page at `from`. */
function resolver(ctx: Pick<LocaleContext, 'records' | 'hrefOf' | 'dir' | 'content'>, from: string): MarkdownEnv {
  return {
    // The renderer isolates Latin-script glossary terms inside right-to-left text.
    glossary: ctx.content.site.value.glossary,
    dir: ctx.dir,
    resolve: (href: string): ResolvedHref | undefined => {
      const ref = parseReference(href);
      if (!ref) return href.startsWith('#') ? { href } : undefined;
      const record = ctx.records.get(referenceKey(ref));
      if (!record) return undefined;
      if (record.kind === 'link') return { href: String(record.value.url), title: String(record.value.title), external: true };
      return { href: ctx.hrefOf(record.key, from) };
    },
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date in a locale's words; formatters are built once per locale and precision, as pages ask for thousands of dates. */
function formatDate(locale: string, iso: string): string {
  const parts = iso.split('-').map(Number);
  const date = new Date(Date.UTC(parts[0], (parts[1] ?? 1) - 1, parts[2] ?? 1));
  if (Number.isNaN(date.getTime())) return iso;
  const id = `${locale}\u0000${Math.min(parts.length, 3)}`;
  let format = dateFormats.get(id);
  if (!format) {
    const opts: Intl.DateTimeFormatOptions =
      parts.length === 1 ? { year: 'numeric' } : parts.length === 2 ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' };
    dateFormats.set(id, (format = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' })));
  }
  return format.format(date);
}

/** Creates the per-locale helpers shared by every page builder. */
export function createLocaleContext(content: Content, index: ContentIndex, locale: LocaleConfig, t: TFunction, info?: TranslationInfo): LocaleContext {
  const code = locale.code;
  const site = content.site.value;
  const catalogs = [...index.catalogs.values()].map((c) => c.value);
  const articles = [...index.articles.values()].map((a) => a.value);
  const records = new Map(allRecords(content).map((r) => [r.key, r]));
  const sourceLocale = info?.source ?? locale;
  const notes: NoticeContext = {
    t, sourceCode: sourceLocale.code, sourceDir: sourceLocale.dir ?? 'ltr',
    date: (iso) => formatDate(code, iso),
    said: new Map(),
  };
  const where = (key: string, localeCode: string) => {
    const r = records.get(key);
    return r ? kinds[r.kind].where(localeCode, r.ids) : urls.home(localeCode);
  };
  /** Only the language of a record named in menus: a mark there would repeat on every page. */
  const languageOf = (key: string | undefined): { lang?: string; dir?: 'ltr' | 'rtl' } => {
    const { lang, dir } = key ? ctx.view(key, urls.home(code)) : {};
    return lang ? { lang, dir } : {};
  };
  const home = urls.home(code);
  const navSpecs: NavSpec[] = [
    { label: t('nav.home'), url: home },
    ...(articles.length ? [{ label: t('home.articles'), items: articles.map((a) => ({ label: a.title, url: urls.article(code, a.id), key: recordKey('article', [a.id]) })) }] : []),
    ...(catalogs.length ? [{ label: t('home.catalogs'), items: catalogs.map((c) => ({ label: c.title, url: urls.catalog(code, c.id), key: recordKey('catalog', [c.id]) })) }] : []),
    { label: t('nav.references'), url: urls.references(code) },
    { label: t('nav.diagnose'), url: urls.diagnose(code) },
  ];
  const navUrls = navSpecs.flatMap((s) => [s.url, ...(s.items ?? []).map((i) => i.url)]).filter((u): u is string => !!u);
  const navByFolder = new Map<string, NavItem[]>();
  /**
   * The menu seen from a page. A page that is no menu entry and holds none below it sees the same
   * menu as every page in its folder (the codes of one catalog), so those share one copy.
   */
  const navAt = (url: string): NavItem[] => {
    if (navUrls.some((u) => u.startsWith(url))) return navFor(navSpecs, url, home, languageOf);
    // `/en/a/` and `/en/404.html` share a folder but not a depth.
    const folder = `${url.replace(/[^/]*\/?$/, '')}\u0000${url.endsWith('/')}`;
    let items = navByFolder.get(folder);
    if (!items) navByFolder.set(folder, (items = navFor(navSpecs, url, home, languageOf)));
    return items;
  };
  const ctx: LocaleContext = {
    locale, code, dir: locale.dir ?? 'ltr', t, content, index, records,
    base: (kind, url, title, crumbs, extra = {}) => {
      const items = navAt(url);
      return {
        kind, url, outputPath: outputPathOf(url), locale: code, dir: ctx.dir, title,
        docTitle: url === home ? site.title : `${title} – ${site.title}`,
        description: extra.description,
        robots: extra.robots ?? site.robots,
        siteTitle: site.title,
        homeHref: relativeHref(url, home),
        stylesheet: relativeHref(url, urls.asset('site.css')),
        favicon: relativeHref(url, urls.asset('favicon.svg')),
        breadcrumbs: crumbs.map(({ key, ...c }) => ({ ...c, ...languageOf(key) })),
        notices: [],
        nav: items,
        menu: { button: t('menu.button'), label: t('a11y.mainNav'), items },
        heading: { text: title },
        meta: [],
        alternates: [],
        sourceDir: info ? (info.source.dir ?? 'ltr') : ctx.dir,
        scripts: site.locales.length > 1 ? [relativeHref(url, urls.asset('language-switch.js'))] : [],
        statusHref: site.locales.length > 1 ? relativeHref(url, urls.translationStatus(code)) : undefined,
      };
    },
    block: (text, from) => md.render(text, resolver(ctx, from)),
    inline: (text, from) => md.renderInline(text, resolver(ctx, from)),
    references: (ids, from, pageKey) =>
      ids.flatMap((id) => {
        const e = index.links.get(id);
        return e ? [{ id, title: e.title, url: e.url, publisher: e.publisher, ...ctx.view(recordKey('link', [id]), from, pageKey) }] : [];
      }),
    hrefOf: (key, from) => relativeHref(from, where(key, code)),
    fields: (key, from) => {
      const r = records.get(key);
      if (!r) return {};
      const spec = kinds[r.kind];
      const out: Record<string, string> = {};
      for (const f of spec.fields) {
        const v = r.value[f];
        if (typeof v === 'string') out[f] = spec.markdown.includes(f) ? md.render(v, resolver(ctx, from)) : v;
      }
      return out;
    },
    date: (iso) => formatDate(code, iso),
    translation: (key, url, sourceUpdated) => {
      if (!info?.translated) return { notices: [] };
      const sourceHref = relativeHref(url, `/${info.source.code}${url.slice(code.length + 1)}`);
      return pageNotices(notes, info.status.get(key), sourceHref, sourceUpdated);
    },
    view: (key, url, pageKey) => {
      if (!info?.translated) return {};
      const page = pageKey ? info.status.get(pageKey) : { state: 'translated' as const, fallbackFields: [] };
      return recordView(notes, info.status.get(key), page, relativeHref(url, where(key, info.source.code)));
    },
    translationState: (key) => {
      if (!info?.translated) return { state: 'source' };
      const status = info.status.get(key);
      return status ? { state: status.state, ...(status.method ? { method: status.method } : {}) } : { state: 'missing' };
    },
    pageNotices: (keys, url, kinds = ['machine', 'stale', 'fallback']) => {
      const byKind = new Map<Notice['kind'], Notice>();
      for (const key of keys) for (const n of ctx.translation(key, url).notices) if (!byKind.has(n.kind)) byKind.set(n.kind, n);
      return kinds.flatMap((k) => byKind.get(k) ?? []);
    },
  };
  return ctx;
}

/**
 * Plain text of a markdown field for meta descriptions and search excerpts, e.g.
 * `**a** [b](link:x) \`lock_timeout\`` → `a b lock_timeout`. Code spans are kept verbatim and only
 * emphasis markers are dropped, so identifiers such as `deadlock_timeout` keep their underscores.
 */
export function plainText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const kept: string[] = [];
  const keep = (s: string) => `\u0000${kept.push(s) - 1}\u0000`;
  return text
    .replace(/`+([^`]*?)`+/g, (_, code: string) => keep(code))
    .replace(/\\([\\`*_[\]()#>!-])/g, (_, c: string) => keep(c))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(>|#+)\s*/gm, '')
    // Emphasis opens before a word and closes after one; a `_` or `*` between letters is text.
    .replace(/(^|[^\p{L}\p{N}])[*_]+(?=[\p{L}\p{N}\u0000])/gu, '$1')
    .replace(/([\p{L}\p{N}\u0000.!?,;:)])[*_]+(?![\p{L}\p{N}])/gu, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)])
    .replace(/\s+/g, ' ')
    .trim();
}
