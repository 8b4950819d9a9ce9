import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { ContentError } from '../core/errors.ts';
import { allRecords } from '../content/records.ts';
import { referenceScope, refusedTarget } from '../content/validate.ts';
import { displayPath } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import type { Content } from '../content/types.ts';
import { createInspectingMarkdown, linkTargets } from '../markdown/create-markdown.ts';
import { xliffProblem } from './xliff-read.ts';
import type { ImportPlan, Landing } from './xliff-plan.ts';
import { uiPrefix } from './xliff-units.ts';

const inspector = createInspectingMarkdown();

/** A problem found in a would-be overlay, moved to the unit that carries the text, e.g. `de.xlf:40:9 step/a/s#text: …`. */
function atUnit(xlf: string, landing: Landing, p: Pick<Problem, 'message' | 'hint' | 'severity'>): Problem {
  return { ...xliffProblem(xlf, landing.unit.at, landing.unit.id, p.message, p.hint), severity: p.severity };
}

/** Link targets of translated record texts that the build would not accept in source text: unknown references, URLs, `javascript:` and the like. */
export function linkProblems(xlf: string, plan: ImportPlan, content: Content): Problem[] {
  const scope = referenceScope(allRecords(content));
  const out: Problem[] = [];
  for (const landing of plan.landings) {
    if (landing.unit.id.startsWith(uiPrefix)) continue;
    for (const { href, image } of linkTargets(inspector, landing.unit.target)) {
      const refused = refusedTarget(href, image, scope);
      if (refused) out.push(atUnit(xlf, landing, { ...refused, severity: 'error' }));
    }
  }
  return out;
}

/** `{{placeholders}}` of a UI string's source that its translation lost; i18next would print the rest as text. */
export function placeholderProblems(xlf: string, plan: ImportPlan): Problem[] {
  const out: Problem[] = [];
  for (const landing of plan.landings) {
    if (!landing.unit.id.startsWith(uiPrefix)) continue;
    for (const p of new Set(landing.unit.source.match(/\{\{[^{}]*\}\}/g) ?? [])) {
      if (landing.unit.target.includes(p)) continue;
      out.push(atUnit(xlf, landing, { message: `placeholder "${p}" is missing from the translation`, hint: 'keep every {{…}} of the source unchanged; the page fills it in', severity: 'error' }));
    }
  }
  return out;
}

/**
 * Loads the data folder as it would be after the import (a temporary copy with the planned files
 * written) through the build's own loader: its content errors and lost protected terms of the
 * changed fields, each moved to the unit in the XLIFF file that carries the text.
 */
export function loaderProblems(xlf: string, plan: ImportPlan, content: Content): Problem[] {
  const tmp = mkdtempSync(join(tmpdir(), 'fieldguide-import-'));
  const data = join(tmp, 'data');
  try {
    cpSync(content.dataDir, data, { recursive: true });
    for (const [file, text] of plan.files) {
      const copy = join(data, relative(content.dataDir, file));
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, text);
    }
    const landingOf = new Map(plan.landings.map((l) => [`${displayPath(join(data, relative(content.dataDir, l.file)))}\u0000${l.path}`, l]));
    const move = (p: Problem): Problem => {
      const landing = landingOf.get(`${p.file}\u0000${p.path}`);
      if (landing) return atUnit(xlf, landing, p);
      const real = p.file.startsWith(displayPath(data)) ? displayPath(join(content.dataDir, relative(data, p.file))) : p.file;
      return { ...p, file: real };
    };
    try {
      const { termProblems } = loadTranslatedContent(data);
      const changed = new Set(plan.landings.map((l) => l.unit.id));
      return termProblems.filter((t) => changed.has(`${t.key}#${t.field}`)).map((t) => move(t.problem));
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      return err.problems.filter((p) => p.severity === 'error').map(move);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
