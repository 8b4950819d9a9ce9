/**
 * What the exports and the lookup pages add to a built site and to its offline zip: per group
 * of files, how many, their bytes on disk and the bytes their entries take in the zip (read from
 * the zip's own directory, headers included). Run after `npm run build`:
 * npm run -s measure:exports [-- SITE_DIR ZIP]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../src/core/files.ts';

const site = process.argv[2] ?? '_site';
const zipFile = process.argv[3] ?? 'dist/site.zip';
if (!existsSync(join(site, 'index.html')) || !existsSync(zipFile)) {
  console.error(`measure:exports: needs ${site}/ and ${zipFile}; run 'npm run build' first`);
  process.exit(1);
}

/** The bytes each entry of a zip takes (local header, data, central directory record), by name. */
function zipEntrySizes(zip: Buffer): Map<string, number> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${zipFile} has no end of central directory`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const compressed = zip.readUInt32LE(at + 20);
    const [name, extra, comment] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    const localExtra = zip.readUInt16LE(local + 28);
    const path = zip.toString('utf8', at + 46, at + 46 + name);
    out.set(path, 30 + name + localExtra + compressed + 46 + name + extra + comment);
    at += 46 + name + extra + comment;
  }
  return out;
}

const groups: [string, RegExp][] = [
  ['codes.json (+ schema)', /^(codes\.schema\.json|[^/]+\/codes\.json)$/],
  ['sitemap.xml', /^sitemap(-\d+)?\.xml$/],
  ['llms.txt + llms-full.txt', /^([^/]+\/)?llms(-full)?\.txt$/],
  ['go/ pages + go.js, locale-choice.js', /^([^/]+\/)?go\/index\.html$|^assets\/(go|locale-choice)\.js$/],
  ['diagnose/ pages + log-reader.js', /^[^/]+\/diagnose\/index\.html$|^assets\/log-reader\.js$/],
  ['code-lookup.js (go/ and diagnose/)', /^assets\/code-lookup\.js$/],
  ['code lists + finder (shared with search)', /^assets\/(codes-[^/]+|code-finder|fastest-levenshtein)\.js$/],
];

const files = listFiles(site);
const inZip = zipEntrySizes(readFileSync(zipFile));
const folder = [...inZip.keys()][0]?.split('/')[0] ?? 'site';
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const siteTotal = files.reduce((n, f) => n + statSync(join(site, f)).size, 0);
console.log(`site ${site}: ${files.length} files, ${kb(siteTotal)}; zip ${zipFile}: ${kb(statSync(zipFile).size)}`);
console.log('| export | files | site | zip |');
console.log('| --- | --- | --- | --- |');
for (const [label, re] of groups) {
  const mine = files.filter((f) => re.test(f));
  const onDisk = mine.reduce((n, f) => n + statSync(join(site, f)).size, 0);
  const zipped = mine.reduce((n, f) => n + (inZip.get(`${folder}/${f}`) ?? 0), 0);
  console.log(`| ${label} | ${mine.length} | ${kb(onDisk)} | ${kb(zipped)} |`);
}
