import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { listFiles } from '../../src/core/files.ts';
import { builtinDictionaries, wantedUiKeys } from '../../src/i18n/create-i18n.ts';
import { sourceHash } from '../../src/i18n/source-hash.ts';
import { exampleDir, projectFiles, recipeFiles } from '../../src/init/project-files.ts';
import { expectedPages } from '../support/expected-site.ts';
import { htmlErrors } from '../support/validate-html.ts';
import { fixture, root, runCli, tempDir } from '../support/helpers.ts';

/**
 * `fieldguide init`: the example knowledge base it writes builds with no other step, shows the
 * translation states its README promises (computed, not claimed), maps every file to a schema
 * that is there, and the command refuses, adds, asks and checks its options as its help says.
 */

const tmp = tempDir('fieldguide-init-');
after(() => tmp.cleanup());
const rel = (dir: string) => relative(root, dir);

/** Every file under a folder, relative to it, sorted. */
const filesOf = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();

/** `fieldguide i18n status --format json` of a data folder, by locale. */
function status(data: string): Record<string, { counts: Record<string, number>; records: { key: string; state: string; lostTerms?: string[] }[]; ui: { missing: string[] } }> {
  const r = runCli(['i18n', 'status', '--format', 'json', '--data', data]);
  assert.equal(r.code, 0, r.stderr);
  return Object.fromEntries((JSON.parse(r.stdout).locales as { locale: string }[]).map((l) => [l.locale, l])) as never;
}

/** Inits a new folder with `args`, asserting success. */
function init(name: string, ...args: string[]): string {
  const dir = join(tmp.dir, name);
  const r = runCli(['init', dir, ...args]);
  assert.equal(r.code, 0, r.stderr);
  return dir;
}

