import { recordKey } from '../content/kinds.ts';
import { targetsOfKind, type Usage } from '../content/usage.ts';
import type { Article } from '../content/types.ts';
import type { LocaleContext } from './context.ts';
import { plainText } from './context.ts';
import type { ArticlePage, CodeChip, StepModel } from './types.ts';
import { pagerAt, tocOf } from './navigation.ts';
import { pageIds } from './page-ids.ts';
import { urls } from './urls.ts';

/** A link chip for a code record key as seen from page `from` (whose own record is `pageKey`), or undefined if unknown. */
export function codeChip(ctx: LocaleContext, key: string, from: string, pageKey?: string): CodeChip | undefined {
  const record = ctx.records.get(key);
  if (!record || record.kind !== 'code') return undefined;
  const code = record.value as unknown as import('../content/types.ts').ErrorCode;
  return {
    code: code.code,
    title: code.title,
    severity: code.severity,
    href: ctx.hrefOf(key, from),
    ...ctx.view(key, from, pageKey),
  };
}

/** Registry ids among a record's targets, in order. */
export const linkIdsOf = (usage: Usage, key: string): string[] => targetsOfKind(usage, key, 'link').map((k) => k.slice('link/'.length));

/** The page model of one troubleshooting article in one locale. */
export function articlePage(ctx: LocaleContext, usage: Usage, article: Article): ArticlePage {
  const url = urls.article(ctx.code, article.id);
  const key = recordKey('article', [article.id]);
  const base = ctx.base('article', url, article.title, [
    { label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) },
    { label: article.title, key },
  ], { description: plainText(article.summary), robots: article.robots });
  const own = ctx.translation(key, url, article.updated);
  const fields = ctx.fields(key, url);
  // Step ids are the anchors `article:<id>#<step>` references and search results point at.
  const ids = pageIds(ctx.t, article.steps.map((s) => s.id));
  const label = (n: number, title?: string) => (title ? `${ctx.t('step.number', { n })}: ${title}` : ctx.t('step.number', { n }));
  const steps: Omit<StepModel, 'pager'>[] = article.steps.map((step, i) => {
    const stepKey = recordKey('step', [article.id, step.id]);
    const stepFields = ctx.fields(stepKey, url);
    return {
      id: step.id,
      headingId: ids.take(`${step.id}-title`),
      ...ctx.view(stepKey, url, key),
      n: i + 1,
      fields: stepFields,
      title: step.title,
      html: stepFields.text,
      codes: targetsOfKind(usage, stepKey, 'code').flatMap((k) => codeChip(ctx, k, url, key) ?? []),
      references: ctx.references(linkIdsOf(usage, stepKey), url, key),
    };
  });
  return {
    ...base,
    notices: own.notices,
    contentLang: own.lang,
    kind: 'article',
    fields,
    meta: [
      ...(article.updated ? [ctx.t('article.updated', { date: ctx.date(article.updated) })] : []),
      ...(article.audience ? [ctx.t('article.audience', { audience: article.audience })] : []),
    ],
    toc: tocOf(ctx.t, steps.map((s) => ({ label: label(s.n, s.title), href: `#${s.id}`, ...(s.lang ? { lang: s.lang, dir: s.dir } : {}) }))),
    summaryHtml: article.summary && ctx.inline(article.summary, url),
    introHtml: fields.intro,
    stepsHeading: ids.heading('steps', ctx.t('article.steps')),
    steps: steps.map((s, i) => ({
      ...s,
      pager: pagerAt(steps, i, (o, rel) => ({
        rel: ctx.t(rel === 'prev' ? 'pager.previousStep' : 'pager.nextStep'),
        label: label(o.n, o.title), href: `#${o.id}`, ...(o.lang ? { lang: o.lang, dir: o.dir } : {}),
      })),
    })),
  };
}
