import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileKinds, type FileKindName } from './kinds.ts';
import { displayPath, duplicateKeyProblems, readJson, type JsonSource } from './json-source.ts';
import { checkSchema, type SchemaName } from './schema.ts';
import { unpairedSurrogateProblems } from './well-formed.ts';
import type { Problem } from './problems.ts';
import type { Article, Catalog, Content, Sourced } from './types.ts';

/**
 * Result of loading: every file that parsed, and every problem found. A file that parsed but
 * broke its schema is kept with `invalid` set, so its ids still count when records point at
 * each other (a bad severity does not hide a duplicate code); it is never rendered.
 */
export interface LoadResult {
  content: Partial<Content> & { dataDir: string; articles: Sourced<Article>[]; catalogs: Sourced<Catalog>[] };
  /** Files that are missing or could not be parsed (so references into them are not misreported), e.g. `{ file: 'catalogs', name: 'mim-related' }`. */
  unread: { file: FileKindName; name: string }[];
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
    message: `missing ${what}`, hint: `every data folder needs ${singleFiles().map((f) => (fileKinds[f] as { path: string }).path).join(' and ')}`,
  };
}

const singleFiles = () => (Object.keys(fileKinds) as FileKindName[]).filter((f) => 'path' in fileKinds[f]);

/** Reads every file of a data folder, each file kind where the table of record kinds says; never throws on content, only reports. */
export function loadContent(dataDir: string): LoadResult {
  const problems: Problem[] = [];
  if (!existsSync(dataDir)) {
    problems.push({
      file: displayPath(dataDir), line: 1, column: 1, path: '', severity: 'error',
      message: 'data folder not found', hint: 'pass --data DIR or run from the project folder',
    });
  }
  const content: Record<string, unknown> = { dataDir };
  const unread: LoadResult['unread'] = [];
  for (const file of Object.keys(fileKinds) as FileKindName[]) {
    const spec: { path?: string; folder?: string; schema: string; label: string } = fileKinds[file];
    const schema = spec.schema as SchemaName;
    if (spec.path) {
      const path = join(dataDir, spec.path);
      if (!existsSync(path)) {
        if (existsSync(dataDir)) problems.push(missingFile(path, spec.label));
        unread.push({ file, name: spec.path });
        continue;
      }
      content[file] = loadFileKeepingInvalid(path, schema, problems);
      if (!content[file]) unread.push({ file, name: spec.path });
    } else {
      content[file] = jsonFilesIn(join(dataDir, spec.folder!)).flatMap((path) => {
        const loaded = loadFileKeepingInvalid(path, schema, problems);
        if (!loaded) unread.push({ file, name: basename(path, '.json') });
        return loaded ? [loaded] : [];
      });
    }
  }
  return { content: content as LoadResult['content'], unread, problems };
}
