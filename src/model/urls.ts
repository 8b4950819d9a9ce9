/** Site-root-absolute URLs of every page kind; pages print them relative to themselves. */
export const urls = {
  root: () => '/',
  home: (locale: string) => `/${locale}/`,
  article: (locale: string, id: string) => `/${locale}/articles/${id}/`,
  catalog: (locale: string, catalog: string) => `/${locale}/errors/${catalog}/`,
  code: (locale: string, catalog: string, code: string) => `/${locale}/errors/${catalog}/${code}/`,
  references: (locale: string) => `/${locale}/references/`,
  translationStatus: (locale: string) => `/${locale}/translation-status/`,
  notFound: (locale?: string) => (locale ? `/${locale}/404.html` : '/404.html'),
  asset: (name: string) => `/assets/${name}`,
  /** The lookup address `go/#<code>`: at the root it picks the reader's language, per locale it opens the code. */
  go: (locale?: string) => (locale ? `/${locale}/go/` : '/go/'),
  diagnose: (locale: string) => `/${locale}/diagnose/`,
  codesJson: (locale: string) => `/${locale}/codes.json`,
  codesSchema: () => '/codes.schema.json',
  llms: (locale?: string) => (locale ? `/${locale}/llms.txt` : '/llms.txt'),
  llmsFull: (locale: string) => `/${locale}/llms-full.txt`,
  sitemap: () => '/sitemap.xml',
};

/** A page's address relative to the site root, e.g. `/en/errors/x/` → `en/errors/x/`. */
export const fromRoot = (url: string): string => url.replace(/^\//, '');

/** The file a URL is written to, e.g. `/en/x/` → `en/x/index.html`, `/404.html` → `404.html`. */
export function outputPathOf(url: string): string {
  const path = url.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * A link from one page to another that works under any sub-path, e.g.
 * `relativeHref('/en/errors/a/', '/en/articles/b/#s')` → `../../articles/b/#s`.
 */
export function relativeHref(from: string, to: string): string {
  const hashAt = to.indexOf('#');
  const target = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const fromDir = from.slice(0, from.lastIndexOf('/') + 1).split('/').filter(Boolean);
  const toParts = target.split('/');
  const toFile = toParts.pop() ?? '';
  const toDir = toParts.filter(Boolean);
  let common = 0;
  while (common < fromDir.length && common < toDir.length && fromDir[common] === toDir[common]) common++;
  const up = '../'.repeat(fromDir.length - common);
  const down = toDir.slice(common).map((p) => `${p}/`).join('');
  const rel = `${up}${down}${toFile}`;
  if (rel === '' && target === from.slice(0, from.lastIndexOf('/') + 1) + toFile) return hash || './';
  return (rel || './') + hash;
}
