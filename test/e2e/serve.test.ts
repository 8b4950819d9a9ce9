import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, root, tempDir } from '../support/helpers.ts';
import { freePort } from '../../scripts/lib/free-port.ts';


/** Retries `fn` until it gives a value; on timeout the error shows what serve printed, if given. */
async function poll<T>(what: string, fn: () => Promise<T | undefined>, { ms = 30_000, printed }: { ms?: number; printed?: () => string } = {}): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${printed ? `; serve printed:\n${printed()}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops a serve process and waits for it, also when it has already exited. */
async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGINT');
  await exited;
}

const title = async (url: string) => /<title>([^<]*)<\/title>/.exec(await (await fetch(url)).text())?.[1];

test('serve listens on 127.0.0.1 only, rebuilds on data edits, keeps the last good site on errors and restarts on code edits', async () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  cpSync(fixture('valid'), data, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/fieldguide.js'), 'serve', '--data', data, '--out', join(dir, 'site'), '--port', String(port)], { cwd: dir });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  try {
    const base = `http://127.0.0.1:${port}/en/`;
    assert.equal(await poll('the first build', () => title(base), { printed: () => log }), 'Widget Help');
    const entry = await poll('the search index', async () => {
      const r = await fetch(`http://127.0.0.1:${port}/pagefind/pagefind-entry.json`);
      return r.ok ? ((await r.json()) as { languages: Record<string, unknown> }) : undefined;
    });
    assert.deepEqual(Object.keys(entry.languages), ['en']);

    const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      const refused = await new Promise<boolean>((done) => {
        const s = connect(port, external.address);
        s.on('connect', () => { s.destroy(); done(false); });
        s.on('error', () => done(true));
      });
      assert.ok(refused, `serve must not answer on ${external.address}`);
    }

    const site = join(data, 'site.json');
    writeFileSync(site, readFileSync(site, 'utf8').replace('"Widget Help"', '"Widget Help, edited"'));
    assert.equal(await poll('the rebuild', async () => ((await title(base)) === 'Widget Help, edited' ? 'ok' : undefined), { printed: () => log }), 'ok');

    writeFileSync(site, readFileSync(site, 'utf8').replace('"Widget Help, edited"', '42'));
    await poll('the error report', async () => (log.includes('title: expected a string, found a number') ? true : undefined), { printed: () => log });
    assert.match(log, /still serving the last good build/);
    assert.equal(await title(base), 'Widget Help, edited');

    // Fieldguide's own code is cached by Node: a change to it restarts the server process.
    writeFileSync(site, readFileSync(site, 'utf8').replace('"title": 42', '"title": "Widget Help, restarted"'));
    assert.equal(await poll('the fixed rebuild', async () => ((await title(base)) === 'Widget Help, restarted' ? 'ok' : undefined), { printed: () => log }), 'ok');
    const starts = () => log.match(/^serving .* at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl\+C to stop\)$/gm)?.length ?? 0;
    assert.equal(starts(), 1);
    const code = join(root, 'src/model/urls.ts');
    const now = new Date();
    utimesSync(code, now, now);
    await poll('the restart', async () => (log.includes('fieldguide serve: src/model/urls.ts changed; restarting') ? true : undefined), { printed: () => log });
    await poll('the new server process', async () => (starts() === 2 ? true : undefined), { printed: () => log });
    assert.equal(await title(base), 'Widget Help, restarted');
  } finally {
    await stop(child);
    cleanup();
  }
});

/** Starts `serve` on a data folder and resolves with the process and the address it printed. */
async function startServe(data: string, out: string, port: string): Promise<{ child: ReturnType<typeof spawn>; log: () => string; url: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/fieldguide.js'), 'serve', '--data', data, '--out', out, '--port', port]);
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = await poll('the address serve prints', async () => /^serving .* at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl\+C to stop\)$/m.exec(log)?.[1], { ms: 60_000, printed: () => log });
  return { child, log: () => log, url };
}

test('serve prints the port it really listens on, refuses a taken one in one line, and re-renders only what an edit changed', async () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  cpSync(fixture('valid'), data, { recursive: true });
  const out = join(dir, 'site');
  const first = await startServe(data, out, '0');
  try {
    const port = new URL(first.url).port;
    assert.notEqual(port, '0');
    assert.equal(await title(`${first.url}en/`), 'Widget Help');

    // The same port again: one line naming it, exit 2, and no second server.
    const second = spawn(process.execPath, [join(root, 'bin/fieldguide.js'), 'serve', '--data', data, '--out', join(dir, 'site2'), '--port', port]);
    let err = '';
    second.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((done, fail) => {
      const timer = setTimeout(() => { second.kill(); fail(new Error(`serve on a taken port did not exit:\n${err}`)); }, 60_000);
      second.once('exit', (c) => { clearTimeout(timer); done(c); });
    });
    assert.equal(code, 2);
    assert.match(err, new RegExp(`^fieldguide serve: port ${port} on 127\\.0\\.0\\.1 is in use; pass another with --port, or --port 0 for any free port$`, 'm'));
    assert.doesNotMatch(err, /^serving /m);

    // Open pages hear "reload" once the edit is written.
    const events = await fetch(`${first.url}__fieldguide/reload`);
    const reader = events.body!.getReader();
    const heard = (async () => {
      let text = '';
      while (!text.includes('data: reload')) text += new TextDecoder().decode((await reader.read()).value);
      return true;
    })();

    const catalogFile = join(data, 'errors', 'widget-codes.json');
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as { id: string; codes: { code: string; meaning: string }[] };
    // The last code neither relates to the first nor sits beside it in the pager.
    const [edited, untouched] = [catalog.codes[0], catalog.codes[catalog.codes.length - 1]];
    const pageOf = (c: string) => join(out, 'en', 'errors', catalog.id, c, 'index.html');
    const untouchedBefore = statSync(pageOf(untouched.code)).mtimeMs;
    edited.meaning = 'The Widget lost power, edited.';
    writeFileSync(catalogFile, `${JSON.stringify(catalog, null, 2)}\n`);
    await poll('the edited page', async () => ((await (await fetch(`${first.url}en/errors/${catalog.id}/${edited.code}/`)).text()).includes('lost power, edited') ? true : undefined), { printed: first.log });
    assert.equal(await heard, true);
    await reader.cancel();
    // The code's own pages first, then those that show it; a page that does not is left as it was.
    await poll('the full pass', async () => (/^rebuilt \d+ of \d+ pages in/m.test(first.log()) ? true : undefined), { printed: first.log });
    assert.match(first.log(), /^served \d+ edited pages? in \d+\.\d\d s \(validate [\d.]+ s, model [\d.]+ s, render [\d.]+ s\)$/m);
    const [, rebuilt, total] = /^rebuilt (\d+) of (\d+) pages/m.exec(first.log())!.map(Number);
    assert.ok(rebuilt < total, `a one-code edit re-rendered ${rebuilt} of ${total} pages`);
    assert.equal(statSync(pageOf(untouched.code)).mtimeMs, untouchedBefore, `${untouched.code}'s page was written again`);
    await poll('search after the edit', async () => ((first.log().match(/^indexed \d+ pages for search/gm) ?? []).length >= 1 ? true : undefined), { printed: first.log });
  } finally {
    await stop(first.child);
    cleanup();
  }
});
