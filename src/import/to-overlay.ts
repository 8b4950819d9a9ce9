import type { JsonPath } from '../content/json-source.ts';
import type { Article } from '../content/types.ts';
import { translatable, type Method } from '../i18n/overlay-types.ts';
import type { Violation } from '../i18n/protected-terms.ts';
import { sourceHash } from '../i18n/source-hash.ts';
import { matchSteps, sourceRefs, type StepMatch } from './match-steps.ts';
import { importViolations } from './term-report.ts';
import type { DocsProvenance, ImportedDoc, ImportedStep } from './types.ts';

/** An article overlay as the importer writes it, provenance from the Docs front matter included. */
export interface ImportedOverlay {
  $schema: string;
  translation: { method: Method; date: string; imported?: DocsProvenance };
  title?: string;
  summary?: string;
  intro?: string;
  steps: Record<string, { text: string; source: string }>;
  source: string;
}

/** The overlay, how its steps were matched, and the protected terms it lost (by JSON path). */
export interface OverlayResult {
  overlay: ImportedOverlay;
  matches: (StepMatch & { id: string })[];
  unmatchedImported: ImportedStep[];
  unmatchedSource: string[];
  violations: { path: JsonPath; violation: Violation }[];
}

const hashOf = (record: object, fields: readonly string[]) => sourceHash(fields.map((f) => (record as Record<string, string | undefined>)[f]));

/**
 * Turns an imported translation into an overlay of `source`: steps keyed by the source step
 * they match, each stamped with that step's current source hash.
 */
export function toOverlay(doc: ImportedDoc, source: Article, glossary: readonly string[], today: string, schema = '../../../schemas/article-translation.schema.json'): OverlayResult {
  const t = doc.meta.translation;
  const { matches, unmatchedImported, unmatchedSource } = matchSteps(doc.steps, source.steps.map(sourceRefs));
  const steps: ImportedOverlay['steps'] = {};
  const violations: OverlayResult['violations'] = [];
  for (const m of matches) {
    const src = source.steps[m.source];
    const step = doc.steps[m.imported];
    steps[src.id] = { text: step.text, source: hashOf(src, translatable.step) };
    for (const v of importViolations(src.text, step, glossary)) violations.push({ path: ['steps', src.id, 'text'], violation: v });
  }
  const title = doc.meta.title ?? doc.heading;
  const overlay: ImportedOverlay = {
    $schema: schema,
    translation: { method: t?.method ?? 'human', date: t?.date ?? doc.meta.updated ?? today, imported: t?.provenance },
    title: title || undefined,
    summary: doc.meta.summary,
    intro: doc.intro,
    steps,
    source: hashOf(source, translatable.article),
  };
  for (const field of ['title', 'intro'] as const) {
    const text = overlay[field];
    const original = source[field];
    if (!text || !original) continue;
    const pseudo: ImportedStep = { text, plain: text, links: [], errors: [], names: [], line: 0 };
    for (const v of importViolations(original, pseudo, glossary)) violations.push({ path: [field], violation: v });
  }
  return {
    overlay: JSON.parse(JSON.stringify(overlay)) as ImportedOverlay,
    matches: matches.map((m) => ({ ...m, id: source.steps[m.source].id })),
    unmatchedImported: unmatchedImported.map((i) => doc.steps[i]),
    unmatchedSource: unmatchedSource.map((j) => source.steps[j].id),
    violations,
  };
}
