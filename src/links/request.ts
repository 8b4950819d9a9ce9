import { pageFacts } from '../build/verify-output.ts';
import { isRetryable } from './classify.ts';
import { sleep, type HostLimiter } from './limiter.ts';
import type { Hop, Outcome } from './types.ts';

export interface RequestOptions {
  /** Per-request timeout in ms. */
  timeout: number;
  userAgent: string;
  /** Extra attempts after a 429, a 5xx or a network error. */
  retries: number;
  /** First back-off in ms; doubles on each retry. */
  retryDelay: number;
  /** Longest `Retry-After` (ms) worth waiting for; a longer one leaves the URL indeterminate. */
  maxRetryAfter: number;
  maxRedirects: number;
  /** Epoch ms after which no request starts. */
  deadline: number;
}

interface Attempt extends Outcome {
  retryAfter?: string;
}

/**
 * RFC 6761 reserves `.invalid`: resolvers must answer "no such name" at once, so this is decided
 * here and the query never leaves the machine (a system resolver might forward it).
 */
export const isReservedInvalid = (hostname: string): boolean => /(^|\.)invalid\.?$/i.test(hostname);

/** Node's code for a failed fetch, e.g. `ENOTFOUND`, or `TIMEOUT` when our timer aborted it. */
export function errorCode(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'TIMEOUT';
  const code = e.cause?.code ?? e.cause?.errors?.find((x) => x.code)?.code;
  if (code) return code;
  if (/bad port|invalid url/i.test(`${e.cause?.message ?? ''} ${e.message ?? ''}`)) return 'BADURL';
  return 'ENETWORK';
}

/** Milliseconds a `Retry-After` value asks for: `"2"` → 2000, an HTTP date → time until it; NaN if unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (!value) return Number.NaN;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? Number.NaN : Math.max(0, at - now);
}

/** The fragment worth checking in a URL, e.g. `https://a/b#setup` → `setup`; none for text fragments. */
export function fragmentOf(url: string): string | undefined {
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const frag = decodeURIComponent(url.slice(hash + 1));
  return frag && !frag.startsWith(':~:') ? frag : undefined;
}

async function send(url: string, method: 'HEAD' | 'GET', opts: RequestOptions, limiter: HostLimiter, keepBody: boolean) {
  const host = new URL(url).host;
  return limiter.request(host, async () => {
    const budget = Math.min(opts.timeout, opts.deadline - Date.now());
    if (budget <= 0) throw Object.assign(new Error('deadline'), { name: 'DeadlineError' });
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(budget),
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
    });
    const body = keepBody && method === 'GET' ? await res.text() : undefined;
    if (!keepBody) await res.body?.cancel().catch(() => {});
    return { status: res.status, location: res.headers.get('location'), retryAfter: res.headers.get('retry-after') ?? undefined, body };
  });
}

/** Follows redirects by hand (so each hop's status is known), HEAD first with a GET fallback. */
async function attempt(url: string, opts: RequestOptions, limiter: HostLimiter): Promise<Attempt> {
  const fragment = fragmentOf(url);
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let current = url.split('#')[0];
  let requests = 0;
  for (;;) {
    seen.add(current);
    let res;
    try {
      if (fragment) {
        requests++;
        res = await send(current, 'GET', opts, limiter, true);
      } else {
        requests++;
        res = await send(current, 'HEAD', opts, limiter, false);
        // Many servers refuse or mishandle HEAD (405, 403, 404, 5xx) yet serve GET fine.
        if (res.status >= 400 && res.status !== 429) {
          requests++;
          res = await send(current, 'GET', opts, limiter, false);
        }
      }
    } catch (err) {
      const code = (err as Error).name === 'DeadlineError' ? 'DEADLINE' : errorCode(err);
      const detail = code === 'TIMEOUT' ? `no answer within ${opts.timeout} ms` : undefined;
      return { status: 0, hops, finalUrl: current, error: code, detail, requests };
    }
    if (res.status >= 300 && res.status < 400 && res.location) {
      hops.push({ url: current, status: res.status });
      const next = new URL(res.location, current).href;
      if (seen.has(next)) return { status: res.status, hops, finalUrl: next, error: 'LOOP', detail: `${next} leads back`, requests };
      if (hops.length > opts.maxRedirects) return { status: res.status, hops, finalUrl: next, error: 'TOOMANY', detail: `more than ${opts.maxRedirects}`, requests };
      current = next;
      continue;
    }
    const finalUrl = fragment ? `${current}#${fragment}` : current;
    if (fragment && res.status >= 200 && res.status < 300 && res.body !== undefined && !pageFacts(res.body).ids.has(fragment)) {
      return { status: res.status, hops, finalUrl, error: 'FRAGMENT', detail: `no element with id "${fragment}"`, requests };
    }
    return { status: res.status, hops, finalUrl, retryAfter: res.retryAfter, requests };
  }
}

/**
 * Requests one URL until it gives a clear answer: retries honour `Retry-After` on 429 and back off
 * exponentially on 5xx and network errors, never past the run's deadline.
 */
export async function requestUrl(url: string, opts: RequestOptions, limiter: HostLimiter): Promise<Outcome> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 0, hops: [], finalUrl: url, error: 'BADURL', requests: 0 };
  }
  if (isReservedInvalid(parsed.hostname)) return { status: 0, hops: [], finalUrl: url, error: 'ENOTFOUND', detail: parsed.hostname, requests: 0 };
  let requests = 0;
  for (let tries = 0; ; tries++) {
    const { retryAfter, ...outcome } = await attempt(url, opts, limiter);
    requests += outcome.requests;
    outcome.requests = requests;
    if (!isRetryable(outcome) || tries >= opts.retries) return outcome;
    let wait = opts.retryDelay * 2 ** tries;
    if (outcome.status === 429) {
      const asked = retryAfterMs(retryAfter);
      if (asked > opts.maxRetryAfter) return { ...outcome, detail: `the server asked to wait ${Math.round(asked / 1000)} s` };
      if (!Number.isNaN(asked)) {
        wait = asked;
        limiter.pause(new URL(outcome.finalUrl).host, Date.now() + asked);
      }
    }
    if (Date.now() + wait >= opts.deadline) return outcome;
    await sleep(wait);
  }
}
