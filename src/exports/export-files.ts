import type { TFunction } from 'i18next';
import { siteRoot } from '../content/site-addresses.ts';
import type { SiteConfig } from '../content/types.ts';
import type { Page } from '../model/types.ts';
import { fromRoot, urls } from '../model/urls.ts';
import { codesFile, codesJsonText, codesSchemaText } from './codes-json.ts';
import { llmsFullTxt, llmsTxt, rootLlmsTxt } from './llms-txt.ts';
import { sitemapFiles, type OutputFile } from './sitemap.ts';

export type { OutputFile } from './sitemap.ts';

/** The files for other tools, written beside the pages, and what the build should say about them. */
export interface Exports {
  files: OutputFile[];
  /** One line each, e.g. that the sitemap was skipped for want of the site's address. */
  notes: string[];
}

/**
 * Every export, computed from the page model: per locale `codes.json`, `llms.txt` and
 * `llms-full.txt`; at the root the codes schema, an `llms.txt` of the languages and, when
 * site.json gives the site's public address, `sitemap.xml`.
 */
export function exportFiles(pages: Page[], site: SiteConfig, t: (locale: string) => TFunction): Exports {
  const root = site.url ? siteRoot(site.url) : undefined;
  const files: OutputFile[] = [{ outputPath: fromRoot(urls.codesSchema()), body: codesSchemaText }];
  for (const locale of site.locales) {
    const { code } = locale;
    files.push({ outputPath: fromRoot(urls.codesJson(code)), body: codesJsonText(codesFile(pages, code, { title: site.title, url: root })) });
    for (const file of [llmsTxt(pages, locale, t(code), root), llmsFullTxt(pages, code, t(code), root)]) if (file) files.push(file);
  }
  const defaultPages = pages.filter((p) => p.locale === site.defaultLocale);
  const index = rootLlmsTxt(defaultPages, site.locales, t(site.defaultLocale), root);
  if (index) files.push(index);
  const notes: string[] = [];
  if (root) files.push(...sitemapFiles(pages, root));
  else notes.push('sitemap.xml skipped: site.json gives no "url" (the public address of the site); llms.txt links are relative');
  return { files, notes };
}
