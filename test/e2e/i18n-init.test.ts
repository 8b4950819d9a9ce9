import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { wantedUiKeys } from '../../src/i18n/create-i18n.ts';
import { root, runCli, tempDir } from '../support/helpers.ts';
import { snapshot } from '../support/snapshot.ts';

const tmp = tempDir('fieldguide-init-');
after(() => tmp.cleanup());

const en = JSON.parse(readFileSync(join(root, 'src/i18n/ui/en.json'), 'utf8')) as Record<string, string>;

/** A copy of the shipped data/ in `<tmp>/<as>/data`; commands run in `<tmp>/<as>`. */
function shippedCopy(as: string): string {
  const cwd = join(tmp.dir, as);
  cpSync(join(root, 'data'), join(cwd, 'data'), { recursive: true });
  return cwd;
}

const status = (cwd: string, locale: string) => {
  const r = runCli(['i18n', 'status', '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).locales.find((l: { locale: string }) => l.locale === locale);
};

test('init de lists German in site.json, writes every UI string German needs, and names what is left to translate', () => {
  const cwd = shippedCopy('de');
  const siteBefore = readFileSync(join(cwd, 'data/site.json'), 'utf8');
  const r = runCli(['i18n', 'init', 'de'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'added de (Deutsch, ltr) to data/site.json');
  const wanted = wantedUiKeys(en, 'de');
  assert.equal(lines[1], `wrote data/translations/de/ui.json: ${wanted.length} UI strings, in English until translated`);

  // site.json keeps its formatting: the new entry is the only change.
  const site = readFileSync(join(cwd, 'data/site.json'), 'utf8');
  assert.equal(site.replace(/,\n {4}\{\n {6}"code": "de",\n {6}"label": "Deutsch",\n {6}"dir": "ltr"\n {4}\}/, ''), siteBefore);

  const ui = JSON.parse(readFileSync(join(cwd, 'data/translations/de/ui.json'), 'utf8'));
  assert.equal(ui.$schema, '../../schemas/ui-translation.schema.json');
  assert.deepEqual(Object.keys(ui).filter((k) => k !== '$schema').sort(), wanted);
  for (const k of wanted) assert.equal(ui[k], en[k], k);

  // Every record is still to translate, counted per kind, with the overlay files they go in.
  const de = status(cwd, 'de');
  assert.equal(de.counts.missing, de.counts.total);
  assert.equal(lines[2], `${de.counts.total} records have no de translation yet:`);
  const kinds = new Map<string, number>();
  for (const rec of de.records as { key: string }[]) kinds.set(rec.key.split('/')[0], (kinds.get(rec.key.split('/')[0]) ?? 0) + 1);
  for (const [kind, n] of kinds) assert.match(r.stdout, new RegExp(`^ {2}${kind} +${n} {2}data/translations/de/`, 'm'), kind);
  assert.match(r.stdout, /^ {2}step +\d+ {2}data\/translations\/de\/articles\/configure-mim-sync-service\.json$/m);
  assert.match(r.stdout, /^next: fieldguide i18n export de --format xliff --output de\.xlf, translate it, then fieldguide i18n import de\.xlf$/m);

  // English copies in ui.json are not translations: the status counts them all as untranslated.
  assert.deepEqual(de.ui, { total: wanted.length, missing: wanted });
  const build = runCli(['build', '--out', join(cwd, 'site')], cwd);
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stderr, new RegExp(`^data/translations/de/ui\\.json:1:1: warning: de: ${wanted.length} UI strings missing, shown in en: `, 'm'));
  assert.match(readFileSync(join(cwd, 'site/de/index.html'), 'utf8'), /<html lang="de" dir="ltr"/);
});

test('init run again keeps the strings already translated and adds only the keys ui.json lacks', () => {
  const cwd = shippedCopy('again');
  assert.equal(runCli(['i18n', 'init', 'de'], cwd).code, 0);
  const file = join(cwd, 'data/translations/de/ui.json');
  const first = readFileSync(file, 'utf8');
  const edited = first.replace('"nav.home": "Home"', '"nav.home": "Startseite"').replace(/\n {2}"root\.title": "Choose a language",/, '');
  assert.notEqual(edited, first);
  writeFileSync(file, edited);
  const site = readFileSync(join(cwd, 'data/site.json'), 'utf8');

  const r = runCli(['i18n', 'init', 'de'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const wanted = wantedUiKeys(en, 'de');
  assert.match(r.stdout, /^de \(Deutsch\) is already a locale of data\/site\.json$/m);
  assert.match(r.stdout, new RegExp(`^data/translations/de/ui\\.json: added 1 missing UI string \\(in English\\), kept the ${wanted.length - 1} it had$`, 'm'));
  assert.equal(readFileSync(join(cwd, 'data/site.json'), 'utf8'), site, 'site.json is left alone');
  const ui = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(ui['nav.home'], 'Startseite');
  assert.equal(ui['root.title'], en['root.title']);
  // Only the re-added key is new; the rest of the file is as the translator left it.
  assert.equal(readFileSync(file, 'utf8').replace(/,\n {2}"root\.title": "Choose a language"/, ''), edited);
  assert.ok(!status(cwd, 'de').ui.missing.includes('nav.home'), 'a translated string counts as translated');
});

test('init writes the plural forms a language needs and the direction of its script', () => {
  const cwd = shippedCopy('ar');
  const r = runCli(['i18n', 'init', 'ar'], cwd);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^added ar \(العربية, rtl\) to data\/site\.json$/m);
  const ui = JSON.parse(readFileSync(join(cwd, 'data/translations/ar/ui.json'), 'utf8'));
  for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) assert.equal(ui[`home.codeCount_${form}`], en[`home.codeCount_${form}`] ?? en['home.codeCount_other'], form);
});

test('init refuses a code that is not BCP 47 and the source locale, writing nothing', () => {
  const cwd = shippedCopy('refused');
  const before = snapshot(join(cwd, 'data'));
  const cases: [string, RegExp][] = [
    ['de_DE', /^fieldguide i18n: "de_DE" is not a BCP 47 language tag; did you mean "de-DE"\?; run 'fieldguide i18n --help'$/m],
    ['deutsch!', /^fieldguide i18n: "deutsch!" is not a BCP 47 language tag \(e\.g\. "de", "pt-BR", "zh-Hant"\)/m],
    ['pt-br', /^fieldguide i18n: "pt-br" is not written the BCP 47 way; did you mean "pt-BR"\?/m],
    ['en', /^fieldguide i18n: "en" is the source locale of this site; its text lives in the source files/m],
  ];
  for (const [code, message] of cases) {
    const r = runCli(['i18n', 'init', code], cwd);
    assert.equal(r.code, 2, code);
    assert.match(r.stderr, message, code);
  }
  assert.deepEqual(snapshot(join(cwd, 'data')), before);
});
