import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixture, root, runCli, tempDir } from '../support/helpers.ts';

const tmp = tempDir('fieldguide-import-');
after(() => tmp.cleanup());

// The user's seed: Microsoft's Indonesian machine translation of the article, front matter and all.
const seedFile = fixture('import/configure-mim-sync-service.id.md');
const overlayPath = 'translations/id/articles/configure-mim-sync-service.json';

/** A private copy of a data folder, so imports never write into the repository. */
function copyOf(dir: string, name: string): string {
  const out = join(tmp.dir, name);
  cpSync(dir, out, { recursive: true });
  return out;
}

/** Every file of a folder with its text, to prove a failed or dry-run import wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

// The seed's seven numbered steps, in order, with the source step each is matched to and why.
const seedMatches: [string, string][] = [
  ['install-latest-sync-update', 'position, link mim-version-history'],
  ['update-generic-connectors', 'position, link mim-connector-version-history'],
  ['look-up-run-error', 'position, link mim-error-codes'],
  ['extension-dll-exception', 'position, link technet-7515'],
  ['pcns-event-6025', 'position, link technet-4159'],
  ['slow-full-sync-tempdb', 'position, link technet-14713'],
  ['failed-creation-via-web-services', 'position, link iamsupport-failed-creation'],
];

// Every protected term the seed lost, at its place in the written overlay.
const seedLost: [string, string][] = [
  ['28:15', 'steps["look-up-run-error"].text: id: reference "catalog:mim-run-status" is missing from the translation; nothing resembling it was found'],
  ['32:50', 'steps["extension-dll-exception"].text: id: error code name "stopped-extension-dll-exception" is missing from the translation; "ekstensi-dll-pengecualian" stands in its place (error codes are identifiers, not words; write the code exactly as the source does)'],
  ['32:50', 'steps["extension-dll-exception"].text: id: error code name "extension-dll-exception" is missing from the translation; "ekstensi-dll-pengecualian" stands in its place'],
  ['32:127', 'steps["extension-dll-exception"].text: id: glossary term "Connector Space Object Properties" is missing from the translation; "properti objek Ruang konektor" stands in its place'],
  ['32:187', 'steps["extension-dll-exception"].text: id: glossary term "Stack Trace..." is missing from the translation; "stack..." stands in its place'],
  ['36:88', 'steps["pcns-event-6025"].text: id: error code name "6025" is missing from the translation; "kesalahan 6025" stands in its place'],
  ['40:15', 'steps["slow-full-sync-tempdb"].text: id: glossary term "TempDB" is missing from the translation; nothing resembling it was found'],
  ['40:70', 'steps["slow-full-sync-tempdb"].text: id: glossary term "FIM Service" is missing from the translation; "FIM" stands in its place'],
  ['44:46', 'steps["failed-creation-via-web-services"].text: id: error code name "stopped-server" is missing from the translation; "server" stands in its place'],
  ['44:84', 'steps["failed-creation-via-web-services"].text: id: error code name "failed-creation-via-web-services" is missing from the translation; "gagal-melalui-Web-Services" stands in its place'],
  ['44:146', 'steps["failed-creation-via-web-services"].text: id: glossary term "FIM Service" is missing from the translation; "FIM" stands in its place'],
];

test('the Indonesian seed becomes a machine-translated overlay of the shipped article, its seven steps matched', () => {
  const data = copyOf(join(root, 'data'), 'seed');
  const links = readFileSync(join(data, 'links.json'), 'utf8');
  const source = JSON.parse(readFileSync(join(data, 'articles/configure-mim-sync-service.json'), 'utf8'));
  const r = runCli(['import', seedFile, '--data', data, '--translation-of', 'configure-mim-sync-service']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /→ id translation of configure-mim-sync-service \(machine, 2021-03-04\)$/m);
  const n = seedMatches.length;
  assert.match(r.stdout, new RegExp(`^ {2}${n} of ${n} imported steps matched ${source.steps.length} source steps:$`, 'm'));
  seedMatches.forEach(([step, why], i) => {
    assert.match(r.stdout, new RegExp(`^ {4}${i + 1} → ${step} \\(${why}\\)$`, 'm'));
  });
  assert.match(r.stdout, /^links: 7 reused \(mim-version-history, mim-connector-version-history, mim-error-codes, technet-7515, technet-4159, technet-14713, iamsupport-failed-creation\), 0 new$/m);
  assert.equal(readFileSync(join(data, 'links.json'), 'utf8'), links, 'no link added to the registry');

  const overlay = JSON.parse(readFileSync(join(data, overlayPath), 'utf8'));
  assert.deepEqual(overlay.translation, {
    method: 'machine', date: '2021-03-04',
    imported: {
      file: 'configure-mim-sync-service.id.md', contentLocale: 'id-ID', translationType: 'MT', lastHandoff: '2021-03-04',
      openLocFileHash: '48e9a0e8c26088b690092bfaedfba641841739f6', sourceGitCommit: '379e132c4d21ecf703d5506484ec96a767fdda39', locFileId: '50481872',
    },
  });
  assert.equal(overlay.title, 'Mengonfigurasi Layanan Sinkronisasi MIM');
  assert.doesNotMatch(overlay.intro, /Langkah yang direkomendasikan/, 'the list label is not part of the introduction');
  assert.deepEqual(Object.keys(overlay.steps), seedMatches.map(([step]) => step));
  assert.match(overlay.steps['extension-dll-exception'].text, /\[ekstensi-dll-pengecualian\]\(link:technet-7515\)\.$/);
  assert.match(overlay.steps['install-latest-sync-update'].text, /\[catatan rilis MIM Sync\]\(link:mim-version-history\)/);

  const at = (where: string, message: string) => new RegExp(`${overlayPath.replace(/[/.]/g, '\\$&')}:${where} ${message.replace(/[[\]().]/g, '\\$&')}`, 'm');
  for (const [where, message] of seedLost) assert.match(r.stderr, at(where, message));
  assert.match(r.stderr, new RegExp(`^fieldguide import: ${seedLost.length} protected terms lost in translation; the build refuses them until fixed \\(translationPolicy\\.protectedTerms in .*site\\.json\\)$`, 'm'));

  // The written overlay is what the translation status sees: the matched steps, machine-made, the same lost terms.
  const status = runCli(['i18n', 'status', '--data', data, '--format', 'json']);
  assert.equal(status.code, 0, status.stderr);
  const id = JSON.parse(status.stdout).locales[0];
  const machineSteps = id.records.filter((x: { key: string; state: string; method: string }) => x.key.startsWith('step/configure-mim-sync-service/') && x.state === 'translated' && x.method === 'machine');
  assert.deepEqual(machineSteps.map((x: { key: string }) => x.key), seedMatches.map(([step]) => `step/configure-mim-sync-service/${step}`));
  assert.equal(id.counts.protectedTerms, seedLost.length);

  const again = runCli(['import', seedFile, '--data', data, '--translation-of', 'configure-mim-sync-service']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^unchanged .*configure-mim-sync-service\.json$/m);
  assert.doesNotMatch(again.stdout, /^(created|updated) /m, 're-importing the same file changes nothing');
});

test('the French human translation keeps a code name in bold, which becomes the error reference the source has', () => {
  const data = copyOf(join(root, 'data'), 'french');
  const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8'));
  writeFileSync(join(data, 'site.json'), JSON.stringify({ ...site, locales: [...site.locales, { code: 'fr', label: 'Français' }] }, null, 2));
  const r = runCli(['import', fixture('import/configure-mim-sync-service.fr.md'), '--data', data, '--translation-of', 'configure-mim-sync-service']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /→ fr translation of configure-mim-sync-service \(human, 2021-03-04\)$/m);
  assert.match(r.stdout, /^ {4}4 → extension-dll-exception \(position, link technet-7515, code mim-object-errors\/extension-dll-exception\)$/m);
  assert.match(r.stdout, /^created .*translations\/fr\/articles\/configure-mim-sync-service\.json$/m);
  const overlay = JSON.parse(readFileSync(join(data, 'translations/fr/articles/configure-mim-sync-service.json'), 'utf8'));
  assert.equal(overlay.translation.method, 'human');
  assert.match(overlay.steps['extension-dll-exception'].text, /^Si l’exécution s’arrête avec \[extension-dll-exception\]\(error:mim-object-errors\/extension-dll-exception\), /);
  assert.doesNotMatch(r.stderr, /error code name "extension-dll-exception"/, 'the kept code name is no violation');
  assert.match(r.stderr, /steps\["failed-creation-via-web-services"\]\.text: fr: error code name "stopped-server" is missing from the translation; "Serveur" stands in its place/);
});

test('--dry-run prints the overlay it would write and writes nothing', () => {
  const data = copyOf(join(root, 'data'), 'dry');
  const before = snapshot(data);
  const r = runCli(['import', seedFile, '--data', data, '--translation-of', 'configure-mim-sync-service', '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^--- would update .*translations\/id\/articles\/configure-mim-sync-service\.json\n\{\n {2}"\$schema": "\.\.\/\.\.\/\.\.\/schemas\/article-translation\.schema\.json",\n {2}"translation": \{\n {4}"method": "machine",/m);
  assert.match(r.stderr, /^fieldguide import: dry run; nothing was written to /m);
  assert.deepEqual(snapshot(data), before);
});

test('round trip: an English Docs article imports, builds, and its page has the same steps and links', () => {
  const data = copyOf(fixture('valid'), 'round-trip');
  const r = runCli(['import', fixture('import/widget-overheats.md'), '--data', data]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /→ article widget-overheats: 3 steps \(w-200, check-that-the-fanspeed-setting-is, w-100\)$/m);
  assert.match(r.stdout, /^links: 2 reused \(widget-manual, widget-forum\), 1 new \(cooling\)$/m);
  const article = JSON.parse(readFileSync(join(data, 'articles/widget-overheats.json'), 'utf8'));
  assert.deepEqual(
    { updated: article.updated, owner: article.owner, audience: article.audience, robots: article.robots, summary: article.summary },
    { updated: '2024-03-15', owner: 'jdoe', audience: 'admin', robots: 'noindex, nofollow', summary: 'What to do when the Widget reports it is running hot.' },
  );
  assert.equal(article.steps[1].text, 'Check that the `FanSpeed` setting is not `Low`; see the [cooling guide](link:cooling) for the right value.');
  assert.deepEqual(JSON.parse(readFileSync(join(data, 'links.json'), 'utf8')).links.cooling, { url: 'https://example.test/guides/cooling.html', title: 'cooling guide' });

  const imported = snapshot(data);
  const again = runCli(['import', fixture('import/widget-overheats.md'), '--data', data]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^links: 3 reused \(widget-manual, cooling, widget-forum\), 0 new$/m);
  assert.match(again.stdout, /^unchanged .*articles\/widget-overheats\.json$/m);
  assert.deepEqual(snapshot(data), imported, 're-importing the same file changes nothing');

  const out = join(tmp.dir, 'round-trip-site');
  const b = runCli(['build', '--data', data, '--out', out]);
  assert.equal(b.code, 0, b.stderr);
  const html = readFileSync(join(out, 'en/articles/widget-overheats/index.html'), 'utf8');
  assert.deepEqual([...html.matchAll(/<li class="step" id="([^"]+)"/g)].map((m) => m[1]), ['w-200', 'check-that-the-fanspeed-setting-is', 'w-100']);
  const external = [...new Set([...html.matchAll(/href="(https:[^"]+)"/g)].map((m) => m[1]))];
  assert.deepEqual(external, ['https://example.test/widget/manual', 'https://example.test/guides/cooling.html', 'https://example.test/forum']);
  assert.match(html, /href="\.\.\/\.\.\/errors\/widget-codes\/w-200\/"/);
  assert.match(html, /<code dir="ltr">FanSpeed<\/code>/);
});

const failing: [string, RegExp][] = [
  ['malformed-front-matter', /^test\/fixtures\/import\/malformed-front-matter\.md:4:17: invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a \] \(front matter is YAML: one "key: value" per line\)$/m],
  ['no-steps', /^test\/fixtures\/import\/no-steps\.md:5:1: no steps found: an article needs an ordered list \(1\. 2\. 3\.\) of recommended steps \(write the steps as a numbered list after the introduction\)$/m],
];

for (const [name, message] of failing) {
  test(`${name}: exits 1 naming the file, line and problem, and writes nothing`, () => {
    const data = copyOf(fixture('valid'), name);
    const before = snapshot(data);
    const r = runCli(['import', `test/fixtures/import/${name}.md`, '--data', data]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, message);
    assert.match(r.stderr, /^fieldguide import: nothing was imported$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(snapshot(data), before);
  });
}

test('an import whose result would be invalid is refused before anything is written', () => {
  const data = copyOf(fixture('valid'), 'invalid-result');
  const file = join(tmp.dir, 'bad-anchor.md');
  writeFileSync(file, '# <a name="fix..it"></a>Fix it\n\n1. Read the [manual](https://example.test/new-manual).\n');
  const before = snapshot(data);
  const r = runCli(['import', file, '--data', data]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /articles\/fix\.\.it\.json:\d+:\d+ id: article id "fix\.\.it" contains "\.\."/);
  assert.match(r.stderr, /^fieldguide import: the imported content would not be valid; nothing was written$/m);
  assert.deepEqual(snapshot(data), before, 'not even the new link was registered');
});

test('usage errors exit 2 and say what to do', () => {
  const seedAsSource = runCli(['import', seedFile, '--data', join(root, 'data'), '--dry-run']);
  assert.equal(seedAsSource.code, 2);
  assert.match(seedAsSource.stderr, /^fieldguide import: .*configure-mim-sync-service\.id\.md is in id-ID, not the source locale en; import it with --translation-of <article-id>; run 'fieldguide import --help'$/m);
  const typo = runCli(['import', seedFile, '--data', join(root, 'data'), '--translation-of', 'configure-mim-sync', '--dry-run']);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /^fieldguide import: --translation-of: no article "configure-mim-sync" in data; did you mean "configure-mim-sync-service"\?; run 'fieldguide import --help'$/m);
  const none = runCli(['import']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^fieldguide import: name at least one markdown file to import/m);
});
