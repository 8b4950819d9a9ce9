import { recordKey } from '../content/kinds.ts';
import { relatedOfKind, usersOfKind, type Usage } from '../content/usage.ts';
import type { Catalog, ErrorCode, Step } from '../content/types.ts';
import { codeChip, linkIdsOf } from './article-pages.ts';
import type { LocaleContext } from './context.ts';
import { plainText } from './context.ts';
import type { CatalogPage, CatalogRow, CodeGroup, CodePage, Notice } from './types.ts';
import { pagerAt, tocEntry, tocOf } from './navigation.ts';
import { pageIds } from './page-ids.ts';
import { relativeHref, urls } from './urls.ts';

const pick = (t: { notices: Notice[]; lang?: string }) => ({ notices: t.notices, contentLang: t.lang });

/** When a catalog last changed: its own `updated` date or its latest code's, whichever is later (ISO dates sort as text). */
export function catalogUpdated(catalog: Catalog): string | undefined {
  return [catalog.updated, ...catalog.codes.map((c) => c.updated)].filter((d): d is string => !!d).sort().pop();
}

/** The index page of one error catalog: a table of its codes, grouped by phase when it has phases. */
export function catalogPage(ctx: LocaleContext, catalog: Catalog): CatalogPage {
  const url = urls.catalog(ctx.code, catalog.id);
  const key = recordKey('catalog', [catalog.id]);
  // Phase ids are the anchors `catalog:<id>#<phase>` references point at.
  const ids = pageIds(ctx.t, (catalog.phases ?? []).map((p) => p.id));
  const row = (code: ErrorCode, phase?: string): CatalogRow => ({
    ...codeChip(ctx, recordKey('code', [catalog.id, code.code]), url, key)!,
    id: ids.take(phase ? `${phase}/${code.code}` : code.code),
    anchorLabel: ctx.t('anchor.row', { code: code.code }),
    meaningHtml: ctx.inline(code.meaning, url),
  });
  const fields = ctx.fields(key, url);
  const groups: CodeGroup[] = catalog.phases
    ? catalog.phases.map((phase) => {
        const view = ctx.view(recordKey('phase', [catalog.id, phase.id]), url, key);
        return {
          id: phase.id,
          heading: ids.heading(`${phase.id}-title`, phase.title, view, phase.id),
          summaryHtml: phase.summary && ctx.inline(phase.summary, url),
          ...view,
          rows: catalog.codes.filter((c) => c.phases?.includes(phase.id)).map((c) => row(c, phase.id)),
        };
      })
    : [{ rows: catalog.codes.map((c) => row(c)) }];
  const updated = catalogUpdated(catalog);
  const base = ctx.base('catalog', url, catalog.title, [
    { label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) },
    { label: catalog.title, key },
  ], { description: plainText(catalog.summary) });
  return {
    ...base,
    scripts: [...base.scripts, relativeHref(url, urls.asset('catalog-filter.js'))],
    ...pick(ctx.translation(key, url)),
    kind: 'catalog',
    catalogId: catalog.id,
    caseSensitive: catalog.caseSensitive === true,
    fields,
    meta: updated ? [ctx.t('meta.updated', { date: ctx.date(updated) })] : [],
    toc: tocOf(ctx.t, groups.flatMap((g) => (g.heading ? [tocEntry(g.heading, ctx.t('home.codeCount', { count: g.rows.length }))] : []))),
    summaryHtml: fields.summary,
    count: catalog.codes.length,
    filter: {
      label: ctx.t('catalog.filter'), placeholder: ctx.t('catalog.filterPlaceholder'),
      shown: ctx.t('catalog.filterShown'), noMatch: ctx.t('catalog.filterNone'),
    },
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
  const ids = pageIds(ctx.t);
  const steps = usersOfKind(usage, key, 'step').map((stepKey) => {
    const step = ctx.records.get(stepKey)!;
    const s = step.value as unknown as Step;
    const n = (step.path[step.path.length - 1] as number) + 1;
    return {
      label: `${ctx.t('step.number', { n })}: ${s.title ?? s.id}`,
      articleTitle: String(ctx.records.get(step.parent!)!.value.title),
      href: ctx.hrefOf(stepKey, url),
      ...ctx.view(stepKey, url, key),
    };
  });
  const related = relatedOfKind(usage, key, 'code').flatMap((k) => codeChip(ctx, k, url, key) ?? []);
  const references = ctx.references(linkIdsOf(usage, key), url, key);
  const sections = {
    meaning: ids.heading('meaning', ctx.t('code.meaning')),
    action: ids.heading('action', ctx.t('code.action')),
    ...(steps.length ? { steps: ids.heading('steps', ctx.t('code.steps')) } : {}),
    ...(related.length ? { related: ids.heading('related', ctx.t('code.related')) } : {}),
    ...(references.length ? { references: ids.heading('references', ctx.t('code.references')) } : {}),
  };
  const updated = code.updated ?? catalog.updated;
  const at = catalog.codes.indexOf(code);
  const base = ctx.base('code', url, title, [
    { label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) },
    { label: catalog.title, href: ctx.hrefOf(catalogKey, url), key: catalogKey },
    { label: title, key },
  ], { description: plainText(code.meaning) });
  return {
    ...base,
    scripts: [...base.scripts, relativeHref(url, urls.asset('copy-code.js'))],
    ...pick(ctx.translation(key, url)),
    kind: 'code',
    heading: { text: title === code.code ? undefined : title, code: code.code },
    meta: updated ? [ctx.t('meta.updated', { date: ctx.date(updated) })] : [],
    toc: tocOf(ctx.t, Object.values(sections).map((h) => tocEntry(h))),
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
    sections,
    steps,
    related,
    references,
    copy: {
      text: code.code, button: ctx.t('copy.button'), label: ctx.t('copy.label', { code: code.code }),
      done: ctx.t('copy.done'), failed: ctx.t('copy.failed'),
    },
    pager: pagerAt(catalog.codes, at, (c, rel) => {
      const k = recordKey('code', [catalog.id, c.code]);
      return { rel: ctx.t(rel === 'prev' ? 'pager.previousCode' : 'pager.nextCode'), label: c.code, href: ctx.hrefOf(k, url) };
    }, ctx.t('pager.codes')),
  };
}
