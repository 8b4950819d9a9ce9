import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeBaselineProject } from '../../../scripts/lib/eleventy-baseline.ts';
import { writeSyntheticData } from '../../../scripts/lib/synthetic-data.ts';
import { pseudoTranslate } from '../../../scripts/lib/synthetic-text.ts';
import { root, runCli, tempDir } from '../../support/helpers.ts';

const tmp = tempDir('fieldguide-synthetic-');
after(() => tmp.cleanup());

/** Every file of a folder with its text, for comparing two generated folders. */
const snapshot = (dir: string) => Object.fromEntries(
  (readdirSync(dir, { recursive: true }) as string[]).sort().filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
);

test('the same seed writes the same content, another seed different content', () => {
  writeSyntheticData(join(tmp.dir, 'a'), { codes: 30, locales: 3, seed: 7 });
  writeSyntheticData(join(tmp.dir, 'b'), { codes: 30, locales: 3, seed: 7 });
  writeSyntheticData(join(tmp.dir, 'c'), { codes: 30, locales: 3, seed: 8 });
  assert.deepEqual(snapshot(join(tmp.dir, 'a')), snapshot(join(tmp.dir, 'b')));
  assert.notDeepEqual(snapshot(join(tmp.dir, 'a')), snapshot(join(tmp.dir, 'c')));
});

test('pseudo-translation keeps code spans, references and hyphenated code names', () => {
  const source = 'Check the `Get-SyncState` log, then see [disk-full-0001](error:cat-000/disk-full-0001) and restart the service.';
  const translated = pseudoTranslate('id', source);
  assert.notEqual(translated, source);
  for (const kept of ['`Get-SyncState`', '[disk-full-0001](error:cat-000/disk-full-0001)']) assert.ok(translated.includes(kept), kept);
});

test('50 codes × 2 locales validates, builds, and has translated, stale and missing records', () => {
  const data = join(tmp.dir, 'site-data');
  const summary = writeSyntheticData(data, { codes: 50, locales: 2 });
  assert.deepEqual(summary.locales, ['en', 'id']);
  const built = runCli(['build', '--data', data, '--out', join(tmp.dir, 'site')]);
  assert.equal(built.code, 0, built.stderr);
  assert.doesNotMatch(built.stderr, /warning/);
  const pages = Number(/^built (\d+) pages/m.exec(built.stdout)?.[1]);
  assert.ok(pages >= 2 * 50, `built ${pages} pages`);
  const catalog = JSON.parse(readFileSync(summary.sample.file, 'utf8')) as { codes: { code: string; related?: string[] }[] };
  const withRelated = catalog.codes.find((k) => k.related?.length);
  assert.ok(withRelated, 'some code has related codes');
  const page = readFileSync(join(tmp.dir, 'site', 'en', 'errors', 'cat-000', withRelated.code, 'index.html'), 'utf8');
  const [relCatalog, relCode] = (withRelated.related as string[])[0].split('/');
  assert.ok(page.includes(`href="../../${relCatalog}/${relCode}/"`) || page.includes(`href="../${relCode}/"`), `${withRelated.code} links to ${relCatalog}/${relCode}`);

  const status = runCli(['i18n', 'status', '--data', data, '--format', 'json']);
  const counts = (JSON.parse(status.stdout) as { locales: { counts: Record<string, number> }[] }).locales[0].counts;
  assert.ok(counts.translated > 0 && counts.stale > 0 && counts.missing > 0, JSON.stringify(counts));
  assert.equal(counts.protectedTerms, 0);

  // The baseline the benchmark compares against renders exactly as many pages.
  const project = writeBaselineProject(join(tmp.dir, 'baseline'), data, pages);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/lib/bench-worker.ts'), 'eleventy', project, join(tmp.dir, 'baseline-site')], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as { pages: number }).pages, pages);
});
