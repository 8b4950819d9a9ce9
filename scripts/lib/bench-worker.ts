/**
 * One measured build in a process of its own, so each run starts cold and its memory is its own.
 * Prints one JSON line on stdout. Usage:
 *   node --import tsx scripts/lib/bench-worker.ts fieldguide DATA OUT ZIP
 *   node --import tsx scripts/lib/bench-worker.ts eleventy PROJECT OUT
 */
import { readdirSync } from 'node:fs';
import Eleventy from '@11ty/eleventy';
import { buildSite } from '../../src/build/build-site.ts';
import { bundleSite } from '../../src/offline/bundle-site.ts';

export interface WorkerResult {
  pages: number;
  /** Milliseconds per phase, e.g. `{ validate, render, verify, search, bundle }`. */
  timings: Record<string, number>;
  /**
   * CPU milliseconds (user + system, all threads of this process) per phase: on a shared machine
   * this moves far less with other load than wall time does. Pagefind's own process is not counted.
   */
  cpu: Record<string, number>;
  /** Peak resident memory of this Node process, in bytes (child processes such as Pagefind excluded). */
  maxRss: number;
  zipBytes?: number;
}

/** CPU time this process has used so far, in milliseconds. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Fieldguide's real pipeline: `buildSite` (validate, render, verify, search), then the offline bundle. */
async function fieldguide(data: string, out: string, zip: string): Promise<WorkerResult> {
  const cpu: Record<string, number> = {};
  let mark = cpuMs();
  const onPhase = (phase: string) => {
    const now = cpuMs();
    cpu[phase] = now - mark;
    mark = now;
  };
  const built = await buildSite({ dataDir: data, outDir: out, onPhase });
  mark = cpuMs();
  const t0 = performance.now();
  const bundle = await bundleSite(out, zip);
  cpu.bundle = cpuMs() - mark;
  // `validate` keeps its earlier meaning, validate + model, so results stay comparable; the parts sit beside it.
  const timings = { ...built.timings, validate: built.timings.validate + built.timings.model, validateOnly: built.timings.validate, bundle: performance.now() - t0 };
  Object.assign(cpu, { validate: cpu.validate + cpu.model, validateOnly: cpu.validate });
  return { pages: built.pages, timings, cpu, maxRss: 0, zipBytes: bundle.bytes };
}

/** The plain-Eleventy baseline: its own folder, no config file, one paginated Nunjucks template. */
async function eleventy(project: string, out: string): Promise<WorkerResult> {
  process.chdir(project);
  const c0 = cpuMs();
  const t0 = performance.now();
  const run = new Eleventy('src', out, { quietMode: true });
  await run.write();
  const render = performance.now() - t0;
  const cpu = { render: cpuMs() - c0 };
  const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  return { pages, timings: { render }, cpu, maxRss: 0 };
}

const [mode, a, b, c] = process.argv.slice(2);
const result = mode === 'fieldguide' ? await fieldguide(a, b, c) : mode === 'eleventy' ? await eleventy(a, b) : undefined;
if (!result) {
  console.error(`bench-worker: unknown mode "${mode}"; use fieldguide or eleventy`);
  process.exit(2);
}
result.maxRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(result));
