import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
