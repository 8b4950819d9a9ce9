import assert from 'node:assert/strict';
import { loadTranslatedContent } from '../../src/build/prepare-site.ts';
import { allRecords } from '../../src/content/records.ts';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { wantedUiKeys } from '../../src/i18n/create-i18n.ts';
import { root, runCli, tempDir } from '../support/helpers.ts';
import { snapshot } from '../support/snapshot.ts';
import { editUnits, readmeBlock, type ToolUnit } from '../support/xliff-tool.ts';

const tmp = tempDir('fieldguide-xliff-');
after(() => tmp.cleanup());

const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** A README sample with its counts masked: the counts are the shipped data's, and tests check them against the data they build. */
const masked = (text: string) => text.replace(/\d+/g, '#');
const en = JSON.parse(readFileSync(join(root, 'src/i18n/ui/en.json'), 'utf8')) as Record<string, string>;

interface Status {
  locale: string;
  counts: Record<string, number>;
  records: { key: string; state: string; method?: string }[];
  ui: { total: number; missing: string[] };
}

/** A copy of the shipped data/ in `<tmp>/<as>/data`, where the README's commands run. */
function shippedCopy(as: string): string {
  const cwd = join(tmp.dir, as);
  cpSync(join(root, 'data'), join(cwd, 'data'), { recursive: true });
  return cwd;
}

function cli(args: string[], cwd: string, code = 0) {
  const r = runCli(args, cwd);
  assert.equal(r.code, code, `${args.join(' ')}\n${r.stderr}`);
  return r;
}

function status(cwd: string, locale: string): Status {
  return JSON.parse(cli(['i18n', 'status', '--format', 'json'], cwd).stdout).locales.find((l: Status) => l.locale === locale);
}

/** Splits a README command line like a shell would (single quotes only), e.g. `npx fieldguide i18n stamp id 'a/*'`. */
const words = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);

