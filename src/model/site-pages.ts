import type { LocaleContext } from './context.ts';
import type { HomePage, NotFoundPage, ReferencesPage } from './types.ts';
import type { LinkUser, Usage } from './usage.ts';
import { relativeHref, urls } from './urls.ts';

/** The home page of one locale: articles and catalogs. */
export function homePage(ctx: LocaleContext): HomePage {
  const url = urls.home(ctx.code);
  const site = ctx.content.site.value;
  return {
    ...ctx.base('home', url, site.title, [{ label: ctx.t('nav.home') }], { description: site.description }),
    ...(({ notices, lang }) => ({ notices, contentLang: lang }))(ctx.translation('site', url)),
    kind: 'home',
    descriptionHtml: site.description && ctx.block(site.description, url),
    articles: [...ctx.index.articles.values()].map(({ value: a }) => ({
      title: a.title,
      summaryHtml: a.summary && ctx.inline(a.summary, url),
      href: relativeHref(url, urls.article(ctx.code, a.id)),
    })),
    catalogs: [...ctx.index.catalogs.values()].map(({ value: c }) => ({
      title: c.title,
      summaryHtml: c.summary && ctx.inline(c.summary, url),
      href: relativeHref(url, urls.catalog(ctx.code, c.id)),
      count: c.codes.length,
    })),
  };
}

function userLink(ctx: LocaleContext, from: string, user: LinkUser): { label: string; href: string } {
  switch (user.kind) {
    case 'article': {
      const a = ctx.index.articles.get(user.article)!.value;
      return { label: a.title, href: relativeHref(from, urls.article(ctx.code, a.id)) };
    }
    case 'step': {
      const a = ctx.index.articles.get(user.article)!.value;
      const s = a.steps.find((x) => x.id === user.step)!;
      return {
        label: `${a.title} – ${ctx.t('step.number', { n: user.n })}: ${s.title ?? s.id}`,
        href: relativeHref(from, `${urls.article(ctx.code, a.id)}#${s.id}`),
      };
    }
    case 'catalog': {
      const c = ctx.index.catalogs.get(user.catalog)!.value;
      return { label: c.title, href: relativeHref(from, urls.catalog(ctx.code, c.id)) };
    }
    case 'code': {
      const hit = ctx.index.codes.get(`${user.catalog}/${user.code}`)!;
      return {
        label: `${hit.catalog.title}: ${hit.code.title ?? hit.code.code}`,
        href: relativeHref(from, urls.code(ctx.code, user.catalog, user.code)),
      };
    }
  }
}

/** Every registry link with the records that use it and its former addresses. */
export function referencesPage(ctx: LocaleContext, usage: Usage): ReferencesPage {
  const url = urls.references(ctx.code);
  const title = ctx.t('references.title');
  return {
    ...ctx.base('references', url, title, [
      { label: ctx.t('nav.home'), href: relativeHref(url, urls.home(ctx.code)) },
      { label: title },
    ]),
    kind: 'references',
    notices: ctx.pageNotices([...ctx.index.links.keys()].map((id) => `link/${id}`), url),
    links: [...ctx.index.links.entries()].map(([id, e]) => ({
      id, title: e.title, url: e.url, publisher: e.publisher, archive: e.archive,
      lang: ctx.translation(`link/${id}`, url).lang,
      usedBy: (usage.usersOfLink.get(id) ?? []).map((u) => userLink(ctx, url, u)),
      history: (e.history ?? []).map((h) => ({ url: h.url, until: h.until && ctx.date(h.until), note: h.note })),
    })),
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
  };
}
