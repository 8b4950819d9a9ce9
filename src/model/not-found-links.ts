import type { NavItem, Page } from './types.ts';

/** Every entry of a navigation, groups' pages included. */
const flatNav = (items: NavItem[]): NavItem[] => items.flatMap((i) => [i, ...flatNav(i.items ?? [])]);

/** `x/y` → `./x/y`; links that already start with `.`, `#` or a scheme stay as they are. */
export function dotRelative(href: string): string {
  return /^(\.|#|[a-z][a-z0-9+.-]*:)/i.test(href) ? href : `./${href}`;
}

/**
 * The site-wide 404 page is served for missing URLs at any depth, where its relative links would
 * resolve against the wrong folder. Starting each with `./` gives a web server one plain string to
 * anchor (nginx: `sub_filter 'href="./' 'href="/kb/'`, see deploy/nginx.conf), with no `<base>`.
 */
export function anchorableNotFound(page: Page): void {
  if (page.kind !== 'notFound' || page.url.lastIndexOf('/') !== 0) return;
  page.stylesheet = dotRelative(page.stylesheet);
  page.homeHref = dotRelative(page.homeHref);
  for (const item of [...flatNav(page.nav), ...page.breadcrumbs, ...page.alternates]) if (item.href) item.href = dotRelative(item.href);
  if (page.search) page.search = { ...page.search, root: dotRelative(page.search.root), script: dotRelative(page.search.script) };
}
