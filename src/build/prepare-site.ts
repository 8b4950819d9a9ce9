import { resolve } from 'node:path';
import { indexContent } from '../content/index.ts';
import { loadContent } from '../content/load.ts';
import { formatReport, type Problem } from '../content/problems.ts';
import type { Content } from '../content/types.ts';
import { validateContent } from '../content/validate.ts';
import { builtinDictionaries, createI18n, type I18n } from '../i18n/create-i18n.ts';
import { checkProtectedTerms, type TermProblem } from '../i18n/check-protected.ts';
import { loadOverlays, type LocaleOverlays } from '../i18n/load-overlays.ts';
import { buildModel } from '../model/build-model.ts';
import type { Page } from '../model/types.ts';

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
}

/** Thrown when content has errors; carries every problem so callers can print one report. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatReport(problems));
    this.name = 'ContentError';
  }
}

/** Source content with its translation overlays, loaded and checked, before any page is modelled. */
export interface TranslatedContent {
  content: Content;
  overlays: Map<string, LocaleOverlays>;
  termProblems: TermProblem[];
  /** Every problem but the protected-term ones, which callers weigh by the site's policy. */
  problems: Problem[];
}

/** Loads and validates a data folder and its overlays; throws ContentError on any error but lost protected terms. */
export function loadTranslatedContent(dataDir: string): TranslatedContent {
  const load = loadContent(resolve(dataDir));
  const problems = validateContent(load);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const content = load.content as Content;
  const { overlays, problems: overlayProblems } = loadOverlays(content.dataDir, content);
  problems.push(...overlayProblems);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const termProblems = checkProtectedTerms(content, overlays, content.site.value.translationPolicy?.protectedTerms ?? 'error');
  return { content, overlays, termProblems, problems };
}

/** Loads, validates and models a data folder once; throws ContentError listing every problem. */
export function prepareSite(dataDir: string): PreparedSite {
  const { content, overlays, termProblems, problems } = loadTranslatedContent(dataDir);
  problems.push(...termProblems.map((v) => v.problem));
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const index = indexContent(content);
  const site = content.site.value;
  const dictionaries = builtinDictionaries();
  for (const [locale, o] of overlays) if (o.ui) dictionaries[locale] = { ...dictionaries[locale], ...o.ui };
  const i18n = createI18n(site.defaultLocale, dictionaries);
  const pages = buildModel(content, index, i18n, overlays);
  return { dataDir: content.dataDir, content, i18n, pages, overlays, termProblems, warnings: problems };
}
