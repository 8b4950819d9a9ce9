import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fixture, root, runCli, tempDir } from '../support/helpers.ts';

/** `fieldguide schemas` and the rule that every `$schema` a command writes names a file that is there. */

const tmp = tempDir('fieldguide-schemas-');
after(() => tmp.cleanup());
const shipped = readdirSync(join(root, 'data/schemas')).sort();

test('schemas writes every schema into the data folder, reports what changed, and --check tells an out-of-date folder', () => {
  const data = join(tmp.dir, 'data');
  cpSync(fixture('valid'), data, { recursive: true });
  const check = runCli(['schemas', data, '--check']);
  assert.equal(check.code, 1);
  assert.match(check.stderr, new RegExp(`^fieldguide schemas: ${shipped.length} of ${shipped.length} schemas out of date; run 'fieldguide schemas ${data}'$`, 'm'));
  const r = runCli(['schemas', data]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(join(data, 'schemas')).sort(), shipped);
  for (const f of shipped) assert.equal(readFileSync(join(data, 'schemas', f), 'utf8'), readFileSync(join(root, 'data/schemas', f), 'utf8'));
  assert.match(r.stdout, new RegExp(`^${shipped.length} schemas in .*schemas: ${shipped.length} written, 0 already current$`, 'm'));

  writeFileSync(join(data, 'schemas/site.schema.json'), '{}\n');
  const stale = runCli(['schemas', data, '--check']);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /site\.schema\.json differs from this version of Fieldguide/);
  const again = runCli(['schemas', data]);
  assert.match(again.stdout, /^updated .*site\.schema\.json$/m);
  assert.match(again.stdout, new RegExp(`: 1 written, ${shipped.length - 1} already current$`, 'm'));
  assert.equal(runCli(['schemas', data, '--check']).code, 0);
  assert.equal(runCli(['schemas', join(tmp.dir, 'nowhere')]).code, 2);
  assert.equal(runCli(['schemas']).code, 0, 'in this repository, data/ is current');
});

/** Every `$schema` of the JSON files under `dir` resolves to a file that exists. */
function assertSchemasResolve(dir: string): void {
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.json') || e.parentPath.endsWith('schemas')) continue;
    const file = join(e.parentPath, e.name);
    const ref = JSON.parse(readFileSync(file, 'utf8')).$schema as string | undefined;
    if (ref?.startsWith('.') || ref?.startsWith('schemas/')) assert.ok(existsSync(resolve(dirname(file), ref)), `${relative(dir, file)}: ${ref} exists`);
  }
}

test('import into a data folder without schemas writes $schema references that resolve, adding the schemas they name', () => {
  const data = join(tmp.dir, 'imported');
  cpSync(fixture('valid'), data, { recursive: true });
  const r = runCli(['import', fixture('import/widget-overheats.md'), '--data', data]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^created .*imported\/schemas\/article\.schema\.json$/m);
  assert.equal(JSON.parse(readFileSync(join(data, 'articles/widget-overheats.json'), 'utf8')).$schema, '../schemas/article.schema.json');
  assertSchemasResolve(join(data, 'articles'));
});

test('a translation imported into a new locale folder names a schema that is there', () => {
  const data = join(tmp.dir, 'translated');
  cpSync(join(root, 'data'), data, { recursive: true });
  rmSync(join(data, 'schemas'), { recursive: true });
  const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8'));
  site.locales.push({ code: 'fr', label: 'Français', dir: 'ltr' });
  writeFileSync(join(data, 'site.json'), JSON.stringify(site, null, 2));
  const r = runCli(['import', fixture('import/configure-mim-sync-service.fr.md'), '--data', data, '--translation-of', 'configure-mim-sync-service']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(data, 'schemas/article-translation.schema.json')));
  assertSchemasResolve(join(data, 'translations/fr'));
  const init = runCli(['i18n', 'init', 'de', '--data', data]);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /^wrote .*schemas\/ui-translation\.schema\.json, the schema it names$/m);
  assertSchemasResolve(join(data, 'translations/de'));
});
