/**
 * Measures what `fieldguide import` costs in-process (no command start-up): planning (parse,
 * convert, match) and validating the result with the data folder, for the Indonesian seed and
 * for N generated English articles imported in one run, best of 3.
 * Run: node --import tsx scripts/measure-import.ts [N]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planImport, type ImportOptions } from '../src/import/plan.ts';
import { validateChanges } from '../src/import/write-plan.ts';

const n = Number(process.argv[2] ?? 200);
const scratch = mkdtempSync(join(tmpdir(), 'fieldguide-measure-import-'));
try {
  const data = join(scratch, 'data');
  cpSync('test/fixtures/valid', data, { recursive: true });
  const template = readFileSync('test/fixtures/import/widget-overheats.md', 'utf8');
  const files = Array.from({ length: n }, (_, i) => {
    const file = join(scratch, `a${i}.md`);
    writeFileSync(file, template.replace(/widget-overheats/g, `widget-overheats-${i}`).replace('guides/cooling.html', `guides/cooling-${i}.html`));
    return file;
  });
  const runs: [string, ImportOptions][] = [
    ['seed (7 steps, id overlay of the shipped article)', { dataDir: 'data', files: ['test/fixtures/import/configure-mim-sync-service.id.md'], translationOf: 'configure-mim-sync-service' }],
    [`${n} articles (3 steps, 1 new link each)`, { dataDir: data, files }],
  ];
  for (const [label, opts] of runs) {
    let best = { plan: Infinity, validate: Infinity };
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const plan = planImport(opts);
      const t1 = performance.now();
      const problems = validateChanges(plan.content.dataDir, plan.changes);
      if (problems.length > 0) throw new Error(`${label}: ${problems[0].message}`);
      best = { plan: Math.min(best.plan, t1 - t0), validate: Math.min(best.validate, performance.now() - t1) };
    }
    console.log(`${label}: plan ${best.plan.toFixed(0)} ms, validate ${best.validate.toFixed(0)} ms`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
