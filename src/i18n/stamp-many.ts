import { resolve } from 'node:path';
import { suggestHint } from '../content/did-you-mean.ts';
import type { Method } from './overlay-types.ts';
import type { RecordPair } from './overlay-records.ts';
import { sourceHash } from './source-hash.ts';
import { stampRecord } from './stamp.ts';

/** What one `stamp` argument picks: every record, a key prefix (`step/<article>/*`), an overlay file, or one record id. */
export type Selector =
  | { kind: 'all' }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'file'; file: string; arg: string }
  | { kind: 'record'; key: string };

/** Reads one `stamp` argument, e.g. `step/a/*` → prefix `step/a/`, `…/articles/a.json` → that file, `code/c/x` → one record. */
export function parseSelector(arg: string): Selector {
  if (arg === '*') return { kind: 'all' };
  if (arg.endsWith('/*')) return { kind: 'prefix', prefix: arg.slice(0, -1) };
  if (arg.endsWith('.json')) return { kind: 'file', file: resolve(arg), arg };
  return { kind: 'record', key: arg };
}

/** The records a selector picks, in source order; empty when it picks none. */
export function selectPairs(pairs: RecordPair[], selector: Selector): RecordPair[] {
  switch (selector.kind) {
    case 'all': return pairs;
    case 'prefix': return pairs.filter((p) => p.key.startsWith(selector.prefix));
    case 'file': return pairs.filter((p) => resolve(p.overlayFileName) === selector.file);
    case 'record': return pairs.filter((p) => p.key === selector.key);
  }
}

/** Why a selector picked nothing, with a did-you-mean hint, e.g. `no record "step/a/x"; did you mean "step/a/s"?`. */
export function noMatch(pairs: RecordPair[], selector: Selector, locale: string): string {
  if (selector.kind === 'record') {
    const hint = suggestHint(selector.key, pairs.map((p) => p.key));
    return `no record "${selector.key}"${hint ? `; ${hint}` : ''}`;
  }
  if (selector.kind === 'prefix') {
    const prefixes = new Set(pairs.map((p) => `${p.key.slice(0, p.key.lastIndexOf('/') + 1)}*`).filter((p) => p !== '*'));
    const hint = suggestHint(`${selector.prefix}*`, prefixes);
    return `no record matches "${selector.prefix}*"${hint ? `; ${hint}` : ''}`;
  }
  if (selector.kind === 'file') {
    const files = [...new Set(pairs.map((p) => p.overlayFileName))];
    return `"${selector.arg}" is not one of the ${files.length} overlay files of locale ${locale} (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`;
  }
  return 'no record to stamp';
}

/** True when a record has a translation of at least one of its fields, so a stamp has something to vouch for. */
export function hasTranslation(pair: RecordPair): boolean {
  return !!pair.overlay && !!pair.overlayFile && pair.fields.some((f) => typeof pair.overlay?.[f] === 'string');
}

/** The hash of a record's current source text, e.g. `sha256-…`. */
export function currentHash(pair: RecordPair): string {
  return sourceHash(pair.fields.map((f) => pair.source[f] as string | undefined));
}

/** One record a batch stamp changes, with the hash it had. */
export interface Stamp {
  pair: RecordPair;
  hash: string;
  was?: string;
}

/** A batch stamp sorted into what changes, what was already current and what has no translation to stamp. */
export interface StampPlan {
  stamped: Stamp[];
  current: RecordPair[];
  skipped: RecordPair[];
}

/** Sorts the selected records: stamp the translated ones whose hash or method differ; skip the untranslated. */
export function planStamps(pairs: RecordPair[], method: Method): StampPlan {
  const plan: StampPlan = { stamped: [], current: [], skipped: [] };
  for (const pair of pairs) {
    if (!hasTranslation(pair)) {
      plan.skipped.push(pair);
      continue;
    }
    const hash = currentHash(pair);
    const effective = pair.overlay?.method ?? pair.provenance?.method;
    if (pair.overlay?.source === hash && effective === method) plan.current.push(pair);
    else plan.stamped.push({ pair, hash, was: pair.overlay?.source });
  }
  return plan;
}

/** The new text of every overlay file a plan changes, each edited in place (formatting kept), by absolute path. */
export function applyStamps(stamps: Stamp[], method: Method, read: (file: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { pair, hash } of stamps) {
    const file = resolve(pair.overlayFile!.file);
    out.set(file, stampRecord(out.get(file) ?? read(file), pair.overlayPath, hash, method));
  }
  return out;
}

/** The records any of the selectors pick, once each, in source order; or the first selector that picks none. */
export function pickPairs(pairs: RecordPair[], selectors: Selector[]): { picked: RecordPair[]; unmatched?: Selector } {
  const keys = new Set<string>();
  for (const selector of selectors) {
    const hits = selectPairs(pairs, selector);
    if (hits.length === 0) return { picked: [], unmatched: selector };
    for (const p of hits) keys.add(p.key);
  }
  return { picked: pairs.filter((p) => keys.has(p.key)) };
}

/** One line per record of a batch stamp, then the summary, e.g. `already current: id step/a/s (reviewed)`. */
export function stampReport(locale: string, plan: StampPlan, method: Method, files: number): string[] {
  const lines = plan.stamped.map(({ pair, hash, was }) => {
    const before = was === hash ? 'already matched the source' : `was ${was ?? 'unhashed'}`;
    return `stamped ${locale} ${pair.key} in ${pair.overlayFileName}: source ${hash} (${before}), method ${method}`;
  });
  for (const pair of plan.current) lines.push(`already current: ${locale} ${pair.key} (${method})`);
  for (const pair of plan.skipped) lines.push(`skipped ${locale} ${pair.key}: no ${locale} translation in ${pair.overlayFileName}`);
  lines.push(stampSummary(locale, plan, method, files));
  return lines;
}

/** The closing line of a batch stamp, e.g. `stamped 3 id records (reviewed) in 1 file; 2 already current; 1 skipped, not translated`. */
export function stampSummary(locale: string, plan: StampPlan, method: Method, files: number): string {
  const n = plan.stamped.length;
  const parts = [`stamped ${n} ${locale} record${n === 1 ? '' : 's'} (${method}) in ${files} file${files === 1 ? '' : 's'}`];
  parts.push(`${plan.current.length} already current`);
  parts.push(`${plan.skipped.length} skipped, not translated`);
  return parts.join('; ');
}
