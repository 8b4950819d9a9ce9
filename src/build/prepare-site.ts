import { resolve } from 'node:path';
import { indexContent } from '../content/index.ts';
import { loadContent } from '../content/load.ts';
import { formatReport, type Problem } from '../content/problems.ts';
import type { Content } from '../content/types.ts';
import { validateContent } from '../content/validate.ts';
import { builtinDictionaries, createI18n, type I18n } from '../i18n/create-i18n.ts';
import { loadOverlays } from '../i18n/load-overlays.ts';
import { buildModel } from '../model/build-model.ts';
import { applyLinkStatus } from '../model/link-status.ts';
import { readStatus, statusFilePath } from '../links/status-file.ts';
import type { Page } from '../model/types.ts';

/** A site ready to render: validated content, its i18n and every page model. */
export interface PreparedSite {
  dataDir: string;
  content: Content;
  i18n: I18n;
  pages: Page[];
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

/** Loads, validates and models a data folder once; throws ContentError listing every problem. */
export function prepareSite(dataDir: string): PreparedSite {
  const absolute = resolve(dataDir);
  const load = loadContent(absolute);
  const problems = validateContent(load);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const content = load.content as Content;
  const { overlays, problems: overlayProblems } = loadOverlays(absolute, content);
  problems.push(...overlayProblems);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const index = indexContent(content);
  const site = content.site.value;
  const dictionaries = builtinDictionaries();
  for (const [locale, o] of overlays) if (o.ui) dictionaries[locale] = { ...dictionaries[locale], ...o.ui };
  const i18n = createI18n(site.defaultLocale, dictionaries);
  const pages = buildModel(content, index, i18n, overlays);
  // Link health from the last `check-links` run, when there is one; never a reason to fail a build.
  const linkStatus = readStatus(statusFilePath());
  if (linkStatus.status) applyLinkStatus(pages, linkStatus.status, content.links.value.links, i18n);
  if (linkStatus.warning) problems.push({ file: statusFilePath(), line: 1, column: 1, path: '', severity: 'warning', message: linkStatus.warning });
  return { dataDir: absolute, content, i18n, pages, warnings: problems };
}
