import type { LocaleStatus } from '../i18n/status.ts';
import type { LocaleContext } from './context.ts';
import type { StatusItem, StatusRow, TranslationStatusPage } from './types.ts';
import { relativeHref, urls } from './urls.ts';

/**
 * Where readers of `locale` see the record with a status key, e.g.
 * `step/a/s` → `/id/articles/a/#s`, `code/c/k` → `/id/errors/c/k/`, `link/x` → `/id/references/#x`.
 */
export function recordUrl(locale: string, key: string): string {
  const [kind, a, b] = key.split('/');
  switch (kind) {
    case 'article': return urls.article(locale, a);
    case 'step': return `${urls.article(locale, a)}#${b}`;
    case 'catalog': return urls.catalog(locale, a);
    case 'phase': return `${urls.catalog(locale, a)}#${b}`;
    case 'code': return urls.code(locale, a, b);
    case 'link': return `${urls.references(locale)}#${a}`;
    default: return urls.home(locale);
  }
}

/** A share as this locale writes percentages, e.g. `percentOf('id', 1, 3)` → `33%`. */
export function percentOf(locale: string, n: number, total: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(total === 0 ? 0 : n / total);
}

/** The translation status of every locale, as a page in one UI locale, for translators to browse. */
export function translationStatusPage(ctx: LocaleContext, statuses: LocaleStatus[]): TranslationStatusPage {
  const url = urls.translationStatus(ctx.code);
  const title = ctx.t('status.title');
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
            where: `${r.file}:${r.line}`,
            href: relativeHref(url, recordUrl(s.locale, r.key)),
            detail: r.method && ctx.t(`status.method.${r.method}`),
          })),
        ...s.violations.map((v) => ({
          key: v.key,
          state: ctx.t('status.protectedTerms'),
          where: `${v.file}:${v.line}:${v.column}`,
          href: relativeHref(url, recordUrl(s.locale, v.key)),
          detail: v.message,
        })),
      ];
      return {
        locale: s.locale, label: s.label, dir: s.dir, total: c.total,
        rows: [row('translated', c.translated), row('stale', c.stale), row('missing', c.missing), row('machine', c.machine), row('protectedTerms', c.protectedTerms)],
        items,
        uiMissing: s.ui.missing,
      };
    }),
  };
}
