import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileKindOf, fileKinds, kinds, recordKey, type FileKindName } from '../../../src/content/kinds.ts';
import { parseJson } from '../../../src/content/json-source.ts';
import { allRecords, filesOf } from '../../../src/content/records.ts';
import { checkSchema, schemaDir, type SchemaName } from '../../../src/content/schema.ts';
import { overlaySchema } from '../../../src/i18n/overlay-schema.ts';
import { loadTranslatedContent } from '../../../src/build/prepare-site.ts';

test('the overlay schemas editors read from data/schemas are the ones the table of record kinds derives', () => {
  for (const file of Object.keys(fileKinds) as FileKindName[]) {
    const path = `${schemaDir}${fileKinds[file].schema}-translation.schema.json`;
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), overlaySchema(file), `${path} is out of date: run npm run schemas`);
  }
});

test('an overlay may carry every translatable field of every kind in its file, and nothing else', () => {
  const { content } = loadTranslatedContent('data');
  for (const file of Object.keys(fileKinds) as FileKindName[]) {
    const overlay: Record<string, unknown> = { translation: { method: 'human', date: '2026-01-01' } };
    for (const r of allRecords(content).filter((x) => fileKindOf(x.kind) === file && x.file === filesOf(content, file)[0].source)) {
      let node = overlay;
      for (const part of r.overlayPath) node = (node[part] ??= {}) as Record<string, unknown>;
      for (const f of kinds[r.kind].fields) node[f] = `${f} text`;
    }
    const ok = parseJson('o.json', JSON.stringify(overlay)).source;
    assert.deepEqual(checkSchema(`${fileKinds[file].schema}-translation` as SchemaName, ok), [], file);
    const bad = parseJson('o.json', JSON.stringify({ ...overlay, colour: 'red' })).source;
    assert.deepEqual(checkSchema(`${fileKinds[file].schema}-translation` as SchemaName, bad).map((p) => p.message), ['unknown property "colour"'], file);
  }
});

test('the shipped content walks into one record per key, each kind found where the table says', () => {
  const { content } = loadTranslatedContent('data');
  const records = allRecords(content);
  assert.equal(new Set(records.map((r) => r.key)).size, records.length, 'keys are unique');
  const count = (k: string) => records.filter((r) => r.kind === k).length;
  assert.equal(count('site'), 1);
  assert.equal(count('article'), content.articles.length);
  assert.equal(count('step'), content.articles.reduce((n, a) => n + a.value.steps.length, 0));
  assert.equal(count('catalog'), content.catalogs.length);
  assert.equal(count('phase'), content.catalogs.reduce((n, c) => n + (c.value.phases?.length ?? 0), 0));
  assert.equal(count('code'), content.catalogs.reduce((n, c) => n + c.value.codes.length, 0));
  assert.equal(count('link'), Object.keys(content.links.value.links).length);
  const step = records.find((r) => r.kind === 'step')!;
  const article = content.articles[0].value;
  assert.deepEqual([step.key, step.path, step.overlayPath, step.overlayFile], [
    recordKey('step', [article.id, article.steps[0].id]), ['steps', 0], ['steps', article.steps[0].id], `articles/${article.id}.json`,
  ]);
});
