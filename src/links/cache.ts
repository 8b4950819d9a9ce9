import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LinkState, Verdict } from './types.ts';

/** What the cache remembers of one URL between runs. */
export interface CacheEntry {
  /** ISO time of the last check that sent a request. */
  checkedAt: string;
  state: LinkState;
  status?: number;
  /** ISO time of the last `ok` or `redirected` verdict. */
  lastOk?: string;
  /** ISO time since which the URL has been indeterminate without a break. */
  indeterminateSince?: string;
}

export interface LinkCache {
  version: 1;
  /** ISO time of the last run that wrote the cache. */
  updatedAt?: string;
  urls: Record<string, CacheEntry>;
}

/** An empty cache, e.g. for `--no-cache` or a first run. */
export const emptyCache = (): LinkCache => ({ version: 1, urls: {} });

/** Reads a cache file; a missing file is an empty cache, a corrupt one is reported and ignored. */
export function readCache(file: string): { cache: LinkCache; warning?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { cache: emptyCache() };
  }
  try {
    const value = JSON.parse(text) as LinkCache;
    if (value?.version !== 1 || typeof value.urls !== 'object' || value.urls === null || Array.isArray(value.urls)) {
      throw new Error('not a Fieldguide link cache (version 1)');
    }
    return { cache: value };
  } catch (err) {
    return { cache: emptyCache(), warning: `ignoring the link cache ${file}: ${(err as Error).message.split('\n')[0]}; every URL is checked afresh` };
  }
}

/** Writes the cache atomically, so a run killed mid-write never leaves a half file for CI to restore. */
export function writeCache(file: string, cache: LinkCache): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(cache, null, 1)}\n`);
  renameSync(tmp, file);
}

/** A cached `ok` younger than the TTL, which spares a request; failures never qualify. */
export function freshOk(entry: CacheEntry | undefined, ttlMs: number, now: number): boolean {
  return entry?.state === 'ok' && entry.lastOk !== undefined && now - Date.parse(entry.lastOk) < ttlMs;
}

/** The cache entry after a fresh verdict, carrying over the last-ok time and the indeterminate streak. */
export function nextEntry(previous: CacheEntry | undefined, verdict: Verdict, now: string): CacheEntry {
  const working = verdict.state === 'ok' || verdict.state === 'redirected';
  return {
    checkedAt: now,
    state: verdict.state,
    status: verdict.status,
    lastOk: working ? now : previous?.lastOk,
    indeterminateSince: verdict.state === 'indeterminate' ? (previous?.state === 'indeterminate' ? previous.indeterminateSince ?? now : now) : undefined,
  };
}

/**
 * Turns a long indeterminate streak into `broken`: a host that has refused or timed out for more
 * than `days` is no longer noise.
 * @example escalate({ state: 'indeterminate', reason: '503' }, '2024-01-01T00:00:00Z', 7, Date.parse('2024-01-09')) → broken
 */
export function escalate(verdict: Verdict, since: string | undefined, days: number, now: number): Verdict {
  if (verdict.state !== 'indeterminate' || !since) return verdict;
  const age = now - Date.parse(since);
  if (age <= days * 86_400_000) return verdict;
  return { ...verdict, state: 'broken', reason: `${verdict.reason}; indeterminate since ${since.slice(0, 10)} (more than ${days} days)` };
}
