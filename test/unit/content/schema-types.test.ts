import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { schemaTypesPath, schemaTypesText } from '../../../scripts/lib/schema-types.ts';

/** The 1-based number of the first line where two texts differ, or undefined when they are the same. */
function firstDifferentLine(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const [x, y] = [a.split('\n'), b.split('\n')];
  const i = x.findIndex((line, n) => line !== y[n]);
  return (i === -1 ? x.length : i) + 1;
}

test('the source record types in src/content/schema-types.ts are the ones the schemas in data/schemas generate', async () => {
  const line = firstDifferentLine(readFileSync(schemaTypesPath, 'utf8'), await schemaTypesText());
  assert.equal(line, undefined, `src/content/schema-types.ts is out of date from line ${line}: run npm run schemas`);
});

test('every record the code names is a type of its own in the generated file', async () => {
  const generated = await schemaTypesText();
  const names = ['SiteConfig', 'LocaleConfig', 'TranslationPolicy', 'Article', 'Step', 'Catalog', 'Phase', 'ErrorCode', 'LinkRegistry', 'LinkEntry', 'LinkHistory'];
  for (const name of names) assert.match(generated, new RegExp(`^export interface ${name} \\{$`, 'm'), name);
  assert.match(generated, /^export type Severity = 'error' \| 'warning' \| 'info' \| 'success';$/m);
});
