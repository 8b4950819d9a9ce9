import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { listFiles } from '../core/files.ts';
import { classicPagefind, wrapIndexFile } from './classic-pagefind.ts';
import { offlineHtml } from './offline-links.ts';

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

/** Called as the zip is written with the number of files written so far: every 250 files, and once at the end. */
export type BundleProgress = (done: number, total: number) => void;

/** How often, in files, progress is reported. */
export const PROGRESS_EVERY = 250;

/** One file of the zip: its path inside the zip and how to get its bytes when the writer reaches it. */
interface Entry {
  path: string;
  /** The bytes, read or computed only when the entry is written. */
  data?: () => Buffer;
  /** A file copied as it is, streamed from disk. */
  file?: string;
}

/** Formats that are compressed already: deflating them again only costs time. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|gz|br|zst|zip|mp4|webm)$/i;

/** The index files wrapped as classic scripts, plus the classic-script Pagefind that reads them. */
function offlineSearchEntries(siteDir: string, prefix: string): Entry[] {
  const moduleFile = join(siteDir, 'pagefind', 'pagefind.js');
  const entries: Entry[] = [{ path: `${prefix}pagefind/offline/pagefind.js`, data: () => Buffer.from(classicPagefind(readFileSync(moduleFile, 'utf8'))) }];
  for (const file of listFiles(join(siteDir, 'pagefind'))) {
    if (file.endsWith('.js') || file.startsWith('offline/')) continue;
    entries.push({ path: `${prefix}pagefind/offline/files/${file}.js`, data: () => Buffer.from(wrapIndexFile(file, readFileSync(join(siteDir, 'pagefind', file)))) });
  }
  return entries;
}

/**
 * Writes a zip of a built site that works when unzipped and opened from disk: links name their
 * `index.html`, and search reads its index through classic scripts. The zip is streamed to a
 * temporary file beside `outFile`, each file read as the writer reaches it, and renamed into
 * place only once complete, so a failed bundle leaves an earlier zip as it was. ZIP64 is used
 * when the site has 65,535 files or more, or the zip reaches 4 GB.
 */
export async function bundleSite(siteDir: string, outFile: string, onProgress?: BundleProgress): Promise<BundleResult> {
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
  const readme = Buffer.from(bundleReadme(folder, locales));
  const entries: Entry[] = [{ path: `${prefix}README.txt`, data: () => readme }];
  // The raw index is only read through its classic-script copies in pagefind/offline/.
  for (const file of files.filter((f) => !f.startsWith('pagefind/'))) {
    const full = join(siteDir, file);
    entries.push(file.endsWith('.html') ? { path: prefix + file, data: () => Buffer.from(offlineHtml(readFileSync(full, 'utf8'))) } : { path: prefix + file, file: full });
  }
  entries.push(...offlineSearchEntries(siteDir, prefix));

  const tmp = `${outFile}.tmp-${process.pid}`;
  const zip = new ZipFile();
  let bytes: number;
  try {
    mkdirSync(dirname(outFile), { recursive: true });
    const out = createWriteStream(tmp);
    // A file that cannot be read fails the zip; yazl reports it as an error of the zip file.
    const failed = new Promise<never>((_, reject) => zip.on('error', reject));
    failed.catch(() => {});
    addEntries(zip, entries, onProgress);
    await Promise.race([pipeline(zip.outputStream, out), failed]);
    bytes = out.bytesWritten;
    renameSync(tmp, outFile);
  } catch (err) {
    (zip.outputStream as Readable).destroy();
    rmSync(tmp, { force: true });
    throw new BundleError(`cannot write ${outFile}: ${(err as Error).message}`);
  }
  onProgress?.(entries.length, entries.length);
  return { files: entries.length, bytes, folder };
}

/**
 * Adds the entries to the zip lazily: yazl asks for a file's bytes only when it has written every
 * earlier file, so one file at a time is read (pages and index files whole, as they are rewritten;
 * other files streamed from disk) and compressed, and the output waits for the disk.
 */
function addEntries(zip: ZipFile, entries: Entry[], onProgress?: BundleProgress): void {
  const mtime = new Date();
  for (const [i, entry] of entries.entries()) {
    // DOS timestamps only, as the bundle always had; the Info-ZIP timestamp field would add 9 bytes a file.
    const options = { mtime, forceDosTimestamp: true, compressionLevel: STORED.test(entry.path) ? 0 : 9 };
    zip.addReadStreamLazy(entry.path, options, (cb) => {
      if (i > 0 && i % PROGRESS_EVERY === 0) onProgress?.(i, entries.length);
      let stream: Readable;
      try {
        stream = entry.file ? createReadStream(entry.file) : Readable.from([entry.data!()], { objectMode: false });
      } catch (err) {
        return cb(err, undefined as never);
      }
      stream.on('error', (err) => zip.emit('error', err));
      cb(null, stream);
    });
  }
  zip.end();
}
