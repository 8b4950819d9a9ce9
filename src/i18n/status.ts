import { nodeAt, lineColumn, type JsonPath, type JsonSource } from '../content/json-source.ts';
import type { KindName } from '../content/kinds.ts';
import type { Content, StatusCount, TranslationPolicy } from '../content/types.ts';
import type { TermProblem } from './check-protected.ts';
import { missingUiKeys, wantedUiKeys, type Dictionary } from './create-i18n.ts';
import type { LocaleOverlays } from './load-overlays.ts';
import { localize, type RecordState } from './localize.ts';
import type { Method } from './overlay-types.ts';
import { recordPairs } from './overlay-records.ts';

/** Where a record (or its translation) is written, as `file:line`. */
export interface Location {
  file: string;
  line: number;
}

export interface StatusRecord extends Location {
  kind: KindName;
  ids: string[];
  key: string;
  state: RecordState;
  method?: Method;
  /** Fields shown in the source language although the record has a translation. */
  fallbackFields: string[];
  /** For a stale record: the protected terms its translation lacks, as messages. */
  lostTerms?: string[];
}

export interface StatusViolation extends Location {
  kind: KindName;
  ids: string[];
  key: string;
  column: number;
  path: string;
  term: string;
  insteadOf?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface StatusCounts {
  total: number;
  translated: number;
  stale: number;
  staleHuman: number;
  missing: number;
  machine: number;
  protectedTerms: number;
}

/** The translation state of one locale: counts, and every record that is not a fresh translation. */
export interface LocaleStatus {
  locale: string;
  label: string;
  dir: 'ltr' | 'rtl';
  counts: StatusCounts;
  records: StatusRecord[];
  violations: StatusViolation[];
  /** UI strings (labels, notices) the locale lacks; they are shown in the source language. */
  ui: { total: number; missing: string[] };
}

/**
 * Where a record stands for a reader of the status page, each record in exactly one: a person's
 * translation of the current source is done; a machine's, though current, still awaits review.
 */
export type Standing = 'translated' | 'machine' | 'stale' | 'missing';

/** A record's standing, e.g. a current machine translation → `machine`, a stale one of any method → `stale`. */
export function standingOf(record: Pick<StatusRecord, 'state' | 'method'>): Standing {
  return record.state === 'translated' && record.method === 'machine' ? 'machine' : record.state;
}

/** The most of each count a locale may have before `--check` fails; staleHuman and protectedTerms default to 0. */
export function thresholdsOf(policy: TranslationPolicy | undefined): Partial<Record<StatusCount, number>> {
  return { staleHuman: 0, protectedTerms: 0, ...policy?.thresholds };
}

function locate(source: JsonSource, path: JsonPath): Location {
  const node = nodeAt(source, path);
  return { file: source.file, line: lineColumn(source.text, node?.offset ?? 0).line };
}

/** Counts and lists translated, stale, missing and machine-made records and lost protected terms, per non-source locale. */
export function translationStatus(
  content: Content, overlays: Map<string, LocaleOverlays>, termProblems: TermProblem[], dictionaries: Record<string, Dictionary>,
): LocaleStatus[] {
  const site = content.site.value;
  const sourceUi = dictionaries[site.defaultLocale] ?? dictionaries.en ?? {};
  return site.locales.filter((l) => l.code !== site.defaultLocale).map((locale) => {
    const localeOverlays = overlays.get(locale.code);
    const { status } = localize(content, localeOverlays);
    const counts: StatusCounts = { total: 0, translated: 0, stale: 0, staleHuman: 0, missing: 0, machine: 0, protectedTerms: 0 };
    const records: StatusRecord[] = [];
    // A stale record's lost terms by record key, gathered once rather than searched for every record.
    const lostByKey = new Map<string, string[]>();
    for (const v of termProblems) {
      if (v.stale && v.locale === locale.code) lostByKey.set(v.key, [...(lostByKey.get(v.key) ?? []), v.problem.message]);
    }
    for (const pair of recordPairs(content, localeOverlays, locale.code)) {
      const st = status.get(pair.key);
      if (!st) continue;
      counts.total++;
      counts[st.state]++;
      if (st.state === 'stale' && st.method !== 'machine') counts.staleHuman++;
      if (st.method === 'machine') counts.machine++;
      const at = pair.overlay && pair.overlayFile ? locate(pair.overlayFile, pair.overlayPath) : locate(pair.sourceFile, pair.sourcePath);
      const lost = lostByKey.get(pair.key) ?? [];
      records.push({ kind: pair.kind, ids: pair.ids, key: pair.key, state: st.state, method: st.method, fallbackFields: [...st.fallbackFields], ...at, ...(lost.length ? { lostTerms: lost } : {}) });
    }
    const violations = termProblems.filter((v) => !v.stale && v.locale === locale.code).map((v) => ({
      kind: v.kind, ids: v.ids, key: v.key, term: v.term, insteadOf: v.insteadOf, message: v.problem.message, severity: v.problem.severity,
      file: v.problem.file, line: v.problem.line, column: v.problem.column, path: v.problem.path,
    }));
    counts.protectedTerms = violations.length;
    const uiMissing = missingUiKeys(sourceUi, dictionaries[locale.code], locale.code);
    const uiTotal = wantedUiKeys(sourceUi, locale.code).length;
    return { locale: locale.code, label: locale.label, dir: locale.dir ?? 'ltr', counts, records, violations, ui: { total: uiTotal, missing: uiMissing } };
  });
}

const nouns: Record<StatusCount, [string, string]> = {
  missing: ['untranslated record', 'untranslated records'],
  stale: ['stale translation', 'stale translations'],
  staleHuman: ['stale human translation', 'stale human translations'],
  machine: ['machine-translated record', 'machine-translated records'],
  protectedTerms: ['protected-term violation', 'protected-term violations'],
};

/**
 * Every threshold a locale exceeds, as one line each, e.g. `id: 1 stale human translation; at
 * most 0 allowed (translationPolicy.thresholds.staleHuman in data/site.json)`.
 */
export function thresholdFailures(statuses: LocaleStatus[], policy: TranslationPolicy | undefined, siteFile: string): string[] {
  const limits = thresholdsOf(policy);
  const out: string[] = [];
  for (const s of statuses) {
    for (const [name, max] of Object.entries(limits) as [StatusCount, number][]) {
      const n = s.counts[name];
      if (n <= max) continue;
      out.push(`${s.locale}: ${n} ${nouns[name][n === 1 ? 0 : 1]}; at most ${max} allowed (translationPolicy.thresholds.${name} in ${siteFile})`);
    }
  }
  return out;
}
