import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { xml2js } from 'xml-js';
import { freePort } from '../../scripts/lib/free-port.ts';
import { recipeFiles } from '../../src/init/project-files.ts';
import { fieldguideCommands, recipe } from '../support/ci-recipes.ts';
import { root, tempDir } from '../support/helpers.ts';
import { envWithoutRepository, installOffline, npxFieldguide, pack, type PackInfo } from '../support/packed-install.ts';

/**
 * The npm package as a team gets it: `npm pack`, the tarball installed into an empty folder with
 * no network, and the README's "Start your own" followed there, then the offline steps of every
 * CI recipe, all from that folder. The install takes every dependency from npm's cache by the
 * hashes of this repository's lock file (see test/support/packed-install.ts): tests may not
 * reach a registry, and the only step of the README not taken literally is `npm install
 * fieldguide`, which here installs the tarball instead of the published package.
 */

const tmp = tempDir('fieldguide-package-');
const kb = join(tmp.dir, 'kb');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
let packed: PackInfo & { path: string };
let installed: { code: number; output: string };

before(() => {
  packed = pack(join(tmp.dir, 'pack'));
});
after(() => tmp.cleanup());

/** The lines of the README section under `heading` up to the next heading of its level or above. */
function section(heading: string): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `README.md has a section "${heading}"`);
  const level = heading.split(' ')[0].length;
  const next = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}} `).test(l));
  return lines.slice(start + 1, next < 0 ? undefined : next).join('\n');
}

/** The fenced blocks of a README section, in order, e.g. its ```sh commands and the output shown after them. */
const blocks = (text: string): string[] => [...text.matchAll(/^```\w*\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);

/** Timings masked, e.g. `in 2.21 s` → `in # s`. */
const masked = (text: string) => text.replace(/\d+(\.\d+)? s\b/g, '# s');

test('the tarball holds the compiled command, templates, schemas, example and recipes, and none of the tests, fixtures or MIM content', (t) => {
  t.diagnostic(`tarball ${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes packed, ${packed.unpackedSize} bytes unpacked`);
  const files = packed.files.map((f) => f.path);
  const outside = files.filter((f) => !/^(lib|bin|example|deploy)\//.test(f) && !['README.md', 'package.json', ...recipeFiles].includes(f));
  assert.deepEqual(outside, [], 'nothing of the repository that does not run: no tests, fixtures, scripts or MIM content');
  // lib/ mirrors what runs, TypeScript compiled: every tracked file of eleventy.config, src/, _includes/ and data/schemas/.
  const tracked = spawnSync('git', ['ls-files', 'eleventy.config.ts', 'src', '_includes', 'data/schemas'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const wanted = [
    'bin/fieldguide.js', 'README.md', 'package.json',
    ...tracked.map((f) => `lib/${f.replace(/\.ts$/, '.js')}`),
    ...readdirSync(join(root, 'example'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length)),
    ...recipeFiles,
  ];
  assert.deepEqual(wanted.filter((f) => !files.includes(f)), [], 'everything an installed Fieldguide reads');
});

test('README "Start your own", followed in an empty folder with only the tarball installed: init, build and serve work there', async () => {
  const text = section('## Start your own');
  const [commands, initShown, buildShown] = blocks(text);
  const lines = commands.split('\n');
  assert.deepEqual(lines.slice(0, 2), ['mkdir kb && cd kb', 'npm install fieldguide']);
  mkdirSync(kb);
  installed = installOffline(kb, packed.path);
  assert.equal(installed.code, 0, `npm ci --offline: ${installed.output} (npm's cache needs every dependency: run npm ci in the repository first)`);
  assert.doesNotMatch(installed.output, /install.?script/i, 'no install-script warning: no dependency has one');
  assert.ok(!lstatSync(join(kb, 'node_modules/fieldguide')).isSymbolicLink(), 'a real copy, not a link into the repository');
  for (const absent of ['tsx', 'esbuild', 'typescript']) assert.ok(!existsSync(join(kb, 'node_modules', absent)), `${absent} is not installed: the package runs as compiled JavaScript`);

  for (const line of lines.slice(2)) {
    const args = line.replace(/^npx fieldguide /, '').split(' ');
    assert.ok(line.startsWith('npx fieldguide '), line);
    if (args[0] === 'serve') continue;
    const r = npxFieldguide(kb, args);
    assert.equal(r.code, 0, `${line}: ${r.stderr}`);
    if (args[0] === 'init') assert.equal(r.stdout.trimEnd(), initShown, 'init prints what the README shows');
    if (args[0] === 'build') assert.equal(masked(r.stdout.trim().split('\n').at(-1)!), masked(buildShown), 'build ends as the README shows');
  }
  assert.ok(existsSync(join(kb, '_site/de/articles/fix-a-failed-backup-job/index.html')));

  assert.equal(lines.at(-1), 'npx fieldguide serve');
  const port = await freePort();
  // Only the port differs from the README's line: 8080 may be taken on a shared machine.
  const serve = spawn('npx', ['fieldguide', 'serve', '--port', String(port)], { cwd: kb, env: envWithoutRepository(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  serve.stdout.on('data', (d) => (output += d));
  serve.stderr.on('data', (d) => (output += d));
  try {
    const until = Date.now() + 120_000;
    while (!/serving .* at http:\/\/127\.0\.0\.1:/.test(output)) {
      assert.ok(serve.exitCode === null && Date.now() < until, `serve did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await fetch(`http://127.0.0.1:${port}/de/articles/fix-a-failed-backup-job/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<h1[^>]*>Einen fehlgeschlagenen Sicherungsauftrag beheben<\/h1>/);
  } finally {
    process.kill(-serve.pid!, 'SIGTERM');
    await new Promise((done) => serve.once('exit', done));
  }
});

test('from that folder: --version, check-links --offline, bundle, and every offline step of the CI recipes', () => {
  assert.ok(installed?.code === 0, 'the package is installed (the test before)');
  const v = npxFieldguide(kb, ['--version']);
  assert.equal(v.stdout.trim(), version);
  const links = npxFieldguide(kb, ['check-links', '--offline']);
  assert.equal(links.code, 0, links.stderr);
  assert.match(links.stdout, /^internal links checked in the site: \d+, broken: 0$/m);
  const bundle = npxFieldguide(kb, ['bundle']);
  assert.equal(bundle.code, 0, bundle.stderr);
  const zip = spawnSync('unzip', ['-l', join(kb, 'dist/site.zip')], { encoding: 'utf8' }).stdout;
  assert.match(zip, /site\/index\.html/);
  assert.match(zip, /site\/de\/articles\/fix-a-failed-backup-job\/index\.html/);

  // Each distinct step once: the build and the bundle have just run above.
  const ran = new Set(['build', 'bundle', 'check-links --offline']);
  for (const file of ['.github/workflows/links.yml', 'azure-pipelines.yml', '.gitlab-ci.yml']) {
    // The recipe as init wrote it into the knowledge base, not the repository's copy.
    assert.equal(readFileSync(join(kb, file), 'utf8'), recipe(file).text);
    for (const args of fieldguideCommands(recipe(file).doc)) {
      if (args[0] === 'check-links' && !args.includes('--offline')) continue; // needs the network
      if (ran.has(args.join(' '))) continue;
      ran.add(args.join(' '));
      const r = npxFieldguide(kb, args);
      assert.equal(r.code, 0, `${file}: npx fieldguide ${args.join(' ')}: ${r.stderr}`);
      const output = args[args.indexOf('--output') + 1];
      if (args.includes('--format') && args[args.indexOf('--format') + 1] === 'junit') {
        const suites = (xml2js(readFileSync(join(kb, output), 'utf8'), { compact: true }) as any).testsuites;
        assert.ok(suites, `${output} is JUnit XML`);
        assert.equal(suites._attributes.failures, '0', `${output}: no broken link`);
      }
    }
  }
});

test('the README\'s one-line copies put each recipe where the table says, from the installed package', () => {
  assert.ok(installed?.code === 0, 'the package is installed');
  const table = section('### CI and hosting recipes').split('\n').filter((l) => l.startsWith('| ') && l.includes('node_modules/fieldguide/'));
  assert.equal(table.length, 6, 'one row per recipe');
  const bare = join(tmp.dir, 'existing');
  mkdirSync(bare);
  symlinkSync(join(kb, 'node_modules'), join(bare, 'node_modules'));
  for (const row of table) {
    const command = /`((?:mkdir|cp) [^`]+)`\s*\|$/.exec(row)?.[1];
    assert.ok(command, row);
    const r = spawnSync('sh', ['-c', command], { cwd: bare, encoding: 'utf8' });
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
  }
  for (const file of recipeFiles) assert.equal(readFileSync(join(bare, file), 'utf8'), readFileSync(join(root, file), 'utf8'), file);
});

test('init in a folder with nothing in it writes package.json and says to install first; that folder builds with the installed command', () => {
  assert.ok(installed?.code === 0, 'the package is installed');
  const bin = join(kb, 'node_modules/fieldguide/bin/fieldguide.js');
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: envWithoutRepository(), timeout: 180_000 });
  const r = run(['init', 'fresh'], tmp.dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\nBuild it and serve it:\n {2}cd fresh\n {2}npm install\n {2}npx fieldguide build\n {2}npx fieldguide serve\n$/);
  const pkg = JSON.parse(readFileSync(join(tmp.dir, 'fresh/package.json'), 'utf8'));
  assert.deepEqual({ name: pkg.name, dependencies: pkg.dependencies }, { name: 'fresh', dependencies: { fieldguide: `^${version}` } });
  const b = run(['build'], join(tmp.dir, 'fresh'));
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /^built \d+ pages into _site in [\d.]+ s \(validate [\d.]+ s, model [\d.]+ s, render [\d.]+ s, verify [\d.]+ s, search [\d.]+ s\)$/m);
});
