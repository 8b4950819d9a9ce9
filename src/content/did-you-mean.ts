/** Levenshtein distance between two strings, e.g. `editDistance('kitten', 'sitting') === 3`. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest candidate when it is close enough to be a likely typo, e.g.
 * `didYouMean('technet-7551', ['technet-7515'])` → `'technet-7515'`.
 */
export function didYouMean(wanted: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // An abbreviation ("warn" for "warning") is a likely slip even when far in edit distance.
  const extended = list.filter((c) => wanted.length >= 3 && c.startsWith(wanted));
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  for (const c of list) {
    if (Math.abs(c.length - wanted.length) > limit) continue;
    const d = editDistance(wanted, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Hint text for an unknown id, e.g. `did you mean "technet-7515"?`, or undefined. */
export function suggestHint(wanted: string, candidates: Iterable<string>): string | undefined {
  const match = didYouMean(wanted, candidates);
  return match ? `did you mean "${match}"?` : undefined;
}
