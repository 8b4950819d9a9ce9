import type UserConfig from '@11ty/eleventy/UserConfig';
import { prepareSite, type PreparedSite } from '../build/prepare-site.ts';
import { takeHandedOffSite } from './site-state.ts';

export interface ContentPluginOptions {
  dataDir: string;
}

/**
 * Feeds the page model to the templates as global `fg` and the `t` filter, re-reading the data
 * folder whenever a watched file changes so `serve` picks up edits.
 */
export default function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  let site: PreparedSite | undefined;
  const current = (): PreparedSite => (site ??= takeHandedOffSite(options.dataDir) ?? prepareSite(options.dataDir));

  eleventyConfig.addWatchTarget(options.dataDir);
  eleventyConfig.on('eleventy.beforeWatch', () => {
    site = undefined;
  });
  eleventyConfig.addGlobalData('fg', () => ({ pages: current().pages }));
  /** Translates a UI string for a page's locale, e.g. `{{ "nav.home" | t(p.locale) }}`. */
  eleventyConfig.addFilter('t', (key: string, locale: string, vars?: Record<string, unknown>) =>
    current().i18n.t(locale)(key, vars ?? {}),
  );
}
