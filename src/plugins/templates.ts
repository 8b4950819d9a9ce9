import type UserConfig from '@11ty/eleventy/UserConfig';

/** Nunjucks set up so a template mistake fails the build instead of printing "undefined". */
export default function templatesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: false });
  eleventyConfig.setQuietMode(true);
}
