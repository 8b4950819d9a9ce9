import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { displayPath } from '../content/json-source.ts';
import { localePattern } from '../content/validate.ts';
import { writeMissingSchemas } from '../content/schema-files.ts';
import type { LocaleConfig } from '../content/types.ts';
import { siteDictionaries, wantedUiKeys, type Dictionary } from './create-i18n.ts';
import { appendValue, setValue } from './json-edit.ts';
import { recordPairs, type RecordPair } from './overlay-records.ts';
import { hasTranslation } from './stamp-many.ts';
import { uiSourceText } from './untranslated-ui.ts';

/** Why a locale code cannot be added, or undefined when it is a well-formed BCP 47 tag, e.g. `"de_DE"` → a message. */
export function localeCodeProblem(code: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(code)[0];
  } catch {
    canonical = undefined;
  }
  if (!canonical || !localePattern.test(code)) {
    const guess = canonicalGuess(code);
    return `"${code}" is not a BCP 47 language tag${guess ? `; did you mean "${guess}"?` : ' (e.g. "de", "pt-BR", "zh-Hant")'}`;
  }
  if (canonical !== code) return `"${code}" is not written the BCP 47 way; did you mean "${canonical}"?`;
  return undefined;
}

/** The canonical tag a slip most likely meant, e.g. `de_DE` → `de-DE`; undefined when nothing valid is near. */
function canonicalGuess(code: string): string | undefined {
  try {
    const guess = Intl.getCanonicalLocales(code.replace(/_/g, '-'))[0];
    return localePattern.test(guess) ? guess : undefined;
  } catch {
    return undefined;
  }
}

/** A language's name in itself, capitalised for a menu, e.g. `de` → `Deutsch`, `pt-BR` → `Português (Brasil)`. */
export function nativeLabel(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

// Scripts written right to left, for when this Node's ICU data has no text direction for a locale.
const rtlScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi']);

/** The writing direction of a locale, e.g. `ar` → `rtl`, from Intl where Node has it, else from its script. */
export function textDirection(code: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(code) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction === 'rtl') return 'rtl';
  return rtlScripts.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr';
}

/** The `locales` entry `i18n init` adds to site.json, e.g. `{ code: 'de', label: 'Deutsch', dir: 'ltr' }`. */
export function localeEntry(code: string): Required<LocaleConfig> {
  return { code, label: nativeLabel(code), dir: textDirection(code) };
}

/** site.json with one more entry in `locales`, the rest of the file as written. */
export function addLocale(siteText: string, entry: LocaleConfig): string {
  const locales = findNodeAtLocation(parseTree(siteText)!, ['locales']);
  return appendValue(siteText, ['locales'], locales?.children?.length ?? 0, entry);
}

/** A new ui.json for a locale: every key it needs (its own plural forms) holding the source text as a guide. */
export function newUiFile(source: Dictionary, locale: string): string {
  const entries = wantedUiKeys(source, locale).map((k) => [k, uiSourceText(source, k) ?? '']);
  return `${JSON.stringify({ $schema: '../../schemas/ui-translation.schema.json', ...Object.fromEntries(entries) }, null, 2)}\n`;
}

/** An existing ui.json with only the keys it lacks added (source text as a guide); its own strings untouched. */
export function completeUiFile(text: string, have: Dictionary, source: Dictionary, locale: string): { text: string; added: string[] } {
  const added = wantedUiKeys(source, locale).filter((k) => typeof have[k] !== 'string');
  let out = text;
  for (const k of added) out = setValue(out, [k], uiSourceText(source, k) ?? '');
  return { text: out, added };
}

/** Untranslated records of one kind (the first part of the key, e.g. `step`) and the overlay files they would go in. */
export interface KindTodo {
  kind: string;
  count: number;
  files: string[];
}

/** Records without a translation grouped by kind, in source order, e.g. `[{ kind: 'step', count: 7, files: [...] }]`. */
export function untranslatedByKind(pairs: RecordPair[]): KindTodo[] {
  const byKind = new Map<string, KindTodo>();
  for (const pair of pairs) {
    if (hasTranslation(pair)) continue;
    const kind = pair.key.split('/')[0];
    const todo = byKind.get(kind) ?? { kind, count: 0, files: [] };
    todo.count++;
    if (!todo.files.includes(pair.overlayFileName)) todo.files.push(pair.overlayFileName);
    byKind.set(kind, todo);
  }
  return [...byKind.values()];
}

