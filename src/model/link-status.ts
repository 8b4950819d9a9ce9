import type { LinkEntry } from '../content/types.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { LinkStatusFile } from '../core/link-status.ts';
import type { Page, Reference } from './types.ts';

/** Formats an ISO time as a long date in a locale, e.g. `2026-03-01T…` in `en` → `March 1, 2026`. */
export function verifiedDate(locale: string, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Every reference a page prints, so status can be attached in one place. */
function referencesOf(page: Page): Reference[] {
  if (page.kind === 'article') return page.steps.flatMap((s) => s.references);
  if (page.kind === 'code') return page.references;
  if (page.kind === 'references') return page.links;
  return [];
}

/**
 * Tells readers how healthy each reference was at the last link check: when it was last verified,
 * and, for a broken link with an archived copy, sends them to the archive with a notice. Status
 * recorded for a different URL (the registry changed since) is ignored.
 */
export function applyLinkStatus(pages: Page[], status: LinkStatusFile, registry: Record<string, LinkEntry>, i18n: I18n): void {
  for (const page of pages) {
    const t = i18n.t(page.locale);
    for (const ref of referencesOf(page)) {
      const entry = status.links[ref.id];
      if (!entry || entry.url !== ref.url) continue;
      const archive = registry[ref.id]?.archive;
      ref.status = {
        verified: entry.lastOk ? t('references.verified', { date: verifiedDate(page.locale, entry.lastOk) }) : undefined,
        archiveHref: entry.state === 'broken' && archive ? archive : undefined,
        notice: entry.state === 'broken' && archive ? t('references.archived', { date: verifiedDate(page.locale, entry.checkedAt) }) : undefined,
      };
    }
  }
}
