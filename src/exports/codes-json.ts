import { readFileSync } from 'node:fs';
import { htmlToText } from '../model/search-records.ts';
import type { CatalogPage, CodePage, Page, TranslationState } from '../model/types.ts';
import { fromRoot, relativeHref, urls } from '../model/urls.ts';

/** The published JSON Schema of `<locale>/codes.json`; the site carries a copy at `codes.schema.json`. */
export const codesSchemaText = readFileSync(new URL('./codes.schema.json', import.meta.url), 'utf8');

/** The format version integrations can rely on; it changes with any change that could break them. */
export const codesVersion = 1;

/** One code of `codes.json`, as the schema describes it. */
export interface ExportedCode {
  catalog: string;
  code: string;
  aliases: string[];
  title: string;
  severity: string;
  meaning: string;
  action?: string;
  url: string;
  translation: TranslationState;
}

export interface CodesFile {
  $schema: string;
  version: number;
  locale: string;
  site: { title: string; url?: string };
  catalogs: { id: string; title: string; url: string; caseSensitive: boolean }[];
  codes: ExportedCode[];
}

/** Every code of one locale from its code pages, in page order, texts as plain text. */
export function codesFile(pages: Page[], locale: string, site: { title: string; url?: string }): CodesFile {
  const ofLocale = pages.filter((p) => p.locale === locale && p.url.startsWith(`/${locale}/`));
  const catalogs = ofLocale.filter((p): p is CatalogPage => p.kind === 'catalog');
  const codes = ofLocale.filter((p): p is CodePage => p.kind === 'code');
  return {
    $schema: relativeHref(urls.codesJson(locale), urls.codesSchema()),
    version: codesVersion,
    locale,
    site: { title: site.title, ...(site.url ? { url: site.url } : {}) },
    catalogs: catalogs.map((c) => ({ id: c.catalogId, title: c.title, url: fromRoot(c.url), caseSensitive: c.caseSensitive })),
    codes: codes.map((c) => ({
      catalog: c.catalog.id,
      code: c.code,
      aliases: c.aliases,
      title: c.title,
      severity: c.severity,
      meaning: htmlToText(c.meaningHtml),
      ...(c.actionHtml ? { action: htmlToText(c.actionHtml) } : {}),
      url: fromRoot(c.url),
      translation: c.translation,
    })),
  };
}

/** The file's text: its head indented, one code per line, so it stays small and diffs read line by line. */
export function codesJsonText(file: CodesFile): string {
  const { codes, ...head } = file;
  const lines = codes.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "codes": [${lines ? `\n${lines}\n  ` : ''}]\n}\n`;
}
