import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type UserConfig from '@11ty/eleventy/UserConfig';
import fieldguideConfig from '../../eleventy.config.ts';
import type { OutputFile } from '../exports/export-files.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { Page } from '../model/types.ts';
import { codeRoot } from '../package-root.ts';
import type { ClientScript } from './client-scripts.ts';

/** What one render writes: a full build passes everything, a rebuild only what changed. */
export interface RenderSet {
  pages: Page[];
  /** Export files (codes.json, llms.txt, sitemap.xml, …). */
  files: OutputFile[];
  /** Generated client scripts (code lists, the edit-distance library). */
  scripts: ClientScript[];
  /** Whether to copy src/assets/ into the output. */
  assets: boolean;
  i18n: I18n;
}

/** The Eleventy config's argument: what to render and where the copied assets come from. */
export interface RenderInputs {
  render: RenderSet;
  assetsDir: string;
  /** Called as each output file is written. */
  onWrite?: () => void;
}

/** The folder the stylesheet and scripts are copied from, beside the running code (a checkout or lib/). */
export const assetsDir = join(codeRoot, 'src', 'assets');

/** Pages per Eleventy run: Eleventy holds every page it writes until the run ends, so a run's memory grows with its pages. */
export const renderBatch = 5000;

/** The set split into runs of at most `size` pages; the first also writes the files, scripts and assets. */
export function renderBatches(render: RenderSet, size = renderBatch): RenderSet[] {
  const batches: RenderSet[] = [];
  for (let i = 0; i === 0 || i < render.pages.length; i += size) {
    batches.push(i === 0 ? { ...render, pages: render.pages.slice(0, size) } : { ...render, pages: render.pages.slice(i, i + size), files: [], scripts: [], assets: false });
  }
  return batches;
}

/**
 * The render phase: Eleventy writes the set's pages into `outDir`, in runs of at most renderBatch
 * pages so memory stays flat however large the site. The set reaches the config as an argument
 * and every path is absolute, so the working directory plays no part.
 */
export async function renderSite(render: RenderSet, outDir: string, progress?: (done: number, total: number) => void): Promise<{ written: number }> {
  const total = render.pages.length + render.files.length + render.scripts.length;
  let done = 0;
  const onWrite = progress && (() => ++done % 100 === 0 && progress(done, total));
  let written = 0;
  for (const batch of renderBatches(render)) {
    const eleventy = new Eleventy(join(codeRoot, 'src', 'pages'), outDir, {
      // No config file: the config is a function of this render's inputs.
      configPath: false as unknown as string,
      quietMode: true,
      config: (eleventyConfig: UserConfig) => fieldguideConfig(eleventyConfig, { render: batch, assetsDir, onWrite }),
    });
    // Our own phase lines say what was rendered; Eleventy's summary would repeat it.
    eleventy.disableLogger();
    written += ((await eleventy.write()) as unknown as unknown[][]).flat().length;
  }
  progress?.(total, total);
  return { written };
}
