import type UserConfig from '@11ty/eleventy/UserConfig';
import type { RenderInputs } from './src/build/render-site.ts';
import assetsPlugin from './src/plugins/assets.ts';
import contentPlugin from './src/plugins/content.ts';
import notFoundPlugin from './src/plugins/not-found.ts';
import templatesPlugin from './src/plugins/templates.ts';

/**
 * Wiring only: each concern lives in a plugin under src/plugins/. What to render arrives as an
 * argument from the render step (src/build/render-site.ts), never through globals or the environment.
 */
export default function fieldguideConfig(eleventyConfig: UserConfig, inputs: RenderInputs): void {
  // Eleventy takes folders from the config itself, not from plugins; includes are relative to src/pages/.
  eleventyConfig.setIncludesDirectory('../../_includes');
  eleventyConfig.setTemplateFormats(['njk']);
  // Installed, the templates live under node_modules/fieldguide/lib/, which Eleventy skips by
  // default; and the project's .gitignore, read from the working directory, is not about them.
  eleventyConfig.ignores.delete('**/node_modules/**');
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addPlugin(templatesPlugin);
  eleventyConfig.addPlugin(contentPlugin, { render: inputs.render, onWrite: inputs.onWrite });
  eleventyConfig.addPlugin(assetsPlugin, { assetsDir: inputs.assetsDir, copy: inputs.render.assets });
  eleventyConfig.addPlugin(notFoundPlugin, { assetsDir: inputs.assetsDir, pages: inputs.render.pages });
}
