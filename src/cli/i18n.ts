import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblem, formatReport } from '../content/problems.ts';
import { displayPath } from '../content/json-source.ts';
import { writeMissingSchemas } from '../content/schema-files.ts';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { ContentError } from '../core/errors.ts';
import { formatStatusText } from '../i18n/format-status.ts';
import { siteDictionaries } from '../i18n/create-i18n.ts';
import { recordPairs, type RecordPair } from '../i18n/overlay-records.ts';
import { applyStamps, currentHash, hasTranslation, noMatch, parseSelector, pickPairs, planStamps, stampReport } from '../i18n/stamp-many.ts';
import { stampRecord } from '../i18n/stamp.ts';
import { thresholdFailures, translationStatus } from '../i18n/status.ts';
import type { Method } from '../i18n/overlay-types.ts';
import { initLocale } from '../i18n/init-locale.ts';
import { exportXliff } from '../i18n/xliff-export.ts';
import { changeLine, importSummary, importXliff } from '../i18n/xliff-import.ts';
import { exportSummary, localeUnits, translatedLocaleProblem } from '../i18n/xliff-units.ts';
import { closeName } from './suggest.ts';

type Values = Record<string, string | boolean | undefined>;

function usage(message: string): number {
  console.error(`fieldguide i18n: ${message}; run 'fieldguide i18n --help'`);
  return 2;
}

function status(values: Values, rest: string[]): number {
  if (rest.length > 0) return usage(`status takes no arguments, got "${rest[0]}"`);
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`unknown --format "${format}"; use text or json`);
  const { content, overlays, termProblems } = loadTranslatedContent((values.data as string | undefined) ?? 'data');
  const site = content.site.value;
  const statuses = translationStatus(content, overlays, termProblems, siteDictionaries(overlays));
  const failures = values.check ? thresholdFailures(statuses, site.translationPolicy, content.site.source.file) : [];
  if (format === 'json') {
    const check = values.check ? { passed: failures.length === 0, failures } : undefined;
    console.log(JSON.stringify({ source: site.defaultLocale, locales: statuses, check }, null, 2));
  } else {
    const source = site.locales.find((l) => l.code === site.defaultLocale)!;
    console.log(formatStatusText(statuses, { code: source.code, label: source.label }));
  }
  if (!values.check) return 0;
  for (const f of failures) console.error(`fieldguide i18n status: ${f}`);
  if (failures.length > 0) return 1;
  console.error('fieldguide i18n status: every locale is within the thresholds of site.json');
  return 0;
}

function stamp(values: Values, rest: string[]): number {
  const all = values.all === true;
  const [locale, ...args] = rest;
  if (!locale || (!all && args.length === 0)) return usage('stamp needs a locale and what to stamp: a record id, a key prefix such as step/<article>/*, an overlay file, or --all');
  if (all && args.length > 0) return usage(`stamp --all stamps every record; drop "${args[0]}"`);
  const method = ((values.method as string | undefined) ?? 'reviewed') as Method;
  if (!['reviewed', 'human', 'machine'].includes(method)) return usage(`unknown --method "${method}"; use reviewed, human or machine`);
  const { content, overlays } = loadTranslatedContent((values.data as string | undefined) ?? 'data');
  const problem = translatedLocaleProblem(content, locale);
  if (problem) return usage(problem);
  const pairs = recordPairs(content, overlays.get(locale), locale);
  const selectors = all ? [parseSelector('*')] : args.map(parseSelector);
  const { picked, unmatched } = pickPairs(pairs, selectors);
  if (unmatched) return usage(noMatch(pairs, unmatched, locale));
  if (selectors.length === 1 && selectors[0].kind === 'record') return stampOne(locale, picked[0], method);
  const plan = planStamps(picked, method);
  const texts = applyStamps(plan.stamped, method, (file) => readFileSync(file, 'utf8'));
  for (const [file, text] of texts) writeFileSync(file, text);
  for (const line of stampReport(locale, plan, method, texts.size)) console.log(line);
  return 0;
}

