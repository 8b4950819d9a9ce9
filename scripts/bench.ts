/**
 * `npm run bench`: Fieldguide against plain Eleventy on synthetic content, in the same run.
 * See --help; results and the machine they ran on are recorded in BENCHMARKS.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchLinks, type LinkBench } from './lib/bench-links.ts';
import { benchPoint, type PointResult } from './lib/bench-point.ts';
import { machine, pointsTable, summarize, targets } from './lib/bench-report.ts';
import { median, secs, table } from './lib/bench-stats.ts';
import { measureServeRebuild, type RebuildResult } from './lib/serve-rebuild.ts';
import { root } from '../test/support/helpers.ts';

const help = `Usage: npm run bench -- [options]

Generates synthetic content (catalogs of error codes, articles, links, translations with some
missing and some stale) in a temporary folder and measures, each as the median of several runs:
Fieldguide's full build by phase (validate, render, verify, search index, offline bundle), a
plain-Eleventy baseline rendering the same records into as many pages, peak memory and pages per
second; then a rebuild in a real \`fieldguide serve\` after editing one code's text, and the link
checker over 1,000 URLs on 127.0.0.1.

  --codes N        codes to generate (default 4000)
  --locales L      locales, the source one included (default 2)
  --runs R         runs per measurement (default 3)
  --sizes LIST     scaling curve instead: page counts such as 6000,60000 (codes = pages ÷ locales)
                   or codes×locales such as 20000x3; builds and baseline only
  --json FILE      also write every run and the medians as JSON
  --seed S         seed of the synthetic content (default 1)
  --catalog-size C codes per catalog file (default 500)
  --profile DIR    write a V8 CPU profile of every build into DIR (node --cpu-prof)
  --keep           keep the temporary folder and print where it is
  -h, --help       show this help`;

const { values } = parseArgs({
  strict: true,
  options: {
    codes: { type: 'string' }, locales: { type: 'string' }, runs: { type: 'string' }, sizes: { type: 'string' },
    json: { type: 'string' }, seed: { type: 'string' }, 'catalog-size': { type: 'string' }, profile: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(help);
  process.exit(0);
}

/** A positive integer option, or exit 2 naming it. */
function count(name: string, fallback: number): number {
  const raw = values[name as keyof typeof values];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: --${name} must be a positive whole number, got "${String(raw)}"`);
    process.exit(2);
  }
  return n;
}

const locales = count('locales', 2);
const runs = count('runs', 3);
const seed = count('seed', 1);
const catalogSize = count('catalog-size', 500);
/** Sizes as codes×locales: `6000` is pages over --locales, `20000x3` is explicit. */
const points = values.sizes
  ? values.sizes.split(',').map((s) => {
    const m = /^(\d+)(?:x(\d+))?$/.exec(s.trim());
    if (!m) {
      console.error(`bench: --sizes takes page counts or codes×locales separated by commas (6000,60000 or 20000x3), got "${s}"`);
      process.exit(2);
    }
    return m[2] ? { codes: Number(m[1]), locales: Number(m[2]) } : { codes: Math.round(Number(m[1]) / locales), locales };
  })
  : [{ codes: count('codes', 4000), locales }];

const progress = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const before = machine();
const work = join(tmpdir(), `fieldguide-bench-${process.pid}`);
const profileDir = values.profile ? resolve(values.profile) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });

const results: PointResult[] = [];
let rebuild: RebuildResult | undefined;
let links: LinkBench | undefined;
try {
  for (const p of points) {
    const dir = join(work, `${p.codes}x${p.locales}`);
    progress(`point ${p.codes} codes × ${p.locales} locales, ${runs} runs, in ${dir}`);
    results.push(await benchPoint({ ...p, runs, seed, catalogSize, dir, profileDir, progress }));
    if (!values.sizes) {
      progress(`serve: first build, then ${runs} edits of one code`);
      const last = results[results.length - 1];
      rebuild = await measureServeRebuild(root, join(dir, 'data'), join(dir, 'serve-site'), last.data.sample, runs);
      progress(`serve: edited page served in ${rebuild.times.map((t) => secs(t)).join(', ')}; search re-indexed in ${rebuild.searchTimes.map((t) => secs(t)).join(', ')}`);
      progress(`link checker: 1,000 URLs on 127.0.0.1, ${runs} runs`);
      links = await benchLinks(runs);
    }
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else progress(`kept ${work}`);
}

const summaries = results.map(summarize);
const after = machine();
console.log(`Fieldguide benchmark — ${String(before.cpu)}, ${String(before.cores)} cores, ${(Number(before.memory) / 1024 ** 3).toFixed(1)} GiB, Node ${String(before.node)}`);
console.log(`load average (1, 5, 15 min) before: ${(before.loadavg as number[]).map((l) => l.toFixed(2)).join(', ')}; after: ${(after.loadavg as number[]).map((l) => l.toFixed(2)).join(', ')}\n`);
console.log(pointsTable(summaries));
const rebuildMs = rebuild ? median(rebuild.times) : undefined;
if (rebuild && rebuildMs !== undefined) {
  console.log(`\n${table([
    ['serve (real process, 127.0.0.1)', ''],
    ['first build and index', secs(rebuild.firstBuild)],
    ['edit one code → page served', `${secs(rebuildMs)} (runs: ${rebuild.times.map((t) => (t / 1000).toFixed(2)).join(', ')})`],
    ['edit one code → search finds it', `${secs(median(rebuild.searchTimes))} (runs: ${rebuild.searchTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`],
  ])}`);
}
if (links) {
  console.log(`\n${table([
    [`link checker (${links.urls} unique URLs on 127.0.0.1, --concurrency ${links.concurrency})`, ''],
    ['cold check', `${secs(median(links.cold))} (runs: ${links.cold.map((t) => (t / 1000).toFixed(2)).join(', ')})`],
    ['requests per unique URL', median(links.perUrl).toFixed(2)],
    ['cached re-run (0 requests)', `${secs(median(links.warm))} (runs: ${links.warm.map((t) => (t / 1000).toFixed(2)).join(', ')})`],
  ])}`);
}
const verdicts = targets(summaries, rebuildMs);
if (verdicts.length) console.log(`\ntargets:\n${verdicts.map((v) => `  ${v}`).join('\n')}`);

if (values.json) {
  const file = resolve(values.json);
  writeFileSync(file, `${JSON.stringify({ machine: { ...before, loadavgAfter: after.loadavg }, options: { runs, seed, catalogSize, points }, summaries, rebuild, links, targets: verdicts, runs: results }, null, 2)}\n`);
  progress(`wrote ${file}`);
}
