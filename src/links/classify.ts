import type { Hop, LinkState, Outcome, Verdict } from './types.ts';

/** Statuses that say "this address was moved for good", e.g. 301 and 308. */
export const isPermanent = (status: number): boolean => status === 301 || status === 308;

/** A chain is permanent only when every hop is, e.g. [301, 308] → true, [301, 302] → false. */
export const permanentChain = (hops: Hop[]): boolean => hops.length > 0 && hops.every((h) => isPermanent(h.status));

/** Failures that mean "nothing lives at this address" (or nothing a browser will show). */
const brokenErrors: Record<string, string> = {
  ENOTFOUND: 'host name does not resolve',
  ECONNREFUSED: 'connection refused',
  LOOP: 'redirect loop',
  FRAGMENT: 'fragment not found',
  BADURL: 'not a valid URL',
  TOOMANY: 'too many redirects',
  BADLOCATION: 'redirect to an unparseable Location, which browsers show as an error',
  SCHEME: 'redirect to an address that is not http: or https:, which browsers refuse to follow',
};

/** Failures that say nothing about the page itself. */
const noisyErrors: Record<string, string> = {
  TIMEOUT: 'timed out',
  DEADLINE: 'not checked: the run reached its time limit',
  NONET: 'not checked: no network',
  TRUNCATED: 'fragment not found in the part of the page that was read',
  CRASH: 'could not be checked',
  EAI_AGAIN: 'name lookup failed temporarily',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the server',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
};

/** Families of error codes, by prefix: what Node's HTTP parser, zlib and TLS report. */
const errorFamilies: [RegExp, string][] = [
  [/^HPE_/, 'malformed HTTP response'],
  [/^(Z_|ERR_ZLIB|ERR__|ERR_BROTLI)/, 'malformed compressed body'],
  [/^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|EPROTO$)/, 'TLS certificate or handshake problem'],
];

/** Failures worth another try: the host may well answer next time. */
const retriedErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN', 'ETIMEDOUT', 'ENETWORK', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED']);

/** HEAD failures that say nothing about GET: servers that reset or garble HEAD often serve GET fine. */
const headFailures = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'ENETWORK']);

/** A one-line reason for an error code, e.g. `ENOTFOUND` → `host name does not resolve`. */
export function describeError(code: string, detail?: string): string {
  const family = errorFamilies.find(([re]) => re.test(code));
  const text = brokenErrors[code] ?? noisyErrors[code] ?? (family ? `${family[1]} (${code})` : `request failed (${code})`);
  return detail ? `${text}: ${detail}` : text;
}

/** Whether a failed attempt is worth another try: 429, 5xx and network noise, never a clear "gone" or a bot wall. */
export function isRetryable(o: Pick<Outcome, 'status' | 'error'>): boolean {
  if (o.error) return retriedErrors.has(o.error);
  return o.status === 429 || (o.status >= 500 && o.status < 600);
}

/** Whether a HEAD answer calls for a GET: an error status other than 429 (405, 501, 403…) or a reset or garbled reply. */
export function needsGet(o: Pick<Outcome, 'status' | 'error'>): boolean {
  if (o.error) return headFailures.has(o.error) || /^HPE_/.test(o.error);
  return o.status >= 400 && o.status !== 429;
}

/** The judgement of a final status, in order of the first rule that matches. */
const statusRules: [matches: (s: number) => boolean, state: LinkState, reason: (s: number, detail?: string) => string][] = [
  [(s) => s === 404, 'broken', () => '404 not found'],
  [(s) => s === 410, 'broken', () => '410 gone'],
  [(s) => s === 429, 'indeterminate', (_s, d) => (d ? `429 too many requests: ${d}` : '429 too many requests, still after retries')],
  [(s) => s === 401 || s === 403 || s === 999, 'indeterminate', (s) => `${s} refused: bot protection or a login, so the page cannot be judged`],
  [(s) => s === 451, 'indeterminate', () => '451 unavailable for legal reasons: blocked where the check ran, which says nothing of other places'],
  [(s) => s === 408, 'indeterminate', () => '408 request timeout'],
  [(s) => s >= 500 && s < 600, 'indeterminate', (s) => `${s} server error, still after retries`],
  [(s) => s >= 600, 'indeterminate', (s) => `${s} is not an HTTP status a browser knows, so the page cannot be judged`],
  [(s) => s >= 300 && s < 400, 'broken', (s) => `${s} redirect without a usable Location`],
  [() => true, 'broken', (s) => `${s} client error`],
];

/**
 * Judges an outcome: rot is `broken`, noise (rate limits, bot walls, flaky or slow hosts, no
 * network) is `indeterminate`, and a working link that moved is `redirected`.
 * @example classify({ status: 404, hops: [], finalUrl: u, requests: 1 }).state === 'broken'
 */
export function classify(o: Outcome): Verdict {
  const moved = o.hops.length > 0;
  const where = moved ? { finalUrl: o.finalUrl, permanent: permanentChain(o.hops) } : {};
  const via = moved ? ` after redirect to ${o.finalUrl}` : '';
  const note = o.note ? `; ${o.note}` : '';
  if (o.error) {
    const chain = o.error === 'LOOP' || o.error === 'TOOMANY' || o.error === 'BADLOCATION' || o.error === 'SCHEME';
    const reason = describeError(o.error, o.detail) + (chain ? '' : via);
    const state = o.error in brokenErrors ? 'broken' : 'indeterminate';
    return { state, status: o.status || undefined, ...where, reason, cause: o.error };
  }
  const s = o.status;
  if (s >= 200 && s < 300) {
    if (!moved) return { state: 'ok', status: s, reason: `${s}${note}` };
    const kind = where.permanent ? 'permanent' : 'temporary';
    return { state: 'redirected', status: s, ...where, reason: `${kind} redirect (${o.hops.map((h) => h.status).join(' → ')}) to ${o.finalUrl}${note}` };
  }
  const [, state, reason] = statusRules.find(([matches]) => matches(s))!;
  return { state, status: s, ...where, reason: `${reason(s, o.detail)}${via}` };
}