/** The report lines for untranslated records, e.g. `  step      7  data/translations/de/articles/a.json`. */
export function todoLines(locale: string, todos: KindTodo[]): string[] {
  const total = todos.reduce((n, t) => n + t.count, 0);
  if (total === 0) return [`every record has a ${locale} translation`];
  const lines = [`${total} record${total === 1 ? '' : 's'} ha${total === 1 ? 's' : 've'} no ${locale} translation yet:`];
  for (const t of todos) {
    const files = t.files.length > 3 ? `${t.files.slice(0, 3).join(', ')} and ${t.files.length - 3} more` : t.files.join(', ');
    lines.push(`  ${t.kind.padEnd(8)} ${String(t.count).padStart(5)}  ${files}`);
  }
  return lines;
}

/** site.json's text and the two fields init needs; an unreadable or malformed file is reported by the loader, located. */
function readSite(siteFile: string, dataDir: string): { text: string; site: { defaultLocale?: string; locales?: LocaleConfig[] } } {
  try {
    const text = readFileSync(siteFile, 'utf8');
    return { text, site: JSON.parse(text) as { defaultLocale?: string; locales?: LocaleConfig[] } };
  } catch (err) {
    loadTranslatedContent(dataDir);
    throw err;
  }
}

/** What `i18n init` did, as lines for the terminal, or a usage problem when the code cannot be a new locale. */
export type InitResult = { usage: string } | { lines: string[] };

/**
 * Adds a locale to a data folder: its entry in site.json (unless listed), a ui.json holding every
 * UI key (only missing keys are added to an existing one), then lists what is left to translate.
 * Throws ContentError, with site.json restored, when the data folder does not validate.
 */
export function initLocale(dataDir: string, code: string): InitResult {
  const problem = localeCodeProblem(code);
  if (problem) return { usage: problem };
  const siteFile = join(dataDir, 'site.json');
  const { text: siteText, site } = readSite(siteFile, dataDir);
  if (code === site.defaultLocale) return { usage: `"${code}" is the source locale of this site; its text lives in the source files` };
  const lines: string[] = [];
  const listed = site.locales?.find((l) => l.code === code);
  if (listed) lines.push(`${code} (${listed.label}) is already a locale of ${displayPath(siteFile)}`);
  else {
    const entry = localeEntry(code);
    writeFileSync(siteFile, addLocale(siteText, entry));
    lines.push(`added ${code} (${entry.label}, ${entry.dir}) to ${displayPath(siteFile)}`);
  }
  let loaded: ReturnType<typeof loadTranslatedContent>;
  try {
    loaded = loadTranslatedContent(dataDir);
  } catch (err) {
    writeFileSync(siteFile, siteText);
    throw err;
  }
  const { content, overlays } = loaded;
  const dictionaries = siteDictionaries(overlays);
  const source = dictionaries[content.site.value.defaultLocale] ?? dictionaries.en;
  const uiFile = join(content.dataDir, 'translations', code, 'ui.json');
  const sourceLabel = content.site.value.locales.find((l) => l.code === content.site.value.defaultLocale)?.label ?? content.site.value.defaultLocale;
  if (existsSync(uiFile)) {
    const { text, added } = completeUiFile(readFileSync(uiFile, 'utf8'), overlays.get(code)?.ui ?? {}, source, code);
    if (added.length > 0) writeFileSync(uiFile, text);
    lines.push(`${displayPath(uiFile)}: added ${added.length} missing UI string${added.length === 1 ? '' : 's'} (in ${sourceLabel}), kept the ${Object.keys(overlays.get(code)?.ui ?? {}).filter((k) => !k.startsWith('$')).length} it had`);
  } else {
    mkdirSync(join(content.dataDir, 'translations', code), { recursive: true });
    const text = newUiFile(source, code);
    writeFileSync(uiFile, text);
    const n = wantedUiKeys(source, code).length;
    lines.push(`wrote ${displayPath(uiFile)}: ${n} UI strings, in ${sourceLabel} until translated`);
    for (const schema of writeMissingSchemas([{ path: uiFile, text }])) lines.push(`wrote ${displayPath(schema)}, the schema it names`);
  }
  lines.push(...todoLines(code, untranslatedByKind(recordPairs(content, overlays.get(code), code))));
  return { lines };
}
