import type { TFunction } from 'i18next';
import type { RecordStatus } from '../i18n/localize.ts';
import type { Notice, RecordView } from './types.ts';

/** What every notice about one locale needs: its strings, the source language and how dates read. */
export interface NoticeContext {
  t: TFunction;
  sourceCode: string;
  sourceDir: 'ltr' | 'rtl';
  date: (iso: string) => string;
  /** Sentences already said, by key and date: every record of a locale shares a handful. */
  said?: Map<string, string>;
}

const names = new Map<string, string>();

/** The name of a language in the reader's language, e.g. `languageName('en', 'de')` → `Englisch`; the code when Intl has no name. */
export function languageName(code: string, readerLocale: string): string {
  const id = `${code}\u0000${readerLocale}`;
  let name = names.get(id);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([readerLocale], { type: 'language', fallback: 'code' }).of(code) ?? code;
    } catch {
      name = code;
    }
    names.set(id, name);
  }
  return name;
}

type Kind = Notice['kind'];

/**
 * A UI sentence naming the source language, the name written in the language the sentence
 * itself comes out in (a locale without its own strings reads English, so "English", not "anglais").
 */
function say(ctx: NoticeContext, key: string, vars: Record<string, string> = {}): string {
  const id = `${key}\u0000${vars.date ?? ''}`;
  const known = ctx.said?.get(id);
  if (known !== undefined) return known;
  const used = (ctx.t(key, { returnDetails: true, language: '' }) as unknown as { usedLng?: string }).usedLng ?? ctx.sourceCode;
  const text = ctx.t(key, { ...vars, language: languageName(ctx.sourceCode, used) });
  ctx.said?.set(id, text);
  return text;
}

/** One notice with its sentence, its short form for inline marks, and a link to the source text. */
function notice(ctx: NoticeContext, kind: Kind, status: RecordStatus | undefined, sourceHref: string, scope: 'page' | 'record', sourceUpdated?: string): Notice {
  const when = kind === 'stale' && status?.date ? ctx.date(status.date) : undefined;
  const text =
    kind === 'fallback' ? say(ctx, 'notice.fallback')
    : kind === 'machine' ? say(ctx, scope === 'page' ? 'notice.machine' : 'notice.machineRecord')
    : scope === 'page' && sourceUpdated ? say(ctx, 'notice.stale', { date: ctx.date(sourceUpdated) })
    : when ? say(ctx, 'notice.staleSince', { date: when })
    : say(ctx, 'notice.staleNoDate');
  return { kind, text, short: say(ctx, `mark.${kind}`), href: sourceHref, linkText: say(ctx, 'notice.readSource') };
}

/** The situations a record's translation puts it in, most pressing first. */
function situations(status: RecordStatus | undefined): Kind[] {
  if (!status || status.state === 'missing') return ['fallback'];
  const out: Kind[] = [];
  if (status.state === 'stale') out.push('stale');
  if (status.method === 'machine') out.push('machine');
  return out;
}

/** What a page says at its top about its own record: machine-made, stale, or shown in the source language. */
export function pageNotices(ctx: NoticeContext, status: RecordStatus | undefined, sourceHref: string, sourceUpdated?: string): { notices: Notice[]; lang?: string } {
  const kinds = situations(status);
  const ordered = (['machine', 'stale', 'fallback'] as Kind[]).filter((k) => kinds.includes(k));
  return {
    notices: ordered.map((k) => notice(ctx, k, status, sourceHref, 'page', sourceUpdated)),
    lang: kinds.includes('fallback') ? ctx.sourceCode : undefined,
  };
}

/**
 * How a record shown inside a page reads: marked with the source language when untranslated,
 * and with a mark of its own when its situation is not one the page already states at its top
 * (a stale step on a fresh page says so; a machine-made row on a machine-made page does not).
 */
export function recordView(ctx: NoticeContext, status: RecordStatus | undefined, page: RecordStatus | undefined, sourceHref: string): RecordView {
  const own = situations(status);
  const stated = new Set(situations(page));
  const lang = own.includes('fallback') ? { lang: ctx.sourceCode, dir: ctx.sourceDir } : {};
  const first = own.find((k) => !stated.has(k));
  return first ? { ...lang, mark: notice(ctx, first, status, sourceHref, 'record') } : lang;
}
