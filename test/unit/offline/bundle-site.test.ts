import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { BundleError, bundleReadme, bundleSite, PROGRESS_EVERY } from '../../../src/offline/bundle-site.ts';
import { memoryTempDir, tempDir } from '../../support/helpers.ts';

const generator = '<meta name="generator" content="Fieldguide">';

/** Writes `files` (path → content) under `dir`, making folders as needed. */
function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** The smallest folder bundleSite takes for a built site: a start page and a Pagefind index. */
function miniSite(dir: string): void {
  writeTree(dir, {
    'index.html': `<!doctype html>${generator}<meta http-equiv="refresh" content="0; url=en/"><a href="en/">English</a>`,
    'pagefind/pagefind.js': 'const pagefind_version="1.6.0";const u=import.meta.url;export{u};',
    'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
    'pagefind/pagefind-worker.js': 'ignored',
  });
}

/** Entry names of a zip in archive order, from `unzip -Z1`. */
function zipNames(zip: string): string[] {
  const r = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

function assertUnzipTests(zip: string): void {
  const tested = spawnSync('unzip', ['-tq', zip], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(tested.status, 0, tested.stdout + tested.stderr);
  assert.match(tested.stdout, /No errors detected/);
}

test('bundleSite writes a zip that unzip tests and extracts: README first, pages made offline, other files byte for byte', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const site = join(dir, '_site');
    miniSite(site);
    const text = 'hello '.repeat(1000);
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251));
    writeTree(site, {
      'en/index.html': `<!doctype html>${generator}<a href="../de/">Deutsch</a><p>${text}</p>`,
      'de/index.html': `<!doctype html>${generator}<a href="../en/">English</a>`,
      'assets/site.css': text,
      'assets/icon.png': random,
      'assets/empty': '',
      'pagefind/fragment/en_1.pf_fragment': Buffer.from([1, 2, 255]),
    });
    const zip = join(dir, 'out', 'guide.zip');
    const calls: [number, number][] = [];
    const result = await bundleSite(site, zip, (done, total) => calls.push([done, total]));
    assert.equal(result.folder, 'guide');
    assert.equal(result.bytes, statSync(zip).size);
    assert.deepEqual(readdirSync(join(dir, 'out')), ['guide.zip'], 'no temporary file is left');
    assertUnzipTests(zip);
    const names = zipNames(zip);
    assert.deepEqual(names, [
      'guide/README.txt',
      'guide/assets/empty',
      'guide/assets/icon.png',
      'guide/assets/site.css',
      'guide/de/index.html',
      'guide/en/index.html',
      'guide/index.html',
      'guide/pagefind/offline/pagefind.js',
      'guide/pagefind/offline/files/fragment/en_1.pf_fragment.js',
      'guide/pagefind/offline/files/pagefind-entry.json.js',
    ]);
    assert.equal(result.files, names.length);
    assert.deepEqual(calls, [[names.length, names.length]], 'a small site only reports the end');

    const out = join(dir, 'x');
    assert.equal(spawnSync('unzip', ['-q', zip, '-d', out]).status, 0);
    assert.equal(readFileSync(join(out, 'guide/README.txt'), 'utf8'), bundleReadme('guide', ['de', 'en']));
    assert.match(readFileSync(join(out, 'guide/index.html'), 'utf8'), /url=en\/index\.html"><a href="en\/index\.html">/);
    assert.match(readFileSync(join(out, 'guide/en/index.html'), 'utf8'), /<a href="\.\.\/de\/index\.html">/);
    assert.equal(readFileSync(join(out, 'guide/assets/site.css'), 'utf8'), text);
    assert.deepEqual(readFileSync(join(out, 'guide/assets/icon.png')), random);
    assert.equal(readFileSync(join(out, 'guide/assets/empty')).length, 0);
    assert.match(readFileSync(join(out, 'guide/pagefind/offline/files/fragment/en_1.pf_fragment.js'), 'utf8'), /\["fragment\/en_1\.pf_fragment"\]="AQL\/";/);
    assert.doesNotMatch(readFileSync(join(out, 'guide/pagefind/offline/pagefind.js'), 'utf8'), /import\.meta/);
    assert.ok(result.bytes < text.length, 'text is deflated');
  } finally {
    cleanup();
  }
});

