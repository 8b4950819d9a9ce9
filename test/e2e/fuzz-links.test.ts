import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pageFacts } from '../../src/core/page-facts.ts';
import { emptyCache } from '../../src/links/cache.ts';
import { decodeBody, looksLikeHtml, metaCharset } from '../../src/links/charset.ts';
import { checkUrls, type EngineOptions } from '../../src/links/engine.ts';
import { fragmentFound } from '../../src/core/page-facts.ts';
import { fragmentOf, parseContentType, parseLocation, parseUrl, retryAfterMs } from '../../src/links/parse.ts';
import { percentDecode } from '../../src/core/page-facts.ts';
import { fakeNetwork } from '../support/fake-network.ts';
import { startFuzzServer } from '../support/fuzz/link-server.ts';
import { caseSeed, seededRandom, type Random } from '../support/fuzz/random.ts';

// FUZZ_SEED replays a run; FUZZ_CASE=n replays one case of it; FUZZ_CASES sets how many. The default seed keeps `npm test` repeatable.
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const cases = process.env.FUZZ_CASE ? [Number(process.env.FUZZ_CASE)] : [...Array(Number(process.env.FUZZ_CASES ?? 24)).keys()];
const replay = (n: number) => `FUZZ_SEED=${seed} FUZZ_CASE=${n} node --import tsx --test test/e2e/fuzz-links.test.ts`;

// Short limits keep each run to a couple of seconds; the bound is what the test holds the engine to.
const options: EngineOptions = {
  timeout: 300, userAgent: 'Fieldguide-link-checker/fuzz', retries: 1, retryDelay: 10, maxRetryAfter: 2_000, maxRedirects: 4,
  concurrency: 8, perHost: 4, ttlMs: 86_400_000, indeterminateDays: 7, maxRunMs: 2_500, maxPageBytes: 256 * 1024,
};
const slack = 500;
const names = ['h0.fuzz.test', 'h1.fuzz.test', 'h2.fuzz.test'];

let server: Awaited<ReturnType<typeof startFuzzServer>>;
before(async () => {
  server = await startFuzzServer((port) => `http://h${port % 3}.fuzz.test:${port}`);
});
after(() => server.close());

const fragments = ['', '#', '#top', '#TOP', '#100%', '#%', '#%zz', '#caf%C3%A9', '#café', '#a b', '#a%20b', '#:~:text=x', '#id0', '#id1', '#x:~:text=y', '#%00', '#\u{1F600}'];

/** One seeded URL: a fuzz path on 127.0.0.1 or on a named host, or a string no URL parser likes. */
function fuzzUrl(r: Random, run: number): string {
  const path = `/f/${caseSeed(seed, run)}/${r.int(40)}${r.int(6) === 0 ? `?q=${r.pick(['1', '%', '\u00e9', '%zz'])}` : ''}`;
  const fragment = r.int(2) === 0 ? r.pick(fragments) : '';
  switch (r.int(8)) {
    case 0: return r.pick(['http://[::1', 'http://', 'https://a b', 'ht!tp://x', '', '//x', 'http://127.0.0.1:99999/', 'http://127.0.0.1:0/', 'http://%zz/', 'http://x.invalid/#%', `http://127.0.0.1:${server.port}/%zz#%`, `http://127.0.0.1:${server.port}/${'a'.repeat(9000)}`, 'https://127.0.0.1:1/', 'ftp://127.0.0.1/', 'http://gone.fuzz.test/', 'http://h9.fuzz.test:1/']);
    case 1: return `http://${r.pick(names)}:${server.port}${path}${fragment}`;
    default: return `${server.origin}${path}${fragment}`;
  }
}

