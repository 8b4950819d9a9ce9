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
