import type UserConfig from '@11ty/eleventy/UserConfig';
import { clientScripts } from '../build/client-scripts.ts';
import { prepareSite, type PreparedSite } from '../build/prepare-site.ts';
import { ContentError } from '../core/errors.ts';
import { noteRenderedSite, takeHandedOffSite } from './site-state.ts';

export interface ContentPluginOptions {
  dataDir: string;
  /** On content errors during a rebuild, print them and keep serving the last good site. */
  keepLastGood?: boolean;
}

/**
 * Feeds the page model to the templates as global `fg` and the `t` filter, re-reading the data
 * folder whenever a watched file changes so `serve` picks up edits.
 */
export default function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  let site: PreparedSite | undefined;
  let lastGood: PreparedSite | undefined;
  const load = (): PreparedSite => {
    try {
      return (lastGood = takeHandedOffSite(options.dataDir) ?? prepareSite(options.dataDir));
    } catch (err) {
      // While serving, an author mid-edit should see the report and keep the last good pages.
      if (!(err instanceof ContentError) || !options.keepLastGood || !lastGood) throw err;
      console.error(`${err.message}\nfieldguide serve: content errors; still serving the last good build`);
      return lastGood;
    }
  };
  const current = (): PreparedSite => (site ??= noteRenderedSite(load()));

  eleventyConfig.addWatchTarget(options.dataDir);
  // Most UI strings take no variables; caching them keeps i18next out of the per-page hot path.
  let cache = new Map<string, string>();
  eleventyConfig.on('eleventy.beforeWatch', () => {
    site = undefined;
    cache = new Map();
  });
  // `files` are the exports (codes.json, llms.txt, sitemap.xml; src/pages/files.njk); `scripts` the generated
  // client scripts (code lists; src/pages/client-scripts.njk).
  eleventyConfig.addGlobalData('fg', () => ({ pages: current().pages, files: current().files, scripts: clientScripts(current().pages) }));
  /** Translates a UI string for a page's locale, e.g. `{{ "nav.home" | t(p.locale) }}`. */
  eleventyConfig.addFilter('t', (key: string, locale: string, vars?: Record<string, unknown>) => {
    if (vars) return current().i18n.t(locale)(key, vars);
    const id = `${locale}\u0000${key}`;
    let text = cache.get(id);
    if (text === undefined) cache.set(id, (text = current().i18n.t(locale)(key)));
    return text;
  });
}
