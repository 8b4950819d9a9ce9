import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { eleventyConfigFile } from '../package-root.ts';
import { handOffSite } from '../plugins/site-state.ts';
import { indexSite, type IndexSummary } from '../search/index-site.ts';
import { prepareSite, type PreparedSite } from './prepare-site.ts';
import { verifyOutput, type BrokenLink } from '../core/verify-output.ts';

/** The folder holding eleventy.config.ts, src/ and _includes/: the checkout, or lib/ of the npm package, which mirrors them. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Receives one line per finished phase. */
  log?: (line: string) => void;
}

export interface BuildResult {
  site: PreparedSite;
  pages: number;
  links: number;
  timings: Record<string, number>;
  search: IndexSummary;
}

/** The built output has links that lead nowhere; nothing was written. */
export class OutputError extends Error {
  constructor(readonly broken: BrokenLink[], outDir: string) {
    super(broken.map((b) => `${join(outDir, b.page)}: broken link "${b.href}" (${b.reason})`).join('\n'));
    this.name = 'OutputError';
  }
}

/** A usage problem with the output folder, such as one that would overwrite the sources. */
export class UsageError extends Error {
  name = 'UsageError';
}

function checkOutDir(outDir: string, dataDir: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
  if (inside(dataDir, outDir) || inside(packageRoot.replace(/\/$/, ''), outDir) || inside(process.cwd(), outDir)) {
    throw new UsageError(`refusing to build into ${outDir}: it contains the data or the project; choose a separate folder such as _site`);
  }
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    const index = join(outDir, 'index.html');
    const ours = existsSync(index) && readFileSync(index, 'utf8').includes('<meta name="generator" content="Fieldguide">');
    if (!ours) throw new UsageError(`refusing to replace ${outDir}: it is not empty and is not a Fieldguide build; choose an empty or new folder`);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Validates, renders into a temporary folder, verifies every internal link there, and only then
 * swaps it into place: a failed build leaves the previous output untouched.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  checkOutDir(outDir, dataDir);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const site = prepareSite(dataDir);
  timings.validate = performance.now() - t0;
  log(`validated ${options.dataDir} and computed ${site.pages.length} pages in ${seconds(timings.validate)}`);
  for (const note of site.notes) log(note);

  const tmpDir = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  const cwd = process.cwd();
  try {
    t0 = performance.now();
    handOffSite(site);
    process.env.FIELDGUIDE_DATA = dataDir;
    process.chdir(packageRoot);
    const eleventy = new Eleventy('src/pages', tmpDir, { configPath: eleventyConfigFile, quietMode: true });
    await eleventy.write();
    process.chdir(cwd);
    timings.render = performance.now() - t0;
    log(`rendered ${site.pages.length} pages in ${seconds(timings.render)}`);

    t0 = performance.now();
    const verified = verifyOutput(tmpDir);
    timings.verify = performance.now() - t0;
    if (verified.pages === 0) throw new Error(`the renderer wrote no pages into ${tmpDir}`);
    if (verified.broken.length) throw new OutputError(verified.broken, options.outDir);
    log(`checked ${verified.links} internal links in ${verified.pages} pages in ${seconds(timings.verify)}`);

    // Indexing the temporary folder means a Pagefind failure, too, leaves the previous site in place.
    t0 = performance.now();
    const search = await indexSite(tmpDir, site.pages);
    timings.search = performance.now() - t0;
    log(`indexed ${search.pages} pages and ${search.records} steps for search (${search.languages.join(', ')}; ${(search.bytes / 1024).toFixed(0)} KB) in ${seconds(timings.search)}`);

    const oldDir = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, oldDir);
    renameSync(tmpDir, outDir);
    rmSync(oldDir, { recursive: true, force: true });
    return { site, pages: verified.pages, links: verified.links, timings, search };
  } finally {
    process.chdir(cwd);
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
