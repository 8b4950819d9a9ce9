import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, tempDir } from '../support/helpers.ts';
import { startMisbehavingServer } from '../support/misbehaving-server.ts';
import { runCliAsync } from '../support/run-cli-async.ts';

const tmp = tempDir();
const data = join(tmp.dir, 'data');
const site = join(tmp.dir, 'site');
const cache = join(tmp.dir, 'cache.json');
const status = join(tmp.dir, 'link-status.json');
const report = join(tmp.dir, 'report.json');
let server: Awaited<ReturnType<typeof startMisbehavingServer>>;

/** A copy of the link-check fixture whose registry points at the test server. */
function dataFor(dir: string, edit: (links: string) => string = (s) => s): void {
  cpSync(fixture('link-check'), dir, { recursive: true });
  const file = join(dir, 'links.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8').replaceAll('http://ORIGIN', server.origin)));
}

const check = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(['check-links', '--data', data, '--site', site, '--timeout', '2000', ...args], env);

before(async () => {
  server = await startMisbehavingServer();
  dataFor(data);
  // No --link-status: the plain site does not depend on a check run in the working directory.
  const r = await runCliAsync(['build', '--data', data, '--out', site]);
  assert.equal(r.code, 0, r.stderr);
});
after(async () => {
  await server.close();
  tmp.cleanup();
});

type Json = { summary: Record<string, number>; links: Record<string, any>[] };
const byUrl = (j: Json, path: string) => j.links.find((l) => l.url === `${server.origin}${path}` || l.url === path)!;

test('a full run: each registry URL gets its verdict, pointing at its record; broken links exit 1', async () => {
  const r = await check(['--format', 'json', '--output', report, '--cache', cache, '--status', status]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^fieldguide check-links: 2 broken link\(s\)$/m);
  assert.match(r.stderr, /^checked \d+\/\d+ URLs \(last: .*\)$/m, 'plain progress lines when not on a terminal');
  const j = JSON.parse(readFileSync(report, 'utf8')) as Json;
  assert.deepEqual(j.summary, { checked: 6, ok: 2, redirected: 1, broken: 2, indeterminate: 1, skipped: 0 });
  const forum = byUrl(j, '/missing-404');
  assert.equal(forum.state, 'broken');
  assert.equal(forum.status, 404);
  assert.equal(forum.registryId, 'widget-forum');
  assert.match(forum.definedAt.file, /data\/links\.json$/);
  assert.equal(forum.definedAt.line, 14);
  assert.deepEqual(forum.pages, ['/en/articles/restart-widget/', '/en/references/']);
  assert.deepEqual(forum.records, ['step restart-widget#ask-forum (step 2)']);
  assert.match(forum.advice, /^readers are shown the archived copy \(http:\/\/127\.0\.0\.1:\d+\/n\/forum-archive\)/);
  const manual = byUrl(j, '/moved-301');
  assert.deepEqual([manual.state, manual.permanent, manual.finalUrl], ['redirected', true, `${server.origin}/ok`]);
  assert.match(manual.advice, /^moved for good: set "url" of widget-manual at .*links\.json:4 to http:\/\/127\.0\.0\.1:\d+\/ok \(or run with --fix\)$/);
  assert.deepEqual([byUrl(j, '/bot-wall').state, byUrl(j, '/n/faq').state, byUrl(j, '/n/forum-archive').state], ['indeterminate', 'ok', 'ok']);
  const blog = j.links.find((l) => l.url === 'https://blog.widget.invalid/')!;
  assert.deepEqual([blog.state, blog.reason, blog.requests], ['broken', 'host name does not resolve: blog.widget.invalid', 0]);
});

test('a second run within the TTL sends no request for URLs found ok; failures are asked again', async () => {
  const [faq, archive, missing] = [server.count('/n/faq'), server.count('/n/forum-archive'), server.count('/missing-404')];
  assert.ok(faq > 0 && archive > 0);
  const r = await check(['--format', 'json', '--cache', cache, '--status', status]);
  assert.equal(r.code, 1);
  assert.equal(server.count('/n/faq'), faq);
  assert.equal(server.count('/n/forum-archive'), archive);
  assert.ok(server.count('/missing-404') > missing, 'a broken link is never cached as ok');
  assert.equal(byUrl(JSON.parse(r.stdout), '/n/faq').cached, true);
});

test('readers see when each reference was last verified, and a broken one leads to its archive', async () => {
  const out = join(tmp.dir, 'site-with-status');
  const r = await runCliAsync(['build', '--data', data, '--out', out, '--link-status', status]);
  assert.equal(r.code, 0, r.stderr);
  const refs = readFileSync(join(out, 'en/references/index.html'), 'utf8');
  assert.match(refs, /<a class="ext" href="http:\/\/127\.0\.0\.1:\d+\/n\/forum-archive">Widget forum<\/a>/);
  assert.match(refs, /The original page could not be reached at the last check \([A-Z][a-z]+ \d+, \d{4}\); this link opens an archived copy\./);
  assert.match(refs, /<span class="link-verified">Last verified on [A-Z][a-z]+ \d+, \d{4}<\/span>/);
  const article = readFileSync(join(out, 'en/articles/restart-widget/index.html'), 'utf8');
  assert.match(article, /<a class="ext" href="http:\/\/127\.0\.0\.1:\d+\/n\/forum-archive">Widget forum<\/a>/);
  const plain = readFileSync(join(site, 'en/references/index.html'), 'utf8');
  assert.doesNotMatch(plain, /Last verified|archived copy/, 'without a status file nothing is claimed');
});