/** Builds a knowledge base in its own folder as an author would (`fieldguide build`, no options). */
function build(dir: string): void {
  const r = runCli(['build'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listFiles(join(dir, '_site')).filter((f) => f.endsWith('.html')).sort(), expectedPages(join(dir, 'data')));
}

const page = (dir: string, path: string) => readFileSync(join(dir, '_site', path), 'utf8');

/** The HTML of one step of an article page, from its <li> to the next step's. */
function stepHtml(html: string, id: string): string {
  const start = html.indexOf(`<li class="step" id="${id}"`);
  assert.ok(start >= 0, `the page has the step ${id}`);
  const next = html.indexOf('<li class="step" id="', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

test('init writes the example into an empty folder, which builds with no other step, and says how to build and serve it', () => {
  const dir = join(tmp.dir, 'kb');
  const r = runCli(['init', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^fieldguide init: wrote \d+ files into .*kb: a knowledge base of Kestrel Backup, a made-up product, in English and German\n/);
  assert.ok(r.stdout.endsWith(`\nBuild it and serve it:\n  cd ${rel(dir)}\n  npm install\n  npx fieldguide build\n  npx fieldguide serve\n`), r.stdout);
  const planned = projectFiles({ locales: ['en', 'de'], name: 'kb' }).map((f) => f.path).sort();
  assert.deepEqual(filesOf(dir), planned);
  assert.equal(Number(/wrote (\d+) files/.exec(r.stdout)![1]), planned.length);
  for (const f of recipeFiles) assert.equal(readFileSync(join(dir, f), 'utf8'), readFileSync(join(root, f), 'utf8'), `${f} is the package's recipe`);
  for (const f of filesOf(join(exampleDir, 'data')).filter((f) => f !== 'site.json')) {
    assert.equal(readFileSync(join(dir, 'data', f), 'utf8'), readFileSync(join(exampleDir, 'data', f), 'utf8'), `data/${f} is the example's`);
  }
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies, { fieldguide: `^${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}` });
  build(dir);
});

test('the example\'s pages, in English and German, pass html-validate', async () => {
  const { pages, errors } = await htmlErrors(join(tmp.dir, 'kb', '_site'));
  assert.equal(pages, expectedPages(join(tmp.dir, 'kb', 'data')).length);
  assert.deepEqual(errors, []);
});

test('the German translation has exactly one stale step and one untranslated code, as the example\'s README says, and the pages show them', () => {
  const dir = join(tmp.dir, 'kb');
  const de = status(join(dir, 'data')).de;
  const needing = de.records.filter((x) => x.state !== 'translated' && x.state !== 'machine').map((x) => `${x.state} ${x.key}`);
  assert.deepEqual(needing, ['stale step/fix-a-failed-backup-job/free-vault-space', 'missing code/kestrel-job-codes/VERIFY_MISMATCH']);
  assert.equal(de.counts.translated, de.counts.total - 2);
  assert.deepEqual(de.ui.missing, [], 'example/data/translations/de/ui.json has German for every UI string (a new UI key needs its German there too)');

  // Honest staleness: the hash the step carries is that of the English text the README quotes as the one translated.
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const quoted = /It was translated from this text:\n\n {2}> (.+)\n/.exec(readme)?.[1];
  assert.ok(quoted, 'the README quotes the text the step was translated from');
  const source = JSON.parse(readFileSync(join(dir, 'data/articles/fix-a-failed-backup-job.json'), 'utf8')).steps.find((s: { id: string }) => s.id === 'free-vault-space');
  const overlay = JSON.parse(readFileSync(join(dir, 'data/translations/de/articles/fix-a-failed-backup-job.json'), 'utf8')).steps['free-vault-space'];
  assert.equal(overlay.source, sourceHash([source.title, quoted]));
  assert.notEqual(overlay.source, sourceHash([source.title, source.text]), 'the English has changed since');
  assert.ok(source.text.startsWith(quoted.slice(0, -1)), 'the change was an addition at the end');
  assert.match(de.records.find((x) => x.state === 'stale')!.lostTerms!.join('\n'), /retention_days/, 'status names the term the old translation lacks');

  const article = page(dir, 'de/articles/fix-a-failed-backup-job/index.html');
  const stale = [...article.matchAll(/class="notice notice-stale"/g)];
  assert.equal(stale.length, 1, 'one stale notice on the article');
  assert.match(stepHtml(article, 'free-vault-space'), /class="notice notice-stale">Diese Übersetzung ist vielleicht nicht mehr aktuell/);
  assert.match(stepHtml(article, 'run-again'), /class="mark mark-fallback"[^>]*>Noch nicht übersetzt/, 'the untranslated code is marked where the step lists it');
  assert.match(page(dir, 'de/errors/kestrel-job-codes/VERIFY_MISMATCH/index.html'), /class="notice notice-fallback">Noch nicht übersetzt: Dieser Text wird auf Englisch gezeigt\./);
  assert.match(page(dir, 'de/errors/kestrel-job-codes/index.html'), /maschinell übersetzt \(Ausgangssprache: Englisch\)/, 'the machine-translated catalog says so');
});

test('every data file names a schema that is there, and .vscode/settings.json maps each file to that same schema', () => {
  const dir = join(tmp.dir, 'kb');
  const mappings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))['json.schemas'] as { fileMatch: string[]; url: string }[];
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
  const data = filesOf(join(dir, 'data')).filter((f) => f.endsWith('.json') && !f.startsWith('schemas/'));
  assert.ok(data.length >= 9);
  for (const f of data) {
    const file = join(dir, 'data', f);
    const named = resolve(dirname(file), JSON.parse(readFileSync(file, 'utf8')).$schema);
    assert.ok(existsSync(named), `data/${f} names ${relative(dir, named)}, which exists`);
    const hits = mappings.filter((m) => m.fileMatch.some((p) => glob(p).test(`/data/${f}`)));
    assert.equal(hits.length, 1, `one mapping for data/${f}`);
    assert.equal(resolve(dir, hits[0].url), named, `data/${f}: the editor setting and $schema agree`);
  }
  assert.deepEqual(mappings.map((m) => resolve(dir, m.url)).filter((u) => !existsSync(u)), [], 'every mapped schema exists');
});

test('a folder that is not empty is refused; what installing Fieldguide leaves there does not count', () => {
  const full = join(tmp.dir, 'notes');
  mkdirSync(full);
  writeFileSync(join(full, 'notes.txt'), 'mine\n');
  const r = runCli(['init', full]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `fieldguide init: ${rel(full)} is not empty (notes.txt); choose an empty or new folder, or add --force to write only the files it lacks\n`);
  assert.deepEqual(readdirSync(full), ['notes.txt'], 'nothing was written');

  const installed = join(tmp.dir, 'installed');
  mkdirSync(join(installed, 'node_modules'), { recursive: true });
  mkdirSync(join(installed, '.git'));
  writeFileSync(join(installed, 'package.json'), '{ "name": "mine" }\n');
  const ok = runCli(['init', installed]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(readFileSync(join(installed, 'package.json'), 'utf8'), '{ "name": "mine" }\n', 'its package.json is kept');
  assert.match(ok.stdout, /^ {2}kept {9}1 file already there, unchanged: package\.json$/m);
  assert.match(ok.stdout, /\n {2}npm install fieldguide\n/, 'Fieldguide is not installed there, and its package.json does not list it');
});

test('--force adds only the files a folder lacks and keeps the rest; with content of its own, none of the example is added', () => {
  const dir = init('forced');
  writeFileSync(join(dir, 'README.md'), '# Our guide\n');
  rmSync(join(dir, 'deploy/iis/web.config'));
  rmSync(join(dir, '.vscode'), { recursive: true });
  const refused = runCli(['init', dir]);
  assert.equal(refused.code, 1);
  const r = runCli(['init', dir, '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^fieldguide init: wrote 2 files into /);
  assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), '# Our guide\n');
  assert.equal(readFileSync(join(dir, 'deploy/iis/web.config'), 'utf8'), readFileSync(join(root, 'deploy/iis/web.config'), 'utf8'));
  assert.ok(existsSync(join(dir, '.vscode/settings.json')));

  // An existing knowledge base of another product: the recipes and schemas join it, its content stays its own.
  const other = join(tmp.dir, 'harbor');
  cpSync(fixture('rtl-product'), join(other, 'data'), { recursive: true });
  const before = filesOf(join(other, 'data'));
  const added = runCli(['init', other, '--force']);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /not added {4}the example's \d+ content files: data\/site\.json was there/);
  assert.deepEqual(filesOf(join(other, 'data')).filter((f) => !f.startsWith('schemas/')), before, 'no example record joined its content');
  for (const f of recipeFiles) assert.ok(existsSync(join(other, f)), f);
  assert.ok(existsSync(join(other, 'data/schemas/site.schema.json')));
  build(other);
});

test('--locales en,fr: French gets a ui.json to translate and no German; the site builds, every French record marked untranslated', () => {
  const dir = init('french', '--locales', 'en,fr');
  const site = JSON.parse(readFileSync(join(dir, 'data/site.json'), 'utf8'));
  assert.deepEqual(site.locales, [{ code: 'en', label: 'English', dir: 'ltr' }, { code: 'fr', label: 'Français', dir: 'ltr' }]);
  assert.deepEqual(readdirSync(join(dir, 'data/translations')), ['fr']);
  const ui = JSON.parse(readFileSync(join(dir, 'data/translations/fr/ui.json'), 'utf8'));
  assert.deepEqual(Object.keys(ui).filter((k) => !k.startsWith('$')).sort(), wantedUiKeys(builtinDictionaries().en, 'fr').sort());
  build(dir);
  const fr = status(join(dir, 'data')).fr;
  assert.equal(fr.counts.missing, fr.counts.total);
});

test('--title names the site; its German translation was of the old title, so the site record is left untranslated', () => {
  const dir = init('titled', '--title', 'Contoso Backup help');
  assert.equal(JSON.parse(readFileSync(join(dir, 'data/site.json'), 'utf8')).title, 'Contoso Backup help');
  assert.ok(!existsSync(join(dir, 'data/translations/de/site.json')));
  const de = status(join(dir, 'data')).de;
  assert.deepEqual(de.records.filter((x) => x.state === 'missing').map((x) => x.key), ['site', 'code/kestrel-job-codes/VERIFY_MISMATCH']);
  build(dir);
  assert.match(page(dir, 'de/index.html'), /<title>[^<]*Contoso Backup help<\/title>/);
});

test('locale lists init cannot use are usage errors, and nothing is written', () => {
  const cases: [string, string][] = [
    ['de,en', '--locales: the example is written in English, so the first (source) locale must be en; list your languages after it, e.g. en,de'],
    ['en,de_DE', '--locales: "de_DE" is not a BCP 47 language tag; did you mean "de-DE"?'],
    ['en,de,en', '--locales: "en" is listed twice'],
  ];
  for (const [locales, message] of cases) {
    const dir = join(tmp.dir, `bad-${locales.replace(/\W/g, '-')}`);
    const r = runCli(['init', dir, '--locales', locales]);
    assert.equal(r.code, 2, locales);
    assert.equal(r.stderr, `fieldguide init: ${message}; run 'fieldguide init --help'\n`);
    assert.ok(!existsSync(dir), 'nothing was written');
  }
  const empty = runCli(['init', join(tmp.dir, 'untitled'), '--title', ' ']);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /^fieldguide init: --title must not be empty;/);
});

test('on a terminal, init asks for the title and the languages, asks again after a wrong answer, and takes answers typed ahead', async () => {
  const dir = join(tmp.dir, 'asked');
  // `script` gives the command a terminal; its answers are typed once the first question shows.
  const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'bin/fieldguide.js'))} init ${JSON.stringify(dir)}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  child.stdout.on('data', (d) => (screen += d));
  const exited = new Promise<number>((done) => child.once('exit', (code) => done(code ?? -1)));
  const until = Date.now() + 60_000;
  while (!screen.includes('Site title (Kestrel Backup troubleshooting): ')) {
    assert.ok(Date.now() < until && child.exitCode === null, `no question: ${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.stdin.write('Contoso Backup help\rde,en\ren,fr\r');
  assert.equal(await exited, 0, screen);
  const plain = screen.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
  assert.match(plain, /Languages, the source first \(en,de\): de,en\n {2}the example is written in English, so the first \(source\) locale must be en/);
  assert.match(plain, /Languages, the source first \(en,de\): en,fr\n/);
  const site = JSON.parse(readFileSync(join(dir, 'data/site.json'), 'utf8'));
  assert.deepEqual([site.title, site.locales.map((l: { code: string }) => l.code)], ['Contoso Backup help', ['en', 'fr']]);
});

test('without a terminal init asks nothing: piped input is not read, and the defaults are taken', () => {
  const dir = join(tmp.dir, 'piped');
  const r = runCli(['init', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /Site title/);
  assert.equal(JSON.parse(readFileSync(join(dir, 'data/site.json'), 'utf8')).title, 'Kestrel Backup troubleshooting');
});
