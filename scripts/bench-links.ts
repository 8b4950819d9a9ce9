/**
 * Link-checker benchmark: a site whose registry holds 1,000 unique external URLs, all served on
 * 127.0.0.1. Reports the median of several runs for a cold check (no cache), the requests sent per
 * unique URL, and a re-run with the cache warm. Usage: npx tsx scripts/bench-links.ts [runs]
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, tempDir } from '../test/support/helpers.ts';
import { startMisbehavingServer } from '../test/support/misbehaving-server.ts';
import { runCliAsync } from '../test/support/run-cli-async.ts';

const runs = Number(process.argv[2] ?? 5);
const count = 1_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tmp = tempDir('fieldguide-bench-links-');
const server = await startMisbehavingServer();
try {
  const data = join(tmp.dir, 'data');
  cpSync(fixture('valid'), data, { recursive: true });
  const links: Record<string, { url: string; title: string }> = {
    'widget-manual': { url: `${server.origin}/n/manual`, title: 'Widget manual' },
    'widget-forum': { url: `${server.origin}/n/forum`, title: 'Widget forum' },
  };
  for (let i = 0; i < count - 2; i++) links[`ref-${i}`] = { url: `${server.origin}/n/page-${i}`, title: `Reference ${i}` };
  writeFileSync(join(data, 'links.json'), JSON.stringify({ links }, null, 2));
  const site = join(tmp.dir, 'site');
  const built = await runCliAsync(['build', '--data', data, '--out', site], { FIELDGUIDE_LINK_STATUS: join(tmp.dir, 'none') });
  if (built.code !== 0) throw new Error(built.stderr);

  const cold: number[] = [];
  const warm: number[] = [];
  const perUrl: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cache = join(tmp.dir, `cache-${i}.json`);
    const args = ['check-links', '--data', data, '--site', site, '--cache', cache, '--status', join(tmp.dir, 'status.json'), '--format', 'json', '--concurrency', '16'];
    const before = server.count();
    const first = await runCliAsync(args);
    const report = JSON.parse(first.stdout) as { summary: { ok: number }; durationMs: number };
    if (first.code !== 0 || report.summary.ok !== count) throw new Error(`cold run: exit ${first.code}, ${report.summary.ok} ok\n${first.stderr}`);
    perUrl.push((server.count() - before) / count);
    cold.push(report.durationMs);
    const afterCold = server.count();
    const second = JSON.parse((await runCliAsync(args)).stdout) as { durationMs: number };
    if (server.count() !== afterCold) throw new Error(`cached re-run sent ${server.count() - afterCold} requests`);
    warm.push(second.durationMs);
    rmSync(cache, { force: true });
  }
  console.log(`${count} unique external URLs on 127.0.0.1, ${runs} runs, --concurrency 16 (at most 4 per host)`);
  console.log(`cold check:        median ${(median(cold) / 1000).toFixed(2)} s  (runs: ${cold.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
  console.log(`requests per URL:  median ${median(perUrl).toFixed(2)}`);
  console.log(`cached re-run:     median ${(median(warm) / 1000).toFixed(2)} s  (runs: ${warm.map((t) => (t / 1000).toFixed(2)).join(', ')}), 0 requests`);
  console.log('times are the check itself (crawl of the built site + requests), as the JSON report measures it; process start-up is excluded');
} finally {
  await server.close();
  tmp.cleanup();
}
