import { hints, violationMessage } from '../i18n/check-protected.ts';
import { parseJson, problemAt } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import type { Article } from '../content/types.ts';
import type { OverlayResult } from './to-overlay.ts';

/** What an imported translation tells its importer: how steps matched, what was left out, which terms were lost. */
export interface OverlayReport {
  lines: string[];
  warnings: Problem[];
  violations: Problem[];
}

/** The first words of a text, e.g. `clip('a b c', 3)` → `a b…`. */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/**
 * The report of one imported translation; lost protected terms are located in the overlay text
 * about to be written (`shownPath`), with the severity the site gives them.
 */
export function overlayReport(opts: {
  file: string; locale: string; sourceLocale: string; source: Article; result: OverlayResult;
  shownPath: string; text: string; importedSteps: number; severity: 'error' | 'warning';
}): OverlayReport {
  const { result, source, locale } = opts;
  const t = result.overlay.translation;
  const lines = [
    `${opts.file} → ${locale} translation of ${source.id} (${t.method}, ${t.date})`,
    `  ${result.matches.length} of ${opts.importedSteps} imported steps matched ${source.steps.length} source steps:`,
    ...result.matches.map((m) => `    ${m.imported + 1} → ${m.id} (${m.evidence.join(', ')})`),
    ...result.unmatchedSource.map((id) => `    untranslated: ${id} (readers see it in ${opts.sourceLocale})`),
  ];
  const warnings: Problem[] = result.unmatchedImported.map((s) => ({
    file: opts.file, line: s.line, column: 1, path: '', severity: 'warning',
    message: `step "${clip(s.plain)}" matches no step of ${source.id}; it is not imported`,
    hint: 'a translated step is matched by position and by the links and codes it shares with a source step',
  }));
  const overlay = parseJson(opts.shownPath, opts.text).source;
  const violations = result.violations.map(({ path, violation }) => problemAt(overlay, path, violationMessage(locale, violation), {
    hint: hints[violation.kind], needle: violation.insteadOf, severity: opts.severity,
  }));
  return { lines, warnings, violations };
}
