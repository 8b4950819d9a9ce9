import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { schemaFolder, shippedSchemas } from '../content/schema-files.ts';

type Values = Record<string, string | boolean | undefined>;

/** What writing the shipped schemas into a folder would do to each file: `created`, `updated` or `unchanged`. */
export function schemaChanges(folder: string): { file: string; text: string; state: 'created' | 'updated' | 'unchanged' }[] {
  return shippedSchemas().map(({ name, text }) => {
    const file = join(folder, name);
    const state = !existsSync(file) ? 'created' : readFileSync(file, 'utf8') === text ? 'unchanged' : 'updated';
    return { file, text, state };
  });
}

/** `fieldguide schemas [DIR]`: writes the JSON Schemas editors read into DIR/schemas/, or with --check reports the ones out of date. */
export async function schemasCommand(values: Values, positionals: string[]): Promise<number> {
  if (positionals.length > 1) {
    console.error(`fieldguide schemas: takes one data folder, got ${positionals.length} (${positionals.join(', ')}); run 'fieldguide schemas --help'`);
    return 2;
  }
  const dataDir = positionals[0] ?? 'data';
  if (!existsSync(join(dataDir, 'site.json'))) {
    console.error(`fieldguide schemas: ${dataDir} is not a data folder (it has no site.json); name the folder that holds site.json, e.g. 'fieldguide schemas data'`);
    return 2;
  }
  const folder = schemaFolder(dataDir);
  const changes = schemaChanges(folder);
  const stale = changes.filter((c) => c.state !== 'unchanged');
  const shown = (file: string) => relative(process.cwd(), file) || file;
  if (values.check) {
    for (const c of stale) console.error(`fieldguide schemas: ${shown(c.file)} ${c.state === 'created' ? 'is missing' : 'differs from this version of Fieldguide'}`);
    if (stale.length > 0) {
      console.error(`fieldguide schemas: ${stale.length} of ${changes.length} schemas out of date; run 'fieldguide schemas ${dataDir}'`);
      return 1;
    }
    console.log(`${changes.length} schemas in ${shown(folder)} match this version of Fieldguide`);
    return 0;
  }
  mkdirSync(folder, { recursive: true });
  for (const c of stale) {
    writeFileSync(c.file, c.text);
    console.log(`${c.state} ${shown(c.file)}`);
  }
  console.log(`${changes.length} schemas in ${shown(folder)}: ${stale.length} written, ${changes.length - stale.length} already current`);
  return 0;
}
