/**
 * Writes the translation overlay schemas that follow from the table of record kinds
 * (src/content/kinds.ts) into data/schemas/, where editors find them through "$schema".
 * `--check` exits 1 when a written copy differs, without writing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileKinds, type FileKindName } from '../src/content/kinds.ts';
import { schemaDir } from '../src/content/schema.ts';
import { overlaySchema } from '../src/i18n/overlay-schema.ts';

const check = process.argv.includes('--check');
let stale = 0;
for (const file of Object.keys(fileKinds) as FileKindName[]) {
  const path = `${schemaDir}${fileKinds[file].schema}-translation.schema.json`;
  const text = `${JSON.stringify(overlaySchema(file), null, 2)}\n`;
  let before = '';
  try { before = readFileSync(path, 'utf8'); } catch { /* a new file */ }
  if (before === text) continue;
  stale++;
  if (check) console.error(`${path} differs from the table of record kinds`);
  else { writeFileSync(path, text); console.log(`wrote ${path}`); }
}
if (check && stale) process.exit(1);