/** Runs a README recipe line by line in `cwd`: each `npx fieldguide …` for real (then `ran`), each `# translate …` comment by `translate`. */
function followRecipe(block: string, cwd: string, translate: () => void, ran: (line: string) => void = () => {}): Map<string, ReturnType<typeof runCli>> {
  const out = new Map<string, ReturnType<typeof runCli>>();
  let translated = false;
  for (const line of block.split('\n').filter(Boolean)) {
    if (line.startsWith('#')) {
      assert.match(line, /^# translate /);
      translate();
      translated = true;
      continue;
    }
    const [npx, bin, ...args] = words(line);
    assert.deepEqual([npx, bin], ['npx', 'fieldguide'], line);
    out.set(line, cli(args, cwd));
    ran(line);
  }
  assert.ok(translated, 'the recipe has a translation step');
  return out;
}

const unitsOf = (xml: string) => [...xml.matchAll(/<trans-unit id="([^"]*)"/g)].map((m) => m[1]);

test('an export imported unedited changes nothing in the shipped data, byte for byte', () => {
  const cwd = shippedCopy('round-trip');
  const before = snapshot(join(cwd, 'data'));
  const exported = cli(['i18n', 'export', 'id', '--format', 'xliff'], cwd).stdout;
  writeFileSync(join(cwd, 'id.xlf'), exported);
  const r = cli(['i18n', 'import', 'id.xlf'], cwd);
  assert.equal(r.stdout, 'fieldguide i18n import: nothing to change; the id translations already match every unit\n');
  assert.deepEqual(snapshot(join(cwd, 'data')), before);

  // One unit per translatable field of every record, and one per UI string Indonesian needs.
  const id = status(cwd, 'id');
  const units = unitsOf(exported);
  assert.equal(new Set(units.map((u) => u.split('#')[0]).filter((k) => !k.startsWith('ui/'))).size, id.counts.total);
  assert.equal(units.filter((u) => u.startsWith('ui/')).length, id.ui.total);
  // Every shipped record is machine-translated, and says so.
  assert.equal((exported.match(/<target state="translated" state-qualifier="mt-suggestion">/g) ?? []).length, units.length - id.ui.total);
  // Protected terms travel as locked codes, and each unit carries the hash it was exported against.
  assert.match(exported, /<trans-unit id="step\/configure-mim-sync-service\/slow-full-sync-tempdb#text" extradata="sha256-[0-9a-f]{16}">\s*<source>[^\n]*<ph id="\d+" ctype="x-term">TempDB<\/ph>/);
  assert.match(exported, /<bpt id="(\d+)" ctype="link">\[<\/bpt>guide to troubleshooting extension-dll-exception<ept id="\1">\]\(link:technet-7515\)<\/ept>/);
  assert.match(exported, /<ph id="\d+" ctype="x-link">\[stopped-extension-dll-exception\]\(error:mim-run-status\/stopped-extension-dll-exception\)<\/ph>/);
});

test('README "Translate with a translation tool", followed literally: reviewed steps come back reviewed', () => {
  const cwd = shippedCopy('tool');
  const edited = 'Menangani peristiwa <ph id="1" ctype="x-term">PCNS</ph> 6025';
  let beforeImport: Record<string, string> = {};
  const results = followRecipe(readmeBlock(readme, '#### Translate with a translation tool'), cwd, () => {
    const file = join(cwd, 'id.xlf');
    // The reviewer confirms every step of the article, rewording one title.
    writeFileSync(file, editUnits(readFileSync(file, 'utf8'), (u: ToolUnit) => {
      if (!u.id.startsWith('step/configure-mim-sync-service/')) return undefined;
      return { state: 'final', qualifier: '', target: u.id.endsWith('pcns-event-6025#title') ? edited : u.target };
    }));
    beforeImport = snapshot(join(cwd, 'data'));
  }, (line) => {
    if (line.endsWith('--dry-run')) assert.deepEqual(snapshot(join(cwd, 'data')), beforeImport, 'the dry run writes nothing');
  });
  const [, dry, imported] = [...results.values()];
  const changes = (out: string) => out.split('\n').filter((l) => !l.startsWith('fieldguide i18n import:'));
  assert.deepEqual(changes(dry.stdout), changes(imported.stdout), 'the dry run lists the same changes');
  const stepCount = status(cwd, 'id').records.filter((r) => r.key.startsWith('step/configure-mim-sync-service/')).length;
  assert.match(dry.stdout, new RegExp(`^fieldguide i18n import: dry run; ${stepCount} records and 0 UI strings would change in 1 file; nothing was written$`, 'm'));

  // What the README shows is what the import printed.
  const shown = readmeBlock(readme, '#### Translate with a translation tool', 1).split('\n').filter((l) => l !== '…');
  for (const line of shown) assert.ok(imported.stdout.split('\n').map(masked).includes(masked(line)), line);

  const steps = status(cwd, 'id').records.filter((r) => r.key.startsWith('step/configure-mim-sync-service/'));
  assert.ok(steps.length > 0);
  for (const s of steps) assert.deepEqual([s.state, s.method], ['translated', 'reviewed'], s.key);
  assert.match(readFileSync(join(cwd, '_site/id/articles/configure-mim-sync-service/index.html'), 'utf8'), /Menangani peristiwa PCNS 6025/);
  // Only the article overlay changed.
  const after = snapshot(join(cwd, 'data'));
  const changed = Object.keys(after).filter((f) => after[f] !== beforeImport[f]);
  assert.deepEqual(changed, ['translations/id/articles/configure-mim-sync-service.json']);
  // Edited in place: the reworded title, and a method line per step; the rest as it was.
  const strip = (text: string) => text.split('\n').filter((l) => !/^\s*"method": "reviewed",?$/.test(l)).map((l) => l.replace(/,$/, '')).join('\n');
  const [file] = changed;
  assert.equal(strip(after[file]), strip(beforeImport[file].replace('"Atasi peristiwa PCNS 6025"', '"Menangani peristiwa PCNS 6025"')));
  assert.equal(after[file].split('\n').length - beforeImport[file].split('\n').length, steps.length);
});

test('README "Add a language", followed literally: a German site with German interface strings', () => {
  const cwd = shippedCopy('german');
  const results = followRecipe(readmeBlock(readme, '#### Add a language'), cwd, () => {
    const file = join(cwd, 'de.xlf');
    // Fill every target, keeping the locked codes: a few real labels, German words before the rest.
    const labels: Record<string, string> = { 'ui/nav.home': 'Startseite', 'ui/article.steps': 'Empfohlene Schritte' };
    writeFileSync(file, editUnits(readFileSync(file, 'utf8'), (u) => ({ state: 'translated', target: labels[u.id] ?? `Übersetzt: ${u.source}` })));
  });
  const init = [...results.values()][0];
  assert.equal(masked(init.stdout.trim()), masked(readmeBlock(readme, '#### Add a language', 1)), 'init prints what the README shows');
  const { content } = loadTranslatedContent(join(cwd, 'data'));
  const records = allRecords(content);
  assert.match(init.stdout, new RegExp(`^${records.length} records have no de translation yet:$`, 'm'));
  for (const kind of new Set(records.map((r) => r.kind))) {
    assert.match(init.stdout, new RegExp(`^  ${kind} +${records.filter((r) => r.kind === kind).length}  `, 'm'), kind);
  }

  const de = status(cwd, 'de');
  assert.deepEqual(de.ui.missing, []);
  assert.equal(de.ui.total, wantedUiKeys(en, 'de').length);
  assert.equal(de.counts.missing, 0);
  assert.equal(de.counts.translated, de.counts.total);
  assert.ok(de.records.every((r) => r.method === 'human'));

  const home = readFileSync(join(cwd, '_site/de/index.html'), 'utf8');
  assert.match(home, /<html lang="de" dir="ltr"/);
  assert.match(home, />Startseite</);
  const article = readFileSync(join(cwd, '_site/de/articles/configure-mim-sync-service/index.html'), 'utf8');
  assert.match(article, />Empfohlene Schritte</);
  assert.match(article, /Übersetzt: Install the latest MIM Sync update/);
  assert.doesNotMatch(article, /class="[^"]*notice-fallback/, 'no text is shown in English as a fallback');

  // The German data round-trips too: exporting and importing again changes nothing.
  const before = snapshot(join(cwd, 'data'));
  writeFileSync(join(cwd, 'again.xlf'), cli(['i18n', 'export', 'de'], cwd).stdout);
  assert.match(cli(['i18n', 'import', 'again.xlf'], cwd).stdout, /nothing to change/);
  assert.deepEqual(snapshot(join(cwd, 'data')), before);
});