test(`the parsing layer is total: random text never throws (seed ${seed})`, () => {
  const r = seededRandom(seed);
  const alphabet = ['%', '#', ':', '/', '[', ']', '@', '?', '&', '=', ';', '"', "'", ' ', '\t', '\n', '\u0000', 'é', '\u{1F600}', 'a', 'Z', '9', 'http', '://', '<meta charset=', '>', 'GMT', 'text/html', 'charset='];
  const text = () => Array.from({ length: r.int(40) }, () => r.pick(alphabet)).join('');
  for (let i = 0; i < 3000; i++) {
    const s = text();
    parseUrl(s);
    parseUrl(s, 'http://127.0.0.1/a/b');
    parseLocation(s, 'http://127.0.0.1/a/b');
    fragmentOf(s);
    percentDecode(s);
    retryAfterMs(s);
    parseContentType(s);
    fragmentFound(new Set([s]), text());
    const bytes = Buffer.from(Array.from({ length: r.int(64) }, () => r.int(256)));
    decodeBody(Buffer.concat([Buffer.from(s), bytes]), r.pick([undefined, 'utf-8', 'iso-8859-1', 'bogus', s]));
    metaCharset(Buffer.from(s));
    looksLikeHtml(bytes);
    pageFacts(s);
  }
});

test(`${cases.length} runs against a server that answers at random: no crash, one verdict per URL, each run within its bound (seed ${seed})`, async (t) => {
  t.diagnostic(`seed ${seed}; replay one run with ${replay(0).replace('FUZZ_CASE=0', 'FUZZ_CASE=<n>')}`);
  const bugs: string[] = [];
  let urls = 0;
  let longest = { ms: 0, n: -1 };
  const states = new Map<string, number>();
  for (const n of cases) {
    const r = seededRandom(caseSeed(seed, n));
    const list = Array.from({ length: 20 + r.int(20) }, () => fuzzUrl(r, n));
    const network = fakeNetwork({ names: names.slice(0, 1 + r.int(names.length)), unroutable: ['h2.fuzz.test'], unknownName: r.pick(['ENOTFOUND', 'EAI_AGAIN']), resolverAnswers: r.int(2) === 0 });
    const started = Date.now();
    let run;
    try {
      run = await checkUrls(list, emptyCache(), options, { network });
    } catch (err) {
      bugs.push(`run ${n} (${replay(n)}) threw ${(err as Error)?.stack?.split('\n').slice(0, 3).join(' | ')}`);
      continue;
    }
    const ms = Date.now() - started;
    if (ms > longest.ms) longest = { ms, n };
    if (ms > options.maxRunMs + slack) bugs.push(`run ${n} (${replay(n)}) took ${ms} ms, bound ${options.maxRunMs} ms`);
    const unique = new Set(list);
    urls += unique.size;
    if (run.results.size !== unique.size) bugs.push(`run ${n} (${replay(n)}): ${run.results.size} verdicts for ${unique.size} URLs`);
    for (const url of unique) {
      const v = run.results.get(url)?.verdict;
      if (!v) bugs.push(`run ${n} (${replay(n)}): no verdict for ${JSON.stringify(url)}`);
      else if (v.cause === 'CRASH') bugs.push(`run ${n} (${replay(n)}): ${JSON.stringify(url)} crashed the check: ${v.reason}`);
      else if (!v.reason || /[\n\r\u0000]/.test(v.reason)) bugs.push(`run ${n} (${replay(n)}): ${JSON.stringify(url)} has a reason that is not one printable line: ${JSON.stringify(v.reason)}`);
      else states.set(v.state, (states.get(v.state) ?? 0) + 1);
    }
  }
  t.diagnostic(`${cases.length} runs, ${urls} URLs, ${server.requests()} requests; verdicts ${[...states].map(([s, c]) => `${s} ${c}`).join(', ')}; longest run ${longest.ms} ms (run ${longest.n}) against a bound of ${options.maxRunMs} ms`);
  assert.deepEqual(bugs.slice(0, 20), [], `${bugs.length} problems`);
  if (cases.length >= 10) for (const s of ['ok', 'broken', 'indeterminate']) assert.ok((states.get(s) ?? 0) > 0, `the runs produce ${s} verdicts`);
});
