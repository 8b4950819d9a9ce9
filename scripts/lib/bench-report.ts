/** Turns raw benchmark runs into medians, the printed table and the verdict on each target. */
import { cpus, loadavg, totalmem } from 'node:os';
import type { PointResult } from './bench-point.ts';
import { median, mib, secs, table } from './bench-stats.ts';

export interface PointSummary {
  codes: number;
  locales: number;
  pages: number;
  runs: number;
  /** Median milliseconds per Fieldguide phase. */
  phases: Record<string, number>;
  /** Median CPU milliseconds per phase (this process; Pagefind's binary excluded). */
  cpu: Record<string, number>;
  baselineRenderCpuMs: number;
  /** The render ratio by CPU time, steadier than wall time on a loaded machine. */
  renderCpuRatio: number;
  /** validate + render + verify + search: "built and indexed". */
  buildMs: number;
  baselineRenderMs: number;
  /** Fieldguide render phase ÷ plain-Eleventy render, medians: the headline figure. */
  renderRatio: number;
  pagesPerSecond: number;
  renderPagesPerSecond: number;
  baselinePagesPerSecond: number;
  /** Peak memory: the Node process alone, and it with its children (Pagefind), sampled. */
  peakRss: number;
  peakTreeRss: number;
  baselinePeakTreeRss: number;
  zipBytes: number;
  /** Median wall time of the Pagefind CLI alone on the same pages. */
  pagefindCliMs: number;
}

/** Medians of one point's runs. */
export function summarize(p: PointResult): PointSummary {
  const phases: Record<string, number> = {};
  for (const name of Object.keys(p.fieldguide[0].timings)) phases[name] = median(p.fieldguide.map((r) => r.timings[name]));
  const cpu: Record<string, number> = {};
  for (const name of Object.keys(p.fieldguide[0].cpu)) cpu[name] = median(p.fieldguide.map((r) => r.cpu[name]));
  const baselineRenderCpuMs = median(p.baseline.map((r) => r.cpu.render));
  const build = median(p.fieldguide.map((r) => r.timings.validate + r.timings.render + r.timings.verify + r.timings.search));
  const pages = p.fieldguide[0].pages;
  const baselineRenderMs = median(p.baseline.map((r) => r.timings.render));
  return {
    codes: p.codes, locales: p.locales, pages, runs: p.fieldguide.length, phases, buildMs: build, baselineRenderMs,
    cpu, baselineRenderCpuMs, renderCpuRatio: cpu.render / baselineRenderCpuMs,
    renderRatio: phases.render / baselineRenderMs,
    pagesPerSecond: pages / (build / 1000),
    renderPagesPerSecond: pages / (phases.render / 1000),
    baselinePagesPerSecond: pages / (baselineRenderMs / 1000),
    peakRss: Math.max(...p.fieldguide.map((r) => r.maxRss)),
    peakTreeRss: Math.max(...p.fieldguide.map((r) => r.peakTreeRss)),
    baselinePeakTreeRss: Math.max(...p.baseline.map((r) => r.peakTreeRss)),
    zipBytes: median(p.fieldguide.map((r) => r.zipBytes ?? 0)),
    pagefindCliMs: median((p.pagefindCli ?? []).map((r) => r.ms)),
  };
}

