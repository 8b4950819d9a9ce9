import { createHash } from 'node:crypto';

/**
 * Hash of the translatable text of one source record, e.g. `sourceHash(['Title', 'Text'])` →
 * `sha256-…`. Only text goes in, so metadata changes (dates, severities, ids) never make a
 * translation stale.
 */
export function sourceHash(texts: (string | undefined)[]): string {
  const digest = createHash('sha256').update(JSON.stringify(texts.map((t) => t ?? null))).digest('hex');
  return `sha256-${digest.slice(0, 16)}`;
}

/**
 * True when `hash` was made from these texts. Fields missing at the end do not count, so a
 * translatable field added to the end of a kind's fields (or an optional last field left out)
 * keeps existing translations current, e.g. a hash of `['T', 'M', null]` matches `['T', 'M', null, null]`.
 */
export function matchesSource(hash: string | undefined, texts: (string | undefined)[]): boolean {
  if (!hash) return false;
  let last = texts.length;
  while (last > 0 && texts[last - 1] === undefined) last--;
  for (let k = texts.length; k >= last; k--) if (sourceHash(texts.slice(0, k)) === hash) return true;
  return false;
}
