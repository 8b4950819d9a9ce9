import type { Locator, Page } from 'playwright-core';

/**
 * Opens search with `/`, types `query` key by key as a reader would, and returns the results once
 * they answer the whole query: while typing, the list may briefly answer a part of it.
 */
export async function typeSearch(page: Page, query: string): Promise<Locator> {
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  const results = page.locator(`#fg-search-results[data-query=${JSON.stringify(query)}] li`);
  await results.first().waitFor();
  return results;
}