/** The machine and its load, for the record. */
export function machine(): Record<string, unknown> {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memory: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}`, loadavg: loadavg() };
}

/** One column per point: phases, totals, ratio, speed and memory. */
export function pointsTable(points: PointSummary[]): string {
  const row = (label: string, f: (s: PointSummary) => string) => [label, ...points.map(f)];
  return table([
    row('', (s) => `${s.codes}×${s.locales}`),
    row('pages', (s) => String(s.pages)),
    row('runs (median of)', (s) => String(s.runs)),
    row('validate + model', (s) => secs(s.phases.validate)),
    row('render (Eleventy)', (s) => secs(s.phases.render)),
    row('verify links', (s) => secs(s.phases.verify)),
    row('search index', (s) => secs(s.phases.search)),
    row('Pagefind CLI alone, same pages', (s) => secs(s.pagefindCliMs)),
    row('built and indexed', (s) => secs(s.buildMs)),
    row('offline bundle', (s) => secs(s.phases.bundle)),
    row('plain Eleventy render', (s) => secs(s.baselineRenderMs)),
    row('render ÷ baseline', (s) => `${s.renderRatio.toFixed(2)}×`),
    row('CPU: validate + model', (s) => secs(s.cpu.validate)),
    row('CPU: render', (s) => secs(s.cpu.render)),
    row('CPU: verify links', (s) => secs(s.cpu.verify)),
    row('CPU: search (node side)', (s) => secs(s.cpu.search)),
    row('CPU: offline bundle', (s) => secs(s.cpu.bundle)),
    row('CPU: plain Eleventy render', (s) => secs(s.baselineRenderCpuMs)),
    row('CPU render ÷ baseline', (s) => `${s.renderCpuRatio.toFixed(2)}×`),
    row('pages/s by CPU (render)', (s) => (s.pages / (s.cpu.render / 1000)).toFixed(0)),
    row('pages/s by CPU (built)', (s) => (s.pages / ((s.cpu.validate + s.cpu.render + s.cpu.verify + s.cpu.search) / 1000)).toFixed(0)),
    row('pages/s (built+indexed)', (s) => s.pagesPerSecond.toFixed(0)),
    row('pages/s (render)', (s) => s.renderPagesPerSecond.toFixed(0)),
    row('pages/s (baseline)', (s) => s.baselinePagesPerSecond.toFixed(0)),
    row('peak RSS, node', (s) => mib(s.peakRss)),
    row('peak RSS, with Pagefind', (s) => mib(s.peakTreeRss)),
    row('peak RSS, baseline', (s) => mib(s.baselinePeakTreeRss)),
    row('zip size', (s) => mib(s.zipBytes)),
  ]);
}

/** The targets that this run can speak to, each with its figure and verdict. */
export function targets(points: PointSummary[], rebuildMs?: number): string[] {
  const out: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const at = (codes: number, locales: number) => points.find((p) => p.codes === codes && p.locales === locales);
  const main = at(4000, 2);
  if (main) {
    out.push(`render ≤ 1.3× plain Eleventy by CPU at 4000×2: ${main.renderCpuRatio.toFixed(2)}× CPU (${main.renderRatio.toFixed(2)}× wall) — ${verdict(main.renderCpuRatio <= 1.3)}`);
    out.push(`validate + model ≤ 1 s: ${secs(main.phases.validate)} — ${verdict(main.phases.validate <= 1000)}`);
    out.push(`verify ≤ 1 s: ${secs(main.phases.verify)} — ${verdict(main.phases.verify <= 1000)}`);
    out.push(`search index at least as fast as the Pagefind CLI alone: ${secs(main.phases.search)} vs ${secs(main.pagefindCliMs)} — ${verdict(main.phases.search <= main.pagefindCliMs)}`);
    out.push(`built and indexed ≤ 4× the baseline render: ${(main.buildMs / main.baselineRenderMs).toFixed(2)}× — ${verdict(main.buildMs <= 4 * main.baselineRenderMs)}`);
    if (rebuildMs !== undefined) {
      out.push(`serve: edited page served < 1 s: ${secs(rebuildMs)} — ${verdict(rebuildMs < 1000)}`);
      out.push(`serve: edited page served ≤ 3% of the full build: ${((rebuildMs / main.buildMs) * 100).toFixed(1)}% — ${verdict(rebuildMs <= 0.03 * main.buildMs)}`);
    }
  }
  const big = points.find((p) => p.pages >= 60_000);
  if (big) out.push(`${big.pages} pages built and indexed < 120 s with peak RSS < 2 GB: ${secs(big.buildMs)}, ${mib(big.peakTreeRss)} — ${verdict(big.buildMs < 120_000 && big.peakTreeRss < 2 * 1024 ** 3)}`);
  const small = points.find((p) => p.pages >= 5_000 && p.pages <= 7_000);
  if (big && small) {
    const kept = big.pagesPerSecond / small.pagesPerSecond;
    const builtCpu = (s: PointSummary) => s.pages / (s.cpu.validate + s.cpu.render + s.cpu.verify + s.cpu.search);
    const keptCpu = builtCpu(big) / builtCpu(small);
    out.push(`pages/s at ${big.pages} ≥ 80% of that at ${small.pages}: ${(kept * 100).toFixed(0)}% wall, ${(keptCpu * 100).toFixed(0)}% by CPU — ${verdict(kept >= 0.8)}`);
  }
  return out;
}
