import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listFiles } from '../core/files.ts';
import { classicPagefind, wrapIndexFile } from './classic-pagefind.ts';
import { offlineHtml } from './offline-links.ts';
import { writeZip, type ZipEntry } from './zip-writer.ts';

/** The folder is not a built site, or the zip cannot be written; the message names the path. */
export class BundleError extends Error {
  name = 'BundleError';
}

export interface BundleResult {
  files: number;
  bytes: number;
  /** Folder inside the zip that holds the site, e.g. `site`. */
  folder: string;
}

/** The README.txt at the top of the bundle. */
export function bundleReadme(folder: string, locales: string[]): string {
  return [
    'Offline copy of this documentation site',
    '',
    `Unzip it anywhere, then open ${folder}/index.html in a web browser (double-click it).`,
    ...(locales.length ? [`Each language also has its own start page: ${locales.map((l) => `${folder}/${l}/index.html`).join(', ')}.`] : []),
    '',
    'Everything works from disk with no network: links, styles and search (press the Search button,',
    '/ or Ctrl+K and type an error code, even mistyped). Search needs JavaScript enabled.',
    `To open the page of an error code, open ${folder}/go/index.html#<code>, with the code after #.`,
    '',
  ].join('\r\n');
}

/** The index files wrapped as classic scripts, plus the classic-script Pagefind that reads them. */
function offlineSearchEntries(siteDir: string, prefix: string): ZipEntry[] {
  const moduleFile = join(siteDir, 'pagefind', 'pagefind.js');
  const entries: ZipEntry[] = [{ path: `${prefix}pagefind/offline/pagefind.js`, data: Buffer.from(classicPagefind(readFileSync(moduleFile, 'utf8'))) }];
  for (const file of listFiles(join(siteDir, 'pagefind'))) {
    if (file.endsWith('.js') || file.startsWith('offline/')) continue;
    const data = readFileSync(join(siteDir, 'pagefind', file));
    entries.push({ path: `${prefix}pagefind/offline/files/${file}.js`, data: Buffer.from(wrapIndexFile(file, data)) });
  }
  return entries;
}

/**
 * Writes a zip of a built site that works when unzipped and opened from disk: links name their
 * `index.html`, and search reads its index through classic scripts.
 */
export function bundleSite(siteDir: string, outFile: string): BundleResult {
  const index = join(siteDir, 'index.html');
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes('<meta name="generator" content="Fieldguide">')) {
    throw new BundleError(`${siteDir} is not a Fieldguide site; run 'fieldguide build' first or pass --site`);
  }
  if (!existsSync(join(siteDir, 'pagefind', 'pagefind.js'))) {
    throw new BundleError(`${siteDir} has no search index (pagefind/pagefind.js); rebuild it with 'fieldguide build'`);
  }
  const folder = basename(outFile).replace(/\.zip$/i, '') || 'site';
  const prefix = `${folder}/`;
  const files = listFiles(siteDir);
  // Folders with a start page are languages, but for the search index and the lookup address go/.
  const locales = files.flatMap((f) => /^([^/]+)\/index\.html$/.exec(f)?.[1] ?? []).filter((l) => l !== 'pagefind' && l !== 'go');
  const entries: ZipEntry[] = [{ path: `${prefix}README.txt`, data: Buffer.from(bundleReadme(folder, locales)) }];
  // The raw index is only read through its classic-script copies in pagefind/offline/.
  for (const file of files.filter((f) => !f.startsWith('pagefind/'))) {
    const data = readFileSync(join(siteDir, file));
    entries.push({ path: prefix + file, data: file.endsWith('.html') ? Buffer.from(offlineHtml(data.toString('utf8'))) : data });
  }
  entries.push(...offlineSearchEntries(siteDir, prefix));
  const zip = writeZip(entries);
  try {
    mkdirSync(dirname(outFile), { recursive: true });
    const tmp = `${outFile}.tmp-${process.pid}`;
    writeFileSync(tmp, zip);
    renameSync(tmp, outFile);
  } catch (err) {
    throw new BundleError(`cannot write ${outFile}: ${(err as Error).message}`);
  }
  return { files: entries.length, bytes: zip.length, folder };
}
