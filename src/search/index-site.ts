import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SearchIndexError } from '../core/errors.ts';
import { listFiles } from '../core/files.ts';
import * as pagefind from 'pagefind';
import type { Page } from '../model/types.ts';
import { failPagefindRequestsOnExit } from './pagefind-exit.ts';

/** What the indexer wrote, for the build log. */
export interface IndexSummary {
  pages: number;
  records: number;
  languages: string[];
  bytes: number;
}

/** Pagefind's ready-made UIs, which Fieldguide does not use; dropping them keeps the site and the zip small. */
const unusedFiles = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** Throws the errors Pagefind reported for one step, if any. */
function check(step: string, errors: string[]): void {
  if (errors.length) throw new SearchIndexError(`search index: ${step}: ${errors.join('; ')}`);
}

/** Total size in bytes of the files below a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Pagefind's entry file: one index per language. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [other: string]: unknown;
}

const readEntry = (dir: string): PagefindEntry | undefined => {
  const file = join(dir, 'pagefind-entry.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PagefindEntry) : undefined;
};

/** Whether a file of a Pagefind output belongs to a language's index, e.g. `fragment/id_12ab.pf_fragment` to `id`. */
const ofLanguage = (path: string, language: string): boolean => {
  const name = basename(path);
  return name.startsWith(`${language}_`) || name.startsWith(`pagefind.${language}_`) || name === `wasm.${language}.pagefind`;
};

/** Indexes the pages below one locale's folder into `outputPath` (a folder of its own) with one Pagefind process. */
async function indexLocale(siteDir: string, locale: string, pages: Page[], outputPath: string): Promise<{ pages: number; records: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('starting Pagefind', errors);
    if (!index) throw new SearchIndexError('search index: Pagefind started without an index');
    const added = await index.addDirectory({ path: siteDir, glob: `${locale}/**/*.html` });
    check(`indexing ${join(siteDir, locale)}`, added.errors);
    let records = 0;
    for (const page of pages) {
      if (page.locale !== locale) continue;
      for (const record of page.search?.records ?? []) {
        check(`adding ${record.url}`, (await index.addCustomRecord(record)).errors);
        records++;
      }
    }
    check(`writing ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
    return { pages: added.page_count, records };
  } finally {
    await pagefind.close();
  }
}

/** The folder of Pagefind's Node modules, as stack traces name it: by URL, or by path. */
const pagefindLib = new URL('.', import.meta.resolve('pagefind')).href;
const pagefindLibPath = fileURLToPath(pagefindLib);

/** Whether a stack trace passes through Pagefind's own code. */
export function fromPagefind(stack: string | undefined): boolean {
  return !!stack && (stack.includes(pagefindLib) || stack.includes(pagefindLibPath));
}

/**
 * Indexes a built site with Pagefind into `<siteDir>/pagefind/`: the marked content of every page,
 * one index per `<html lang>`, plus records for parts of pages (article steps). Each locale is
 * indexed by a Pagefind process of its own, so its memory is one locale's, and `only` re-indexes
 * just those locales into an existing index (serve, after an edit), keeping the others' files.
 * A Pagefind process is always closed, even when indexing fails.
 */
export async function indexSite(siteDir: string, pages: Page[], only?: readonly string[]): Promise<IndexSummary> {
  await failPagefindRequestsOnExit();
  // Pagefind's Node service prints its own failures with a stack trace; keep them as reasons for
  // our one-line error instead. Only calls made from Pagefind's code: serve indexes in the
  // background, and the author's rebuild reports printed meanwhile must still be seen.
  const reasons: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (!fromPagefind(new Error().stack)) return consoleError(...args);
    const reason = args.filter((a) => a !== 'Service stopped').map((a) => (a instanceof Error ? a.message : String(a))).join(': ');
    reasons.push(reason);
  };
  const outputPath = join(siteDir, 'pagefind');
  const scratch = join(siteDir, `.pagefind-${process.pid}`);
  try {
    const previous = only ? readEntry(outputPath) : undefined;
    // A full index starts afresh: the previous index's languages may be gone.
    if (!previous) rmSync(outputPath, { recursive: true, force: true });
    const locales = only ?? [...new Set(pages.filter((p) => p.search?.content.length).map((p) => p.locale))].sort();
    const entry: PagefindEntry = previous ?? { version: '', languages: {} };
    let indexed = 0;
    let records = 0;
    for (const locale of locales) {
      const localeOut = join(scratch, locale);
      const result = await indexLocale(siteDir, locale, pages, localeOut);
      indexed += result.pages;
      records += result.records;
      const written = readEntry(localeOut);
      if (!written) throw new SearchIndexError(`search index: Pagefind wrote no entry file into ${localeOut}`);
      const languages = Object.keys(written.languages);
      // Drop the locale's earlier files, then move its new ones in; other languages' files stay.
      for (const file of listFiles(outputPath)) if (languages.some((l) => ofLanguage(file, l))) rmSync(join(outputPath, file));
      for (const file of listFiles(localeOut)) {
        if (file === 'pagefind-entry.json' || unusedFiles.test(file)) continue;
        mkdirSync(dirname(join(outputPath, file)), { recursive: true });
        renameSync(join(localeOut, file), join(outputPath, file));
      }
      Object.assign(entry, { ...written, languages: { ...entry.languages, ...written.languages } });
    }
    mkdirSync(outputPath, { recursive: true });
    // The entry file is what the search box reads first: written last, and whole.
    writeFileSync(join(outputPath, 'pagefind-entry.json.tmp'), JSON.stringify(entry));
    renameSync(join(outputPath, 'pagefind-entry.json.tmp'), join(outputPath, 'pagefind-entry.json'));
    const languages = Object.keys(entry.languages).sort();
    return { pages: indexed, records, languages, bytes: folderBytes(outputPath) };
  } catch (err) {
    const because = reasons.length ? ` (${reasons.join('; ')})` : '';
    if (err instanceof SearchIndexError) throw new SearchIndexError(`${err.message}${because}`);
    throw new SearchIndexError(`search index: ${(err as Error).message}${because}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    console.error = consoleError;
  }
}
