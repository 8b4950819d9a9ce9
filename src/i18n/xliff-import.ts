import { readFileSync } from 'node:fs';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { suggestHint } from '../content/did-you-mean.ts';
import { displayPath } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import type { Content } from '../content/types.ts';
import { siteDictionaries } from './create-i18n.ts';
import { linkProblems, loaderProblems, placeholderProblems } from './xliff-check.ts';
import { planImport, type Change, type ImportPlan } from './xliff-plan.ts';
import { readXliff, xliffProblem, type ReadXliff } from './xliff-read.ts';
import { localeUnits, uiPrefix } from './xliff-units.ts';

/** What an import would do, or why it cannot: problems (nothing may be written), warnings, and the plan. */
export interface ImportResult {
  locale?: string;
  problems: Problem[];
  warnings: Problem[];
  plan?: ImportPlan;
}

/** The locale an XLIFF file translates into, or located problems: every `<file>` must name the same target-language, a translated locale of this site. */
export function targetLocale(xlf: string, read: ReadXliff, content: Content, expected?: string): { locale?: string; problems: Problem[] } {
  const site = content.site.value;
  const others = site.locales.filter((l) => l.code !== site.defaultLocale).map((l) => l.code);
  if (read.files.length === 0) return { problems: [xliffProblem(xlf, { line: 1, column: 1 }, '', 'the file holds no <file> element', 'export with fieldguide i18n export <locale> --format xliff')] };
  const [first] = read.files;
  const problems: Problem[] = [];
  for (const f of read.files) {
    const where = f.original ? `<file original="${f.original}">` : '<file>';
    if (!f.targetLanguage) problems.push(xliffProblem(xlf, f.at, '', `${where} has no target-language`, `set target-language="${expected ?? first.targetLanguage ?? others[0] ?? '…'}"`));
    else if (f !== first && f.targetLanguage !== first.targetLanguage) problems.push(xliffProblem(xlf, f.at, '', `${where} has target-language "${f.targetLanguage}", the first <file> "${first.targetLanguage}"`, 'one file translates into one locale; export each locale on its own'));
    if (f.sourceLanguage !== site.defaultLocale) problems.push(xliffProblem(xlf, f.at, '', `${where} has source-language "${f.sourceLanguage ?? ''}", not "${site.defaultLocale}", the source locale of this site`, 'import files exported from this site'));
  }
  const locale = first.targetLanguage;
  if (problems.length > 0 || !locale) return { problems };
  if (expected && locale !== expected) {
    return { problems: [xliffProblem(xlf, first.at, '', `target-language is "${locale}", not "${expected}" (--locale)`, `this file translates into ${locale}; import it without --locale ${expected}, or pick the ${expected} file`)] };
  }
  if (locale === site.defaultLocale) return { problems: [xliffProblem(xlf, first.at, '', `target-language "${locale}" is the source locale of this site`, 'translations go into another locale')] };
  if (!others.includes(locale)) {
    // A tool may write a region the site does not use, e.g. de-DE for de.
    const sameLanguage = others.find((o) => o.split('-')[0] === locale.split('-')[0]);
    const hint = sameLanguage ? `did you mean "${sameLanguage}"? set target-language="${sameLanguage}"` : `add it with fieldguide i18n init ${locale}`;
    return { problems: [xliffProblem(xlf, first.at, '', `target-language "${locale}" is not a locale of this site (${others.join(', ') || 'none'})`, hint)] };
  }
  return { locale, problems: [] };
}

/**
 * Plans the import of a translated XLIFF file into a data folder: reads and locates every unit,
 * refuses other locales and unknown unit ids, computes the overlay edits, and validates the
 * result through the build's loader. Writes nothing.
 */
export async function importXliff(xlfPath: string, dataDir: string, expectedLocale?: string): Promise<ImportResult> {
  const xlf = displayPath(xlfPath);
  const text = readFileSync(xlfPath, 'utf8').replace(/^\uFEFF/, '');
  const read = await readXliff(xlf, text);
  if (read.problems.length > 0) return { problems: read.problems, warnings: [] };
  const { content, overlays } = loadTranslatedContent(dataDir);
  const { locale, problems } = targetLocale(xlf, read, content, expectedLocale);
  if (!locale) return { problems, warnings: [] };

  const dictionaries = siteDictionaries(overlays);
  const exported = new Map(localeUnits(content, overlays, locale, dictionaries).map((u) => [u.id, u]));
  for (const unit of read.units) {
    if (exported.has(unit.id)) continue;
    const pool = [...exported.keys()].filter((id) => id.startsWith(uiPrefix) === unit.id.startsWith(uiPrefix));
    problems.push(xliffProblem(xlf, unit.at, unit.id, `unknown unit id "${unit.id}"`, suggestHint(unit.id, pool) ?? `no such record or UI string in this site; export ${locale} again for the current ids`));
  }
  if (problems.length > 0) return { locale, problems, warnings: [] };

  const plan = planImport(content, overlays, locale, dictionaries, read.units, exported, new Date().toISOString().slice(0, 10));
  const checked = [...linkProblems(xlf, plan, content), ...placeholderProblems(xlf, plan)];
  if (plan.files.size > 0) checked.push(...loaderProblems(xlf, plan, content));
  return { locale, problems: checked.filter((p) => p.severity === 'error'), warnings: checked.filter((p) => p.severity === 'warning'), plan };
}

/** One line per changed record or UI string, e.g. `added step/a/s in data/translations/de/articles/a.json: title, text (human)`. */
export function changeLine(c: Change): string {
  const fields = c.fields.length > 0 ? `: ${c.fields.join(', ')}` : c.key.startsWith(uiPrefix) ? '' : ': text unchanged';
  const how = [c.method, c.note].filter(Boolean).join(', ');
  return `${c.created ? 'added' : 'updated'} ${c.key} in ${c.file}${fields}${how ? ` (${how})` : ''}`;
}

/** The closing count, e.g. `fieldguide i18n import: 3 records and 2 UI strings changed in 2 files`. */
export function importSummary(plan: ImportPlan, locale: string, dryRun: boolean): string {
  const ui = plan.changes.filter((c) => c.key.startsWith(uiPrefix)).length;
  const records = plan.changes.length - ui;
  if (plan.changes.length === 0) return `fieldguide i18n import: nothing to change; the ${locale} translations already match every unit`;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const what = `${n(records, 'record', 'records')} and ${n(ui, 'UI string', 'UI strings')}`;
  const files = n(plan.files.size, 'file', 'files');
  return dryRun ? `fieldguide i18n import: dry run; ${what} would change in ${files}; nothing was written` : `fieldguide i18n import: ${what} changed in ${files}`;
}
