/**
 * From disk a browser shows a folder listing, not `index.html`, for a link that ends in `/`; the
 * offline bundle names the file in every such link.
 */

/** A relative link that names its file, e.g. `../x/#a` → `../x/index.html#a`; other links unchanged. */
export function offlineHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href) || href === '') return href;
  const at = href.search(/[?#]/);
  const path = at < 0 ? href : href.slice(0, at);
  const rest = at < 0 ? '' : href.slice(at);
  if (path === '' || !(path.endsWith('/') || path === '.' || path === '..')) return href;
  return `${path.endsWith('/') ? path : `${path}/`}index.html${rest}`;
}

/**
 * Every `href` and meta-refresh URL of a page rewritten with offlineHref, and the search box told
 * to read the bundle's classic-script index (`data-offline`), even when the copy is served over http.
 */
export function offlineHtml(html: string): string {
  return html
    .replace('<search class="site-search"', '<search data-offline class="site-search"')
    .replace(/(\shref=")([^"]*)"/g, (_, attr: string, href: string) => `${attr}${offlineHref(href)}"`)
    .replace(/(<meta http-equiv="refresh" content="\d+;\s*url=)([^"]*)"/gi, (_, head: string, href: string) => `${head}${offlineHref(href)}"`);
}
