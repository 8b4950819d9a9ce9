import type { Catalog, ErrorCode } from '../content/types.ts';
import { codeChip } from './article-pages.ts';
import type { LocaleContext } from './context.ts';
import { plainText } from './context.ts';
import type { CatalogPage, CatalogRow, CodePage } from './types.ts';
import type { Usage } from './usage.ts';
import { relativeHref, urls } from './urls.ts';

const pick = (t: { notices: import('./types.ts').Notice[]; lang?: string }) => ({ notices: t.notices, contentLang: t.lang });

/** The index page of one error catalog: a table of its codes, grouped by phase when it has phases. */
export function catalogPage(ctx: LocaleContext, catalog: Catalog): CatalogPage {
  const url = urls.catalog(ctx.code, catalog.id);
  const row = (code: ErrorCode): CatalogRow => ({
    code: code.code,
    title: code.title,
    severity: code.severity,
    href: relativeHref(url, urls.code(ctx.code, catalog.id, code.code)),
    meaningHtml: ctx.inline(code.meaning, url),
    lang: ctx.translation(`code/${catalog.id}/${code.code}`, url).lang,
  });
  const groups = catalog.phases
    ? catalog.phases.map((phase) => ({
        id: phase.id,
        title: phase.title,
        summaryHtml: phase.summary && ctx.inline(phase.summary, url),
        rows: catalog.codes.filter((c) => c.phases?.includes(phase.id)).map(row),
      }))
    : [{ rows: catalog.codes.map(row) }];
  return {
    ...ctx.base('catalog', url, catalog.title, [
      { label: ctx.t('nav.home'), href: relativeHref(url, urls.home(ctx.code)) },
      { label: catalog.title },
    ], { description: plainText(catalog.summary) }),
    ...pick(ctx.translation(`catalog/${catalog.id}`, url)),
    kind: 'catalog',
    summaryHtml: catalog.summary && ctx.block(catalog.summary, url),
    count: catalog.codes.length,
    groups,
  };
}

/** The page of one error code: meaning, action, steps that name it, related codes, references. */
export function codePage(ctx: LocaleContext, usage: Usage, catalog: Catalog, code: ErrorCode): CodePage {
  const url = urls.code(ctx.code, catalog.id, code.code);
  const key = `${catalog.id}/${code.code}`;
  const catalogUrl = urls.catalog(ctx.code, catalog.id);
  const phaseTitles = new Map((catalog.phases ?? []).map((p) => [p.id, p.title]));
  const title = code.title ?? code.code;
  return {
    ...ctx.base('code', url, title, [
      { label: ctx.t('nav.home'), href: relativeHref(url, urls.home(ctx.code)) },
      { label: catalog.title, href: relativeHref(url, catalogUrl) },
      { label: title },
    ], { description: plainText(code.meaning) }),
    ...pick(ctx.translation(`code/${catalog.id}/${code.code}`, url)),
    kind: 'code',
    code: code.code,
    severity: code.severity,
    catalog: { title: catalog.title, href: relativeHref(url, catalogUrl) },
    phases: (code.phases ?? []).map((p) => phaseTitles.get(p) ?? p),
    meaningHtml: ctx.block(code.meaning, url),
    actionHtml: code.action && ctx.block(code.action, url),
    steps: (usage.stepsOfCode.get(key) ?? []).map(({ article, step, n }) => {
      const a = ctx.index.articles.get(article)!.value;
      const s = a.steps.find((x) => x.id === step)!;
      return {
        label: `${ctx.t('step.number', { n })}: ${s.title ?? s.id}`,
        articleTitle: a.title,
        href: relativeHref(url, `${urls.article(ctx.code, article)}#${step}`),
      };
    }),
    related: (usage.relatedOfCode.get(key) ?? []).flatMap((k) => codeChip(ctx, k, url) ?? []),
    references: ctx.references(usage.linksOfCode.get(key) ?? []),
  };
}
