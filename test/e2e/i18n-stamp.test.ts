import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixture, root, runCli, tempDir } from '../support/helpers.ts';
import { snapshot } from '../support/snapshot.ts';
import { readmeBlock } from '../support/xliff-tool.ts';

const tmp = tempDir('fieldguide-stamp-');
after(() => tmp.cleanup());

interface StatusRecord { key: string; state: string; method?: string; file: string }

/** A private copy of a fixture (or of the shipped data/ when name is undefined) under `<tmp>/<as>/data`. */
function copyOf(name: string | undefined, as: string): { cwd: string; data: string } {
  const cwd = join(tmp.dir, as);
  cpSync(name ? fixture(name) : join(root, 'data'), join(cwd, 'data'), { recursive: true });
  return { cwd, data: join(cwd, 'data') };
}

function records(cwd: string, locale = 'id'): StatusRecord[] {
  const r = runCli(['i18n', 'status', '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).locales.find((l: { locale: string }) => l.locale === locale).records;
}

test('stamp --all stamps every translated record, lists the untranslated as skipped, and a second run finds them current', () => {
  const { cwd } = copyOf('stale-human', 'all');
  const before = records(cwd);
  const translated = before.filter((r) => r.state !== 'missing');
  const missing = before.filter((r) => r.state === 'missing');
  assert.ok(translated.some((r) => r.state === 'stale'), 'the fixture has a stale translation to stamp');

  const r = runCli(['i18n', 'stamp', 'id', '--all'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith('stamped id ')).map((l) => l.split(' ')[2]), translated.map((t) => t.key));
  assert.deepEqual(lines.filter((l) => l.startsWith('skipped id ')).map((l) => l.split(' ')[2].replace(/:$/, '')), missing.map((m) => m.key));
  for (const m of missing) assert.ok(lines.some((l) => new RegExp(`^skipped id ${m.key}: no id translation in data/translations/id/\\S+\\.json$`).test(l)), m.key);
  const files = new Set(translated.map((t) => t.file)).size;
  assert.equal(lines.at(-1), `stamped ${translated.length} id records (reviewed) in ${files} file${files === 1 ? '' : 's'}; 0 already current; ${missing.length} skipped, not translated`);

  const stamped = records(cwd);
  for (const t of translated) assert.deepEqual(stamped.find((s) => s.key === t.key), { ...t, state: 'translated', method: 'reviewed' });
  const check = runCli(['i18n', 'status', '--check'], cwd);
  assert.equal(check.code, 0, check.stderr);

  const data = snapshot(join(cwd, 'data'));
  const again = runCli(['i18n', 'stamp', 'id', '--all'], cwd);
  assert.equal(again.code, 0, again.stderr);
  for (const t of translated) assert.match(again.stdout, new RegExp(`^already current: id ${t.key} \\(reviewed\\)$`, 'm'));
  assert.match(again.stdout, new RegExp(`^stamped 0 id records \\(reviewed\\) in 0 files; ${translated.length} already current; ${missing.length} skipped, not translated$`, 'm'));
  assert.deepEqual(snapshot(join(cwd, 'data')), data, 'nothing was rewritten');
});

test('a key prefix stamps only the records under it', () => {
  const { cwd } = copyOf('stale-human', 'prefix');
  const before = records(cwd);
  const steps = before.filter((r) => r.key.startsWith('step/restart-widget/'));
  assert.ok(steps.length > 1);
  const r = runCli(['i18n', 'stamp', 'id', 'step/restart-widget/*', '--method', 'human'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const after = records(cwd);
  for (const s of steps) assert.deepEqual(after.find((a) => a.key === s.key), { ...s, state: 'translated', method: 'human' });
  for (const other of before.filter((b) => !b.key.startsWith('step/restart-widget/'))) {
    assert.deepEqual(after.find((a) => a.key === other.key), other, `${other.key} is left alone`);
  }
});

test('an overlay file stamps its records, keeping the formatting, and leaves every other file as it was', () => {
  const { cwd, data } = copyOf(undefined, 'file');
  const overlay = 'data/translations/id/articles/configure-mim-sync-service.json';
  const before = snapshot(data);
  const r = runCli(['i18n', 'stamp', 'id', overlay], cwd);
  assert.equal(r.code, 0, r.stderr);
  const inFile = records(cwd).filter((s) => s.file === overlay);
  assert.ok(inFile.length > 1);
  for (const s of inFile) assert.deepEqual([s.state, s.method], ['translated', 'reviewed'], s.key);
  assert.match(r.stdout, new RegExp(`^stamped ${inFile.length} id records \\(reviewed\\) in 1 file; 0 already current; 0 skipped, not translated$`, 'm'));

  const after = snapshot(data);
  const rel = overlay.slice('data/'.length);
  for (const f of Object.keys(before)) if (f !== rel) assert.equal(after[f], before[f], `${f} is unchanged`);
  // The shipped overlay takes its method from the file; stamping adds one "method" line per record.
  const added = after[rel].split('\n').filter((l) => /^\s*"method": "reviewed",?$/.test(l));
  assert.equal(added.length, inFile.length);
  const strip = (text: string) => text.split('\n').filter((l) => !/^\s*"method": "reviewed",?$/.test(l)).map((l) => l.replace(/,$/, '')).join('\n');
  assert.equal(strip(after[rel]), strip(before[rel]), 'only method lines were added; every hash already matched');
});

test('stamp refuses a prefix or a file that picks nothing, with a hint', () => {
  const cases: [string[], RegExp][] = [
    [['i18n', 'stamp', 'id', 'step/configure-mim-sync-servce/*'], /^fieldguide i18n: no record matches "step\/configure-mim-sync-servce\/\*"; did you mean "step\/configure-mim-sync-service\/\*"\?; run 'fieldguide i18n --help'$/m],
    [['i18n', 'stamp', 'id', 'data/translations/id/articles/nothing.json'], /^fieldguide i18n: "data\/translations\/id\/articles\/nothing\.json" is not one of the \d+ overlay files of locale id \(data\/translations\/id\/site\.json, /m],
    [['i18n', 'stamp', 'id', '--all', 'site'], /^fieldguide i18n: stamp --all stamps every record; drop "site"/m],
    [['i18n', 'stamp', 'id'], /^fieldguide i18n: stamp needs a locale and what to stamp: a record id, a key prefix such as step\/<article>\/\*, an overlay file, or --all/m],
  ];
  const data = snapshot(join(root, 'data'));
  for (const [args, message] of cases) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
  assert.deepEqual(snapshot(join(root, 'data')), data, 'nothing was written');
});

test('the README stamp commands, run as written on a copy of the shipped data, stamp what they say', () => {
  const { cwd } = copyOf(undefined, 'readme');
  const block = readmeBlock(readFileSync(join(root, 'README.md'), 'utf8'), '**How a translation gets its hash.**');
  const lines = block.split('\n');
  const commands = lines.filter((l) => l.startsWith('npx fieldguide '));
  assert.equal(commands.length, 4);
  const outputs = commands.map((line) => {
    const args = [...line.slice('npx fieldguide '.length).matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
    const r = runCli(args, cwd);
    assert.equal(r.code, 0, `${line}\n${r.stderr}`);
    return r.stdout;
  });
  // The first command prints the line the README shows, hashes aside.
  const shown = lines[lines.indexOf(commands[0]) + 1];
  const pattern = new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/sha256-…/g, 'sha256-[0-9a-f]{16}')}$`, 'm');
  assert.match(outputs[0], pattern);
  const after = records(cwd);
  // --all comes last and stamps every translated record as reviewed, over the earlier stamps.
  for (const r of after.filter((s) => s.state !== 'missing')) assert.deepEqual([r.state, r.method], ['translated', 'reviewed'], r.key);
  // The prefix finds the step the first command stamped already current.
  const steps = after.filter((r) => r.key.startsWith('step/configure-mim-sync-service/')).length;
  assert.match(outputs[1], new RegExp(`^stamped ${steps - 1} id records \\(reviewed\\) in 1 file; 1 already current; 0 skipped, not translated$`, 'm'));
  assert.match(outputs[2], new RegExp(`^stamped ${after.filter((r) => r.file.endsWith('errors/mim-related.json')).length} id records \\(human\\) in 1 file; 0 already current; 0 skipped, not translated$`, 'm'));
  assert.match(outputs[3], /^stamped \d+ id records \(reviewed\) in \d+ files; \d+ already current; 0 skipped, not translated$/m);
});
