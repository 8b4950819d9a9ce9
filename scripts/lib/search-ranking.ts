import type { Page } from 'playwright-core';

/** A query and the code page (by code) a reader typing it wants, e.g. `stoped-server` → `stopped-server`. */
export interface RankingQuery {
  query: string;
  target?: string;
}

/** The shipped site's queries: an exact code, a typo, a part, and words that the References page also holds. */
export const shippedQueries: RankingQuery[] = [
  { query: 'stopped-extension-dll-exception', target: 'stopped-extension-dll-exception' },
  { query: 'stoped-server', target: 'stopped-server' },
  { query: 'dll', target: 'stopped-extension-dll-exception' },
  { query: 'deletion-threshold' },
  { query: '6025', target: '6025' },
  { query: 'technet' },
  { query: 'sync' },
];

/**
 * What the search box shows for a query, as a reader sees it: the count line, the position of the
 * target code among the shown results (or `-`), the position of the References page, and the first
 * results. Works with the inline box and the dialog alike (`/` focuses or opens it).
 */
export async function rankingLine(page: Page, { query, target }: RankingQuery): Promise<string> {
  const input = page.locator('#fg-search-q');
  if (!(await input.isVisible())) await page.keyboard.press('/');
  await input.fill('');
  await input.fill(query);
  // Settled when the count line has stayed the same, with results shown, for a moment.
  let last = '';
  for (let stable = 0; stable < 4;) {
    await page.waitForTimeout(150);
    const now = `${await page.locator('.search-status').textContent()}|${await page.locator('#fg-search-results').innerText()}`;
    stable = now === last && /\d/.test(now) ? stable + 1 : 0;
    last = now;
  }
  const shown = await page.locator('#fg-search-results a').evaluateAll((as) => as.map((a) => {
    const code = a.querySelector('code')?.textContent;
    const href = a.getAttribute('href') ?? '';
    return code ?? (/\/references\//.test(href) ? 'References' : decodeURIComponent(href.replace(/^(\.\.\/)+[^/]+\//, '').replace(/index\.html$/, '')));
  }));
  const at = (name: string | undefined) => (name && shown.includes(name) ? String(shown.indexOf(name) + 1) : '-');
  const count = await page.locator('.search-status').textContent();
  return `"${query}": ${count}; ${target ? `${target} at ${at(target)}; ` : ''}References at ${at('References')}; first: ${shown.slice(0, 4).join(', ')}`;
}
