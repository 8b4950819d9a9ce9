import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped name most likely meant, or undefined when none is close: the only one
 * it abbreviates (`chec` → `check-links`), else the nearest within an edit distance of 2, or a
 * third of its length for longer names, e.g. `closeName('biuld', ['build', 'bundle'])` → `'build'`.
 */
export function closeName(typed: string, candidates: readonly string[]): string | undefined {
  const extended = candidates.filter((c) => typed.length >= 3 && c.startsWith(typed));
  if (extended.length === 1) return extended[0];
  const limit = Math.min(Math.max(2, Math.floor(typed.length / 3)), typed.length - 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(typed, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= limit ? best : undefined;
}