test('a unit translated against an older source is written with that hash and shows as stale', () => {
  const cwd = shippedCopy('stale');
  cli(['i18n', 'init', 'de'], cwd);
  cli(['i18n', 'export', 'de', '--output', 'de.xlf'], cwd);
  const xlf = readFileSync(join(cwd, 'de.xlf'), 'utf8');
  const seen = /<trans-unit id="step\/configure-mim-sync-service\/pcns-event-6025#title" extradata="([^"]+)"/.exec(xlf)![1];

  // The source changes while the translator works on the export.
  const articleFile = join(cwd, 'data/articles/configure-mim-sync-service.json');
  const article = readFileSync(articleFile, 'utf8');
  writeFileSync(articleFile, article.replace('"Troubleshoot PCNS event 6025"', '"Troubleshoot PCNS event 6025 on a domain controller"'));

  writeFileSync(join(cwd, 'de.xlf'), editUnits(xlf, (u) => (u.id.startsWith('step/configure-mim-sync-service/') ? { state: 'translated', target: `Übersetzt: ${u.source}` } : undefined)));
  const r = cli(['i18n', 'import', 'de.xlf'], cwd);
  assert.match(r.stdout, new RegExp(`^added step/configure-mim-sync-service/pcns-event-6025 in data/translations/de/articles/configure-mim-sync-service\\.json: title, text \\(human, made from an older source ${seen}: shown as stale\\)$`, 'm'));
  const overlay = JSON.parse(readFileSync(join(cwd, 'data/translations/de/articles/configure-mim-sync-service.json'), 'utf8'));
  assert.equal(overlay.steps['pcns-event-6025'].source, seen);
  const steps = status(cwd, 'de').records.filter((s) => s.key.startsWith('step/configure-mim-sync-service/'));
  for (const s of steps) assert.deepEqual([s.state, s.method], [s.key.endsWith('/pcns-event-6025') ? 'stale' : 'translated', 'human'], s.key);
});

