import type { SiteConfig } from '../content/types.ts';

/**
 * The site locale a Docs locale stands for, e.g. `id-ID` → `id` on a site with `en` and `id`;
 * an exact code wins over the language alone.
 */
export function siteLocale(site: SiteConfig, wanted: string): string | undefined {
  const codes = site.locales.map((l) => l.code);
  const exact = codes.find((c) => c.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0].toLowerCase();
  return codes.find((c) => c.toLowerCase() === language);
}
