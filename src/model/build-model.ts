import type { ContentIndex } from '../content/index.ts';
import type { Content } from '../content/types.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { LocaleOverlays } from '../i18n/load-overlays.ts';
import { localize } from '../i18n/localize.ts';
import { indexContent } from '../content/index.ts';
import { articlePage } from './article-pages.ts';
import { catalogPage, codePage } from './catalog-pages.ts';
import { createLocaleContext } from './context.ts';
import { homePage, notFoundPage, referencesPage } from './site-pages.ts';
import { translationStatusPage } from './status-pages.ts';
import type { LocaleStatus } from '../i18n/status.ts';
import type { Page, RootPage } from './types.ts';
import { pageIds } from './page-ids.ts';
import { addSearch } from './search-model.ts';
import { computeUsage } from '../content/usage.ts';
import { fromRoot, outputPathOf, relativeHref, urls } from './urls.ts';
import { addFeedback } from './feedback.ts';
import { diagnosePage, goPage, goRootPage } from './lookup-pages.ts';
import { siteRoot } from '../content/site-addresses.ts';

function rootPage(content: Content, t: ReturnType<I18n['t']>): RootPage {
  const site = content.site.value;
  const url = urls.root();
  const languages = site.locales.map((l) => ({ label: l.label, lang: l.code, href: relativeHref(url, urls.home(l.code)) }));
  const defaultLocale = site.locales.find((l) => l.code === site.defaultLocale)!;
  return {
    kind: 'root', url, outputPath: outputPathOf(url), locale: defaultLocale.code, dir: defaultLocale.dir ?? 'ltr',
    title: site.title, docTitle: site.title, robots: site.robots, siteTitle: site.title,
    homeHref: relativeHref(url, urls.home(site.defaultLocale)),
    stylesheet: relativeHref(url, urls.asset('site.css')),
    favicon: relativeHref(url, urls.asset('favicon.svg')),
    breadcrumbs: [], notices: [], nav: [], alternates: [], sourceDir: defaultLocale.dir ?? 'ltr',
    heading: { text: site.title }, meta: [],
    languagesHeading: pageIds(t).heading('choose-language', t('root.title')),
    languages,
    defaultLocale: site.defaultLocale,
    forward: languages.length === 1 ? languages[0].href : undefined,
    scripts: languages.length > 1 ? ['locale-choice.js', 'choose-language.js'].map((s) => relativeHref(url, urls.asset(s))) : [],
  };
}

/** Links every page to the same page in the other locales (pages share URLs but for the locale prefix). */
function addAlternates(pages: Page[], content: Content): void {
  const { locales, defaultLocale } = content.site.value;
  for (const page of pages) {
    if (!page.url.startsWith(`/${page.locale}/`)) continue;
    const rest = page.url.slice(page.locale.length + 1);
    page.alternates = locales.map((l) => ({
      locale: l.code, label: l.label, href: relativeHref(page.url, `/${l.code}${rest}`), current: l.code === page.locale,
    }));
    if (locales.length > 1) page.xDefault = relativeHref(page.url, `/${defaultLocale}${rest}`);
  }
}

/**
 * Computes every page of the site, in every locale, from validated content; with `only`, just the
 * pages at those URLs (a preview's first answer to an edit), each as the full model would have it
 * but for what is weighed across all pages (search ranking hints), which the full pass settles.
 */
export function buildModel(
  content: Content, index: ContentIndex, i18n: I18n, overlays = new Map<string, LocaleOverlays>(), statuses: LocaleStatus[] = [],
  only?: ReadonlySet<string>,
): Page[] {
  const usage = computeUsage(content);
  const site = content.site.value;
  const pages: Page[] = [];
  /** Adds the page at `url` unless `only` leaves it out; builders run only for pages kept. */
  const add = (url: string, build: () => Page) => {
    if (only && !only.has(url)) return;
    const page = build();
    // `only` names pages by the URL given here, so it must be the one the builder gives the page.
    if (page.url !== url) throw new Error(`page model: a ${page.kind} page was listed at ${url} but has ${page.url}`);
    pages.push(page);
  };
  add(urls.root(), () => rootPage(content, i18n.t(site.defaultLocale)));
  add(urls.go(), () => goRootPage(content, i18n.t(site.defaultLocale)));
  for (const locale of site.locales) {
    const code = locale.code;
    if (only && ![...only].some((u) => u.startsWith(`/${code}/`) || u === urls.notFound())) continue;
    const isDefault = code === site.defaultLocale;
    const localized = isDefault ? { content, status: new Map() } : localize(content, overlays.get(code));
    const localIndex = isDefault ? index : indexContent(localized.content);
    const source = site.locales.find((l) => l.code === site.defaultLocale)!;
    const ctx = createLocaleContext(localized.content, localIndex, locale, i18n.t(code), {
      status: localized.status, source, translated: !isDefault,
    });
    add(urls.home(code), () => homePage(ctx));
    for (const { value: article } of localIndex.articles.values()) add(urls.article(code, article.id), () => articlePage(ctx, usage, article));
    for (const { value: catalog } of localIndex.catalogs.values()) {
      add(urls.catalog(code, catalog.id), () => catalogPage(ctx, catalog));
      for (const c of catalog.codes) add(urls.code(code, catalog.id, c.code), () => codePage(ctx, usage, catalog, c));
    }
    add(urls.references(code), () => referencesPage(ctx, usage));
    add(urls.go(code), () => goPage(ctx));
    add(urls.diagnose(code), () => diagnosePage(ctx));
    if (site.locales.length > 1) add(urls.translationStatus(code), () => translationStatusPage(ctx, statuses));
    add(urls.notFound(code), () => notFoundPage(ctx, urls.notFound(code)));
    if (isDefault) add(urls.notFound(), () => notFoundPage(ctx, urls.notFound()));
  }
  addAlternates(pages, content);
  addSearch(pages, i18n.t);
  // A feedback form learns the page's public address when the site has one, else its path from the root.
  addFeedback(pages, site.feedback, (p) => (site.url ? new URL(fromRoot(p.url), siteRoot(site.url)).href : fromRoot(p.url)), i18n.t);
  return pages;
}
