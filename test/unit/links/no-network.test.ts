import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { emptyCache, type LinkCache } from '../../../src/links/cache.ts';
import { checkUrls, type EngineOptions } from '../../../src/links/engine.ts';
import { isOutsideName } from '../../../src/links/network.ts';
import { networkState, tallyContacts } from '../../../src/links/network-state.ts';
import { fakeNetwork } from '../../support/fake-network.ts';
import { startMisbehavingServer } from '../../support/misbehaving-server.ts';

const options: EngineOptions = {
  timeout: 1_000, userAgent: 'Fieldguide-link-checker/test', retries: 2, retryDelay: 20, maxRetryAfter: 5_000,
  maxRedirects: 10, concurrency: 8, perHost: 4, ttlMs: 86_400_000, indeterminateDays: 7, maxRunMs: 20_000,
};

let server: Awaited<ReturnType<typeof startMisbehavingServer>>;
let port = '';
before(async () => {
  server = await startMisbehavingServer();
  port = new URL(server.origin).port;
});
after(() => server.close());

/** A URL on a named host, carried by the fake network to the test server's port. */
const at = (host: string, path: string) => `http://${host}:${port}${path}`;

test('no outside name resolves: those links are indeterminate "no network"; loopback answers and .invalid stay as they are', async () => {
  const network = fakeNetwork();
  const outside = [at('docs.widget.test', '/n/a'), at('kb.widget.test', '/missing-404'), at('docs.widget.test', '/n/b')];
  const urls = [...outside, server.url('/n/local'), server.url('/missing-404'), 'https://blog.widget.invalid/'];
  const run = await checkUrls(urls, emptyCache(), options, { network });
  assert.equal(run.network, 'unreachable');
  for (const u of outside) {
    const r = run.results.get(u)!;
    assert.deepEqual([r.verdict.state, r.verdict.reason], ['indeterminate', 'not checked: no network'], u);
  }
  assert.equal(run.results.get(server.url('/n/local'))!.verdict.state, 'ok');
  assert.equal(run.results.get(server.url('/missing-404'))!.verdict.state, 'broken', 'a loopback server still answers');
  assert.deepEqual(run.results.get('https://blog.widget.invalid/')!.verdict.reason, 'host name does not resolve: blog.widget.invalid');
  assert.equal(network.probes(), 0, 'two outside hosts failing with none reached need no probe');
  assert.ok(!network.lookups.some((n) => n.endsWith('.invalid')), 'reserved names are never looked up');
});

test('every outside host resolves but none can be connected to: no network', async () => {
  const network = fakeNetwork({ unroutable: ['docs.widget.test', 'kb.widget.test'] });
  const run = await checkUrls([at('docs.widget.test', '/n/a'), at('kb.widget.test', '/n/b')], emptyCache(), options, { network });
  assert.equal(run.network, 'unreachable');
  assert.deepEqual([...run.results.values()].map((r) => r.verdict.reason), ['not checked: no network', 'not checked: no network']);
  // No resolver at all: lookups fail "temporarily", are retried, and still end as no network.
  const noResolver = await checkUrls([at('docs.widget.test', '/n/a'), at('kb.widget.test', '/n/b')], emptyCache(), options, { network: fakeNetwork({ unknownName: 'EAI_AGAIN' }) });
  assert.equal(noResolver.network, 'unreachable');
  assert.deepEqual([...noResolver.results.values()].map((r) => r.verdict.state), ['indeterminate', 'indeterminate']);
});

test('one host that does not resolve while others do is still broken', async () => {
  const network = fakeNetwork({ names: ['docs.widget.test'] });
  const run = await checkUrls([at('docs.widget.test', '/n/a'), at('gone.widget.test', '/n/b'), at('gone2.widget.test', '/n/c')], emptyCache(), options, { network });
  assert.equal(run.network, 'reachable');
  assert.equal(run.results.get(at('docs.widget.test', '/n/a'))!.verdict.state, 'ok');
  for (const host of ['gone.widget.test', 'gone2.widget.test']) {
    const r = run.results.get(at(host, host === 'gone.widget.test' ? '/n/b' : '/n/c'))!;
    assert.deepEqual([r.verdict.state, r.verdict.reason], ['broken', 'host name does not resolve'], host);
  }
});

