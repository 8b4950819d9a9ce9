import type UserConfig from '@11ty/eleventy/UserConfig';
import type { RenderSet } from '../build/render-site.ts';

export interface ContentPluginOptions {
  /** The pages, files and scripts this render writes. */
  render: RenderSet;
  /** Called as each output file is written, for progress. */
  onWrite?: () => void;
}

/** Feeds the render set to the templates as global `fg` and the UI strings as the `t` filter. */
export default function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  const { pages, files, scripts, i18n } = options.render;
  const { onWrite } = options;
  if (onWrite) {
    eleventyConfig.addTransform('fieldguide-progress', (content: string) => {
      onWrite();
      return content;
    });
  }
  // `files` are the exports (src/pages/files.njk); `scripts` the generated client scripts (src/pages/client-scripts.njk).
  eleventyConfig.addGlobalData('fg', () => ({ pages, files, scripts }));
  // Most UI strings take no variables; caching them keeps i18next out of the per-page hot path.
  const cache = new Map<string, string>();
  /** Translates a UI string for a page's locale, e.g. `{{ "nav.home" | t(p.locale) }}`. */
  eleventyConfig.addFilter('t', (key: string, locale: string, vars?: Record<string, unknown>) => {
    if (vars) return i18n.t(locale)(key, vars);
    const id = `${locale}\u0000${key}`;
    let text = cache.get(id);
    if (text === undefined) cache.set(id, (text = i18n.t(locale)(key)));
    return text;
  });
}
