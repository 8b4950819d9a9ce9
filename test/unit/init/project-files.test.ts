import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packageName, parseLocales } from '../../../src/cli/init.ts';
import { fileKinds } from '../../../src/content/kinds.ts';
import { schemaMappings } from '../../../src/init/editor-settings.ts';
import { exampleSite, projectFiles, siteFile } from '../../../src/init/project-files.ts';
import { occupyingEntries } from '../../../src/init/write-project.ts';
import { tempDir } from '../../support/helpers.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

test('the editor mappings come from the table of file kinds: each source kind and its overlay, plus ui.json', () => {
  const kinds = Object.values(fileKinds);
  const mappings = schemaMappings('data');
  assert.equal(mappings.length, kinds.length * 2 + 1);
  for (const spec of kinds as { schema: string }[]) {
    assert.ok(mappings.some((m) => m.url === `./data/schemas/${spec.schema}.schema.json`), spec.schema);
    assert.ok(mappings.some((m) => m.url === `./data/schemas/${spec.schema}-translation.schema.json`), `${spec.schema}-translation`);
  }
  assert.deepEqual(mappings.find((m) => m.url.endsWith('/article.schema.json'))!.fileMatch, ['/data/articles/*.json']);
  assert.deepEqual(mappings.at(-1), { fileMatch: ['/data/translations/*/ui.json'], url: './data/schemas/ui-translation.schema.json' });
});

test('locale lists: the source first and English, each a BCP 47 tag once', () => {
  assert.deepEqual(parseLocales('en,de'), ['en', 'de']);
  assert.deepEqual(parseLocales(' en , pt-BR ,'), ['en', 'pt-BR']);
  assert.deepEqual(parseLocales('en'), ['en']);
  assert.match(parseLocales('fr,en') as string, /^the example is written in English, so the first \(source\) locale must be en; list your languages after it, e.g\. en,fr$/);
  assert.equal(parseLocales(''), 'name at least one locale, the source first, e.g. en,de');
  assert.equal(parseLocales('en,EN'), '"EN" is not a BCP 47 language tag; did you mean "en"?');
});

test('package names from folder names', () => {
  assert.equal(packageName('kb'), 'kb');
  assert.equal(packageName('My KB'), 'my-kb');
  assert.equal(packageName('.hidden'), 'hidden');
  assert.equal(packageName('€€'), 'knowledge-base');
});

test('site.json keeps its text when nothing changes, and changes only the title and locales asked for', () => {
  const text = projectFiles({ locales: ['en', 'de'], name: 'x' }).find((f) => f.path === 'data/site.json')!.text;
  assert.equal(siteFile(text, { locales: ['en', 'de'], name: 'x' }), text);
  assert.equal(siteFile(text, { title: exampleSite().title, locales: ['en', 'de'], name: 'x' }), text);
  const changed = JSON.parse(siteFile(text, { title: 'Help', locales: ['en', 'ar'], name: 'x' }));
  assert.equal(changed.title, 'Help');
  assert.deepEqual(changed.locales, [{ code: 'en', label: 'English', dir: 'ltr' }, { code: 'ar', label: 'العربية', dir: 'rtl' }]);
  assert.deepEqual(changed.glossary, JSON.parse(text).glossary);
});

test('the example\'s translations are written only for the locales chosen, and the others get a ui.json', () => {
  const paths = (locales: string[]) => projectFiles({ locales, name: 'x' }).map((f) => f.path).filter((p) => p.startsWith('data/translations/'));
  assert.ok(paths(['en', 'de']).includes('data/translations/de/articles/fix-a-failed-backup-job.json'));
  assert.deepEqual(paths(['en']), []);
  assert.deepEqual(paths(['en', 'ja']), ['data/translations/ja/ui.json']);
});

test('what makes a folder not empty for init', () => {
  const tmp = tempDir();
  try {
    assert.deepEqual(occupyingEntries(join(tmp.dir, 'missing')), []);
    for (const d of ['.git', 'node_modules']) mkdirSync(join(tmp.dir, d));
    for (const f of ['package.json', 'package-lock.json', '.npmrc']) writeFileSync(join(tmp.dir, f), '');
    assert.deepEqual(occupyingEntries(tmp.dir), []);
    writeFileSync(join(tmp.dir, '.env'), '');
    mkdirSync(join(tmp.dir, 'data'));
    assert.deepEqual(occupyingEntries(tmp.dir), ['.env', 'data']);
  } finally {
    tmp.cleanup();
  }
});
