import type { LocaleContext } from './context.ts';
import { kinds, recordKey } from '../content/kinds.ts';
import type { SourceRecord } from '../content/records.ts';
import type { Usage } from '../content/usage.ts';
import type { HomePage, NotFoundPage, RecordView, ReferencesPage } from './types.ts';
import { pageIds } from './page-ids.ts';
import { relativeHref, urls } from './urls.ts';

/** The home page of one locale: articles and catalogs. */
export function homePage(ctx: LocaleContext): HomePage {
  const url = urls.home(ctx.code);
  const site = ctx.content.site.value;
  const ids = pageIds(ctx.t);
  return {
    ...ctx.base('home', url, site.title, [{ label: ctx.t('nav.home') }], { description: site.description }),
    ...(({ notices, lang }) => ({ notices, contentLang: lang }))(ctx.translation('site', url)),
    kind: 'home',
    headings: { articles: ids.heading('articles', ctx.t('home.articles')), catalogs: ids.heading('catalogs', ctx.t('home.catalogs')) },
    descriptionHtml: site.description && ctx.block(site.description, url),
    articles: [...ctx.index.articles.values()].map(({ value: a }) => ({
      title: a.title,
      summaryHtml: a.summary && ctx.inline(a.summary, url),
      href: ctx.hrefOf(recordKey('article', [a.id]), url),
      ...ctx.view(recordKey('article', [a.id]), url, 'site'),
    })),
    catalogs: [...ctx.index.catalogs.values()].map(({ value: c }) => ({
      title: c.title,
      summaryHtml: c.summary && ctx.inline(c.summary, url),
      href: ctx.hrefOf(recordKey('catalog', [c.id]), url),
      count: c.codes.length,
      ...ctx.view(recordKey('catalog', [c.id]), url, 'site'),
    })),
  };
}

/** A record's name as readers know it: its title, else its id; numbered records lead with their number. */
function recordName(ctx: LocaleContext, record: SourceRecord): string {
  const own = typeof record.value.title === 'string' ? record.value.title : record.ids[record.ids.length - 1];
  const position = record.path[record.path.length - 1];
  return kinds[record.kind].numbered && typeof position === 'number' ? `${ctx.t('step.number', { n: position + 1 })}: ${own}` : own;
}

/** How a record that uses a link is listed, e.g. `Configure MIM Sync Service – Step 4: …`, linked to where it is shown. */
function userLink(ctx: LocaleContext, from: string, key: string): RecordView & { label: string; href: string } {
  const names: string[] = [];
  for (let r = ctx.records.get(key); r; r = r.parent ? ctx.records.get(r.parent) : undefined) names.unshift(recordName(ctx, r));
  // Codes are read as "catalog: code", nested records as "article – step".
  const joiner = ctx.records.get(key)?.kind === 'code' ? ': ' : ' – ';
  return { label: names.join(joiner), href: ctx.hrefOf(key, from), ...ctx.view(key, from, 'site') };
}

/** Every registry link with the records that use it and its former addresses. */
export function referencesPage(ctx: LocaleContext, usage: Usage): ReferencesPage {
  const url = urls.references(ctx.code);
  const title = ctx.t('references.title');
  // Link ids are the anchors other pages point at (`link:<id>` records live at `#<id>`).
  const ids = pageIds(ctx.t, ctx.index.links.keys());
  return {
    ...ctx.base('references', url, title, [
      { label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) },
      { label: title },
    ]),
    kind: 'references',
    // Like every page of UI text, it says how the site's translation was made; each link title says what is its own.
    notices: ctx.pageNotices(['site'], url, ['machine']),
    links: [...ctx.index.links.entries()].map(([id, e]) => {
      const view = ctx.view(recordKey('link', [id]), url, 'site');
      return {
        id, title: e.title, url: e.url, publisher: e.publisher, archive: e.archive,
        ...view,
        heading: ids.heading(`${id}-title`, e.title, view, id),
        usedByHeading: ids.heading(`${id}-used-by`, ctx.t('references.usedBy')),
        historyHeading: ids.heading(`${id}-history`, ctx.t('references.history')),
        usedBy: (usage.users.get(recordKey('link', [id])) ?? []).map((k) => userLink(ctx, url, k)),
        history: (e.history ?? []).map((h) => ({ url: h.url, until: h.until && ctx.date(h.until), note: h.note })),
      };
    }),
  };
}

/** The "page not found" page of one locale; `url` is where it is written. */
export function notFoundPage(ctx: LocaleContext, url: string): NotFoundPage {
  const title = ctx.t('notFound.title');
  return {
    ...ctx.base('notFound', url, title, [
      { label: ctx.t('nav.home'), href: relativeHref(url, urls.home(ctx.code)) },
      { label: title },
    ]),
    kind: 'notFound',
    // Its text is UI strings; the site's own translation tells how the locale's text was made.
    notices: ctx.pageNotices(['site'], url, ['machine']),
    locator: {
      locales: ctx.content.site.value.locales.map((l) => l.code),
      base: url.slice(1, url.lastIndexOf('/') + 1),
      probe: urls.asset('site.css').slice(1),
    },
  };
}
