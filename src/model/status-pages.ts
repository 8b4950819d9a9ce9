import { standingOf, type LocaleStatus, type Standing } from '../i18n/status.ts';
import type { LocaleContext } from './context.ts';
import type { StatusItem, StatusRow, TranslationStatusPage } from './types.ts';
import { basename, relative, resolve, sep } from 'node:path';
import { kinds } from '../content/kinds.ts';
import { languageName } from './record-notices.ts';
import { pageIds } from './page-ids.ts';
import { relativeHref, urls } from './urls.ts';

/** Where a file is, as the data folder's own path, so no page shows where the site was built, e.g. `translations/id/site.json`. */
export function dataRelative(dataDir: string, file: string): string {
  const rel = relative(dataDir, resolve(file)).split(sep).join('/');
  return rel.startsWith('..') ? basename(file) : rel;
}

/** A share as this locale writes percentages, e.g. `percentOf('id', 1, 3)` → `33%`. */
export function percentOf(locale: string, n: number, total: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(total === 0 ? 0 : n / total);
}

/** The translation status of every locale, as a page in one UI locale, for translators to browse. */
export function translationStatusPage(ctx: LocaleContext, statuses: LocaleStatus[]): TranslationStatusPage {
  const url = urls.translationStatus(ctx.code);
  const title = ctx.t('status.title');
  const ids = pageIds(ctx.t, statuses.map((s) => `status-${s.locale}`));
  return {
    ...ctx.base('translationStatus', url, title, [
      { label: ctx.t('nav.home'), href: relativeHref(url, urls.home(ctx.code)) },
      { label: title },
    ]),
    kind: 'translationStatus',
    notices: ctx.pageNotices(['site'], url, ['machine']),
    locales: statuses.map((s) => {
      const c = s.counts;
      const row = (status: StatusRow['status'], count: number): StatusRow => ({
        status, label: ctx.t(`status.${status}`), count, countText: new Intl.NumberFormat(ctx.code).format(count),
        total: c.total, percent: percentOf(ctx.code, count, c.total),
      });
      const items: StatusItem[] = [
        ...s.records
          .filter((r) => r.state !== 'translated')
          .map((r) => ({
            key: r.key,
            state: ctx.t(`status.${r.state}`),
            where: `${dataRelative(ctx.content.dataDir, r.file)}:${r.line}`,
            href: relativeHref(url, kinds[r.kind].where(s.locale, r.ids)),
            // A stale translation's lost terms are part of its stale report, never a separate failure.
            detail: [r.method && ctx.t(`status.method.${r.method}`), ...(r.lostTerms ?? [])].filter(Boolean).join('; ') || undefined,
          })),
        ...s.violations.map((v) => ({
          key: v.key,
          state: ctx.t('status.protectedTerms'),
          where: `${dataRelative(ctx.content.dataDir, v.file)}:${v.line}:${v.column}`,
          href: relativeHref(url, kinds[v.kind].where(s.locale, v.ids)),
          detail: v.message,
        })),
      ];
      const standing: Record<Standing, number> = { translated: 0, machine: 0, stale: 0, missing: 0 };
      for (const r of s.records) standing[standingOf(r)]++;
      const rows = [
        row('translated', standing.translated), row('machine', standing.machine), row('stale', standing.stale),
        row('missing', standing.missing), row('protectedTerms', c.protectedTerms),
      ];
      const todo = rows.filter((r) => r.status !== 'translated' && r.count > 0);
      const label = languageName(s.locale, ctx.code);
      return {
        locale: s.locale, label, dir: ctx.dir, total: c.total,
        heading: ids.heading(`status-${s.locale}-title`, `${label} (${s.locale})`, {}, `status-${s.locale}`),
        uiHeading: ids.heading(`status-${s.locale}-ui`, ctx.t('status.uiMissing', { count: s.ui.missing.length })),
        itemsHeading: ids.heading(`status-${s.locale}-items`, ctx.t('status.needsWork')),
        verdict: {
          done: todo.length === 0,
          text: ctx.t(todo.length === 0 ? 'status.verdictDone' : 'status.verdictNotDone'),
          parts: todo.map((r) => `${r.label} (${r.percent})`),
        },
        rows,
        items,
        uiMissing: s.ui.missing,
      };
    }),
  };
}
