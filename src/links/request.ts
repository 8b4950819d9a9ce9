import { pageFacts } from '../core/page-facts.ts';
import { decodeBody } from './charset.ts';
import { isRetryable, needsGet } from './classify.ts';
import { cookieHeader, storeCookies, type Cookies } from './cookies.ts';
import { RequestError, send, type Contact, type Reply } from './http.ts';
import { DeadlineError, sleep, type HostLimiter } from './limiter.ts';
import type { Network } from './network.ts';
import { headerText, isHtmlType, parseLocation, parseUrl, retryAfterMs } from './parse.ts';
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
  /** Epoch ms after which no request starts and none goes on. */
  deadline: number;
  /** Most bytes of an HTML page read to find fragments (default 16 MB). */
  maxPageBytes?: number;
}

/** What a request sequence needs besides the options: the run's limits, cookies and network. */
export interface RequestContext {
  opts: RequestOptions;
  limiter: HostLimiter;
  cookies: Cookies;
  network: Network;
}

/** The page a chain ended on, as far as fragments go: its ids, or its media type when it is not HTML. */
export type PageSeen = { html: true; ids: Set<string>; truncated: boolean } | { html: false; mime: string };

/** An outcome before fragments are judged, with what the fragments of the URL are judged against. */
export interface Fetched extends Outcome {
  page?: PageSeen;
  /** A fragment carried by a redirect's Location, which replaces the link's own as in browsers. */
  locationFragment?: string;
  /** Every host contacted, to tell a dead network from a dead host. */
  contacts: Contact[];
  retryAfter?: string;
}

/**
 * RFC 6761 reserves `.invalid`: resolvers must answer "no such name" at once, so this is decided
 * here and the query never leaves the machine (a system resolver might forward it).
 */
export const isReservedInvalid = (hostname: string): boolean => /(^|\.)invalid\.?$/i.test(hostname);

const defaultPageBytes = 16 * 2 ** 20;

/** A wait for a message, e.g. 30000 → `30 s`; anything past a day reads as such, not as 1e+23 s. */
const secs = (ms: number): string => (ms >= 86_400_000 ? 'more than a day' : `${Math.round(ms / 1000)} s`);

/** One request within the run's limits and time bound, keeping the cookies it sets. */
async function exchange(url: URL, method: 'HEAD' | 'GET', wantPage: boolean, c: RequestContext): Promise<Reply> {
  return c.limiter.request(url.host, c.opts.deadline, async () => {
    const until = Math.min(Date.now() + c.opts.timeout, c.opts.deadline);
    if (until <= Date.now()) throw new DeadlineError();
    const cookie = cookieHeader(c.cookies, url.href);
    const headers: Record<string, string> = {
      'user-agent': c.opts.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br',
      ...(cookie ? { cookie } : {}),
    };
    try {
      const reply = await send(url, { method, headers, until, wantPage, maxBody: c.opts.maxPageBytes ?? defaultPageBytes }, c.network);
      storeCookies(c.cookies, reply.headers['set-cookie'], url.href);
      return reply;
    } catch (err) {
      // A timeout cut short by the run's bound is the bound's doing, not the host's.
      if (err instanceof RequestError && err.code === 'TIMEOUT' && until === c.opts.deadline) throw new RequestError('DEADLINE', err.contact);
      throw err;
    }
  });
}

/** The page facts of a reply that was read, e.g. the ids of an HTML page; undefined when nothing was read. */
function pageOf(reply: Reply, wantPage: boolean): PageSeen | undefined {
  if (reply.body) return { html: true, ids: pageFacts(decodeBody(reply.body, reply.type?.charset)).ids, truncated: Boolean(reply.truncated) };
  if (!wantPage) return undefined;
  return { html: false, mime: reply.type && !isHtmlType(reply.type.mime) ? reply.type.mime : 'a response without an HTML type' };
}

/** The error code and detail of a failed request, e.g. `{ code: 'TIMEOUT', detail: 'no answer within 400 ms' }`. */
function failure(err: unknown, timeout: number): { error: string; detail?: string; contact?: Contact } {
  if (err instanceof DeadlineError) return { error: 'DEADLINE' };
  if (err instanceof RequestError) return { error: err.code, detail: err.code === 'TIMEOUT' ? `no answer within ${timeout} ms` : undefined, contact: err.contact };
  return { error: 'CRASH', detail: String((err as Error)?.message ?? err).slice(0, 200) };
}

