import type { Severity } from '../content/types.ts';
import type { CodePage, Page } from './types.ts';
import { urls } from './urls.ts';

/**
 * The code list of one locale: every code with what a finder needs to name it and link to it,
 * read in the browser by assets/code-finder.js (the search dialog, and any page that looks codes
 * up). Hrefs are relative to the site root, so one list serves pages at every depth.
 */
export interface CodeList {
  /** Bumped when a field changes meaning; readers ignore fields they do not know. */
  version: 1;
  locale: string;
  /** `caseSensitive`: the catalog tells its codes and aliases apart by case (else names match whatever their case). */
  catalogs: Record<string, { title: string; href: string; caseSensitive: boolean }>;
  codes: CodeListEntry[];
}

/** One code of a code list. */
export interface CodeListEntry {
  code: string;
  /** The catalog id, a key of `CodeList.catalogs`. */
  catalog: string;
  /** The code's title in the list's locale; the code itself when the code has no title. */
  title: string;
  severity: Severity;
  /** The code's page relative to the site root, e.g. `en/errors/mim-run-status/stopped-server/`. */
  href: string;
  /** Other names the code goes by (its catalog's `aliases`), found like the code itself. */
  aliases: string[];
  /** How many article steps name the code: among equally good matches, covered codes come first. */
  steps: number;
}

/** The global the list scripts register in, by locale: `self.fieldguideCodeLists.en`. */
export const codeListGlobal = 'fieldguideCodeLists';

/** Where a locale's code list is written, from the site root, e.g. `assets/codes-en.js`. */
export function codeListPath(locale: string): string {
  return urls.asset(`codes-${locale}.js`).replace(/^\//, '');
}

const fromRoot = (url: string) => url.replace(/^\//, '');

/** The code lists of a site, one per locale, in the order the pages come. */
export function codeLists(pages: Page[]): CodeList[] {
  const lists = new Map<string, CodeList>();
  for (const page of pages) {
    if (page.kind !== 'code') continue;
    const code = page as CodePage;
    let list = lists.get(code.locale);
    if (!list) lists.set(code.locale, (list = { version: 1, locale: code.locale, catalogs: {}, codes: [] }));
    list.catalogs[code.catalog.id] ??= { title: code.catalog.title, href: fromRoot(urls.catalog(code.locale, code.catalog.id)), caseSensitive: code.caseSensitive };
    list.codes.push({
      code: code.code, catalog: code.catalog.id, title: code.title, severity: code.severity,
      href: fromRoot(code.url), aliases: code.aliases, steps: code.steps.length,
    });
  }
  return [...lists.values()];
}

/**
 * A code list as a classic script, since pages opened from disk may not fetch() files; `<` is
 * escaped so no text from the data can close the script early.
 */
export function codeListScript(list: CodeList): string {
  const json = JSON.stringify(list).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `/* Fieldguide code list (${list.locale}), written by fieldguide build; read by assets/code-finder.js. */\n`
    + `(self.${codeListGlobal} = self.${codeListGlobal} || {})[${JSON.stringify(list.locale)}] = ${json};\n`;
}
