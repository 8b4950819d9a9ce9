import { slug } from './link-registry.ts';
import type { ImportedStep } from './types.ts';

/**
 * A stable id from a step's content: the first error code it names, else its first six words,
 * e.g. a step about `error:mim-related/6025` → `6025`; "Make sure you run the latest update" →
 * `make-sure-you-run-the-latest`.
 */
export function stepIdOf(step: ImportedStep): string {
  const code = step.errors[0]?.split('/').slice(1).join('/');
  if (code && slug(code)) return slug(code);
  return slug(step.plain.split(/\s+/).filter(Boolean).slice(0, 6).join(' ')) || 'step';
}

/** Ids for every step, made unique in order with `-2`, `-3`…, e.g. `['a', 'a']` → `['a', 'a-2']`. */
export function stepIds(steps: readonly ImportedStep[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((s) => {
    const base = stepIdOf(s);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
