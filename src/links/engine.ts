import { escalate, freshOk, nextEntry, type LinkCache } from './cache.ts';
import { classify } from './classify.ts';
import { createCookies } from './cookies.ts';
import { judgeFragment, needsPage } from './fragments.ts';
import type { Contact } from './http.ts';
import { HostLimiter } from './limiter.ts';
import type { Network } from './network.ts';
import { needsProbe, networkState, tallyContacts, unreached, type NetworkState } from './network-state.ts';
import { fragmentOf, withoutFragment } from './parse.ts';
import { requestPage, type Fetched, type RequestContext, type RequestOptions } from './request.ts';
import type { Outcome, Verdict } from './types.ts';

export interface EngineOptions extends Omit<RequestOptions, 'deadline'> {
  /** Requests at once, overall. */
  concurrency: number;
  /** Requests at once to one host. */
  perHost: number;
  /** How long a cached `ok` spares a request, in ms. */
  ttlMs: number;
  /** Days an indeterminate URL is tolerated before it counts as broken. */
  indeterminateDays: number;
  /** Bound on the whole run, pauses and retries included, in ms. */
  maxRunMs: number;
}

/** What the engine is given besides its options: the way out, and where to report progress. */
export interface EngineInputs {
  network: Network;
  onProgress?: Progress;
  /** Epoch ms the run began (the bound counts from it); now when not given. */
  startedAt?: number;
}

/** The engine's answer for one URL. */
export interface UrlResult {
  verdict: Verdict;
  requests: number;
  cached: boolean;
  lastOk?: string;
}

/** Every URL's result, and whether the outside could be reached at all. */
export interface EngineRun {
  results: Map<string, UrlResult>;
  network: NetworkState;
}

export type Progress = (done: number, total: number, url: string) => void;

/** Verdicts that say nothing new about a URL: the cache keeps what it knew, and no streak grows. */
const unjudged = new Set(['DEADLINE', 'NONET']);

/** The URLs of each page, e.g. `a#x`, `a#y` → `{ a: ['a#x', 'a#y'] }`: one request serves them all. */
export function groupByPage(urls: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const url of urls) {
    const base = withoutFragment(url);
    groups.set(base, [...(groups.get(base) ?? []), url]);
  }
  return groups;
}

/** An outcome for a URL whose check threw: a bug of ours, still reported as a verdict. */
const crashed = (url: string, err: unknown): Fetched => ({
  status: 0, hops: [], finalUrl: url, error: 'CRASH', detail: String((err as Error)?.message ?? err).slice(0, 200), requests: 0, contacts: [],
});

/** Asks the resolver whether it answers, within the time left; undefined when no time is left. */
async function probe(network: Network, deadline: number): Promise<boolean | undefined> {
  const left = Math.min(3_000, deadline - Date.now());
  if (left <= 0) return undefined;
  try {
    return await network.probe(left);
  } catch {
    return false;
  }
}

/**
 * Checks each unique URL once, politely, updating `cache` in place: a fresh cached `ok` sends no
 * request, URLs differing only in `#fragment` share one request, and an indeterminate streak
 * longer than the allowed days becomes broken. When no outside host could be reached at all, the
 * URLs that failed for that reason are indeterminate ("no network") and the cache keeps them as it knew them.
 */
export async function checkUrls(urls: string[], cache: LinkCache, opts: EngineOptions, inputs: EngineInputs): Promise<EngineRun> {
  const unique = [...new Set(urls)];
  const started = inputs.startedAt ?? Date.now();
  const onProgress = inputs.onProgress ?? (() => {});
  const ctx: RequestContext = {
    opts: { ...opts, deadline: started + opts.maxRunMs }, limiter: new HostLimiter(opts.concurrency, opts.perHost),
    cookies: createCookies(), network: inputs.network,
  };
  const results = new Map<string, UrlResult>();
  const outcomes = new Map<string, { outcome: Outcome; contacts: Contact[]; requests: number }>();
  let done = 0;
  await Promise.all([...groupByPage(unique)].map(async ([base, members]) => {
    const stale = members.filter((url) => {
      const previous = cache.urls[url];
      if (!freshOk(previous, opts.ttlMs, Date.now())) return true;
      results.set(url, { verdict: { state: 'ok', status: previous.status, reason: `ok when last checked (${previous.checkedAt}); cached` }, requests: 0, cached: true, lastOk: previous.lastOk });
      onProgress(++done, unique.length, url);
      return false;
    });
    if (!stale.length) return;
    let fetched: Fetched;
    try {
      fetched = await requestPage(base, stale.some((url) => needsPage(fragmentOf(url))), ctx);
    } catch (err) {
      fetched = crashed(base, err);
    }
    stale.forEach((url, i) => {
      outcomes.set(url, { outcome: judgeFragment(fetched, fragmentOf(url)), contacts: fetched.contacts, requests: i === 0 ? fetched.requests : 0 });
      onProgress(++done, unique.length, url);
    });
  }));

  const tally = tallyContacts([...outcomes.values()].flatMap((o) => o.contacts));
  const network = networkState(tally, needsProbe(tally) ? await probe(inputs.network, ctx.opts.deadline) : undefined);
  for (const [url, { outcome, contacts, requests }] of outcomes) {
    const offline = network === 'unreachable' && outcome.error !== undefined && unreached(contacts);
    const raw = classify(offline ? { ...outcome, error: 'NONET', detail: undefined } : outcome);
    const previous = cache.urls[url];
    const entry = nextEntry(previous, raw, new Date().toISOString());
    // A run cut short or without a network says nothing new about the URL; keep what the cache knew.
    const judged = !unjudged.has(raw.cause ?? '');
    if (judged) cache.urls[url] = entry;
    const verdict = judged ? escalate(raw, entry.indeterminateSince, opts.indeterminateDays, Date.now()) : raw;
    results.set(url, { verdict, requests, cached: false, lastOk: judged ? entry.lastOk : previous?.lastOk });
  }
  cache.updatedAt = new Date(started).toISOString();
  return { results, network };
}
