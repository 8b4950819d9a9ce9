import type UserConfig from '@11ty/eleventy/UserConfig';

/** Copies the site's own stylesheet and scripts; nothing is ever loaded from outside the site. */
export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ 'src/assets': 'assets' });
}
