import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Page } from '../model/types.ts';
import { failPagefindRequestsOnExit } from './pagefind-exit.ts';

/** Pagefind refused the site; the message carries Pagefind's own words. */
export class SearchIndexError extends Error {
  name = 'SearchIndexError';
}

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

/**
 * Indexes a built site with Pagefind into `<siteDir>/pagefind/`: the marked content of every page,
 * one index per `<html lang>`, plus records for parts of pages (article steps). The Pagefind
 * process is always closed, even when indexing fails.
 */
export async function indexSite(siteDir: string, pages: Page[]): Promise<IndexSummary> {
  await failPagefindRequestsOnExit();
  // Pagefind's Node service prints its own failures with a stack trace; keep them as reasons for
  // our one-line error instead.
  const reasons: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    const reason = args.filter((a) => a !== 'Service stopped').map((a) => (a instanceof Error ? a.message : String(a))).join(': ');
    reasons.push(reason);
  };
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('starting Pagefind', errors);
    if (!index) throw new SearchIndexError('search index: Pagefind started without an index');
    const added = await index.addDirectory({ path: siteDir });
    check(`indexing ${siteDir}`, added.errors);
    let records = 0;
    for (const page of pages) {
      for (const record of page.search?.records ?? []) {
        check(`adding ${record.url}`, (await index.addCustomRecord(record)).errors);
        records++;
      }
    }
    const outputPath = join(siteDir, 'pagefind');
    // While serving, the folder holds the previous index; its stale language files must go.
    rmSync(outputPath, { recursive: true, force: true });
    check(`writing ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
    for (const name of readdirSync(outputPath)) if (unusedFiles.test(name)) rmSync(join(outputPath, name));
    const languages = readdirSync(outputPath).flatMap((n) => /^pagefind\.(.+)_[0-9a-f]+\.pf_meta$/.exec(n)?.[1] ?? []);
    return { pages: added.page_count, records, languages, bytes: folderBytes(outputPath) };
  } catch (err) {
    const because = reasons.length ? ` (${reasons.join('; ')})` : '';
    if (err instanceof SearchIndexError) throw new SearchIndexError(`${err.message}${because}`);
    throw new SearchIndexError(`search index: ${(err as Error).message}${because}`);
  } finally {
    await pagefind.close();
    console.error = consoleError;
  }
}
