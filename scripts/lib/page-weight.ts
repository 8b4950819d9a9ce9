import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Budget for what a reader downloads to read the article page before using search: its HTML, CSS
 * and JavaScript, gzip-compressed. Documented in the README; the page-weight test enforces it.
 */
export const pageWeightBudgetBytes = 20 * 1024;

/** Size of a file once gzip-compressed, as a web server with gzip on would send it. */
export function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 6 }).length;
}
