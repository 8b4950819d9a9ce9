import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { missingSchemas, schemaRef, shippedSchemas } from '../../../src/content/schema-files.ts';
import { root, tempDir } from '../../support/helpers.ts';

test('the shipped schemas are the files of data/schemas', () => {
  assert.deepEqual(shippedSchemas().map((s) => s.name), readdirSync(join(root, 'data/schemas')).sort());
});

test('a $schema is the path from the file to the data folder\'s schemas, wherever the file is', () => {
  assert.equal(schemaRef('/kb/data', '/kb/data/site.json', 'site'), 'schemas/site.schema.json');
  assert.equal(schemaRef('/kb/data', '/kb/data/articles/a.json', 'article'), '../schemas/article.schema.json');
  assert.equal(schemaRef('/kb/data', '/kb/data/translations/pt-BR/articles/a.json', 'article-translation'), '../../../schemas/article-translation.schema.json');
  assert.equal(schemaRef('content', 'content/errors/c.json', 'catalog'), '../schemas/catalog.schema.json');
});

test('files about to be written bring the schemas they name when the folder lacks them, once each, and nothing else', () => {
  const tmp = tempDir();
  try {
    const data = join(tmp.dir, 'data');
    mkdirSync(join(data, 'schemas'), { recursive: true });
    writeFileSync(join(data, 'schemas/links.schema.json'), '{}');
    const changes = [
      { path: join(data, 'articles/a.json'), text: '{\n  "$schema": "../schemas/article.schema.json",\n  "id": "a"\n}\n' },
      { path: join(data, 'articles/b.json'), text: '{ "$schema": "../schemas/article.schema.json" }' },
      { path: join(data, 'links.json'), text: '{ "$schema": "./schemas/links.schema.json" }' },
      { path: join(data, 'x.json'), text: '{ "$schema": "https://json-schema.org/draft/2020-12/schema" }' },
      { path: join(data, 'y.json'), text: '{ "$schema": "../elsewhere/not-ours.schema.json" }' },
      { path: join(data, 'z.json'), text: '{ "id": "no schema" }' },
    ];
    const missing = missingSchemas(changes);
    assert.deepEqual(missing.map((m) => m.path), [join(data, 'schemas/article.schema.json')]);
    assert.equal(missing[0].text, shippedSchemas().find((s) => s.name === 'article.schema.json')!.text);
  } finally {
    tmp.cleanup();
  }
});
