import type { Article } from '../content/types.ts';
import type { LocaleContext } from './context.ts';
import { plainText } from './context.ts';
import type { ArticlePage, CodeChip } from './types.ts';
import { stepKey, type Usage } from './usage.ts';
import { relativeHref, urls } from './urls.ts';

/** A link chip for a `<catalog>/<code>` key as seen from page `from`, or undefined if unknown. */
export function codeChip(ctx: LocaleContext, key: string, from: string): CodeChip | undefined {
  const hit = ctx.index.codes.get(key);
  if (!hit) return undefined;
  return {
    code: hit.code.code,
    title: hit.code.title,
    severity: hit.code.severity,
    href: relativeHref(from, urls.code(ctx.code, hit.catalog.id, hit.code.code)),
  };
}

/** The page model of one troubleshooting article in one locale. */
export function articlePage(ctx: LocaleContext, usage: Usage, article: Article): ArticlePage {
  const url = urls.article(ctx.code, article.id);
  const base = ctx.base('article', url, article.title, [
    { label: ctx.t('nav.home'), href: relativeHref(url, urls.home(ctx.code)) },
    { label: article.title },
  ], { description: plainText(article.summary), robots: article.robots });
  const own = ctx.translation(`article/${article.id}`, url, article.updated);
  return {
    ...base,
    notices: own.notices,
    contentLang: own.lang,
    kind: 'article',
    summaryHtml: article.summary && ctx.inline(article.summary, url),
    introHtml: article.intro && ctx.block(article.intro, url),
    updated: article.updated && ctx.date(article.updated),
    audience: article.audience,
    steps: article.steps.map((step, i) => {
      // A whole-article fallback already says so once; steps only speak for themselves.
      const tr = own.lang ? { notices: [], lang: own.lang } : ctx.translation(`step/${article.id}/${step.id}`, url);
      return {
      id: step.id,
      lang: tr.lang,
      notice: tr.lang && !own.lang ? tr.notices[0] : undefined,
      n: i + 1,
      title: step.title,
      html: ctx.block(step.text, url),
      codes: (usage.codesOfStep.get(stepKey(article, step)) ?? []).flatMap((key) => codeChip(ctx, key, url) ?? []),
      references: ctx.references(usage.linksOfStep.get(stepKey(article, step)) ?? []),
      };
    }),
  };
}