test('bundleSite refuses a folder that is not a built site or has no search index', async () => {
  const { dir, cleanup } = tempDir();
  try {
    await assert.rejects(bundleSite(join(dir, 'none'), join(dir, 'a.zip')), (err: Error) => err instanceof BundleError && /is not a Fieldguide site/.test(err.message));
    writeTree(dir, { 'site/index.html': generator });
    await assert.rejects(bundleSite(join(dir, 'site'), join(dir, 'a.zip')), /has no search index/);
    assert.equal(existsSync(join(dir, 'a.zip')), false);
  } finally {
    cleanup();
  }
});

test('a bundle that fails part way leaves the previous zip as it was and no temporary file', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const site = join(dir, '_site');
    miniSite(site);
    const zip = join(dir, 'out', 'site.zip');
    await bundleSite(site, zip);
    const before = readFileSync(zip);
    // Files that vanish between listing and reading: a page (read whole) and an asset (streamed).
    for (const name of ['gone.css', 'gone/index.html']) {
      const link = join(site, name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(dir, 'missing'), link);
      await assert.rejects(bundleSite(site, zip), (err: Error) => err instanceof BundleError && err.message.startsWith(`cannot write ${zip}: `) && /ENOENT/.test(err.message));
      assert.deepEqual(readFileSync(zip), before);
      assert.deepEqual(readdirSync(join(dir, 'out')), ['site.zip']);
      spawnSync('rm', ['-f', link]);
    }
    await bundleSite(site, zip);
    assertUnzipTests(zip);
  } finally {
    cleanup();
  }
});

test('more than 65,535 files: the zip switches to ZIP64 and unzip lists and tests every file', async () => {
  const { dir, cleanup } = memoryTempDir();
  try {
    const site = join(dir, '_site');
    miniSite(site);
    // Pages in folders of 500, like a catalog of error codes, until there are more files than a zip without ZIP64 can count.
    const pages: string[] = [];
    for (let i = 0; pages.length + 4 <= 0xffff + 500; i++) {
      const folder = join(site, 'codes', String(Math.floor(i / 500)));
      if (i % 500 === 0) mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${i}.html`), `<a href="../">${i}</a>`);
      pages.push(`site/codes/${Math.floor(i / 500)}/${i}.html`);
    }
    const zip = join(dir, 'site.zip');
    const calls: [number, number][] = [];
    const started = performance.now();
    const result = await bundleSite(site, zip, (done, total) => calls.push([done, total]));
    const secs = (performance.now() - started) / 1000;
    const expected = ['site/README.txt', ...pages, 'site/index.html', 'site/pagefind/offline/pagefind.js', 'site/pagefind/offline/files/pagefind-entry.json.js'];
    assert.ok(expected.length > 0xffff);
    assert.equal(result.files, expected.length);

    const listed = spawnSync('unzip', ['-l', zip], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.equal(listed.status, 0, listed.stderr);
    const lines = listed.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, new RegExp(`\\s${expected.length} files$`));
    const names = lines.slice(3, -2).map((l) => l.trim().split(/\s+/).at(-1));
    assert.deepEqual(new Set(names), new Set(expected));
    assert.equal(names.length, expected.length);
    assertUnzipTests(zip);
    const bytes = readFileSync(zip);
    assert.ok(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06])), 'the zip has a ZIP64 end of central directory record');

    // Progress: rising, at most PROGRESS_EVERY files apart, ending at the total.
    assert.deepEqual(calls.at(-1), [expected.length, expected.length]);
    assert.ok(calls.every(([done, total], i) => total === expected.length && done > (calls[i - 1]?.[0] ?? 0) && done - (calls[i - 1]?.[0] ?? 0) <= PROGRESS_EVERY));
    console.log(`bundled ${expected.length} files (${bytes.length} bytes) in ${secs.toFixed(1)} s`);
  } finally {
    cleanup();
  }
});
