import { escalate, freshOk, nextEntry, type LinkCache } from './cache.ts';
import { classify } from './classify.ts';
import { HostLimiter } from './limiter.ts';
import { requestUrl, type RequestOptions } from './request.ts';
import type { Verdict } from './types.ts';

export interface EngineOptions extends Omit<RequestOptions, 'deadline'> {
  /** Requests at once, overall. */
  concurrency: number;
  /** Requests at once to one host. */
  perHost: number;
  /** How long a cached `ok` spares a request, in ms. */
  ttlMs: number;
  /** Days an indeterminate URL is tolerated before it counts as broken. */
  indeterminateDays: number;
  /** Bound on the whole run, in ms. */
  maxRunMs: number;
}

/** The engine's answer for one URL. */
export interface UrlResult {
  verdict: Verdict;
  requests: number;
  cached: boolean;
  lastOk?: string;
}

export type Progress = (done: number, total: number, url: string) => void;

/**
 * Checks each unique URL once, politely, updating `cache` in place: a fresh cached `ok` sends no
 * request, and an indeterminate streak longer than the allowed days becomes broken.
 */
export async function checkUrls(urls: string[], cache: LinkCache, opts: EngineOptions, onProgress: Progress = () => {}): Promise<Map<string, UrlResult>> {
  const unique = [...new Set(urls)];
  const started = Date.now();
  const deadline = started + opts.maxRunMs;
  const limiter = new HostLimiter(opts.concurrency, opts.perHost);
  const results = new Map<string, UrlResult>();
  let done = 0;
  await Promise.all(unique.map(async (url) => {
    const previous = cache.urls[url];
    if (freshOk(previous, opts.ttlMs, Date.now())) {
      results.set(url, { verdict: { state: 'ok', status: previous.status, reason: `ok when last checked (${previous.checkedAt}); cached` }, requests: 0, cached: true, lastOk: previous.lastOk });
    } else {
      const outcome = await requestUrl(url, { ...opts, deadline }, limiter);
      const raw = classify(outcome);
      const now = new Date().toISOString();
      const entry = nextEntry(previous, raw, now);
      // A run cut short says nothing new about the URL; keep what the cache knew.
      if (outcome.error !== 'DEADLINE') cache.urls[url] = entry;
      const verdict = escalate(raw, entry.indeterminateSince, opts.indeterminateDays, Date.now());
      results.set(url, { verdict, requests: outcome.requests, cached: false, lastOk: entry.lastOk });
    }
    onProgress(++done, unique.length, url);
  }));
  cache.updatedAt = new Date(started).toISOString();
  return results;
}