function stampOne(locale: string, pair: RecordPair, method: Method): number {
  if (!hasTranslation(pair)) {
    console.error(`fieldguide i18n stamp: ${pair.key} has no ${locale} translation in ${pair.overlayFileName}; translate it first`);
    return 1;
  }
  const hash = currentHash(pair);
  const file = resolve(pair.overlayFile!.file);
  const before = readFileSync(file, 'utf8');
  const after = stampRecord(before, pair.overlayPath, hash, method);
  if (after !== before) writeFileSync(file, after);
  const was = pair.overlay!.source === hash ? 'already matched the source' : `was ${pair.overlay!.source ?? 'unhashed'}`;
  console.log(`stamped ${locale} ${pair.key} in ${displayPath(file)}: source ${hash} (${was}), method ${method}`);
  return 0;
}

function init(values: Values, rest: string[]): number {
  if (rest.length !== 1) return usage('init needs one locale code, e.g. init de');
  const data = (values.data as string | undefined) ?? 'data';
  const result = initLocale(data, rest[0]);
  if ('usage' in result) return usage(result.usage);
  for (const line of result.lines) console.log(line);
  const dataArg = values.data ? ` --data ${data}` : '';
  console.log(`next: fieldguide i18n export ${rest[0]} --format xliff --output ${rest[0]}.xlf${dataArg}, translate it, then fieldguide i18n import ${rest[0]}.xlf${dataArg}`);
  return 0;
}

async function exportCommand(values: Values, rest: string[]): Promise<number> {
  if (rest.length !== 1) return usage('export needs one locale, e.g. export de --format xliff --output de.xlf');
  const format = (values.format as string | undefined) ?? 'xliff';
  if (format !== 'xliff') return usage(`unknown --format "${format}" for export; use xliff`);
  const { content, overlays } = loadTranslatedContent((values.data as string | undefined) ?? 'data');
  const locale = rest[0];
  const problem = translatedLocaleProblem(content, locale);
  if (problem) return usage(problem);
  const units = localeUnits(content, overlays, locale, siteDictionaries(overlays));
  const xml = await exportXliff(units, content.site.value.defaultLocale, locale, content.site.value.glossary ?? []);
  const output = values.output as string | undefined;
  if (!output) {
    process.stdout.write(xml);
    return 0;
  }
  writeFileSync(output, xml);
  console.error(`wrote ${output}: ${exportSummary(units, locale)}`);
  return 0;
}

async function importCommand(values: Values, rest: string[]): Promise<number> {
  if (rest.length !== 1) return usage('import needs one XLIFF file, e.g. import de.xlf');
  if (!existsSync(rest[0])) return usage(`cannot read "${rest[0]}"`);
  const dryRun = values['dry-run'] === true;
  const result = await importXliff(rest[0], (values.data as string | undefined) ?? 'data', values.locale as string | undefined);
  if (result.problems.length > 0) {
    console.error(formatReport(result.problems));
    console.error('fieldguide i18n import: nothing was written');
    return 1;
  }
  for (const w of result.warnings) console.error(formatProblem(w));
  const plan = result.plan!;
  for (const change of plan.changes) console.log(changeLine(change));
  if (!dryRun) for (const [file, text] of plan.files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  if (!dryRun) for (const file of writeMissingSchemas([...plan.files].map(([path, text]) => ({ path, text })))) console.log(`wrote ${displayPath(file)}, the schema the new files name`);
  console.log(importSummary(plan, result.locale!, dryRun));
  return 0;
}

const subcommandNames = ['status', 'stamp', 'init', 'export', 'import'];
const subcommands = 'status, stamp, init, export or import';

/** `unknown subcommand "stats"; did you mean "status"?`, or the list when none is close. */
function unknownSubcommand(sub: string): string {
  const near = closeName(sub, subcommandNames);
  return `unknown subcommand "${sub}"; ${near ? `did you mean "${near}"?` : `use ${subcommands}`}`;
}

/** `fieldguide i18n status|stamp|init|export|import`: translation status for translators and CI, and review stamps. */
export async function i18nCommand(values: Values, positionals: string[]): Promise<number> {
  const [sub, ...rest] = positionals;
  try {
    if (sub === 'status') return status(values, rest);
    if (sub === 'stamp') return stamp(values, rest);
    if (sub === 'init') return init(values, rest);
    if (sub === 'export') return await exportCommand(values, rest);
    if (sub === 'import') return await importCommand(values, rest);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    console.error(formatReport(err.problems));
    console.error(`fieldguide i18n ${sub}: content errors; fix them first`);
    return 1;
  }
  return usage(sub ? unknownSubcommand(sub) : `name a subcommand: ${subcommands}`);
}
