import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import { selfLocating } from '../build/self-locating.ts';
import type { NotFoundPage, Page } from '../model/types.ts';

export interface NotFoundPluginOptions {
  /** The folder the site's `assets/` are copied from: the 404 pages carry their stylesheet and locator inline. */
  assetsDir: string;
  /** The pages of this render; its "page not found" pages get their locator. */
  pages: Page[];
}

/** Makes the 404 pages of a render work at any address (see selfLocating). */
export default function notFoundPlugin(eleventyConfig: UserConfig, options: NotFoundPluginOptions): void {
  const asset = (path: string) => readFileSync(join(options.assetsDir, path.replace(/^assets\//, '')), 'utf8');
  const byUrl = new Map(options.pages.flatMap((p) => (p.kind === 'notFound' ? [[p.url, p] as const] : [])));
  eleventyConfig.addTransform('fieldguide-not-found', function (this: { page: { url: string | false } }, content: string) {
    const url = this.page.url;
    const page = typeof url === 'string' ? byUrl.get(url) : undefined;
    if (!page) return content;
    return selfLocating(content, { locator: page.locator, stylesheet: asset, script: asset('not-found.js') });
  });
}
