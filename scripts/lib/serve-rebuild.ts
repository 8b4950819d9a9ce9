/**
 * "Edit one code's text → served", measured on a real `fieldguide serve`: the time from writing the
 * catalog file until the served code page shows the edit, and until serve's next "indexed … for
 * search" line says search has it too.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { treeRss } from './process-tree.ts';
import { freePort } from './free-port.ts';

export interface RebuildResult {
  /** Milliseconds per edit, from the write until the served page shows it, in order. */
  times: number[];
  /** Milliseconds per edit, from the write until search was re-indexed. */
  searchTimes: number[];
  /** Milliseconds from start to the first indexed build. */
  firstBuild: number;
  peakTreeRss: number;
}


/** Rewrites one code's meaning in its catalog file, as an author's editor would save it. */
function editCode(file: string, code: string, note: string): void {
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as { codes: { code: string; meaning: string }[] };
  const entry = catalog.codes.find((k) => k.code === code);
  if (!entry) throw new Error(`${file} has no code ${code}`);
  entry.meaning = `${entry.meaning.replace(/ Edited [\d-]+\.$/, '')} ${note}`;
  writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
}

/** Runs serve on a data folder, edits one code `edits` times and times each rebuild plus re-index. */
export async function measureServeRebuild(root: string, dataDir: string, outDir: string, sample: { file: string; code: string }, edits: number): Promise<RebuildResult> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/fieldguide.js'), 'serve', '--data', dataDir, '--out', outDir, '--port', String(port)], { cwd: root });
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
    // The first build ends with the address serve listens on.
    while (!/^serving .* at http/m.test(log)) {
      if (child.exitCode !== null || performance.now() - t0 > 600_000) throw new Error(`serve: no first build\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const firstBuild = performance.now() - t0;
    const times: number[] = [];
    const searchTimes: number[] = [];
    const catalog = sample.file.split('/').pop()?.replace(/\.json$/, '');
    const url = `http://127.0.0.1:${port}/en/errors/${catalog}/${sample.code}/`;
    for (let i = 1; i <= edits; i++) {
      // Let the watcher and search settle so each edit is a rebuild of its own.
      await new Promise((r) => setTimeout(r, 1000));
      const before = indexed();
      const start = performance.now();
      // A mark no earlier run left in the data, so every edit changes the page.
      const mark = `Edited ${i}-${Date.now()}.`;
      editCode(sample.file, sample.code, mark);
      const until = Date.now() + 600_000;
      while (!(await (await fetch(url)).text()).includes(mark)) {
        if (child.exitCode !== null || Date.now() > until) throw new Error(`serve: ${url} never showed edit ${i}\n${log.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      times.push(performance.now() - start);
      await waitFor(before + 1, `search after edit ${i}`);
      searchTimes.push(performance.now() - start);
    }
    return { times, searchTimes, firstBuild, peakTreeRss: peak };
  } finally {
    clearInterval(sampler);
    child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
  }
}
