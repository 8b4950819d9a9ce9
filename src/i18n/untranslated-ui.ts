import { wantedUiKeys, type Dictionary } from './create-i18n.ts';

/**
 * The ui.json entry listing keys whose translation is, on purpose, the same text as the source,
 * e.g. `"$sameAsSource": ["status.status"]` for Indonesian, where "Status" is the right word.
 */
export const sameAsSourceKey = '$sameAsSource';

/** The keys a ui.json declares identical to the source on purpose, e.g. `['status.status']`. */
export function sameAsSource(target: Dictionary | undefined): string[] {
  const listed = (target as Record<string, unknown> | undefined)?.[sameAsSourceKey];
  return Array.isArray(listed) ? listed.filter((k): k is string => typeof k === 'string') : [];
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The source text a locale's UI key stands for; a plural form English lacks stands for `_other`, e.g. `x_few` → en `x_other`. */
export function uiSourceText(source: Dictionary, key: string): string | undefined {
  return source[key] ?? (pluralSuffix.test(key) ? source[key.replace(pluralSuffix, '_other')] : undefined);
}

/**
 * UI keys a locale needs but has not translated: missing from its dictionary, or holding the
 * source text itself (as `fieldguide i18n init` writes them, for a guide) unless listed in
 * `$sameAsSource`, e.g. German `{ 'nav.home': 'Home' }` → `['nav.home', …]`.
 */
export function untranslatedUiKeys(source: Dictionary, target: Dictionary | undefined, locale: string): string[] {
  const have = target ?? {};
  const same = new Set(sameAsSource(target));
  return wantedUiKeys(source, locale).filter((k) => typeof have[k] !== 'string' || (have[k] === uiSourceText(source, k) && !same.has(k)));
}
