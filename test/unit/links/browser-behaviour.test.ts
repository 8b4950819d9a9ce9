import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { emptyCache } from '../../../src/links/cache.ts';
import { checkUrls, type EngineOptions, type UrlResult } from '../../../src/links/engine.ts';
import { fakeNetwork } from '../../support/fake-network.ts';
import { startMisbehavingServer } from '../../support/misbehaving-server.ts';

// Each case is a host misbehaving one way; the verdict is what a reader's browser would make of it.
const options: EngineOptions = {
  timeout: 2_000, userAgent: 'Fieldguide-link-checker/test', retries: 2, retryDelay: 50, maxRetryAfter: 60_000,
  maxRedirects: 10, concurrency: 8, perHost: 4, ttlMs: 86_400_000, indeterminateDays: 7, maxRunMs: 30_000,
};

let server: Awaited<ReturnType<typeof startMisbehavingServer>>;
before(async () => {
  server = await startMisbehavingServer();
});
after(() => server.close());

/** Checks URLs (paths on the test server) in one run and returns each path's result. */
async function check(paths: string[], over: Partial<EngineOptions> = {}): Promise<Record<string, UrlResult>> {
  const { results } = await checkUrls(paths.map((p) => server.url(p)), emptyCache(), { ...options, ...over }, { network: fakeNetwork() });
  return Object.fromEntries(paths.map((p) => [p, results.get(server.url(p))!]));
}
const verdict = (r: UrlResult) => [r.verdict.state, r.verdict.reason];

test('a lone % in a fragment and an unparseable Location are verdicts, not crashes', async () => {
  const r = await check(['/ok#100%', '/percent-ids#100%', '/bad-location']);
  assert.deepEqual(verdict(r['/ok#100%']), ['broken', 'fragment not found: no element with id "100%"']);
  assert.deepEqual(verdict(r['/percent-ids#100%']), ['ok', '200']);
  assert.deepEqual(verdict(r['/bad-location']), ['broken', 'redirect to an unparseable Location, which browsers show as an error: http://[::1']);
  assert.equal(server.count('/bad-location'), 1, 'a broken Location is not retried');
});

test('fragments resolve as in browsers: # and #top, raw and decoded ids, <a name>, the page charset', async () => {
  const paths = ['/ok#top', '/ok#TOP', '/ok#', '/percent-ids#a%20b', '/percent-ids#caf%C3%A9', '/percent-ids#café', '/percent-ids#legacy', '/latin1#caf%C3%A9', '/latin1-meta#caf%C3%A9'];
  const r = await check(paths);
  for (const p of paths) assert.deepEqual(verdict(r[p]), ['ok', '200'], p);
  const missing = await check(['/latin1#cafe', '/percent-ids#a b c']);
  assert.deepEqual(verdict(missing['/latin1#cafe']), ['broken', 'fragment not found: no element with id "cafe"']);
  assert.deepEqual(verdict(missing['/percent-ids#a b c']), ['broken', 'fragment not found: no element with id "a%20b%20c"']);
});

test('a fragment on a PDF or a text file is not judged, and the file is not downloaded past its headers', async () => {
  const started = Date.now();
  const r = await check(['/doc.pdf#page=2', '/notes.txt#L10']);
  assert.deepEqual(verdict(r['/doc.pdf#page=2']), ['ok', '200; #page=2 not checked: application/pdf is not an HTML page']);
  assert.deepEqual(verdict(r['/notes.txt#L10']), ['ok', '200; #L10 not checked: text/plain is not an HTML page']);
  // What the server managed to write before the client hung up sits in socket buffers, never in a parser.
  for (const p of ['/doc.pdf', '/notes.txt']) assert.ok(server.streamed(p) < 16 * 2 ** 20, `${p}: ${server.streamed(p)} bytes written of 64 MB`);
  assert.ok(Date.now() - started < options.timeout, 'both answered well within one request timeout');
});

test('URLs that differ only in #fragment share one request', async () => {
  const r = await check(['/fragments#a', '/fragments#b', '/fragments#c', '/fragments']);
  assert.deepEqual(['a', 'b', 'c', ''].map((f) => r[`/fragments${f ? `#${f}` : ''}`].verdict.state), ['ok', 'ok', 'broken', 'ok']);
  assert.equal(server.count('/fragments'), 1);
  assert.equal(Object.values(r).reduce((n, x) => n + x.requests, 0), 1, 'the report counts the one request once');
});

test('a redirect that sets a cookie and comes back resolves with the run’s cookie jar', async () => {
  const r = await check(['/cookie-gate']);
  assert.deepEqual(verdict(r['/cookie-gate']), ['ok', '200; after a redirect that set a cookie']);
  assert.equal(server.count('/cookie-gate'), 2);
});

test('451 and 999 are indeterminate and not retried as server errors', async () => {
  const r = await check(['/status-451', '/status-999']);
  assert.deepEqual(verdict(r['/status-451']), ['indeterminate', '451 unavailable for legal reasons: blocked where the check ran, which says nothing of other places']);
  assert.deepEqual(verdict(r['/status-999']), ['indeterminate', '999 refused: bot protection or a login, so the page cannot be judged']);
  // One HEAD and its GET fallback each; no retry.
  assert.deepEqual([server.count('/status-451'), server.count('/status-999')], [2, 2]);
});

test('a HEAD that resets the connection or answers 501 falls back to GET', async () => {
  const r = await check(['/head-reset', '/head-501', '/no-head']);
  for (const p of ['/head-reset', '/head-501', '/no-head']) assert.deepEqual(verdict(r[p]), ['ok', '200'], p);
  assert.deepEqual(['/head-reset', '/head-501'].map((p) => server.seen.filter((s) => s.path === p).map((s) => s.method).join(' ')), ['HEAD GET', 'HEAD GET']);
});

test('a redirect to data:, file:, javascript: or ftp: ends the chain, is never followed and never retried', async () => {
  const r = await check(['/to-data', '/to-file', '/to-javascript', '/to-ftp']);
  const reason = (what: string) => `redirect to an address that is not http: or https:, which browsers refuse to follow: ${what}`;
  assert.deepEqual(verdict(r['/to-data']), ['broken', reason('data: (data:text/html,<h1>hi</h1>)')]);
  assert.deepEqual(verdict(r['/to-file']), ['broken', reason('file: (file:///etc/passwd)')]);
  assert.deepEqual(verdict(r['/to-javascript']), ['broken', reason('javascript: (javascript:alert(1))')]);
  assert.deepEqual(verdict(r['/to-ftp']), ['broken', reason('ftp: (ftp://127.0.0.1/pub/file.txt)')]);
  for (const p of ['/to-data', '/to-file', '/to-javascript', '/to-ftp']) assert.equal(server.count(p), 1, p);
});

test('--max-time bounds the run: a Retry-After longer than what is left ends that URL at once', async () => {
  const others = Array.from({ length: 12 }, (_, i) => `/n/after-${i}`);
  const bound = 6_000;
  const started = Date.now();
  const r = await check(['/retry-after-30', ...others], { maxRunMs: bound });
  const took = Date.now() - started;
  assert.ok(took <= bound + 500, `took ${took} ms with a bound of ${bound} ms`);
  assert.equal(r['/retry-after-30'].verdict.state, 'indeterminate');
  assert.match(r['/retry-after-30'].verdict.reason, /^429 too many requests: the server asked to wait 30 s, longer than the run has left \([56] s\)$/);
  assert.equal(server.count('/retry-after-30'), 1);
  for (const p of others) assert.equal(r[p].verdict.state, 'ok', p);
});
