/** Deepest nesting a data file may use; real content needs fewer than ten levels. */
export const maxJsonDepth = 64;

/**
 * Offset of the first `[` or `{` that opens a level deeper than `limit`, or -1; strings are
 * skipped, so brackets inside text do not count, e.g. `tooDeepAt('[[1]]', 1)` → 1.
 * Checked before parsing because the parser recurses once per level and a deep enough file
 * would overflow the stack instead of producing a located error.
 */
export function tooDeepAt(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}
