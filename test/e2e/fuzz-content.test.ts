import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listFiles } from '../../src/core/files.ts';
import { buildProblems, loadTranslatedContent, prepareSite } from '../../src/build/prepare-site.ts';
import { ContentError } from '../../src/core/errors.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { readDataFiles, switchDataFiles, unlocated, unprintable, writeDataFiles } from '../support/fuzz/data-folder.ts';
import { mutate, type DataFiles } from '../support/fuzz/mutations.ts';
import { caseSeed, seededRandom } from '../support/fuzz/random.ts';
import { root, runCli, tempDir } from '../support/helpers.ts';

// FUZZ_SEED replays a run; FUZZ_CASE=n replays one case of it. The default seed keeps `npm test` repeatable.
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const cases = process.env.FUZZ_CASE ? [Number(process.env.FUZZ_CASE)] : [...Array(Number(process.env.FUZZ_CASES ?? 1000)).keys()];
/** Valid cases also modelled in-process (the model stage costs ~0.4 s each on the shipped data). */
const modelSample = 12;

const tmp = tempDir('fieldguide-fuzz-');
after(() => tmp.cleanup());
const shipped = readDataFiles(join(root, 'data'));

interface Outcome { n: number; ops: string[]; files: DataFiles; valid: boolean }

/** Applies case `n`'s one to three mutations to the shipped data. */
function caseFiles(n: number): { files: DataFiles; ops: string[] } {
  const r = seededRandom(caseSeed(seed, n));
  const files = { ...shipped };
  const ops = Array.from({ length: 1 + r.int(3) }, () => mutate(files, r));
  return { files, ops };
}

const replay = (n: number) => `FUZZ_SEED=${seed} FUZZ_CASE=${n}`;
const outcomes: Outcome[] = [];

test(`${cases.length} mutations of the shipped data each validate, or fail with located one-line problems (seed ${seed})`, (t) => {
  t.diagnostic(`seed ${seed}; replay one case with FUZZ_SEED=${seed} FUZZ_CASE=<n> node --import tsx --test test/e2e/fuzz-content.test.ts`);
  const dir = join(tmp.dir, 'data');
  writeDataFiles(dir, shipped);
  let current = shipped;
  const bugs: string[] = [];
  let modelled = 0;
  for (const n of cases) {
    const { files, ops } = caseFiles(n);
    switchDataFiles(dir, current, files);
    current = files;
    const what = `case ${n} (${replay(n)}): ${ops.join('; ')}`;
    try {
      // Valid means the build would take it: lost protected terms of current translations count too.
      const problems = buildProblems(loadTranslatedContent(dir));
      if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
      if (modelled < modelSample) {
        modelled++;
        prepareSite(dir);
      }
      outcomes.push({ n, ops, files, valid: true });
    } catch (err) {
      if (!(err instanceof ContentError)) {
        bugs.push(`${what}\n  threw ${(err as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(err)}`);
        continue;
      }
      const errors = err.problems.filter((p) => p.severity === 'error');
      if (errors.length === 0) bugs.push(`${what}\n  ContentError without an error`);
      for (const p of err.problems) {
        const why = unlocated(p, dir) ?? (unprintable.test(formatProblem(p)) ? `prints raw control characters: ${JSON.stringify(formatProblem(p))}` : undefined);
        if (why) bugs.push(`${what}\n  problem ${why}`);
      }
      outcomes.push({ n, ops, files, valid: false });
    }
  }
  const valid = outcomes.filter((o) => o.valid).length;
  t.diagnostic(`${valid} valid, ${outcomes.length - valid} rejected with located problems, ${modelled} modelled`);
  assert.deepEqual(bugs.slice(0, 20), [], `${bugs.length} cases misbehaved`);
  if (cases.length >= 100) assert.ok(valid > 0 && valid < outcomes.length, 'the mutations produce both valid and invalid data');
});

/** A fingerprint of every file in a folder, to prove a failed build left it byte for byte. */
function fingerprint(dir: string): string {
  const h = createHash('sha256');
  for (const f of listFiles(dir).sort()) h.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  return h.digest('hex');
}

test('the command builds sampled valid cases and refuses sampled invalid ones, leaving the previous site and no temporary folder', (t) => {
  const r = seededRandom(caseSeed(seed, -1));
  const pick = (valid: boolean, k: number) => {
    const pool = outcomes.filter((o) => o.valid === valid);
    return Array.from({ length: Math.min(k, pool.length) }, () => pool.splice(r.int(pool.length), 1)[0]);
  };
  const [first, second] = pick(true, 2);
  const failing = pick(false, 2);
  assert.ok(first && failing.length === 2, 'the first test found valid and invalid cases');
  const out = join(tmp.dir, 'site');
  const leftovers = () => readdirSync(tmp.dir).filter((f) => f.startsWith('.site.'));
  for (const o of [first, ...failing, ...(second ? [second] : [])]) {
    const dir = join(tmp.dir, `case-${o.n}`);
    writeDataFiles(dir, o.files);
    const before = existsSync(out) ? fingerprint(out) : '';
    const built = runCli(['build', '--data', dir, '--out', out]);
    t.diagnostic(`case ${o.n} exited ${built.code}: ${o.ops.join('; ')}`);
    assert.doesNotMatch(built.stderr, /^\s+at /m, `no stack trace (${replay(o.n)})`);
    assert.deepEqual(leftovers(), [], `no temporary folder is left (${replay(o.n)})`);
    if (o.valid) {
      assert.equal(built.code, 0, `${replay(o.n)}: ${built.stderr}`);
      assert.ok(existsSync(join(out, 'index.html')));
    } else {
      assert.equal(built.code, 1, `${replay(o.n)}: ${built.stderr}`);
      assert.match(built.stderr, /fieldguide build: content errors; nothing was written/);
      assert.equal(fingerprint(out), before, `the previous site is untouched (${replay(o.n)})`);
    }
  }
});