test('a draft (a target the translator did not confirm) is written but not stamped; a confirmed copy of the source counts as translated', () => {
  const cwd = shippedCopy('draft');
  cli(['i18n', 'init', 'de'], cwd);
  assert.ok(status(cwd, 'de').ui.missing.includes('status.status'), 'the English guide text is untranslated');
  cli(['i18n', 'export', 'de', '--output', 'de.xlf'], cwd);
  const file = join(cwd, 'de.xlf');
  writeFileSync(file, editUnits(readFileSync(file, 'utf8'), (u) => {
    if (u.id === 'link/technet-7515#title') return { state: 'needs-review-translation', target: `Entwurf: ${u.source}` };
    // "Status" is German too: the translator copies the source and confirms it.
    if (u.id === 'ui/status.status') return { state: 'translated', target: u.source };
    return undefined;
  }));
  const r = cli(['i18n', 'import', 'de.xlf'], cwd);
  assert.match(r.stdout, /^updated ui\/status\.status in data\/translations\/de\/ui\.json \(the same as the source on purpose \(\$sameAsSource\)\)$/m);
  assert.deepEqual(JSON.parse(readFileSync(join(cwd, 'data/translations/de/ui.json'), 'utf8')).$sameAsSource, ['status.status']);
  assert.ok(!status(cwd, 'de').ui.missing.includes('status.status'));
  assert.match(r.stdout, /^added link\/technet-7515 in data\/translations\/de\/links\.json: title \(human, draft \(state needs-review-translation\): shown as stale until confirmed\)$/m);
  const links = JSON.parse(readFileSync(join(cwd, 'data/translations/de/links.json'), 'utf8'));
  assert.equal(links.$schema, '../../schemas/links-translation.schema.json');
  assert.equal(links.translation.method, 'human');
  assert.equal(links.links['technet-7515'].source, undefined);
  assert.equal(status(cwd, 'de').records.find((s) => s.key === 'link/technet-7515')?.state, 'stale');
});

// Refused imports write nothing (each case checks), so they share one copy of the data and one export.
let refusals: { cwd: string; xml: string } | undefined;

/** Imports a hand-broken copy of an export of the shipped data and checks the refusal and that nothing was written. */
function refused(name: string, breakIt: (xml: string) => string, message: RegExp, extra: string[] = []) {
  if (!refusals) {
    const cwd = shippedCopy('refusals');
    refusals = { cwd, xml: cli(['i18n', 'export', 'id'], cwd).stdout };
  }
  const { cwd, xml } = refusals;
  const broken = breakIt(xml);
  assert.notEqual(broken, xml, name);
  writeFileSync(join(cwd, 'id.xlf'), broken);
  const before = snapshot(join(cwd, 'data'));
  const r = cli(['i18n', 'import', 'id.xlf', ...extra], cwd, 1);
  assert.match(r.stderr, message, name);
  assert.match(r.stderr, /^fieldguide i18n import: nothing was written$/m, name);
  assert.equal(r.stdout, '', name);
  assert.deepEqual(snapshot(join(cwd, 'data')), before, `${name}: the data folder is as it was`);
  return { r, broken };
}

const lineOf = (xml: string, needle: string) => xml.slice(0, xml.indexOf(needle)).split('\n').length;

test('malformed XML is refused at its line and column', () => {
  const { r, broken } = refused('malformed', (xml) => xml.replace('</body>', '</bdy>'), /^id\.xlf:(\d+):5: malformed XML: <\/bdy> does not close <body>, opened on line (\d+) \(the file is not well-formed XML; open it in the translation tool again and re-export it\)$/m);
  const [, line, opened] = /^id\.xlf:(\d+):5: .* opened on line (\d+)/m.exec(r.stderr)!;
  assert.equal(Number(line), lineOf(broken, '</bdy>'));
  assert.equal(Number(opened), lineOf(broken, '<body>'));
  refused('entity', (xml) => xml.replace('Run History', 'Run & History'), /^id\.xlf:\d+:\d+: malformed XML: invalid character in entity name /m);
});

