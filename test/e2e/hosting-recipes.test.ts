import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { xml2js } from 'xml-js';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { listFiles } from '../../src/core/files.ts';
import { startApache } from '../support/apache.ts';
import { runCli, root, tempDir } from '../support/helpers.ts';
import { nginxPath } from '../support/nginx.ts';
import { typeSearch } from '../support/search.ts';

/**
 * The hosting recipes, each with the example knowledge base that `fieldguide init` writes, built:
 * the Dockerfile's image laid out on disk (its COPY lines followed) and its nginx config checked
 * with `nginx -t` and served; the Apache .htaccess served by a real Apache httpd; the IIS
 * web.config (no IIS here) parsed as XML and held against the files the build wrote.
 */

const tmp = tempDir('fieldguide-hosting-');
const kb = join(tmp.dir, 'kb');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
let browser: Browser;

before(async () => {
  const init = runCli(['init', kb]);
  assert.equal(init.code, 0, init.stderr);
  const build = runCli(['build'], kb);
  assert.equal(build.code, 0, build.stderr);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  tmp.cleanup();
});

/** The hash a policy lists to allow a file inline, e.g. `'sha256-…'`. */
const hashOf = (file: string) => `'sha256-${createHash('sha256').update(readFileSync(file)).digest('base64')}'`;

/**
 * The Content-Security-Policy every recipe sends: deploy/nginx.conf's, with the hashes of the
 * built 404 pages' inline script and stylesheet (which nginx.conf lists too, for its version).
 */
function expectedPolicy(): string {
  const m = /add_header Content-Security-Policy "([^"]+)"/.exec(readFileSync(join(kb, 'deploy/nginx.conf'), 'utf8'));
  assert.ok(m, 'deploy/nginx.conf sends a Content-Security-Policy');
  const [script, style] = ['assets/not-found.js', 'assets/site.css'].map((f) => hashOf(join(kb, '_site', f)));
  return m[1].replace(/(script-src [^;]*?)'sha256-[^']+'/, `$1${script}`).replace(/(style-src [^;]*?)'sha256-[^']+'/, `$1${style}`);
}

/** The README's command for a recipe, e.g. `cp deploy/iis/web.config _site/`, found by the file it names; run in the knowledge base. */
function readmeCopy(file: string): void {
  const m = new RegExp(`\`(cp ${file.replace(/\./g, '\\.')} _site/)\``).exec(readme);
  assert.ok(m, `README.md says how to put ${file} in place`);
  const r = spawnSync('sh', ['-c', m[1]], { cwd: kb, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

/** Opens a page in Chromium, searches for a code and returns the first result's title, with any CSP complaint. */
async function searchOn(url: string, query: string): Promise<{ title: string; refused: string[]; outside: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (!u.startsWith('http://127.0.0.1')) outside.push(u);
    return u.startsWith('http://127.0.0.1') ? route.continue() : route.abort();
  });
  page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text()); });
  await page.goto(url);
  const first = (await typeSearch(page, query)).first();
  const title = (await first.locator('.result-title').textContent()) ?? '';
  await page.close();
  return { title, refused, outside };
}

