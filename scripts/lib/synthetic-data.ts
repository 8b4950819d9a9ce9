/**
 * Synthetic Fieldguide content of any size, deterministic for a seed: catalogs of codes with
 * realistic text lengths, articles whose steps name codes, a link registry, cross-references, and
 * translation overlays with some records missing and some stale. Used by the benchmark and its test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinDictionaries } from '../../src/i18n/create-i18n.ts';
import { sameAsSourceKey } from '../../src/i18n/untranslated-ui.ts';
import { translatable } from '../../src/i18n/overlay-types.ts';
import { sourceHash } from '../../src/i18n/source-hash.ts';
import { between, pick, prose, pseudoTranslate, random, sentence, type Rng } from './synthetic-text.ts';

export interface SyntheticOptions {
  codes: number;
  locales: number;
  seed?: number;
  /** Codes per catalog file (default 500); one large catalog exposes per-file costs. */
  catalogSize?: number;
}

export interface SyntheticSummary {
  codes: number;
  catalogs: number;
  articles: number;
  steps: number;
  links: number;
  locales: string[];
  /** Translatable records per state, over every locale but the source one. */
  translated: number;
  stale: number;
  missing: number;
  /** A catalog file and one of its codes, for edit-and-rebuild measurements. */
  sample: { file: string; code: string };
}

type Obj = Record<string, unknown>;

const localeCodes = ['en', 'id', 'fr', 'de', 'es', 'pt', 'nl', 'sv', 'it', 'pl'];
const glossary = ['Fabrikam Hub', 'TempDB'];
const date = '2026-01-15';

/** Codes per catalog, as even as possible, e.g. `spread(1200, 3)` → `[400, 400, 400]`. */
export function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Markdown of about `chars` characters with occasional code spans, references and glossary terms. */
function text(rng: Rng, chars: number, refs: { codes: string[]; links: string[] }): string {
  const parts = [prose(rng, chars)];
  if (rng() < 0.5 && refs.codes.length) {
    const ref = pick(rng, refs.codes);
    parts.push(`If it shows [${ref.split('/')[1]}](error:${ref}) again, check the log.`);
  }
  if (rng() < 0.4 && refs.links.length) parts.push(`See [the vendor note](link:${pick(rng, refs.links)}).`);
  if (rng() < 0.3) parts.push(`Run \`Get-SyncState -Name ${pick(rng, ['agent', 'queue', 'host'])}\` first.`);
  if (rng() < 0.2) parts.push(`Restart ${pick(rng, glossary)} when it stays stopped.`);
  return parts.join(' ');
}

/** A few distinct items of a list, e.g. 0–3 related codes. */
function some<T>(rng: Rng, list: readonly T[], max: number, exclude?: T): T[] {
  const out = new Set<T>();
  const n = between(rng, 0, max);
  for (let i = 0; i < n && list.length > 1; i++) {
    const item = pick(rng, list);
    if (item !== exclude) out.add(item);
  }
  return [...out];
}

function linkRegistry(rng: Rng, count: number): Obj {
  const links: Obj = {};
  for (let i = 0; i < count; i++) {
    const entry: Obj = { url: `https://kb.example.test/articles/${1000 + i}`, title: sentence(rng, between(rng, 4, 9)).slice(0, -1), publisher: 'Example KB' };
    if (rng() < 0.2) entry.archive = `https://archive.example.test/kb/${1000 + i}`;
    if (rng() < 0.1) entry.history = [{ url: `https://old-kb.example.test/${i}`, until: '2022' }];
    links[`kb-${1000 + i}`] = entry;
  }
  return { links };
}