test('a file for another locale, or for a locale the site lacks, is refused', () => {
  refused('fr', (xml) => xml.replace(/target-language="id"/g, 'target-language="fr"'), /^id\.xlf:3:3: target-language "fr" is not a locale of this site \(id\) \(add it with fieldguide i18n init fr\)$/m);
  refused('en', (xml) => xml.replace(/target-language="id"/g, 'target-language="en"'), /^id\.xlf:3:3: target-language "en" is the source locale of this site \(translations go into another locale\)$/m);
  refused('region', (xml) => xml.replace(/target-language="id"/g, 'target-language="id-ID"'), /^id\.xlf:3:3: target-language "id-ID" is not a locale of this site \(id\) \(did you mean "id"\? set target-language="id"\)$/m);
  refused('mixed', (xml) => xml.replace(/(<file original="links\.json"[^>]*)target-language="id"/, '$1target-language="de"'), /^id\.xlf:\d+:3: <file original="links\.json"> has target-language "de", the first <file> "id" \(one file translates into one locale; export each locale on its own\)$/m);
  const cwd = shippedCopy('expected');
  cli(['i18n', 'init', 'de'], cwd);
  writeFileSync(join(cwd, 'id.xlf'), cli(['i18n', 'export', 'id'], cwd).stdout);
  const r = cli(['i18n', 'import', 'id.xlf', '--locale', 'de'], cwd, 1);
  assert.match(r.stderr, /^id\.xlf:3:3: target-language is "id", not "de" \(--locale\) /m);
});

test('an unknown unit id is refused where it is, with the id it most likely meant', () => {
  const { r, broken } = refused('unknown', (xml) => xml.replace('id="step/configure-mim-sync-service/pcns-event-6025#text"', 'id="step/configure-mim-sync-service/pcns-event-6052#text"'),
    /^id\.xlf:(\d+):9 step\/configure-mim-sync-service\/pcns-event-6052#text: unknown unit id "step\/configure-mim-sync-service\/pcns-event-6052#text" \(did you mean "step\/configure-mim-sync-service\/pcns-event-6025#text"\?\)$/m);
  const line = Number(/^id\.xlf:(\d+):9 /m.exec(r.stderr)![1]);
  assert.match(broken.split('\n')[line - 1], /^ {8}<target /, 'located at the unit\'s target');
  assert.ok(readme.includes(r.stderr.split('\n')[0]), 'the README shows this very message');
});

test('a target linking to javascript: is refused, located at its unit, like a lost protected term', () => {
  const id = 'step/configure-mim-sync-service/pcns-event-6025#text';
  const { r } = refused('javascript', (xml) => editUnits(xml, (u) => (u.id === id ? { target: u.target.replace(/\]\(link:technet-4159\)<\/ept>/, '](link:technet-4159)</ept> [x](javascript:alert(1))') } : undefined)),
    /^id\.xlf:\d+:9 step\/configure-mim-sync-service\/pcns-event-6025#text: link target "javascript:alert\(1\)" is not allowed \(use article:<id>, article:<article>#<step>, catalog:<id>, catalog:<catalog>#<phase>, error:<catalog>\/<code>, link:<id> or #anchor\)$/m);
  assert.ok(readme.includes(r.stderr.split('\n')[0]), 'the README shows this very message');
  refused('term', (xml) => editUnits(xml, (u) => (u.id === 'step/configure-mim-sync-service/slow-full-sync-tempdb#text' ? { target: u.target.replace(/<ph id="(\d+)" ctype="x-term">TempDB<\/ph>/, 'Code') } : undefined)),
    /^id\.xlf:\d+:9 step\/configure-mim-sync-service\/slow-full-sync-tempdb#text: id: glossary term "TempDB" is missing from the translation; nothing resembling it was found \(glossary terms in site\.json are product names and UI labels; keep them verbatim\)$/m);
  refused('placeholder', (xml) => editUnits(xml, (u) => (u.id === 'ui/article.updated' ? { target: 'Diperbarui' } : undefined)),
    /^id\.xlf:\d+:9 ui\/article\.updated: placeholder "\{\{date\}\}" is missing from the translation /m);
});
