import type UserConfig from '@11ty/eleventy/UserConfig';

export interface AssetsPluginOptions {
  /** Absolute path of the folder copied to the site's `assets/`. */
  assetsDir: string;
  /** False for a rebuild that changed no asset. */
  copy: boolean;
}

/** Copies the site's own stylesheet and scripts; nothing is ever loaded from outside the site. */
export default function assetsPlugin(eleventyConfig: UserConfig, options: AssetsPluginOptions): void {
  if (options.copy) eleventyConfig.addPassthroughCopy({ [options.assetsDir]: 'assets' });
}
