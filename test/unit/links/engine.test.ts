import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { emptyCache } from '../../../src/links/cache.ts';
import { checkUrls, type EngineOptions } from '../../../src/links/engine.ts';
import { fakeNetwork } from '../../support/fake-network.ts';
import { closedPort, startMisbehavingServer } from '../../support/misbehaving-server.ts';

// Short timeouts and back-offs keep the suite bounded; the command's defaults are the issue's.
const options: EngineOptions = {
  timeout: 400, userAgent: 'Fieldguide-link-checker/test', retries: 2, retryDelay: 50, maxRetryAfter: 5_000,
  maxRedirects: 10, concurrency: 8, perHost: 4, ttlMs: 86_400_000, indeterminateDays: 7, maxRunMs: 30_000,
};

const inputs = { network: fakeNetwork() };
let server: Awaited<ReturnType<typeof startMisbehavingServer>>;
let refused = '';
before(async () => {
  server = await startMisbehavingServer();
  refused = `http://127.0.0.1:${await closedPort()}/`;
});
after(() => server.close());

const cases: [string, string, RegExp, Record<string, unknown>?][] = [
  ['200', '/ok', /^200$/],
  ['301 to a 200', '/moved-301', /^permanent redirect \(301\) to .*\/ok$/, { permanent: true }],
  ['308 to a 200', '/moved-308', /^permanent redirect \(308\) to .*\/ok$/, { permanent: true }],
  ['302 to a 200', '/moved-302', /^temporary redirect \(302\) to .*\/ok$/, { permanent: false }],
  ['404', '/missing-404', /^404 not found$/],
  ['410', '/gone-410', /^410 gone$/],
  ['429 with Retry-After: 1, then 200', '/rate-limited', /^200$/],
  ['503 twice, then 200', '/flaky', /^200$/],
  ['always 503', '/down', /^503 server error, still after retries$/],
  ['slower than the timeout', '/slow', /^timed out: no answer within 400 ms$/],
  ['a redirect loop', '/loop-a', /^redirect loop: .*\/loop-a leads back$/],
  ['a page without the linked #fragment', '/ok#absent', /^fragment not found: no element with id "absent"$/],
  ['a page with the linked #fragment', '/ok#present', /^200$/],
  ['HEAD not allowed but GET fine', '/no-head', /^200$/],
  ['401/403 from a bot wall', '/bot-wall', /^403 refused: bot protection or a login/],
];
const expected: Record<string, string> = {
  '/ok': 'ok', '/moved-301': 'redirected', '/moved-308': 'redirected', '/moved-302': 'redirected',
  '/missing-404': 'broken', '/gone-410': 'broken', '/rate-limited': 'ok', '/flaky': 'ok', '/down': 'indeterminate',
  '/slow': 'indeterminate', '/loop-a': 'broken', '/ok#absent': 'broken', '/ok#present': 'ok', '/no-head': 'ok', '/bot-wall': 'indeterminate',
};

test('each misbehaving host gets its verdict, in one run over every case at once', async () => {
  const urls = [...cases.map(([, path]) => server.url(path)), 'https://docs.example.invalid/page', refused];
  const { results } = await checkUrls(urls, emptyCache(), options, inputs);
  for (const [name, path, reason, extra] of cases) {
    const r = results.get(server.url(path))!;
    assert.equal(r.verdict.state, expected[path], `${name}: ${r.verdict.reason}`);
    assert.match(r.verdict.reason, reason, name);
    for (const [key, value] of Object.entries(extra ?? {})) assert.equal((r.verdict as unknown as Record<string, unknown>)[key], value, `${name}: ${key}`);
  }
  assert.equal(results.get(server.url('/moved-301'))!.verdict.finalUrl, server.url('/ok'));
  const invalid = results.get('https://docs.example.invalid/page')!;
  assert.deepEqual([invalid.verdict.state, invalid.verdict.reason, invalid.requests], ['broken', 'host name does not resolve: docs.example.invalid', 0]);
  const refusedResult = results.get(refused)!;
  assert.deepEqual([refusedResult.verdict.state, refusedResult.verdict.reason], ['broken', 'connection refused']);
});

test('retries: Retry-After is waited for, 5xx is retried a bounded number of times', () => {
  const rate = server.seen.filter((r) => r.path === '/rate-limited');
  assert.equal(rate.length, 2);
  assert.ok(rate[1].at - rate[0].at >= 950, `second request came ${rate[1].at - rate[0].at} ms after the first, before Retry-After: 1 elapsed`);
  // HEAD 503 then GET 503, twice; then HEAD 200.
  assert.equal(server.count('/flaky'), 3);
  // Three attempts (the first and two retries), each a HEAD and its GET fallback.
  assert.equal(server.count('/down'), 6);
  assert.equal(server.count('/slow'), 1, 'a slow host is not asked again');
});

test('every request names Fieldguide in its User-Agent', () => {
  assert.ok(server.seen.length > 0);
  for (const r of server.seen) assert.equal(r.userAgent, 'Fieldguide-link-checker/test');
});

test('no more than 4 requests at once to one host, even with a higher overall limit', async () => {
  const urls = Array.from({ length: 16 }, (_, i) => server.url(`/hold/${i}`));
  const { results } = await checkUrls(urls, emptyCache(), { ...options, concurrency: 16 }, inputs);
  assert.ok([...results.values()].every((r) => r.verdict.state === 'ok'));
  assert.equal(server.maxInFlight(), 4);
});

test('a run stops at its time bound: what it did not reach is indeterminate, never ok', async () => {
  const { results } = await checkUrls([server.url('/slow'), server.url('/n/late')], emptyCache(), { ...options, timeout: 5_000, concurrency: 1, maxRunMs: 300 }, inputs);
  const late = results.get(server.url('/n/late'))!;
  assert.equal(late.verdict.state, 'indeterminate');
  assert.match(late.verdict.reason, /time limit/);
});
