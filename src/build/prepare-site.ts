import { join, resolve } from 'node:path';
import { indexContent } from '../content/index.ts';
import { loadContent } from '../content/load.ts';
import type { Problem } from '../content/problems.ts';
import { ContentError } from '../core/errors.ts';
import type { LinkStatusFile } from '../core/link-status.ts';
import type { Content } from '../content/types.ts';
import { validateContent } from '../content/validate.ts';
import { createI18n, siteDictionaries, type I18n } from '../i18n/create-i18n.ts';
import { checkProtectedTerms, type TermProblem } from '../i18n/check-protected.ts';
import { loadOverlays, type LocaleOverlays } from '../i18n/load-overlays.ts';
import { translationStatus, type LocaleStatus } from '../i18n/status.ts';
import { existsSync } from 'node:fs';
import { displayPath } from '../content/json-source.ts';
import { buildModel } from '../model/build-model.ts';
import { applyLinkStatus } from '../model/link-status.ts';
import type { Page } from '../model/types.ts';
import { exportFiles, type OutputFile } from '../exports/export-files.ts';

/** A site ready to render: validated content, its i18n and every page model. */
export interface PreparedSite {
  dataDir: string;
  content: Content;
  i18n: I18n;
  pages: Page[];
  overlays: Map<string, LocaleOverlays>;
  /** Protected terms lost by translations (errors or warnings, as site.json says). */
  termProblems: TermProblem[];
  /** Non-fatal problems (warnings) to show the author. */
  warnings: Problem[];
  /** Files for other tools written beside the pages (codes.json, llms.txt, sitemap.xml, …). */
  files: OutputFile[];
  /** What the build says about them, one line each. */
  notes: string[];
}

/** Source content with its translation overlays, loaded and checked, before any page is modelled. */
export interface TranslatedContent {
  content: Content;
  overlays: Map<string, LocaleOverlays>;
  termProblems: TermProblem[];
  /** Every problem but the protected-term ones, which callers weigh by the site's policy. */
  problems: Problem[];
}

/** True when the site settings are sound enough to find the translation folders by. */
function localesReadable(load: ReturnType<typeof loadContent>): boolean {
  const site = load.content.site?.value;
  return !!site && Array.isArray(site.locales) && typeof site.defaultLocale === 'string' && !!load.content.links;
}

/**
 * Loads and validates a data folder and its overlays in one pass, so a problem in a source file
 * does not hide one in an overlay; throws ContentError on any error but lost protected terms.
 */
export function loadTranslatedContent(dataDir: string): TranslatedContent {
  const load = loadContent(resolve(dataDir));
  const problems = validateContent(load);
  const content = load.content as Content;
  const { overlays, problems: overlayProblems } = localesReadable(load) ? loadOverlays(content.dataDir, content) : { overlays: new Map(), problems: [] };
  problems.push(...overlayProblems);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const termProblems = checkProtectedTerms(content, overlays, content.site.value.translationPolicy?.protectedTerms ?? 'error');
  return { content, overlays, termProblems, problems };
}

/** A warning naming the UI strings a locale lacks, which readers see in the source language. */
function uiWarning(content: Content, status: LocaleStatus): Problem[] {
  const missing = status.ui.missing;
  if (missing.length === 0) return [];
  const ui = join(content.dataDir, 'translations', status.locale, 'ui.json');
  const source = content.site.value.defaultLocale;
  const listed = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
  return [{
    file: displayPath(existsSync(ui) ? ui : content.site.source.file), line: 1, column: 1, path: '', severity: 'warning',
    message: `${status.locale}: ${missing.length} UI string${missing.length === 1 ? '' : 's'} missing, shown in ${source}: ${listed}`,
    hint: 'fieldguide i18n status lists them all',
  }];
}

/**
 * Every problem a build weighs: all but the protected-term ones, plus the terms current translations
 * lost. A stale translation's lost terms belong to its stale report (fieldguide i18n status), not the build's.
 */
export function buildProblems(translated: TranslatedContent): Problem[] {
  return [...translated.problems, ...translated.termProblems.filter((v) => !v.stale).map((v) => v.problem)];
}

/** Validated content ready to model: what `validateSite` returns and `modelSite` takes. */
export interface ValidatedSite extends TranslatedContent {
  /** Every problem the build weighs, errors excluded (there are none once validated). */
  warnings: Problem[];
}

/** What the model takes besides the content: link health from the last `check-links` run, if the build names one. */
export interface ModelInputs {
  linkStatus?: { file: string; status?: LinkStatusFile; warning?: string };
}

/** The validate phase: loads and checks a data folder and its overlays; throws ContentError listing every problem. */
export function validateSite(dataDir: string): ValidatedSite {
  const translated = loadTranslatedContent(dataDir);
  const warnings = buildProblems(translated);
  if (warnings.some((p) => p.severity === 'error')) throw new ContentError(warnings);
  return { ...translated, warnings };
}

/**
 * The model phase: every page of a validated site, its i18n and its export files; with `only`, just
 * the pages at those URLs and no export files (a preview's first answer to an edit).
 */
export function modelSite(validated: ValidatedSite, inputs: ModelInputs = {}, only?: ReadonlySet<string>): PreparedSite {
  const { content, overlays, termProblems } = validated;
  const problems = [...validated.warnings];
  const index = indexContent(content);
  const site = content.site.value;
  const dictionaries = siteDictionaries(overlays);
  const i18n = createI18n(site.defaultLocale, dictionaries);
  const statuses = translationStatus(content, overlays, termProblems, dictionaries);
  problems.push(...statuses.flatMap((s) => uiWarning(content, s)));
  const pages = buildModel(content, index, i18n, overlays, statuses, only);
  // Link health is never a reason to fail a build: an unreadable file is a warning.
  const link = inputs.linkStatus;
  if (link?.status) applyLinkStatus(pages, link.status, content.links.value.links, i18n);
  if (link?.warning) problems.push({ file: link.file, line: 1, column: 1, path: '', severity: 'warning', message: link.warning });
  const { files, notes } = only ? { files: [], notes: [] } : exportFiles(pages, site, i18n.t);
  return { dataDir: content.dataDir, content, i18n, pages, overlays, termProblems, warnings: problems, files, notes };
}

/** Validates and models a data folder in one call (tests, tools); the pipeline calls the two phases itself. */
export function prepareSite(dataDir: string, inputs: ModelInputs = {}): PreparedSite {
  return modelSite(validateSite(dataDir), inputs);
}
