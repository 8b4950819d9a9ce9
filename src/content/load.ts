import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, duplicateKeyProblems, readJson, type JsonSource } from './json-source.ts';
import { checkSchema, type SchemaName } from './schema.ts';
import { unpairedSurrogateProblems } from './well-formed.ts';
import type { Problem } from './problems.ts';
import type { Article, Catalog, Content, LinkEntry, SiteConfig, Sourced } from './types.ts';

/** Result of loading: the files that passed parsing and schema checks, and every problem found. */
export interface LoadResult {
  content: Partial<Content> & { dataDir: string; articles: Sourced<Article>[]; catalogs: Sourced<Catalog>[] };
  /** Files that exist but failed to parse or match their schema, by kind (so references into them are not misreported). */
  invalid: { links: boolean; catalogFiles: string[] };
  problems: Problem[];
}

/** Reads, parses and schema-checks one file; problems go to `problems`, the value only when clean. */
export function loadFile<T>(absolute: string, schema: SchemaName, problems: Problem[]): Sourced<T> | undefined {
  const { source, problems: parseProblems } = readJson(absolute);
  problems.push(...parseProblems);
  if (!source || parseProblems.length) return undefined;
  const schemaProblems = [...duplicateKeyProblems(source), ...unpairedSurrogateProblems(source), ...checkSchema(schema, source)];
  problems.push(...schemaProblems);
  if (schemaProblems.length) return undefined;
  return { value: source.value as T, source: source as JsonSource };
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
  const site = existsSync(sitePath) ? loadFile<SiteConfig>(sitePath, 'site', problems) : undefined;
  if (!existsSync(sitePath) && existsSync(dataDir)) problems.push(missingFile(sitePath, 'site settings'));
  const links = existsSync(linksPath)
    ? loadFile<{ links: Record<string, LinkEntry> }>(linksPath, 'links', problems)
    : undefined;
  if (!existsSync(linksPath) && existsSync(dataDir)) problems.push(missingFile(linksPath, 'link registry'));

  const articles: Sourced<Article>[] = [];
  for (const file of jsonFilesIn(join(dataDir, 'articles'))) {
    const a = loadFile<Article>(file, 'article', problems);
    if (a) articles.push(a);
  }
  const catalogs: Sourced<Catalog>[] = [];
  const invalidCatalogs: string[] = [];
  for (const file of jsonFilesIn(join(dataDir, 'errors'))) {
    const c = loadFile<Catalog>(file, 'catalog', problems);
    if (c) catalogs.push(c);
    else invalidCatalogs.push(file.replace(/^.*[\\/]/, '').replace(/\.json$/, ''));
  }
  return {
    content: { dataDir, site, links, articles, catalogs },
    invalid: { links: existsSync(linksPath) && !links, catalogFiles: invalidCatalogs },
    problems,
  };
}
