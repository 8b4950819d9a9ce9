import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseArgs } from 'node:util';
import { runCheckLinks } from '../../src/cli/check-links.ts';
import { commands } from '../../src/cli/commands.ts';
import { parserOptions, type Values } from '../../src/cli/table.ts';
import { fakeNetwork } from '../support/fake-network.ts';
import { fixture, tempDir } from '../support/helpers.ts';
import { startMisbehavingServer } from '../support/misbehaving-server.ts';
import { runCliAsync } from '../support/run-cli-async.ts';

// A hand-written site (no build needed) and the link-check fixture's registry, pointed at the test server.
const tmp = tempDir();
let server: Awaited<ReturnType<typeof startMisbehavingServer>>;
let port = '';
before(async () => {
  server = await startMisbehavingServer();
  port = new URL(server.origin).port;
});
after(async () => {
  await server.close();
  tmp.cleanup();
});

type Json = { summary: Record<string, number>; links: Record<string, any>[]; network: string; unchecked: number };

/** A data folder whose registry is the fixture's, with `origin` for the test server and extra entries. */
function dataFor(name: string, origin: string, extra = ''): string {
  const dir = join(tmp.dir, name);
  cpSync(fixture('link-check'), dir, { recursive: true });
  const file = join(dir, 'links.json');
  const text = readFileSync(file, 'utf8').replaceAll('http://ORIGIN', origin);
  writeFileSync(file, text.replace('"widget-faq":', `${extra}\n    "widget-faq":`));
  return dir;
}

/** A two-page site: the same broken target from both pages, spaced and protocol-relative hrefs, `#100%`. */
function siteFor(name: string, pages: Record<string, string>): string {
  const dir = join(tmp.dir, name);
  for (const [file, body] of Object.entries(pages)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), `<!doctype html><html lang="en"><title>t</title>${body}</html>`);
  }
  return dir;
}