test('github annotations sit on the registry line of each problem', async () => {
  const r = await check(['--format', 'github', '--no-cache', '--status', status]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error file=.*links\.json,line=14,title=Broken link widget-forum::http:\/\/127\.0\.0\.1:\d+\/missing-404: 404 not found\. Pages: \/en\/articles\/restart-widget\/, \/en\/references\/\. readers are shown the archived copy/m);
  assert.match(r.stdout, /^::warning file=.*links\.json,line=4,title=Redirected link widget-manual::/m);
});

test('indeterminate alone warns and exits 0; --fix rewrites the permanent redirect, keeping formatting and history', async () => {
  const healthy = join(tmp.dir, 'healthy');
  dataFor(healthy, (s) => s.replace(`${server.origin}/missing-404`, `${server.origin}/n/forum`).replace('https://blog.widget.invalid/', `${server.origin}/n/blog`));
  const before = readFileSync(join(healthy, 'links.json'), 'utf8');
  const healthySite = join(tmp.dir, 'healthy-site');
  assert.equal((await runCliAsync(['build', '--data', healthy, '--out', healthySite, '--link-status', status])).code, 0);
  const r = await runCliAsync(['check-links', '--data', healthy, '--site', healthySite, '--no-cache', '--status', join(tmp.dir, 'healthy-status.json'), '--fix']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^INDETERMINATE +http:\/\/127\.0\.0\.1:\d+\/bot-wall {2}\(403 refused: bot protection or a login/m);
  assert.match(r.stderr, /^fixed widget-manual at .*links\.json:4: http:\/\/127\.0\.0\.1:\d+\/moved-301 → http:\/\/127\.0\.0\.1:\d+\/ok \(the old URL is kept in its history\)$/m);
  const today = new Date().toISOString().slice(0, 10);
  const expected = before
    .replace(`"url": "${server.origin}/moved-301"`, `"url": "${server.origin}/ok"`)
    .replace('"history": [\n', [
      '"history": [',
      '        {',
      `          "url": "${server.origin}/moved-301",`,
      `          "until": "${today}",`,
      '          "note": "Permanent redirect to the new address; updated by fieldguide check-links --fix."',
      '        },',
      '',
    ].join('\n'));
  // Only the edited link changed: one-line entries elsewhere stay exactly as written.
  assert.match(expected, /"widget-faq": \{ "url": "http:\/\/127\.0\.0\.1:\d+\/n\/faq", "title": "Widget FAQ" \},/);
  assert.equal(readFileSync(join(healthy, 'links.json'), 'utf8'), expected);
});

test('--offline sends no request, skips external links and still catches a missing #fragment', async () => {
  const sent = server.count();
  const page = join(site, 'en/index.html');
  const r1 = await check(['--offline', '--format', 'json']);
  assert.equal(r1.code, 0, r1.stderr);
  assert.equal(JSON.parse(r1.stdout).summary.skipped, 6);
  writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<a href="articles/restart-widget/#no-such-step">x</a></main>'));
  const r2 = await check(['--offline']);
  assert.equal(r2.code, 1);
  assert.match(r2.stdout, /^BROKEN +\/en\/articles\/restart-widget\/#no-such-step {2}\(no element with id "no-such-step" on en\/articles\/restart-widget\/index\.html\)$/m);
  assert.match(r2.stdout, /on page \/en\/$/m);
  assert.equal(server.count(), sent, 'no request reached the server');
});

test('a corrupt cache is reported and ignored; usage errors exit 2', async () => {
  writeFileSync(cache, '{ not json');
  const r = await check(['--offline', '--cache', cache]);
  assert.equal(r.code, 1, 'still checks (the page broken by the previous test)');
  const fresh = await check(['--cache', cache, '--format', 'json', '--status', status]);
  assert.match(fresh.stderr, /^fieldguide check-links: warning: ignoring the link cache .*cache\.json: .*; every URL is checked afresh$/m);
  const bad = await check(['--format', 'xml']);
  assert.deepEqual([bad.code, bad.stderr.trim()], [2, `fieldguide check-links: --format must be one of text, json, junit, markdown, github, got "xml"; run 'fieldguide check-links --help'`]);
  const noSite = await runCliAsync(['check-links', '--data', data, '--site', join(tmp.dir, 'nowhere')]);
  assert.equal(noSite.code, 2);
  assert.match(noSite.stderr, /^fieldguide check-links: site folder .*nowhere not found; run 'fieldguide build' first or pass --site DIR$/m);
});
