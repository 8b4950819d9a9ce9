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

/**
 * The render phase: Eleventy writes the set's pages into `outDir`. The set reaches the config as
 * an argument and every path is absolute, so the working directory plays no part.
 */
export async function renderSite(render: RenderSet, outDir: string, progress?: (done: number, total: number) => void): Promise<{ written: number }> {
  const total = render.pages.length + render.files.length + render.scripts.length;
  let done = 0;
  const onWrite = progress && (() => ++done % 100 === 0 && progress(done, total));
  const eleventy = new Eleventy(join(codeRoot, 'src', 'pages'), outDir, {
    // No config file: the config is a function of this render's inputs.
    configPath: false as unknown as string,
    quietMode: true,
    config: (eleventyConfig: UserConfig) => fieldguideConfig(eleventyConfig, { render, assetsDir, onWrite }),
  });
  // Our own phase lines say what was rendered; Eleventy's summary would repeat it.
  eleventy.disableLogger();
  const results = (await eleventy.write()) as unknown as unknown[][];
  progress?.(total, total);
  return { written: results.flat().length };
}