function catalog(rng: Rng, index: number, ids: string[], refs: { codes: string[]; links: string[] }): Obj {
  const id = `cat-${String(index).padStart(3, '0')}`;
  const phases = index % 3 === 1 ? ['connect', 'import', 'apply'].map((p) => ({ id: p, title: `${p[0].toUpperCase()}${p.slice(1)} phase`, summary: sentence(rng, 10) })) : undefined;
  const codes = ids.map((code) => {
    const k: Obj = { code, severity: pick(rng, ['error', 'error', 'warning', 'info', 'success']) };
    if (rng() < 0.3) k.title = sentence(rng, between(rng, 3, 6)).slice(0, -1);
    if (phases) k.phases = some(rng, phases.map((p) => p.id), 2).concat(phases[0].id).filter((p, i, a) => a.indexOf(p) === i);
    k.meaning = text(rng, between(rng, 120, 320), refs);
    if (rng() < 0.85) k.action = text(rng, between(rng, 100, 400), refs);
    const related = some(rng, refs.codes, 3, `${id}/${code}`);
    if (related.length) k.related = related;
    const links = some(rng, refs.links, 2);
    if (links.length) k.links = links;
    return k;
  });
  return { id, title: `Catalog ${index}: ${sentence(rng, 4).slice(0, -1)}`, summary: text(rng, 200, refs), product: 'Fabrikam Hub', ...(phases ? { phases } : {}), codes };
}

function article(rng: Rng, index: number, refs: { codes: string[]; links: string[] }): Obj {
  const steps = Array.from({ length: between(rng, 6, 12) }, (_, i) => {
    const s: Obj = { id: `step-${i + 1}`, text: text(rng, between(rng, 250, 700), refs) };
    if (rng() < 0.7) s.title = sentence(rng, between(rng, 3, 7)).slice(0, -1);
    const errors = some(rng, refs.codes, 3);
    if (errors.length) s.errors = errors;
    if (rng() < 0.3) s.links = some(rng, refs.links, 1);
    return s;
  });
  return { id: `article-${index}`, title: `Troubleshoot ${sentence(rng, 5).slice(0, -1).toLowerCase()}`, summary: sentence(rng, 14), intro: text(rng, 300, refs), updated: date, steps };
}

/** English UI strings with every plural form a locale needs, e.g. `_many` for French. */
function pluralized(dictionary: Record<string, string>, locale: string): Record<string, string> {
  const out = { ...dictionary };
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const [key, value] of Object.entries(dictionary)) {
    if (!key.endsWith('_other')) continue;
    for (const c of categories) out[`${key.slice(0, -'other'.length)}${c}`] ??= value;
  }
  return out;
}

type State = 'translated' | 'stale' | 'missing';

/** Overlay of one record in a locale, or undefined when that record is left untranslated. */
function overlayOf(rng: Rng, locale: string, record: Obj, fields: readonly string[], counts: Record<State, number>): Obj | undefined {
  const roll = rng();
  const state: State = roll < 0.7 ? 'translated' : roll < 0.8 ? 'stale' : 'missing';
  counts[state]++;
  if (state === 'missing') return undefined;
  const texts = fields.map((f) => record[f] as string | undefined);
  const out: Obj = {};
  fields.forEach((f, i) => { if (texts[i] !== undefined) out[f] = pseudoTranslate(locale, texts[i] as string); });
  // A stale translation was made from an earlier wording of the source.
  out.source = sourceHash(state === 'stale' ? texts.map((t) => t && `${t} Earlier wording.`) : texts);
  return out;
}

/** Overlay entries keyed by id for a list of records, dropping untranslated ones. */
function keyed(rng: Rng, locale: string, records: Obj[], key: string, fields: readonly string[], counts: Record<State, number>): Obj {
  const out: Obj = {};
  for (const r of records) {
    const o = overlayOf(rng, locale, r, fields, counts);
    if (o) out[r[key] as string] = o;
  }
  return out;
}

const writeJson = (file: string, value: unknown) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};

