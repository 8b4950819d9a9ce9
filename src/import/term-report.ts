import { levenshtein, protectedTermViolations, type Violation } from '../i18n/protected-terms.ts';
import { parseReference } from '../markdown/references.ts';
import type { ImportedStep } from './types.ts';

const parts = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** True when two words are near enough to be one word translated or misspelt, e.g. `ekstensi`/`extension`. */
function near(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) > 3 && 1 - levenshtein(a, b) / Math.max(a.length, b.length) >= 0.6);
}

/**
 * How much `candidate` looks like the code name `code`, counted in shared words, e.g.
 * `codeLikeness('stopped-extension-dll-exception', 'ekstensi-dll-pengecualian')` → 1 (`dll`).
 */
export function codeLikeness(code: string, candidate: string): number {
  const theirs = parts(candidate);
  return parts(code).filter((p) => theirs.some((t) => near(p, t))).length;
}

/** The candidate most like `code` (first on ties), or undefined when none shares a word with it. */
export function likeliest(code: string, candidates: readonly string[]): string | undefined {
  let best: { c: string; score: number } | undefined;
  for (const c of candidates) {
    const score = codeLikeness(code, c);
    if (score > 0 && (!best || score > best.score)) best = { c, score };
  }
  return best?.c;
}

/**
 * Protected terms an imported translation lost against its source step. A code name the
 * translation rewrote (so it matched no catalog code and became no `error:` reference) is reported
 * as the lost code name, naming the bold or code-span text — or failing that the word — that stands in its place.
 */
export function importViolations(source: string, step: ImportedStep, glossary: readonly string[]): Violation[] {
  const found = protectedTermViolations(source, step.text, glossary);
  const claimed = found.map((v) => v.insteadOf).filter((x): x is string => !!x);
  const free = step.names.filter((n) => !claimed.some((c) => n.includes(c) || c.includes(n)));
  return found.map((v) => {
    const ref = v.kind === 'target' ? parseReference(v.term) : undefined;
    if (ref?.kind !== 'code') return v;
    const code = ref.ids[1];
    const instead = likeliest(code, free) ?? likeliest(code, step.plain.split(/\s+/).filter(Boolean));
    // The code written out but not as a reference (say, as other link text) is no stand-in.
    if (!instead || instead.replace(/[,.;:]+$/, '') === code) return v;
    return { kind: 'code-name', term: code, insteadOf: instead.replace(/[,.;:]+$/, '') };
  });
}
