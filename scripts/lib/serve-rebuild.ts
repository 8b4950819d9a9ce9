/**
 * "Edit one code's text → rebuilt and re-indexed", measured on a real `fieldguide serve`: the time
 * from writing the catalog file to serve's "indexed … for search" line, checked against the page served.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { treeRss } from './process-tree.ts';
import { freePort } from './free-port.ts';

export interface RebuildResult {
  /** Milliseconds per edit, in order. */
  times: number[];
  /** Milliseconds from start to the first indexed build. */
  firstBuild: number;
  peakTreeRss: number;
}


/** Rewrites one code's meaning in its catalog file, as an author's editor would save it. */
function editCode(file: string, code: string, note: string): void {
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as { codes: { code: string; meaning: string }[] };
  const entry = catalog.codes.find((k) => k.code === code);
  if (!entry) throw new Error(`${file} has no code ${code}`);
  entry.meaning = `${entry.meaning.replace(/ Edited \d+\.$/, '')} ${note}`;
  writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
}

/** Runs serve on a data folder, edits one code `edits` times and times each rebuild plus re-index. */
export async function measureServeRebuild(root: string, dataDir: string, outDir: string, sample: { file: string; code: string }, edits: number): Promise<RebuildResult> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/fieldguide.js'), 'serve', '--data', dataDir, '--out', outDir, '--port', String(port)], { cwd: root, env: { ...process.env, FIELDGUIDE_LINK_STATUS: join(outDir, '..', 'no-link-status.json') } });
  let log = '';
  let peak = 0;
  const indexed = () => (log.match(/indexed \d+ pages for search/g) ?? []).length;
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const sampler = setInterval(() => { if (child.pid) peak = Math.max(peak, treeRss(child.pid)); }, 200);
  const waitFor = async (count: number, what: string) => {
    const until = Date.now() + 600_000;
    while (indexed() < count) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`serve: no ${what}\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  try {
    await waitFor(1, 'first build');
    const firstBuild = performance.now() - t0;
    const times: number[] = [];
    for (let i = 1; i <= edits; i++) {
      // Let the watcher settle so each edit is a rebuild of its own.
      await new Promise((r) => setTimeout(r, 1000));
      const start = performance.now();
      editCode(sample.file, sample.code, `Edited ${i}.`);
      await waitFor(i + 1, `rebuild after edit ${i}`);
      times.push(performance.now() - start);
      const catalog = sample.file.split('/').pop()?.replace(/\.json$/, '');
      const page = await (await fetch(`http://127.0.0.1:${port}/en/errors/${catalog}/${sample.code}/`)).text();
      if (!page.includes(`Edited ${i}.`)) throw new Error(`serve rebuilt but /en/errors/${catalog}/${sample.code}/ does not show edit ${i}`);
    }
    return { times, firstBuild, peakTreeRss: peak };
  } finally {
    clearInterval(sampler);
    child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
  }
}