/** Waits for a port on 127.0.0.1 to accept connections, or throws after 10 s. */
async function listening(port: number, alive: () => boolean, why: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((done) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); done(true); });
      s.once('error', () => done(false));
    });
    if (up) return;
    if (!alive() || Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port}: ${why()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('Docker: the image the Dockerfile describes has a config that passes nginx -t with the site in place, and serves it under /kb/', async () => {
  const dockerfile = readFileSync(join(kb, 'Dockerfile'), 'utf8');
  assert.match(dockerfile, /^FROM nginx:[\w.-]+$/m, 'an official nginx image, pinned to a version');
  const copies = [...dockerfile.matchAll(/^COPY (\S+) (\S+)$/gm)].map((m) => ({ from: m[1], to: m[2] }));
  assert.deepEqual(copies.map((c) => c.from), ['deploy/nginx.conf', '_site/']);
  const ignore = readFileSync(join(kb, '.dockerignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(ignore.sort(), ['*', ...copies.map((c) => `!${c.from}`)].sort(), '.dockerignore sends exactly what the Dockerfile copies');

  // The image's file system, laid out under `image`: its own nginx.conf includes conf.d/*.conf in http {}.
  const image = join(tmp.dir, 'image');
  for (const c of copies) {
    const target = join(image, c.to);
    mkdirSync(c.to.endsWith('/') ? target : join(target, '..'), { recursive: true });
    cpSync(join(kb, c.from), target, { recursive: true });
  }
  const conf = join(image, 'etc/nginx/conf.d/default.conf');
  assert.ok(existsSync(conf) && existsSync(join(image, 'srv/fieldguide/site/index.html')), 'the config and the site are where the image expects them');
  // Paths the Dockerfile filled are read from the laid-out image, and nginx listens on 127.0.0.1 only.
  const port = await freePort();
  let text = readFileSync(conf, 'utf8');
  for (const c of copies.filter((c) => c.to.endsWith('/'))) text = text.split(c.to).join(join(image, c.to) + '/');
  writeFileSync(conf, text.replace(/listen 80;/, `listen 127.0.0.1:${port};`));
  mkdirSync(join(image, 'var/run'), { recursive: true });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(image, 'var/cache', t)};`).join('\n');
  writeFileSync(join(image, 'etc/nginx/nginx.conf'), `worker_processes 1;
error_log ${join(image, 'var/log/error.log')} notice;
pid ${join(image, 'var/run/nginx.pid')};
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${join(image, 'var/log/access.log')};
${temp}
    sendfile on;
    keepalive_timeout 65;
    include ${join(image, 'etc/nginx/conf.d')}/*.conf;
}
`);
  mkdirSync(join(image, 'var/log'), { recursive: true });
  mkdirSync(join(image, 'var/cache'), { recursive: true });
  const main = join(image, 'etc/nginx/nginx.conf');
  const t = spawnSync(nginxPath, ['-t', '-p', image, '-c', main, '-e', join(image, 'var/log/error.log')], { encoding: 'utf8' });
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stderr, /syntax is ok/);
  assert.match(t.stderr, /test is successful/);

  const child = spawn(nginxPath, ['-p', image, '-c', main, '-e', join(image, 'var/log/error.log'), '-g', 'daemon off; master_process off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  try {
    await listening(port, () => child.exitCode === null, () => output);
    const origin = `http://127.0.0.1:${port}`;
    const home = await fetch(`${origin}/kb/en/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<title>[^<]*Kestrel Backup troubleshooting<\/title>/);
    const missing = await fetch(`${origin}/kb/en/no/such/page/`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<h1[^>]*>Page not found<\/h1>/);
    const found = await searchOn(`${origin}/kb/en/`, 'VAULT_FULL');
    assert.match(found.title, /^VAULT_FULL\b/, 'search loads and finds the code first');
    assert.deepEqual([found.refused, found.outside], [[], []], 'nothing is refused by the policy, nothing leaves 127.0.0.1');
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
});

test('Apache: with the .htaccess copied in as the README says, the site is served under /kb/ with its types, headers, 404 page and search', async () => {
  readmeCopy('deploy/apache/.htaccess');
  const apache = await startApache(join(kb, '_site'));
  try {
    const base = `${apache.origin}/kb/`;
    const page = await fetch(`${base}de/articles/fix-a-failed-backup-job/`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-security-policy'), expectedPolicy());
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.equal((await fetch(`${apache.origin}/kb`, { redirect: 'manual' })).headers.get('location'), `${apache.origin}/kb/`);

    const entry = JSON.parse(await (await fetch(`${base}pagefind/pagefind-entry.json`)).text()) as { languages: Record<string, { hash: string }> };
    const meta = await fetch(`${base}pagefind/pagefind.${entry.languages.en.hash}.pf_meta`);
    assert.equal(meta.status, 200);
    assert.equal(meta.headers.get('content-type'), 'application/octet-stream');
    assert.equal(meta.headers.get('cache-control'), 'public, max-age=31536000, immutable', 'hashed index files are kept for a year');
    assert.equal((await fetch(`${base}pagefind/pagefind.js`)).headers.get('content-type'), 'application/javascript; charset=utf-8');

    for (const path of ['no-such-page', 'de/errors/no-such-catalog/no-such-code/']) {
      const missing = await fetch(`${base}${path}`);
      assert.equal(missing.status, 404, path);
      assert.match(await missing.text(), /<h1[^>]*>Page not found<\/h1>/, `${path} gets the site's 404 page`);
    }
    // At depth, the 404 page finds the site by itself; its inline script and stylesheet pass the policy by their hashes.
    const lost = await browser.newPage();
    const refused: string[] = [];
    lost.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text()); });
    const response = await lost.goto(`${base}de/errors/kestrel-job-codes/NO_SUCH_CODE/`);
    assert.equal(response?.status(), 404);
    assert.equal(await lost.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position), 'absolute', 'the 404 page is styled');
    // The site-wide page is in the source language: its home link leads to the English home page.
    await lost.locator('a', { hasText: 'Go to the home page' }).first().click();
    await lost.waitForURL(`${base}en/`);
    assert.deepEqual(refused, []);
    await lost.close();

    const found = await searchOn(`${base}en/`, 'VERIFY_MISMATCH');
    assert.match(found.title, /^VERIFY_MISMATCH\b/, 'search loads and finds the code first');
    assert.deepEqual([found.refused, found.outside], [[], []], 'nothing is refused by the policy, nothing leaves 127.0.0.1');
  } finally {
    await apache.stop();
  }
});

/** The element children named `name` of an xml-js element, e.g. `<remove>`s of `<staticContent>`. */
const kids = (el: any, name: string): any[] => (el?.elements ?? []).filter((e: any) => e.type === 'element' && e.name === name);

test('IIS: web.config is well-formed XML that gives every file type the build writes a MIME type and sends the 404 page for /kb/', () => {
  const written = new Set(listFiles(join(kb, '_site')).filter((f) => !/(^|\/)\.htaccess$/.test(f)).map((f) => extname(f)).filter(Boolean));
  readmeCopy('deploy/iis/web.config');
  const text = readFileSync(join(kb, '_site/web.config'), 'utf8');
  const doc = xml2js(text, { compact: false }) as any;
  const server = kids(kids(doc, 'configuration')[0], 'system.webServer')[0];
  assert.ok(server, 'configuration/system.webServer');

  // IIS answers 404.3 for any extension it has no MIME type for; these it knows out of the box.
  const iisKnows = new Set(['.html', '.css', '.js', '.txt', '.svg', '.png', '.ico', '.xml']);
  const content = kids(server, 'staticContent')[0];
  const maps = new Map(kids(content, 'mimeMap').map((m: any) => [m.attributes.fileExtension, m.attributes.mimeType]));
  const removed = new Set(kids(content, 'remove').map((m: any) => m.attributes.fileExtension));
  for (const ext of maps.keys()) assert.ok(removed.has(ext), `${ext} is removed before it is mapped, so a server that already maps it does not fail with a duplicate entry`);
  for (const ext of written) assert.ok(iisKnows.has(ext) || maps.has(ext), `the build writes ${ext} files; web.config gives them a MIME type`);
  for (const ext of ['.pagefind', '.pf_meta', '.pf_fragment', '.pf_index', '.pf_filter']) assert.equal(maps.get(ext), 'application/octet-stream', ext);
  assert.equal(maps.get('.wasm'), 'application/wasm');

  const errors = kids(server, 'httpErrors')[0];
  assert.deepEqual(errors.attributes, { errorMode: 'Custom', existingResponse: 'Replace' });
  const notFound = kids(errors, 'error').find((e: any) => e.attributes.statusCode === '404');
  assert.equal(notFound.attributes.responseMode, 'ExecuteURL', 'the page is served with status 404, not redirected to');
  assert.equal(notFound.attributes.path, '/kb/404.html');
  assert.ok(existsSync(join(kb, '_site', notFound.attributes.path.replace(/^\/kb\//, ''))), 'the 404 page it names is in the built site');
  assert.deepEqual(kids(kids(kids(server, 'defaultDocument')[0], 'files')[0], 'add').map((a: any) => a.attributes.value), ['index.html']);

  const headers = new Map(kids(kids(kids(server, 'httpProtocol')[0], 'customHeaders')[0], 'add').map((h: any) => [h.attributes.name, h.attributes.value]));
  assert.equal(headers.get('Content-Security-Policy'), expectedPolicy());
  assert.equal(headers.get('X-Content-Type-Options'), 'nosniff');
});
