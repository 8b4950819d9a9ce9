import type UserConfig from '@11ty/eleventy/UserConfig';
import assetsPlugin from './src/plugins/assets.ts';
import contentPlugin from './src/plugins/content.ts';
import notFoundPlugin from './src/plugins/not-found.ts';
import searchPlugin from './src/plugins/search.ts';
import templatesPlugin from './src/plugins/templates.ts';

/** Wiring only: each concern lives in a plugin under src/plugins/. */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(templatesPlugin);
  eleventyConfig.addPlugin(contentPlugin, {
    dataDir: process.env.FIELDGUIDE_DATA ?? 'data',
    keepLastGood: process.env.ELEVENTY_RUN_MODE === 'serve',
  });
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(notFoundPlugin, { assetsDir: 'src/assets' });
  eleventyConfig.addPlugin(searchPlugin, { enabled: process.env.ELEVENTY_RUN_MODE === 'serve' });
  return {
    dir: { input: 'src/pages', includes: '../../_includes' },
    templateFormats: ['njk'],
  };
}
