import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, duplicateKeyProblems, readJson, type JsonSource } from './json-source.ts';
import { checkSchema, type SchemaName } from './schema.ts';
import { unpairedSurrogateProblems } from './well-formed.ts';
import type { Problem } from './problems.ts';
import type { Article, Catalog, Content, LinkEntry, SiteConfig, Sourced } from './types.ts';

/**
 * Result of loading: every file that parsed, and every problem found. A file that parsed but
 * broke its schema is kept with `invalid` set, so its ids still count when records point at
 * each other (a bad severity does not hide a duplicate code); it is never rendered.
 */
export interface LoadResult {
  content: Partial<Content> & { dataDir: string; articles: Sourced<Article>[]; catalogs: Sourced<Catalog>[] };
  /** Files that exist but could not be parsed, by kind (so references into them are not misreported). */
  unread: { links: boolean; catalogFiles: string[]; articleFiles: string[] };
  problems: Problem[];
}

/** Reads, parses and schema-checks one file; problems go to `problems`, the value only when clean. */
export function loadFile<T>(absolute: string, schema: SchemaName, problems: Problem[]): Sourced<T> | undefined {
  const sourced = loadFileKeepingInvalid<T>(absolute, schema, problems);
  return sourced && !sourced.invalid ? sourced : undefined;
}

/** Like `loadFile`, but a file that parsed into an object and broke its schema comes back marked `invalid`. */
export function loadFileKeepingInvalid<T>(absolute: string, schema: SchemaName, problems: Problem[]): Sourced<T> | undefined {
  const { source, problems: parseProblems } = readJson(absolute);
  problems.push(...parseProblems);
  if (!source || parseProblems.length) return undefined;
  const schemaProblems = [...duplicateKeyProblems(source), ...unpairedSurrogateProblems(source), ...checkSchema(schema, source)];
  problems.push(...schemaProblems);
  const isObject = !!source.value && typeof source.value === 'object' && !Array.isArray(source.value);
  if (schemaProblems.length && !isObject) return undefined;
  return { value: source.value as T, source: source as JsonSource, ...(schemaProblems.length ? { invalid: true } : {}) };
}

function jsonFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

function missingFile(absolute: string, what: string): Problem {
  return {
    file: displayPath(absolute), line: 1, column: 1, path: '', severity: 'error',
    message: `missing ${what}`, hint: 'every data folder needs site.json and links.json',
  };
}

/** Reads every file of a data folder; never throws on content, only reports. */
export function loadContent(dataDir: string): LoadResult {
  const problems: Problem[] = [];
  const sitePath = join(dataDir, 'site.json');
  const linksPath = join(dataDir, 'links.json');
  if (!existsSync(dataDir)) {
    problems.push({
      file: displayPath(dataDir), line: 1, column: 1, path: '', severity: 'error',
      message: 'data folder not found', hint: 'pass --data DIR or run from the project folder',
    });
  }
  const site = existsSync(sitePath) ? loadFileKeepingInvalid<SiteConfig>(sitePath, 'site', problems) : undefined;
  if (!existsSync(sitePath) && existsSync(dataDir)) problems.push(missingFile(sitePath, 'site settings'));
  const links = existsSync(linksPath)
    ? loadFileKeepingInvalid<{ links: Record<string, LinkEntry> }>(linksPath, 'links', problems)
    : undefined;
  if (!existsSync(linksPath) && existsSync(dataDir)) problems.push(missingFile(linksPath, 'link registry'));

  const unread = { links: existsSync(linksPath) && !links, catalogFiles: [] as string[], articleFiles: [] as string[] };
  const folder = <T>(name: string, schema: SchemaName, missed: string[]): Sourced<T>[] =>
    jsonFilesIn(join(dataDir, name)).flatMap((file) => {
      const loaded = loadFileKeepingInvalid<T>(file, schema, problems);
      if (!loaded) missed.push(file.replace(/^.*[\\/]/, '').replace(/\.json$/, ''));
      return loaded ? [loaded] : [];
    });
  const articles = folder<Article>('articles', 'article', unread.articleFiles);
  const catalogs = folder<Catalog>('errors', 'catalog', unread.catalogFiles);
  return { content: { dataDir, site, links, articles, catalogs }, unread, problems };
}
