import { join, relative, resolve } from 'node:path';
import type { Content } from '../content/types.ts';
import { wantedUiKeys, type Dictionary } from './create-i18n.ts';
import type { LocaleOverlays } from './load-overlays.ts';
import type { Method } from './overlay-types.ts';
import { recordPairs, type RecordPair } from './overlay-records.ts';
import { translationStatus, type StatusRecord } from './status.ts';
import { currentHash } from './stamp-many.ts';
import { uiSourceText, untranslatedUiKeys } from './untranslated-ui.ts';

/** An XLIFF 1.2 target state (`<target state state-qualifier>`) and the unit's `approved` flag. */
export interface UnitState {
  state?: string;
  qualifier?: string;
  approved?: boolean;
}

/** One translatable field of one record, or one UI string, as a translation unit. */
export interface Unit {
  /** `<record key>#<field>`, e.g. `step/a/s#text`, or `ui/<key>`, e.g. `ui/nav.home`. */
  id: string;
  /** The overlay file it lives in, relative to translations/<locale>/, e.g. `articles/a.json`. */
  file: string;
  source: string;
  /** The current translation; empty when there is none. */
  target: string;
  state: UnitState;
  /** Hash of the record's source text now; what a translation made from this unit is stamped with. */
  hash?: string;
}

/** What a unit's state says about its target: confirmed (`done`) or a draft, and how it was made. */
export interface Outcome {
  done: boolean;
  method: Method;
}

export const uiPrefix = 'ui/';
export const uiFile = 'ui.json';

/** Splits a record unit id at its last `#`, e.g. `step/a/s#text` → `['step/a/s', 'text']`. */
export function splitUnitId(id: string): [string, string] {
  const at = id.lastIndexOf('#');
  return [id.slice(0, at), id.slice(at + 1)];
}

/**
 * The state a unit is exported with: missing → `new`, stale → `needs-review-translation`,
 * machine → `translated` + `mt-suggestion` (kept on stale ones too), human → `translated`,
 * reviewed → `final` (and `approved="yes"`).
 */
export function exportState(text: string, record: Pick<StatusRecord, 'state' | 'method'> | undefined): UnitState {
  if (!text || !record || record.state === 'missing') return { state: 'new' };
  const qualifier = record.method === 'machine' ? 'mt-suggestion' : undefined;
  if (record.state === 'stale') return { state: 'needs-review-translation', qualifier };
  if (record.method === 'reviewed') return { state: 'final', approved: true };
  return { state: 'translated', qualifier };
}

const machineQualifiers = new Set(['mt-suggestion', 'leveraged-mt']);

/**
 * How an imported target counts: `final`/`signed-off` (or `approved="yes"`) → reviewed;
 * `translated` (or no state) → machine with `mt-suggestion`, else human; any other state
 * (`new`, `needs-*`) is a draft, not confirmed by the translator.
 */
export function outcomeOf(s: UnitState): Outcome {
  const machine = machineQualifiers.has(s.qualifier ?? '');
  if (s.state === 'final' || s.state === 'signed-off') return { done: true, method: 'reviewed' };
  if (!s.state || s.state === 'translated') return { done: true, method: s.approved ? 'reviewed' : machine ? 'machine' : 'human' };
  return { done: false, method: machine ? 'machine' : 'human' };
}

/** The overlay file of a record relative to its locale folder, e.g. `articles/a.json`. */
export function overlayFileOf(content: Content, locale: string, pair: RecordPair): string {
  return relative(join(content.dataDir, 'translations', locale), resolve(pair.overlayFileName)).split('\\').join('/');
}

/** Every unit of one locale in source order: each translatable field of each record, then each UI string it needs. */
export function localeUnits(content: Content, overlays: Map<string, LocaleOverlays>, locale: string, dictionaries: Record<string, Dictionary>): Unit[] {
  const status = translationStatus(content, overlays, [], dictionaries).find((s) => s.locale === locale);
  const byKey = new Map((status?.records ?? []).map((r) => [r.key, r]));
  const units: Unit[] = [];
  for (const pair of recordPairs(content, overlays.get(locale), locale)) {
    const file = overlayFileOf(content, locale, pair);
    const hash = currentHash(pair);
    for (const field of pair.fields) {
      const source = pair.source[field];
      if (typeof source !== 'string') continue;
      const target = typeof pair.overlay?.[field] === 'string' ? pair.overlay[field]! : '';
      units.push({ id: `${pair.key}#${field}`, file, source, target, state: exportState(target, byKey.get(pair.key)), hash });
    }
  }
  const sourceUi = dictionaries[content.site.value.defaultLocale] ?? dictionaries.en ?? {};
  const have = dictionaries[locale] ?? {};
  const untranslated = new Set(untranslatedUiKeys(sourceUi, have, locale));
  for (const key of wantedUiKeys(sourceUi, locale)) {
    const target = untranslated.has(key) ? '' : have[key];
    units.push({ id: `${uiPrefix}${key}`, file: uiFile, source: uiSourceText(sourceUi, key) ?? '', target, state: target ? { state: 'translated' } : { state: 'new' } });
  }
  return units;
}

/** Why a code is not a locale to translate into here, e.g. `"en" is not a translated locale of this site (id)`. */
export function translatedLocaleProblem(content: Content, locale: string): string | undefined {
  const site = content.site.value;
  if (site.locales.some((l) => l.code === locale) && locale !== site.defaultLocale) return undefined;
  const others = site.locales.filter((l) => l.code !== site.defaultLocale).map((l) => l.code);
  return `"${locale}" is not a translated locale of this site (${others.join(', ') || 'none'})`;
}

/** What an export holds, e.g. `473 units for de (382 record fields, 91 UI strings): 0 final, 0 translated, 0 to review, 473 new`. */
export function exportSummary(units: Unit[], locale: string): string {
  const ui = units.filter((u) => u.id.startsWith(uiPrefix)).length;
  const count = (...states: string[]) => units.filter((u) => states.includes(u.state.state ?? '')).length;
  const parts = [`${count('final')} final`, `${count('translated')} translated`, `${count('needs-review-translation')} to review`, `${count('new')} new`];
  return `${units.length} units for ${locale} (${units.length - ui} record fields, ${ui} UI strings): ${parts.join(', ')}`;
}
