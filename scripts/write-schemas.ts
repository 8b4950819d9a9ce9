/**
 * Writes what follows from the schemas of record: the translation overlay schemas derived from
 * the table of record kinds (src/content/kinds.ts) into data/schemas/, where editors find them
 * through "$schema", and the TypeScript interfaces of the source files (src/content/schema-types.ts)
 * generated from data/schemas. `--check` exits 1 when a written copy differs, without writing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileKinds, type FileKindName } from '../src/content/kinds.ts';
import { schemaDir } from '../src/content/schema.ts';
import { overlaySchema } from '../src/i18n/overlay-schema.ts';
import { schemaTypesPath, schemaTypesText } from './lib/schema-types.ts';

const check = process.argv.includes('--check');
let stale = 0;

/** Writes `text` to `path` unless it is already there; under `--check` only reports the difference. */
function update(path: string, text: string, from: string): void {
  let before = '';
  try { before = readFileSync(path, 'utf8'); } catch { /* a new file */ }
  if (before === text) return;
  stale++;
  if (check) console.error(`${path} differs from ${from}`);
  else { writeFileSync(path, text); console.log(`wrote ${path}`); }
}

for (const file of Object.keys(fileKinds) as FileKindName[]) {
  const path = `${schemaDir}${fileKinds[file].schema}-translation.schema.json`;
  update(path, `${JSON.stringify(overlaySchema(file), null, 2)}\n`, 'the table of record kinds');
}
update(fileURLToPath(schemaTypesPath), await schemaTypesText(), 'the schemas in data/schemas');
if (check && stale) process.exit(1);
