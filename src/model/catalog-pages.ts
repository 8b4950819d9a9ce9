import { recordKey } from '../content/kinds.ts';
import { relatedOfKind, usersOfKind, type Usage } from '../content/usage.ts';
import type { Catalog, ErrorCode, Step } from '../content/types.ts';
import { codeChip, linkIdsOf } from './article-pages.ts';
import type { LocaleContext } from './context.ts';
import { plainText } from './context.ts';
import type { CatalogPage, CatalogRow, CodeGroup, CodePage, Notice } from './types.ts';
import { urls } from './urls.ts';

const pick = (t: { notices: Notice[]; lang?: string }) => ({ notices: t.notices, contentLang: t.lang });

/** The index page of one error catalog: a table of its codes, grouped by phase when it has phases. */
export function catalogPage(ctx: LocaleContext, catalog: Catalog): CatalogPage {
  const url = urls.catalog(ctx.code, catalog.id);
  const key = recordKey('catalog', [catalog.id]);
  const row = (code: ErrorCode): CatalogRow => ({
    ...codeChip(ctx, recordKey('code', [catalog.id, code.code]), url, key)!,
    meaningHtml: ctx.inline(code.meaning, url),
  });
  const fields = ctx.fields(key, url);
  const groups: CodeGroup[] = catalog.phases
    ? catalog.phases.map((phase) => ({
        id: phase.id,
        title: phase.title,
        summaryHtml: phase.summary && ctx.inline(phase.summary, url),
        ...ctx.view(recordKey('phase', [catalog.id, phase.id]), url, key),
        rows: catalog.codes.filter((c) => c.phases?.includes(phase.id)).map(row),
      }))
    : [{ rows: catalog.codes.map(row) }];
  return {
    ...ctx.base('catalog', url, catalog.title, [
      { label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) },
      { label: catalog.title, key },
    ], { description: plainText(catalog.summary) }),
    ...pick(ctx.translation(key, url)),
    kind: 'catalog',
    catalogId: catalog.id,
    caseSensitive: catalog.caseSensitive === true,
    fields,
    summaryHtml: fields.summary,
    count: catalog.codes.length,
    groups,
  };
}

/** The page of one error code: meaning, action, steps that name it, related codes, references. */
export function codePage(ctx: LocaleContext, usage: Usage, catalog: Catalog, code: ErrorCode): CodePage {
  const url = urls.code(ctx.code, catalog.id, code.code);
  const key = recordKey('code', [catalog.id, code.code]);
  const catalogKey = recordKey('catalog', [catalog.id]);
  const title = code.title ?? code.code;
  const fields = ctx.fields(key, url);
  return {
    ...ctx.base('code', url, title, [
      { label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) },
      { label: catalog.title, href: ctx.hrefOf(catalogKey, url), key: catalogKey },
      { label: title, key },
    ], { description: plainText(code.meaning) }),
    ...pick(ctx.translation(key, url)),
    kind: 'code',
    fields,
    code: code.code,
    aliases: code.aliases ?? [],
    caseSensitive: catalog.caseSensitive === true,
    translation: ctx.translationState(key),
    severity: code.severity,
    catalog: { id: catalog.id, title: catalog.title, href: ctx.hrefOf(catalogKey, url) },
    phases: (code.phases ?? []).flatMap((p) => {
      const phaseKey = recordKey('phase', [catalog.id, p]);
      const phase = ctx.records.get(phaseKey);
      return phase ? [{ title: String(phase.value.title), href: ctx.hrefOf(phaseKey, url), ...ctx.view(phaseKey, url, key) }] : [];
    }),
    meaningHtml: fields.meaning,
    actionHtml: fields.action,
    steps: usersOfKind(usage, key, 'step').map((stepKey) => {
      const step = ctx.records.get(stepKey)!;
      const s = step.value as unknown as Step;
      const n = (step.path[step.path.length - 1] as number) + 1;
      return {
        label: `${ctx.t('step.number', { n })}: ${s.title ?? s.id}`,
        articleTitle: String(ctx.records.get(step.parent!)!.value.title),
        href: ctx.hrefOf(stepKey, url),
        ...ctx.view(stepKey, url, key),
      };
    }),
    related: relatedOfKind(usage, key, 'code').flatMap((k) => codeChip(ctx, k, url, key) ?? []),
    references: ctx.references(linkIdsOf(usage, key), url, key),
  };
}