test('a single outside host failing alone: the resolver probe decides', async () => {
  const answering = fakeNetwork({ resolverAnswers: true });
  const dead = await checkUrls([at('gone.widget.test', '/n/a'), server.url('/n/local')], emptyCache(), options, { network: answering });
  assert.deepEqual([dead.network, dead.results.get(at('gone.widget.test', '/n/a'))!.verdict.state], ['reachable', 'broken']);
  assert.equal(answering.probes(), 1);
  const silent = fakeNetwork({ resolverAnswers: false });
  const none = await checkUrls([at('gone.widget.test', '/n/a'), server.url('/n/local')], emptyCache(), options, { network: silent });
  assert.deepEqual([none.network, none.results.get(at('gone.widget.test', '/n/a'))!.verdict.reason], ['unreachable', 'not checked: no network']);
});

test('only loopback and literal-IP hosts: nothing is said about the network', async () => {
  const network = fakeNetwork();
  const run = await checkUrls([server.url('/n/a'), 'https://x.widget.invalid/'], emptyCache(), options, { network });
  assert.equal(run.network, 'unknown');
  assert.equal(network.probes(), 0);
  assert.deepEqual(network.lookups, []);
});

test('a run without a network leaves the cache as it was: no indeterminate streak grows, none turns broken', async () => {
  const url = at('docs.widget.test', '/n/a');
  const cache: LinkCache = { version: 1, urls: { [url]: { checkedAt: '2020-01-01T00:00:00Z', state: 'indeterminate', indeterminateSince: '2020-01-01T00:00:00Z', lastOk: '2019-12-01T00:00:00Z' } } };
  const before = JSON.stringify(cache.urls);
  const run = await checkUrls([url, at('kb.widget.test', '/n/b')], cache, options, { network: fakeNetwork() });
  assert.equal(run.results.get(url)!.verdict.state, 'indeterminate', 'not escalated to broken by an old streak');
  assert.equal(run.results.get(url)!.lastOk, '2019-12-01T00:00:00Z');
  assert.equal(JSON.stringify(cache.urls), before);
});

test('the judgement table: outside names only, any reached host means the network works', () => {
  assert.deepEqual(['docs.example.com', '127.0.0.1', '[::1]', 'localhost', 'a.localhost', 'x.invalid', 'invalid'].map(isOutsideName), [true, false, false, false, false, false, false]);
  const c = (host: string, reached: boolean, outside = true) => ({ host, reached, outside });
  assert.deepEqual(tallyContacts([c('a', false), c('a', true), c('b', false), c('127.0.0.1', true, false)]), { reached: 1, failed: 1 });
  assert.equal(networkState({ reached: 1, failed: 9 }), 'reachable');
  assert.equal(networkState({ reached: 0, failed: 2 }), 'unreachable');
  assert.equal(networkState({ reached: 0, failed: 0 }), 'unknown');
  assert.equal(networkState({ reached: 0, failed: 1 }, true), 'reachable');
  assert.equal(networkState({ reached: 0, failed: 1 }, false), 'unreachable');
});

test('a name with a dead address and a live one is reached through the live one, IPv4 before IPv6', async () => {
  const base = fakeNetwork({ names: ['docs.widget.test'], unroutable: ['dead.widget.test'] });
  const tried: string[] = [];
  const network = {
    ...base,
    lookup: async () => [{ address: '2001:db8::1', family: 6 }, { address: '198.51.100.1', family: 4 }, { address: '192.0.2.1', family: 4 }],
    connect: (address: string, p: number) => (tried.push(address), base.connect(address, p)),
  };
  const run = await checkUrls([at('docs.widget.test', '/n/a')], emptyCache(), options, { network });
  assert.equal(run.results.get(at('docs.widget.test', '/n/a'))!.verdict.state, 'ok');
  assert.deepEqual(tried, ['198.51.100.1', '192.0.2.1']);
  assert.equal(run.network, 'reachable');
});
