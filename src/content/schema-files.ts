import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { schemaDir, type SchemaName } from './schema.ts';

/**
 * Where a data folder's JSON Schemas live: `<data>/schemas/`, beside the files that name them.
 * Every `$schema` Fieldguide writes is a relative path into that folder, so editors resolve it
 * in any checkout and any copy of the data folder, with or without node_modules; the build
 * itself always validates against Fieldguide's own schemas, so an old copy only dims the hints.
 */
export const schemaFolder = (dataDir: string): string => join(dataDir, 'schemas');

/** The schema files Fieldguide ships, by file name, e.g. `{ name: 'site.schema.json', text: '{…}' }`. */
export function shippedSchemas(): { name: string; text: string }[] {
  return readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()
    .map((name) => ({ name, text: readFileSync(join(schemaDir, name), 'utf8') }));
}

/** The `$schema` value for a data file written at `file`, e.g. `../schemas/article.schema.json` for `<data>/articles/a.json`. */
export function schemaRef(dataDir: string, file: string, schema: SchemaName): string {
  return relative(dirname(resolve(file)), join(resolve(schemaFolder(dataDir)), `${schema}.schema.json`)).split(sep).join('/');
}

/** A schema file a data folder lacks, with the text to write there. */
export interface SchemaFile {
  path: string;
  text: string;
}

/**
 * The shipped schemas that files about to be written point at (through a relative `$schema`)
 * and that do not exist yet, so what a command writes never names a missing schema, e.g. an
 * import into a data folder without `schemas/` adds `schemas/article.schema.json`.
 */
export function missingSchemas(changes: readonly { path: string; text: string }[]): SchemaFile[] {
  const shipped = new Map(shippedSchemas().map((s) => [s.name, s.text]));
  const out = new Map<string, string>();
  for (const change of changes) {
    const ref = /^\s*\{\s*"\$schema"\s*:\s*"([^"]+)"/.exec(change.text)?.[1];
    if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
    const target = resolve(dirname(change.path), ref);
    const text = shipped.get(target.split(sep).pop()!);
    if (text && !existsSync(target) && !changes.some((c) => resolve(c.path) === target)) out.set(target, text);
  }
  return [...out].map(([path, text]) => ({ path, text }));
}

/** Writes the schemas that just-written files name and lack (see missingSchemas), returning their paths. */
export function writeMissingSchemas(written: readonly { path: string; text: string }[]): string[] {
  return missingSchemas(written).map(({ path, text }) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
}
