import type UserConfig from '@11ty/eleventy/UserConfig';
import { indexSite } from '../search/index-site.ts';
import { renderedSite } from './site-state.ts';

export interface SearchPluginOptions {
  /** Index after every render; `fieldguide build` indexes its temporary folder itself instead. */
  enabled: boolean;
}

/** Re-indexes the output after each (re)build while serving, so search follows the edits. */
export default function searchPlugin(eleventyConfig: UserConfig, options: SearchPluginOptions): void {
  if (!options.enabled) return;
  // `dir.output` is the config's default; `directories.output` is where this run really writes.
  eleventyConfig.on('eleventy.after', async ({ dir, directories }: { dir: { output: string }; directories?: { output: string } }) => {
    const site = renderedSite();
    if (!site) return;
    try {
      const summary = await indexSite(directories?.output ?? dir.output, site.pages);
      console.error(`indexed ${summary.pages} pages for search (${summary.languages.join(', ')})`);
    } catch (err) {
      // An author mid-edit keeps the pages; search may lag until the next good build.
      console.error(`fieldguide serve: ${(err as Error).message}`);
    }
  });
}