test('one finding per broken internal link, every id of a shared URL named and fixed, spaced and protocol-relative hrefs checked', async () => {
  const extra = [
    `"widget-manual-copy": { "url": "${server.origin}/moved-301", "title": "Widget manual, again" },`,
    `"widget-percent": { "url": "${server.origin}/percent-ids#100%", "title": "A fragment with a lone percent sign" },`,
  ].join('\n    ');
  const data = dataFor('data-shared', server.origin, extra);
  const site = siteFor('site-shared', {
    'en/index.html': `<h1 id="100%">x</h1><a href="#100%">a</a><a href="#top">b</a><a href="#">c</a><a href="missing/">m</a>`
      + `<a href="  ${server.origin}/n/trimmed  ">t</a><a href="//127.0.0.1:${port}/n/protocol-relative">p</a><a href="${server.origin}/percent-ids#100%">q</a>`,
    'en/a/index.html': '<a href="../missing/">m</a>',
  });
  const base = ['check-links', '--data', data, '--site', site, '--no-cache', '--status', join(tmp.dir, 'status-shared.json'), '--timeout', '2000'];
  const r = await runCliAsync([...base, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const j = JSON.parse(r.stdout) as Json;
  const internal = j.links.filter((l) => l.internal);
  assert.deepEqual(internal.map((l) => [l.url, l.pages, l.reason]), [['/en/missing/', ['/en/', '/en/a/'], 'no such page']]);
  // The forum's 404, the .invalid blog and the one internal finding.
  assert.equal(j.summary.broken, 3);
  const junit = await runCliAsync([...base, '--format', 'junit']);
  assert.match(junit.stdout, /<testsuites name="fieldguide check-links" tests="\d+" failures="3" /);
  const byUrl = (u: string) => j.links.find((l) => l.url === u)!;
  assert.deepEqual([byUrl(`${server.origin}/n/trimmed`).state, byUrl(`${server.origin}/n/trimmed`).pages], ['ok', ['/en/']]);
  assert.deepEqual([byUrl(`http://127.0.0.1:${port}/n/protocol-relative`).state, byUrl(`http://127.0.0.1:${port}/n/protocol-relative`).pages], ['ok', ['/en/']]);
  const percent = byUrl(`${server.origin}/percent-ids#100%`);
  assert.deepEqual([percent.state, percent.registryId, percent.pages], ['ok', 'widget-percent', ['/en/']]);
  const manual = byUrl(`${server.origin}/moved-301`);
  assert.deepEqual(manual.definitions.map((d: { registryId: string }) => d.registryId), ['widget-manual', 'widget-manual-copy']);
  assert.match(manual.advice, /^moved for good: set "url" of widget-manual at .*links\.json:4 and widget-manual-copy at .*links\.json:18 to http:\/\/127\.0\.0\.1:\d+\/ok \(or run with --fix\)$/);
  const text = await runCliAsync(base);
  assert.match(text.stdout, /defined at .*links\.json:4 \(widget-manual\)\n +defined at .*links\.json:18 \(widget-manual-copy\)/);
  const fix = await runCliAsync([...base, '--fix']);
  assert.match(fix.stderr, /^fixed widget-manual at .*links\.json:4: .*\/moved-301 → .*\/ok /m);
  assert.match(fix.stderr, /^fixed widget-manual-copy at .*links\.json:\d+: .*\/moved-301 → .*\/ok /m);
  const registry = readFileSync(join(data, 'links.json'), 'utf8');
  assert.equal(registry.match(/"url": "http:\/\/127\.0\.0\.1:\d+\/ok"/g)?.length, 2, 'both ids point at the new address');
});

test('--max-time bounds the whole command: a 429 asking for 30 s and 12 more URLs on that host, with --max-time 6', async () => {
  const extra = Array.from({ length: 12 }, (_, i) => `"after-${i}": { "url": "${server.origin}/n/after-${i}", "title": "After ${i}" },`).join('\n    ');
  const data = dataFor('data-time', server.origin, `"slow-down": { "url": "${server.origin}/retry-after-30", "title": "Slow down" },\n    ${extra}`);
  const site = siteFor('site-time', { 'index.html': '<p>nothing</p>' });
  const started = Date.now();
  const r = await runCliAsync(['check-links', '--data', data, '--site', site, '--no-cache', '--status', join(tmp.dir, 'status-time.json'), '--max-time', '6', '--format', 'json']);
  const wall = Date.now() - started;
  const j = JSON.parse(r.stdout) as Json & { durationMs: number };
  assert.ok(j.durationMs <= 6_000 + 500, `the run took ${j.durationMs} ms`);
  assert.ok(wall <= 6_000 + 8_000, `the command took ${wall} ms, start-up included`);
  const slow = j.links.find((l) => l.url.endsWith('/retry-after-30'))!;
  assert.equal(slow.state, 'indeterminate');
  // What is left depends on how long the crawl of the site took.
  assert.match(slow.reason, /^429 too many requests: the server asked to wait 30 s, longer than the run has left \([1-6] s\)$/);
  assert.equal(j.links.filter((l) => /\/n\/after-\d+$/.test(l.url) && l.state === 'ok').length, 12);
});

/** Runs the command in this process with a network that reaches nothing outside 127.0.0.1. */
async function offlineRun(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const progress = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  const code = await runCheckLinks(parseArgs({ args, options: parserOptions(commands['check-links']) }).values as Values, { network: fakeNetwork(), out: (t) => (out += t), err: (l) => err.push(l), progress });
  return { code, out, err };
}

test('no network: one line, indeterminate links, exit 3, and the readers’ link status file left as it was', async () => {
  const data = dataFor('data-offline', `http://docs.widget.test:${port}`);
  writeFileSync(join(data, 'links.json'), readFileSync(join(data, 'links.json'), 'utf8').replace('https://blog.widget.invalid/', `http://blog.widget.test:${port}/`));
  const site = siteFor('site-offline', { 'index.html': `<a href="http://kb.widget.test:${port}/a">kb</a><a href="${server.origin}/n/local">local</a>` });
  const status = join(tmp.dir, 'status-offline.json');
  const kept = '{ "version": 1, "checkedAt": "2026-01-01T00:00:00.000Z", "links": {} }\n';
  writeFileSync(status, kept);
  const r = await offlineRun(['--data', data, '--site', site, '--no-cache', '--status', status, '--format', 'json']);
  assert.equal(r.code, 3, r.err.join('\n'));
  assert.ok(r.err.includes('fieldguide check-links: no network: 7 external links not checked; the link status file is left as it was'), r.err.join('\n'));
  const j = JSON.parse(r.out) as Json;
  assert.deepEqual([j.network, j.unchecked, j.summary.indeterminate, j.summary.ok, j.summary.broken], ['unreachable', 7, 7, 1, 0]);
  for (const l of j.links.filter((x) => x.url.includes('.widget.test'))) {
    assert.deepEqual([l.state, l.reason], ['indeterminate', 'not checked: no network'], l.url);
    assert.match(l.advice, /^not checked: this machine could not reach the outside/);
  }
  assert.equal(readFileSync(status, 'utf8'), kept);
  const help = await runCliAsync(['check-links', '--help']);
  assert.match(help.stdout, /^ *3 no network: .*$/m);
});

test('no network with a reserved .invalid name in the registry: it stays broken, and broken wins the exit code', async () => {
  const data = dataFor('data-offline-invalid', `http://docs.widget.test:${port}`);
  const site = siteFor('site-offline-invalid', { 'index.html': '<p>nothing</p>' });
  const r = await offlineRun(['--data', data, '--site', site, '--no-cache', '--status', join(tmp.dir, 'status-oi.json'), '--format', 'json']);
  assert.equal(r.code, 1);
  assert.ok(r.err.includes('fieldguide check-links: no network: 5 external links not checked; the link status file is left as it was'), r.err.join('\n'));
  const blog = (JSON.parse(r.out) as Json).links.find((l) => l.url === 'https://blog.widget.invalid/')!;
  assert.deepEqual([blog.state, blog.reason], ['broken', 'host name does not resolve: blog.widget.invalid']);
});