/** Writes a whole data folder into `dir` (which should be empty) and says what it holds. */
export function writeSyntheticData(dir: string, options: SyntheticOptions): SyntheticSummary {
  if (options.locales < 1 || options.locales > localeCodes.length) throw new Error(`locales must be 1 to ${localeCodes.length}, got ${options.locales}`);
  if (options.codes < 1) throw new Error(`codes must be at least 1, got ${options.codes}`);
  const rng = random(options.seed ?? 1);
  const locales = localeCodes.slice(0, options.locales);
  const catalogSizes = spread(options.codes, Math.ceil(options.codes / (options.catalogSize ?? 500)));
  const codeIds = catalogSizes.map((n, c) => Array.from({ length: n }, (_, i) => `${pick(rng, ['sync', 'conn', 'auth', 'disk', 'run'])}-${pick(rng, ['timeout', 'denied', 'missing', 'locked', 'stale', 'full'])}-${c}${String(i).padStart(4, '0')}`));
  const linkCount = Math.max(10, Math.ceil(options.codes / 20));
  const refs = { codes: codeIds.flatMap((ids, c) => ids.map((id) => `cat-${String(c).padStart(3, '0')}/${id}`)), links: Array.from({ length: linkCount }, (_, i) => `kb-${1000 + i}`) };

  const site = { title: 'Fabrikam Sync troubleshooting', description: 'Synthetic benchmark content: steps and error codes of the Fabrikam Hub.', defaultLocale: 'en', locales: locales.map((code) => ({ code, label: `Language ${code}` })), robots: 'noindex, nofollow', glossary };
  const links = linkRegistry(rng, linkCount);
  const catalogs = catalogSizes.map((_, c) => catalog(rng, c, codeIds[c], refs));
  const articles = Array.from({ length: Math.max(1, Math.ceil(options.codes / 250)) }, (_, a) => article(rng, a, refs));
  writeJson(join(dir, 'site.json'), site);
  writeJson(join(dir, 'links.json'), links);
  catalogs.forEach((c) => writeJson(join(dir, 'errors', `${c.id as string}.json`), c));
  articles.forEach((a) => writeJson(join(dir, 'articles', `${a.id as string}.json`), a));

  const counts: Record<State, number> = { translated: 0, stale: 0, missing: 0 };
  const builtin = builtinDictionaries();
  for (const locale of locales.slice(1)) {
    const lr = random((options.seed ?? 1) * 7919 + locale.charCodeAt(0) * 31 + locale.charCodeAt(1));
    const base = join(dir, 'translations', locale);
    const translation = { method: 'machine', date };
    writeJson(join(base, 'site.json'), { translation, ...overlayOf(lr, locale, site, translatable.site, counts) });
    writeJson(join(base, 'links.json'), { translation, links: keyed(lr, locale, Object.entries(links.links as Obj).map(([id, l]) => ({ id, ...(l as Obj) })), 'id', translatable.link, counts) });
    for (const c of catalogs) {
      const phases = c.phases ? { phases: keyed(lr, locale, c.phases as Obj[], 'id', translatable.phase, counts) } : {};
      writeJson(join(base, 'errors', `${c.id as string}.json`), { translation, ...overlayOf(lr, locale, c, translatable.catalog, counts), ...phases, codes: keyed(lr, locale, c.codes as Obj[], 'code', translatable.code, counts) });
    }
    for (const a of articles) {
      writeJson(join(base, 'articles', `${a.id as string}.json`), { translation, ...overlayOf(lr, locale, a, translatable.article, counts), steps: keyed(lr, locale, a.steps as Obj[], 'id', translatable.step, counts) });
    }
    // Synthetic locales keep the English interface strings, declared the same as the source on
    // purpose, so no page reports missing or untranslated keys.
    const ui = pluralized(builtin.en, locale);
    writeJson(join(base, 'ui.json'), { [sameAsSourceKey]: Object.keys(ui), ...ui });
  }
  const steps = articles.reduce((n, a) => n + (a.steps as Obj[]).length, 0);
  return {
    codes: options.codes, catalogs: catalogs.length, articles: articles.length, steps, links: linkCount, locales, ...counts,
    sample: { file: join(dir, 'errors', `${catalogs[0].id as string}.json`), code: codeIds[0][0] },
  };
}
