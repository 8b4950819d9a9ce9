/**
 * One point of the benchmark: synthetic data of a given size, Fieldguide's full build and the
 * plain-Eleventy baseline, alternated run by run in fresh processes so load drift hits both alike.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBaselineProject } from './eleventy-baseline.ts';
import { runNode } from './process-tree.ts';
import { writeSyntheticData, type SyntheticSummary } from './synthetic-data.ts';
import type { WorkerResult } from './bench-worker.ts';

const worker = fileURLToPath(new URL('./bench-worker.ts', import.meta.url));
/** Pagefind's own command line, as `npx pagefind` runs it. */
const pagefindCli = fileURLToPath(new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));

export interface RunFigures extends WorkerResult {
  peakTreeRss: number;
}

export interface PointResult {
  codes: number;
  locales: number;
  data: SyntheticSummary;
  generateMs: number;
  fieldguide: RunFigures[];
  baseline: RunFigures[];
  /** The Pagefind CLI alone indexing the pages Fieldguide just built: the second baseline, for the search phase. */
  pagefindCli: { ms: number; peakTreeRss: number }[];
}

export interface PointOptions {
  codes: number;
  locales: number;
  runs: number;
  seed: number;
  catalogSize?: number;
  dir: string;
  /** When set, each worker writes a V8 CPU profile into this folder. */
  profileDir?: string;
  progress: (line: string) => void;
}

/** Runs the worker once and parses the JSON line it prints last. */
async function run(args: string[], profileDir?: string): Promise<RunFigures> {
  const prof = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = await runNode([...prof, '--import', 'tsx', worker, ...args]);
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return { ...(JSON.parse(last) as WorkerResult), peakTreeRss: child.peakTreeRss };
}

/** Generates the data, then builds it `runs` times with Fieldguide and with the baseline. */
export async function benchPoint(o: PointOptions): Promise<PointResult> {
  const data = join(o.dir, 'data');
  let t0 = performance.now();
  const summary = writeSyntheticData(data, { codes: o.codes, locales: o.locales, seed: o.seed, catalogSize: o.catalogSize });
  const generateMs = performance.now() - t0;
  o.progress(`generated ${o.codes} codes × ${o.locales} locales (${summary.catalogs} catalogs, ${summary.articles} articles, ${summary.links} links; ${summary.translated} translated, ${summary.stale} stale, ${summary.missing} missing records) in ${(generateMs / 1000).toFixed(1)} s`);
  const result: PointResult = { codes: o.codes, locales: o.locales, data: summary, generateMs, fieldguide: [], baseline: [], pagefindCli: [] };
  for (let i = 1; i <= o.runs; i++) {
    t0 = performance.now();
    const fg = await run(['fieldguide', data, join(o.dir, 'site'), join(o.dir, 'site.zip')], o.profileDir);
    result.fieldguide.push(fg);
    o.progress(`run ${i}/${o.runs}: fieldguide built ${fg.pages} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s (render ${(fg.timings.render / 1000).toFixed(1)} s)`);
    const cli = await runNode([pagefindCli, '--site', join(o.dir, 'site'), '--output-path', join(o.dir, 'pagefind-cli'), '--silent']);
    result.pagefindCli.push({ ms: cli.ms, peakTreeRss: cli.peakTreeRss });
    o.progress(`run ${i}/${o.runs}: the Pagefind CLI alone indexed the same pages in ${(cli.ms / 1000).toFixed(1)} s (Fieldguide's search phase: ${(fg.timings.search / 1000).toFixed(1)} s)`);
    // The baseline renders exactly as many pages as Fieldguide just did.
    if (i === 1) writeBaselineProject(join(o.dir, 'baseline'), data, fg.pages);
    const base = await run(['eleventy', join(o.dir, 'baseline'), join(o.dir, 'baseline-site')], o.profileDir);
    result.baseline.push(base);
    o.progress(`run ${i}/${o.runs}: plain Eleventy rendered ${base.pages} pages in ${(base.timings.render / 1000).toFixed(1)} s`);
    if (base.pages !== fg.pages) throw new Error(`the baseline wrote ${base.pages} pages, Fieldguide ${fg.pages}`);
  }
  return result;
}
