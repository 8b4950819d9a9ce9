import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, root, tempDir } from '../support/helpers.ts';
import { freePort } from '../../scripts/lib/free-port.ts';


async function poll<T>(what: string, fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
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
    assert.equal(await poll('the first build', () => title(base)), 'Widget Help');
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
    assert.equal(await poll('the rebuild', async () => ((await title(base)) === 'Widget Help, edited' ? 'ok' : undefined)), 'ok');

    writeFileSync(site, readFileSync(site, 'utf8').replace('"Widget Help, edited"', '42'));
    await poll('the error report', async () => (log.includes('title: expected a string, found a number') ? true : undefined));
    assert.match(log, /still serving the last good build/);
    assert.equal(await title(base), 'Widget Help, edited');

    // Fieldguide's own code is cached by Node: a change to it restarts the server process.
    writeFileSync(site, readFileSync(site, 'utf8').replace('"title": 42', '"title": "Widget Help, restarted"'));
    assert.equal(await poll('the fixed rebuild', async () => ((await title(base)) === 'Widget Help, restarted' ? 'ok' : undefined)), 'ok');
    const starts = () => log.match(/^serving .* at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl\+C to stop\)$/gm)?.length ?? 0;
    assert.equal(starts(), 1);
    const code = join(root, 'src/model/urls.ts');
    const now = new Date();
    utimesSync(code, now, now);
    await poll('the restart', async () => (log.includes('fieldguide serve: src/model/urls.ts changed; restarting') ? true : undefined));
    await poll('the new server process', async () => (starts() === 2 ? true : undefined));
    assert.equal(await title(base), 'Widget Help, restarted');
  } finally {
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    cleanup();
  }
});
