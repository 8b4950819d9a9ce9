import { fileKinds } from '../content/kinds.ts';
import { uiFile } from '../i18n/xliff-units.ts';

/** One entry of VS Code's `json.schemas` setting: file patterns and the schema they use. */
export interface SchemaMapping {
  fileMatch: string[];
  url: string;
}

/**
 * The schema of every kind of data file, as VS Code's `json.schemas` wants it, derived from the
 * table's file kinds, e.g. `/data/articles/*.json` → `./data/schemas/article.schema.json`.
 * Editors then check and complete a file even when it has no `$schema` line.
 */
export function schemaMappings(dataFolder = 'data'): SchemaMapping[] {
  const url = (schema: string) => `./${dataFolder}/schemas/${schema}.schema.json`;
  const out: SchemaMapping[] = [];
  for (const spec of Object.values(fileKinds) as { path?: string; folder?: string; schema: string }[]) {
    const name = spec.path ?? `${spec.folder}/*.json`;
    out.push({ fileMatch: [`/${dataFolder}/${name}`], url: url(spec.schema) });
    out.push({ fileMatch: [`/${dataFolder}/translations/*/${name}`], url: url(`${spec.schema}-translation`) });
  }
  out.push({ fileMatch: [`/${dataFolder}/translations/*/${uiFile}`], url: url('ui-translation') });
  return out;
}

/** `.vscode/settings.json` for a knowledge base: the schema mappings, nothing else. */
export function editorSettingsFile(dataFolder = 'data'): string {
  return `${JSON.stringify({ 'json.schemas': schemaMappings(dataFolder) }, null, 2)}\n`;
}
