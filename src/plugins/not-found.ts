import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import { selfLocating } from '../build/self-locating.ts';
import { renderedSite } from './site-state.ts';

export interface NotFoundPluginOptions {
  /** The folder the site's `assets/` are copied from: the 404 pages carry their stylesheet and locator inline. */
  assetsDir: string;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * The "page not found" file for a missing address in a built site, or undefined when the address
 * has a page: the 404 page of its first folder (`/id/x/y/` → `id/404.html`, the Indonesian one),
 * else the site's `404.html` — the rule deploy/nginx.conf follows too.
 */
export function notFoundFileFor(outDir: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  const file = resolve(outDir, `.${path}`);
  if (!file.startsWith(resolve(outDir))) return undefined;
  if (isFile(file) || isFile(join(file, 'index.html')) || isFile(`${file}.html`)) return undefined;
  const first = path.split('/').filter(Boolean)[0];
  const candidates = [...(first && first !== '404.html' ? [join(outDir, first, '404.html')] : []), join(outDir, '404.html')];
  return candidates.find(isFile);
}

/**
 * Makes the 404 pages work at any address (see selfLocating) in `build` and `serve`, and has the
 * dev server answer a missing address with the right one of them, status 404, as a web server does.
 */
export default function notFoundPlugin(eleventyConfig: UserConfig, options: NotFoundPluginOptions): void {
  const asset = (path: string) => readFileSync(join(options.assetsDir, path.replace(/^assets\//, '')), 'utf8');
  eleventyConfig.addTransform('fieldguide-not-found', function (this: { page: { url: string | false } }, content: string) {
    const url = this.page.url;
    if (typeof url !== 'string' || !url.endsWith('/404.html')) return content;
    const page = renderedSite()?.pages.find((p) => p.url === url);
    if (page?.kind !== 'notFound') return content;
    return selfLocating(content, { locator: page.locator, stylesheet: asset, script: asset('not-found.js') });
  });
  const middleware = (req: IncomingMessage, res: ServerResponse & { isCustomErrorPage?: boolean }, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = notFoundFileFor(resolve((eleventyConfig.directories as { output: string }).output), new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return next();
    res.statusCode = 404;
    // The dev server's own mark for an error page of the site, which it leaves without a policy of its own.
    res.isCustomErrorPage = true;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(readFileSync(file, 'utf8'));
  };
  eleventyConfig.setServerOptions({ middleware: [middleware] });
}
