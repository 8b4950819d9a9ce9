/**
 * Link-checker benchmark: a site whose registry holds 1,000 unique external URLs, all served on
 * 127.0.0.1. Measures a cold check (no cache), the requests sent per unique URL, and a re-run with
 * the cache warm, `runs` times each.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, tempDir } from '../../test/support/helpers.ts';
import { startMisbehavingServer } from '../../test/support/misbehaving-server.ts';
import { runCliAsync } from '../../test/support/run-cli-async.ts';

export interface LinkBench {
  urls: number;
  concurrency: number;
  /** Milliseconds of each cold check, as the JSON report measures it (process start-up excluded). */
  cold: number[];
  /** Milliseconds of each re-run with the cache warm (it sends no requests, or the run fails). */
  warm: number[];
  /** Requests the server received per unique URL in each cold check. */
  perUrl: number[];
}

/** Builds a site with `urls` registry links on a local server and checks it `runs` times. */
export async function benchLinks(runs: number, urls = 1_000): Promise<LinkBench> {
  const concurrency = 16;
  const tmp = tempDir('fieldguide-bench-links-');
  const server = await startMisbehavingServer();
  try {
    const data = join(tmp.dir, 'data');
    cpSync(fixture('valid'), data, { recursive: true });
    const links: Record<string, { url: string; title: string }> = {
      'widget-manual': { url: `${server.origin}/n/manual`, title: 'Widget manual' },
      'widget-forum': { url: `${server.origin}/n/forum`, title: 'Widget forum' },
    };
    for (let i = 0; i < urls - 2; i++) links[`ref-${i}`] = { url: `${server.origin}/n/page-${i}`, title: `Reference ${i}` };
    writeFileSync(join(data, 'links.json'), JSON.stringify({ links }, null, 2));
    const site = join(tmp.dir, 'site');
    const built = await runCliAsync(['build', '--data', data, '--out', site]);
    if (built.code !== 0) throw new Error(built.stderr);

    const out: LinkBench = { urls, concurrency, cold: [], warm: [], perUrl: [] };
    for (let i = 0; i < runs; i++) {
      const cache = join(tmp.dir, `cache-${i}.json`);
      const args = ['check-links', '--data', data, '--site', site, '--cache', cache, '--status', join(tmp.dir, 'status.json'), '--format', 'json', '--concurrency', String(concurrency)];
      const before = server.count();
      const first = await runCliAsync(args);
      const report = JSON.parse(first.stdout) as { summary: { ok: number }; durationMs: number };
      if (first.code !== 0 || report.summary.ok !== urls) throw new Error(`cold run: exit ${first.code}, ${report.summary.ok} ok\n${first.stderr}`);
      out.perUrl.push((server.count() - before) / urls);
      out.cold.push(report.durationMs);
      const afterCold = server.count();
      const second = JSON.parse((await runCliAsync(args)).stdout) as { durationMs: number };
      if (server.count() !== afterCold) throw new Error(`cached re-run sent ${server.count() - afterCold} requests`);
      out.warm.push(second.durationMs);
      rmSync(cache, { force: true });
    }
    return out;
  } finally {
    await server.close();
    tmp.cleanup();
  }
}
