import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { untranslatedUiKeys } from './untranslated-ui.ts';

export type Dictionary = Record<string, string>;

/** A missing UI string, reported instead of silently falling back. */
export interface MissingString {
  locale: string;
  key: string;
}

export interface I18n {
  /** A translate function bound to one locale, e.g. `t('en')('nav.home')` → `Home`. */
  t: (locale: string) => TFunction;
  /** Keys a page asked for that the locale (or any fallback) lacks. */
  missing: MissingString[];
}

const uiDir = fileURLToPath(new URL('./ui/', import.meta.url));

/** The UI dictionaries shipped with Fieldguide: its English source strings, e.g. `{ en: { 'nav.home': 'Home' } }`; other languages come from each site's `translations/<locale>/ui.json`. */
export function builtinDictionaries(): Record<string, Dictionary> {
  const out: Record<string, Dictionary> = {};
  for (const f of readdirSync(uiDir).filter((n) => n.endsWith('.json'))) {
    out[f.slice(0, -5)] = JSON.parse(readFileSync(uiDir + f, 'utf8')) as Dictionary;
  }
  return out;
}

/**
 * One i18next instance per build, initialised synchronously, with flat dotted keys and fallback
 * from each locale to the site's default locale and then to English.
 */
/**
 * A translate function that remembers what it said for a key alone or with one small number
 * (`{ n: 3 }`, `{ count: 2 }`): a site asks for the same few strings on every one of its thousands of
 * pages, and i18next resolves each call afresh.
 */
function remembered(fn: TFunction): TFunction {
  const said = new Map<string, string>();
  return ((key: string, options?: Record<string, unknown>) => {
    let id: string | undefined;
    if (options === undefined) id = key;
    else {
      const names = Object.keys(options);
      if (names.length === 1 && typeof options[names[0]] === 'number') id = `${key}\u0000${names[0]}\u0000${String(options[names[0]])}`;
    }
    if (id === undefined || typeof key !== 'string') return (fn as (k: string, o?: unknown) => string)(key, options);
    let text = said.get(id);
    if (text === undefined) said.set(id, (text = (fn as (k: string, o?: unknown) => string)(key, options)));
    return text;
  }) as unknown as TFunction;
}

export function createI18n(defaultLocale: string, dictionaries: Record<string, Dictionary>): I18n {
  const missing: MissingString[] = [];
  const seen = new Set<string>();
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(Object.entries(dictionaries).map(([l, d]) => [l, { translation: d }])),
    lng: defaultLocale,
    fallbackLng: [...new Set([defaultLocale, 'en'])],
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => {
      for (const locale of lngs) {
        const id = `${locale}\u0000${key}`;
        if (!seen.has(id)) {
          seen.add(id);
          missing.push({ locale, key });
        }
      }
    },
  });
  const bound = new Map<string, TFunction>();
  const t = (locale: string): TFunction => {
    let fn = bound.get(locale);
    if (!fn) bound.set(locale, (fn = remembered(instance.getFixedT(locale))));
    return fn;
  };
  return { t, missing };
}

/** UI dictionaries per locale: the built-in ones, with each locale's `translations/<locale>/ui.json` on top. */
export function siteDictionaries(overlays: Map<string, { ui?: Dictionary }>): Record<string, Dictionary> {
  const dictionaries = builtinDictionaries();
  for (const [locale, o] of overlays) if (o.ui) dictionaries[locale] = { ...dictionaries[locale], ...o.ui };
  return dictionaries;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * UI keys of the source dictionary that a locale lacks or still holds in the source text (see
 * `untranslatedUiKeys`), with plural keys checked against that
 * locale's own plural rules, e.g. Arabic needs `home.codeCount_few` where English has only
 * `_one` and `_other`.
 */
export function missingUiKeys(source: Dictionary, target: Dictionary | undefined, locale: string): string[] {
  // A string still holding the source text (as `i18n init` writes it) is shown untranslated too.
  return untranslatedUiKeys(source, target, locale);
}

/** Every UI key a locale needs, plural forms by its own rules, e.g. `x_one`, `x_other` for English. */
export function wantedUiKeys(source: Dictionary, locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const wanted = new Set<string>();
  for (const key of Object.keys(source)) {
    if (!pluralSuffix.test(key)) wanted.add(key);
    else for (const c of categories) wanted.add(key.replace(pluralSuffix, `_${c}`));
  }
  return [...wanted].sort();
}
