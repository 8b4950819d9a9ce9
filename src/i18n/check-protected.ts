import { problemAt } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import type { KindName } from '../content/kinds.ts';
import type { Content } from '../content/types.ts';
import type { LocaleOverlays } from './load-overlays.ts';
import { recordStatus } from './localize.ts';
import { recordPairs } from './overlay-records.ts';
import { protectedTermViolations, type TermKind, type Violation } from './protected-terms.ts';

/** One protected-term violation, located in the overlay that holds it. */
export interface TermProblem extends Omit<Violation, 'kind'> {
  /** What kind of term was lost. */
  term: string;
  termKind: TermKind;
  /** The record that lost it. */
  kind: KindName;
  ids: string[];
  locale: string;
  key: string;
  field: string;
  /**
   * Set when the translation was made from an older source text: the term may have been added to
   * the source since, so the loss is part of the stale report, never a build error.
   */
  stale: boolean;
  problem: Problem;
}

export const hints: Record<TermKind, string> = {
  code: 'code spans are names the product shows; copy them from the source unchanged',
  target: 'link and error references must point where the source points; translate only the link text',
  'code-name': 'error codes are identifiers, not words; write the code exactly as the source does',
  glossary: 'glossary terms in site.json are product names and UI labels; keep them verbatim',
};

const what: Record<TermKind, string> = {
  code: 'code span',
  target: 'reference',
  'code-name': 'error code name',
  glossary: 'glossary term',
};

/** The message for one violation, e.g. `id: glossary term "TempDB" is missing; "Code" stands in its place`. */
export function violationMessage(locale: string, v: Violation): string {
  const term = v.kind === 'code' ? `\`${v.term}\`` : `"${v.term}"`;
  const instead = v.insteadOf ? `"${v.insteadOf}" stands in its place` : 'nothing resembling it was found';
  return `${locale}: ${what[v.kind]} ${term} is missing from the translation; ${instead}`;
}

/**
 * Every protected term lost by any translated field of any locale, as located problems; losses in
 * stale translations are flagged `stale` and reported as warnings whatever the policy.
 */
export function checkProtectedTerms(content: Content, overlays: Map<string, LocaleOverlays>, severity: 'error' | 'warning'): TermProblem[] {
  const glossary = content.site.value.glossary ?? [];
  const out: TermProblem[] = [];
  for (const [locale, localeOverlays] of overlays) {
    for (const pair of recordPairs(content, localeOverlays, locale)) {
      if (!pair.overlay || !pair.overlayFile) continue;
      const stale = recordStatus({ kind: pair.kind, value: pair.source }, pair.overlay, pair.provenance).state === 'stale';
      for (const field of pair.fields) {
        const source = pair.source[field];
        const translated = pair.overlay[field];
        if (typeof source !== 'string' || typeof translated !== 'string') continue;
        for (const v of protectedTermViolations(source, translated, glossary)) {
          const problem = problemAt(pair.overlayFile, [...pair.overlayPath, field], violationMessage(locale, v), {
            hint: stale ? `${hints[v.kind]}; this translation is stale, so the source may have gained the term since` : hints[v.kind],
            needle: v.insteadOf, severity: stale ? 'warning' : severity,
          });
          out.push({ term: v.term, insteadOf: v.insteadOf, termKind: v.kind, kind: pair.kind, ids: pair.ids, locale, key: pair.key, field, stale, problem });
        }
      }
    }
  }
  return out;
}
