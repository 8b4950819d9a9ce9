import { relative } from 'node:path';
import { ContentError } from '../core/errors.ts';
import { displayPath } from '../content/json-source.ts';
import { formatProblem, formatReport, sortProblems } from '../content/problems.ts';
import { planImport } from '../import/plan.ts';
import { ImportError, ImportUsageError } from '../import/types.ts';
import { applyChanges, changeState, validateChanges } from '../import/write-plan.ts';

type Values = Record<string, string | boolean | undefined>;

function usage(message: string): number {
  console.error(`fieldguide import: ${message}; run 'fieldguide import --help'`);
  return 2;
}

/** `fieldguide import <file.md>…`: Docs-style markdown into articles, overlays and the link registry. */
export async function importCommand(values: Values, files: string[]): Promise<number> {
  if (files.length === 0) return usage('name at least one markdown file to import');
  const dataDir = (values.data as string | undefined) ?? 'data';
  const dryRun = Boolean(values['dry-run']);
  try {
    const plan = planImport({
      dataDir, files, locale: values.locale as string | undefined, translationOf: values['translation-of'] as string | undefined,
    });
    for (const w of sortProblems(plan.warnings)) console.error(formatProblem(w));
    const problems = validateChanges(plan.content.dataDir, plan.changes);
    if (problems.length > 0) {
      console.error(formatReport(problems));
      console.error('fieldguide import: the imported content would not be valid; nothing was written');
      return 1;
    }
    for (const line of plan.lines) console.log(line);
    if (dryRun) {
      for (const c of plan.changes) {
        console.log(`--- would ${changeState(c) === 'created' ? 'create' : changeState(c) === 'updated' ? 'update' : 'leave unchanged'} ${displayPath(c.path)}`);
        console.log(c.text.trimEnd());
      }
    } else {
      for (const r of applyChanges(plan.changes)) console.log(`${r.state} ${displayPath(r.path)}`);
    }
    if (plan.violations.length > 0) {
      for (const v of sortProblems(plan.violations)) console.error(formatProblem(v));
      const n = plan.violations.length;
      const site = displayPath(plan.content.site.source.file);
      const blocking = plan.violations.some((v) => v.severity === 'error');
      console.error(`fieldguide import: ${n} protected term${n === 1 ? '' : 's'} lost in translation${blocking ? `; the build refuses ${n === 1 ? 'it' : 'them'} until fixed (translationPolicy.protectedTerms in ${site})` : ''}`);
    }
    if (dryRun) console.error(`fieldguide import: dry run; nothing was written to ${relative(process.cwd(), plan.content.dataDir) || '.'}`);
    return 0;
  } catch (err) {
    if (err instanceof ImportUsageError) return usage(err.message);
    if (err instanceof ImportError) {
      for (const p of sortProblems(err.problems)) console.error(formatProblem(p));
      console.error('fieldguide import: nothing was imported');
      return 1;
    }
    if (err instanceof ContentError) {
      console.error(formatReport(err.problems));
      console.error('fieldguide import: the data folder has content errors; fix them first');
      return 1;
    }
    throw err;
  }
}