/** Follows redirects by hand (so each hop's status is known), HEAD first with a GET fallback. */
async function attempt(start: URL, wantPage: boolean, c: RequestContext): Promise<Fetched> {
  const hops: Hop[] = [];
  const contacts: Contact[] = [];
  // A revisit is a loop only when nothing changed: a gate that sets a cookie and sends you back is not.
  const seen = new Set<string>();
  let current = start;
  let locationFragment: string | undefined;
  let requests = 0;
  for (;;) {
    seen.add(`${current.href}\n${cookieHeader(c.cookies, current.href) ?? ''}`);
    let reply: Reply | undefined;
    try {
      requests++;
      if (wantPage) reply = await exchange(current, 'GET', true, c);
      else {
        try {
          reply = await exchange(current, 'HEAD', false, c);
        } catch (err) {
          const f = failure(err, c.opts.timeout);
          if (!needsGet({ status: 0, error: f.error })) throw err;
          if (f.contact) contacts.push(f.contact);
        }
        if (!reply || needsGet(reply)) {
          if (reply) contacts.push(reply.contact);
          requests++;
          reply = await exchange(current, 'GET', false, c);
        }
      }
    } catch (err) {
      const { contact, ...f } = failure(err, c.opts.timeout);
      if (contact) contacts.push(contact);
      return { status: 0, hops, finalUrl: current.href, ...f, requests, contacts };
    }
    contacts.push(reply.contact);
    const location = headerText(reply.headers.location)?.trim();
    if (reply.status >= 300 && reply.status < 400 && location) {
      hops.push({ url: current.href, status: reply.status });
      const next = parseLocation(location, current.href);
      if ('error' in next) return { status: reply.status, hops, finalUrl: current.href, error: next.error, detail: next.detail, requests, contacts };
      if (next.url.hash) locationFragment = next.url.hash.slice(1);
      next.url.hash = '';
      if (seen.has(`${next.url.href}\n${cookieHeader(c.cookies, next.url.href) ?? ''}`)) {
        return { status: reply.status, hops, finalUrl: next.url.href, error: 'LOOP', detail: `${next.url.href} leads back`, requests, contacts };
      }
      if (hops.length > c.opts.maxRedirects) return { status: reply.status, hops, finalUrl: next.url.href, error: 'TOOMANY', detail: `more than ${c.opts.maxRedirects}`, requests, contacts };
      current = next.url;
      continue;
    }
    // Back where it started (a cookie gate): readers land on the very address, so it has not moved.
    const home = current.href === start.href && hops.length > 0;
    return {
      status: reply.status, hops: home ? [] : hops, finalUrl: current.href, requests, contacts, locationFragment,
      page: pageOf(reply, wantPage), retryAfter: headerText(reply.headers['retry-after']), note: home ? 'after a redirect that set a cookie' : undefined,
    };
  }
}

/**
 * Requests one URL (without its fragment) until it gives a clear answer: retries honour
 * `Retry-After` on 429 and back off exponentially on 5xx and network errors, never past the run's
 * deadline; a wait longer than the time left ends the URL at once. `wantPage` reads an HTML body.
 */
export async function requestPage(url: string, wantPage: boolean, c: RequestContext): Promise<Fetched> {
  const parsed = parseUrl(url);
  if ('error' in parsed) return { status: 0, hops: [], finalUrl: url, error: parsed.error, detail: parsed.detail, requests: 0, contacts: [] };
  const start = parsed.url;
  if (start.protocol !== 'http:' && start.protocol !== 'https:') return { status: 0, hops: [], finalUrl: url, error: 'BADURL', detail: `${start.protocol} is not http: or https:`, requests: 0, contacts: [] };
  if (isReservedInvalid(start.hostname)) return { status: 0, hops: [], finalUrl: url, error: 'ENOTFOUND', detail: start.hostname, requests: 0, contacts: [] };
  start.hash = '';
  let requests = 0;
  const contacts: Contact[] = [];
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(start, wantPage, c);
    requests += outcome.requests;
    contacts.push(...outcome.contacts);
    const done = { ...outcome, requests, contacts };
    if (!isRetryable(outcome) || tries >= c.opts.retries) return done;
    let wait = c.opts.retryDelay * 2 ** tries;
    if (outcome.status === 429) {
      const asked = retryAfterMs(outcome.retryAfter);
      if (asked > c.opts.maxRetryAfter) return { ...done, detail: `the server asked to wait ${secs(asked)}, longer than the ${secs(c.opts.maxRetryAfter)} a check waits` };
      if (!Number.isNaN(asked)) {
        if (Date.now() + asked >= c.opts.deadline) return { ...done, detail: `the server asked to wait ${secs(asked)}, longer than the run has left (${secs(c.opts.deadline - Date.now())})` };
        wait = asked;
        // Only a retry that will happen pauses the host; the pause is what other URLs there wait for.
        const at = parseUrl(outcome.finalUrl);
        if ('url' in at) c.limiter.pause(at.url.host, Date.now() + asked);
      }
    }
    if (Date.now() + wait >= c.opts.deadline) return done;
    await sleep(wait);
  }
}
