import { createInspectingMarkdown, linkTargets } from '../markdown/create-markdown.ts';
import { parseReference } from '../markdown/references.ts';
import type { Step } from '../content/types.ts';

const md = createInspectingMarkdown();

/** What a step refers to: registry link ids and `<catalog>/<code>` references. */
export interface StepRefs {
  links: string[];
  errors: string[];
}

/** The references of a source step, from its text and its `errors`/`links` lists. */
export function sourceRefs(step: Step): StepRefs {
  const links = new Set(step.links ?? []);
  const errors = new Set(step.errors ?? []);
  for (const { href } of linkTargets(md, step.text)) {
    const ref = parseReference(href);
    if (ref?.kind === 'link') links.add(ref.ids[0]);
    if (ref?.kind === 'code') errors.add(ref.ids.join('/'));
  }
  return { links: [...links], errors: [...errors] };
}

/** One imported step paired with a source step, and the evidence, e.g. `['position', 'link technet-7515']`. */
export interface StepMatch {
  imported: number;
  source: number;
  evidence: string[];
}

function evidence(a: StepRefs, b: StepRefs, samePosition: boolean): { score: number; why: string[] } {
  const links = a.links.filter((l) => b.links.includes(l));
  const errors = a.errors.filter((e) => b.errors.includes(e));
  // Both link somewhere, but not to the same place: position alone is no evidence.
  const conflict = a.links.length > 0 && b.links.length > 0 && links.length === 0;
  const position = samePosition && !conflict;
  const why = [...(position ? ['position'] : []), ...links.map((l) => `link ${l}`), ...errors.map((e) => `code ${e}`)];
  return { score: 2 * (links.length + errors.length) + (position ? 1 : 0), why };
}

/**
 * Pairs imported steps with source steps by the links and codes they share and by position,
 * strongest evidence first; steps with no evidence stay unmatched.
 */
export function matchSteps(imported: readonly StepRefs[], source: readonly StepRefs[]): { matches: StepMatch[]; unmatchedImported: number[]; unmatchedSource: number[] } {
  const pairs: (StepMatch & { score: number })[] = [];
  imported.forEach((a, i) => source.forEach((b, j) => {
    const { score, why } = evidence(a, b, i === j);
    if (score > 0) pairs.push({ imported: i, source: j, evidence: why, score });
  }));
  pairs.sort((x, y) => y.score - x.score || Math.abs(x.imported - x.source) - Math.abs(y.imported - y.source) || x.imported - y.imported);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matches: StepMatch[] = [];
  for (const p of pairs) {
    if (usedA.has(p.imported) || usedB.has(p.source)) continue;
    usedA.add(p.imported);
    usedB.add(p.source);
    matches.push({ imported: p.imported, source: p.source, evidence: p.evidence });
  }
  matches.sort((x, y) => x.imported - y.imported);
  return {
    matches,
    unmatchedImported: imported.map((_, i) => i).filter((i) => !usedA.has(i)),
    unmatchedSource: source.map((_, j) => j).filter((j) => !usedB.has(j)),
  };
}
