import type { Hop, Outcome, Verdict } from './types.ts';

/** Statuses that say "this address was moved for good", e.g. 301 and 308. */
export const isPermanent = (status: number): boolean => status === 301 || status === 308;

/** A chain is permanent only when every hop is, e.g. [301, 308] → true, [301, 302] → false. */
export const permanentChain = (hops: Hop[]): boolean => hops.length > 0 && hops.every((h) => isPermanent(h.status));

/** Network errors that mean "nothing lives at this address". */
const brokenErrors: Record<string, string> = {
  ENOTFOUND: 'host name does not resolve',
  ECONNREFUSED: 'connection refused',
  LOOP: 'redirect loop',
  FRAGMENT: 'fragment not found',
  BADURL: 'not a valid URL',
  TOOMANY: 'too many redirects',
};

/** Network errors that say nothing about the page itself. */
const noisyErrors: Record<string, string> = {
  TIMEOUT: 'timed out',
  DEADLINE: 'not checked: the run reached its time limit',
  EAI_AGAIN: 'name lookup failed temporarily',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the server',
};

/** A one-line reason for a network error code, e.g. `ENOTFOUND` → `host name does not resolve`. */
export function describeError(code: string, detail?: string): string {
  const text = brokenErrors[code] ?? noisyErrors[code] ?? `request failed (${code})`;
  return detail ? `${text}: ${detail}` : text;
}

/** Whether a failed attempt is worth another try: 429, 5xx and network noise, never a clear "gone". */
export function isRetryable(o: Pick<Outcome, 'status' | 'error'>): boolean {
  // A refused connection may be a restarting server; a slow host is not asked twice (it bounds the run).
  if (o.error) return o.error === 'ECONNREFUSED' || !(o.error in brokenErrors || o.error === 'TIMEOUT' || o.error === 'DEADLINE');
  return o.status === 429 || o.status >= 500;
}

/**
 * Judges an outcome: rot is `broken`, noise (rate limits, bot walls, flaky or slow hosts) is
 * `indeterminate`, and a working link that moved is `redirected`.
 * @example classify({ status: 404, hops: [], finalUrl: u, requests: 1 }).state === 'broken'
 */
export function classify(o: Outcome): Verdict {
  const moved = o.hops.length > 0;
  const where = moved ? { finalUrl: o.finalUrl, permanent: permanentChain(o.hops) } : {};
  const via = moved ? ` after redirect to ${o.finalUrl}` : '';
  if (o.error) {
    const chain = o.error === 'LOOP' || o.error === 'TOOMANY';
    const reason = describeError(o.error, o.detail) + (chain ? '' : via);
    const state = o.error in brokenErrors ? 'broken' : 'indeterminate';
    return { state, status: o.status || undefined, ...where, reason };
  }
  const s = o.status;
  if (s >= 200 && s < 300) {
    if (!moved) return { state: 'ok', status: s, reason: `${s}` };
    const kind = where.permanent ? 'permanent' : 'temporary';
    return { state: 'redirected', status: s, ...where, reason: `${kind} redirect (${o.hops.map((h) => h.status).join(' → ')}) to ${o.finalUrl}` };
  }
  if (s === 404 || s === 410) return { state: 'broken', status: s, ...where, reason: `${s === 404 ? '404 not found' : '410 gone'}${via}` };
  if (s === 429) return { state: 'indeterminate', status: s, ...where, reason: `429 too many requests, still after retries${via}` };
  if (s === 401 || s === 403 || s === 999) {
    return { state: 'indeterminate', status: s, ...where, reason: `${s} refused: bot protection or a login, so the page cannot be judged${via}` };
  }
  if (s === 408) return { state: 'indeterminate', status: s, ...where, reason: `408 request timeout${via}` };
  if (s >= 500) return { state: 'indeterminate', status: s, ...where, reason: `${s} server error, still after retries${via}` };
  if (s >= 300 && s < 400) return { state: 'broken', status: s, ...where, reason: `${s} redirect without a usable Location${via}` };
  return { state: 'broken', status: s, ...where, reason: `${s} client error${via}` };
}
