import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError, UsageError } from '../core/errors.ts';
import type { PhaseProgress } from '../core/progress.ts';
import { readStatus } from '../core/link-status.ts';
import { verifyOutput, type BrokenLink } from '../core/verify-output.ts';
import { codeRoot } from '../package-root.ts';
import { indexSite, type IndexSummary } from '../search/index-site.ts';
import { clientScripts } from './client-scripts.ts';
import { modelSite, validateSite, type ModelInputs, type PreparedSite } from './prepare-site.ts';
import { renderSite, type RenderSet } from './render-site.ts';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** The link-status file `check-links` wrote, whose link health the pages show; none when unset. */
  linkStatus?: string;
  /** Receives one line per finished phase. */
  log?: (line: string) => void;
  /** Receives work done in the long phases (render, verify). */
  progress?: PhaseProgress;
  /** Called as each phase ends, with its name and milliseconds. */
  onPhase?: (phase: string, ms: number) => void;
}

export interface BuildResult {
  site: PreparedSite;
  pages: number;
  links: number;
  /** Milliseconds per phase: validate, model, render, verify, search. */
  timings: Record<string, number>;
  search: IndexSummary;
}

/** Refuses an output folder that holds the data or the project, or that is some other non-empty folder. */
function checkOutDir(outDir: string, dataDir: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
  if (inside(dataDir, outDir) || inside(codeRoot, outDir) || inside(process.cwd(), outDir)) {
    throw new UsageError(`refusing to build into ${outDir}: it contains the data or the project; choose a separate folder such as _site`);
  }
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    const index = join(outDir, 'index.html');
    const ours = existsSync(index) && readFileSync(index, 'utf8').includes('<meta name="generator" content="Fieldguide">');
    if (!ours) throw new UsageError(`refusing to replace ${outDir}: it is not empty and is not a Fieldguide build; choose an empty or new folder`);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What the model takes from a build's options: the named link-status file, read here so the model gets data, not a path. */
export function modelInputs(linkStatus: string | undefined): ModelInputs {
  if (!linkStatus) return {};
  const file = resolve(linkStatus);
  return { linkStatus: { file, ...readStatus(file) } };
}

/** Everything a full build renders: every page, export file and client script, and the assets. */
export function fullRenderSet(site: PreparedSite): RenderSet {
  return { pages: site.pages, files: site.files, scripts: clientScripts(site.pages), assets: true, i18n: site.i18n };
}

/** Times one phase into `timings` under its name and tells `onPhase`. */
async function timed<T>(timings: Record<string, number>, phase: string, run: () => T | Promise<T>, onPhase?: (phase: string, ms: number) => void): Promise<T> {
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    timings[phase] = performance.now() - t0;
    onPhase?.(phase, timings[phase]);
  }
}

/**
 * The pipeline: validate → model → render into a temporary folder → verify every internal link
 * there → index for search, and only then swap it into place: a failed build leaves the previous
 * output untouched.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  checkOutDir(outDir, dataDir);
  const timings: Record<string, number> = {};
  const { onPhase, progress } = options;
  const validated = await timed(timings, 'validate', () => validateSite(dataDir), onPhase);
  log(`validated ${options.dataDir} in ${seconds(timings.validate)}`);
  const site = await timed(timings, 'model', () => modelSite(validated, modelInputs(options.linkStatus)), onPhase);
  log(`computed ${site.pages.length} pages in ${seconds(timings.model)}`);
  for (const note of site.notes) log(note);

  const tmpDir = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    await timed(timings, 'render', () => renderSite(fullRenderSet(site), tmpDir, progress && ((d, t) => progress('rendering', d, t))), onPhase);
    log(`rendered ${site.pages.length} pages in ${seconds(timings.render)}`);

    const verified = await timed(timings, 'verify', () => verifyOutput(tmpDir, undefined, progress && ((d, t) => progress('checking links', d, t))), onPhase);
    if (verified.pages === 0) throw new Error(`the renderer wrote no pages into ${tmpDir}`);
    if (verified.broken.length) throw new OutputError(verified.broken, options.outDir);
    log(`checked ${verified.links} internal links in ${verified.pages} pages in ${seconds(timings.verify)}`);

    // Indexing the temporary folder means a Pagefind failure, too, leaves the previous site in place.
    const search = await timed(timings, 'search', () => indexSite(tmpDir, site.pages), onPhase);
    log(`indexed ${search.pages} pages and ${search.records} steps for search (${search.languages.join(', ')}; ${(search.bytes / 1024).toFixed(0)} KB) in ${seconds(timings.search)}`);

    const oldDir = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, oldDir);
    renameSync(tmpDir, outDir);
    rmSync(oldDir, { recursive: true, force: true });
    return { site, pages: verified.pages, links: verified.links, timings, search };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
