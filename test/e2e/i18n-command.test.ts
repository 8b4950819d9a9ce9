import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { expectedCounts } from '../support/expected-site.ts';
import { fixture, root, runCli, tempDir } from '../support/helpers.ts';

const tmp = tempDir();
after(() => tmp.cleanup());

/** A private copy of a fixture, for tests that edit it. */
function copyOf(name: string): string {
  const dir = join(tmp.dir, name);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

const seedOverlay = 'translations/id/articles/configure-mim-sync-service.json';

// Every protected term the seed's machine translation lost, at its place in the overlay, with what stands in for it.
const seedLost = [
  '6:49 steps["extension-dll-exception"].text: id: error code name "stopped-extension-dll-exception" is missing from the translation; "ekstensi-dll-pengecualian" stands in its place (error codes are identifiers, not words; write the code exactly as the source does)',
  '6:276 steps["extension-dll-exception"].text: id: glossary term "Connector Space Object Properties" is missing from the translation; "properti objek Ruang konektor" stands in its place (glossary terms in site.json are product names and UI labels; keep them verbatim)',
  '6:335 steps["extension-dll-exception"].text: id: glossary term "Stack Trace..." is missing from the translation; "stack..." stands in its place',
  '11:15 steps["slow-full-sync-tempdb"].text: id: glossary term "TempDB" is missing from the translation; nothing resembling it was found',
  '11:70 steps["slow-full-sync-tempdb"].text: id: glossary term "FIM Service" is missing from the translation; "FIM" stands in its place',
  '16:54 steps["failed-creation-via-web-services"].text: id: error code name "stopped-server" is missing from the translation; "berhenti-dengan" stands in its place',
  '16:109 steps["failed-creation-via-web-services"].text: id: error code name "failed-creation-via-web-services" is missing from the translation; "pembuatan yang gagal-melalui-Web-Services" stands in its place',
  '16:239 steps["failed-creation-via-web-services"].text: id: glossary term "FIM Service" is missing from the translation; "FIM" stands in its place',
];

test('the build fails on the seed translation, naming each lost term and what replaced it', () => {
  const r = runCli(['build', '--data', fixture('seed-code-names'), '--out', join(tmp.dir, 'out')]);
  assert.equal(r.code, 1);
  const at = (line: string) => new RegExp(`seed-code-names/${seedOverlay.replace(/\//g, '\\/')}:${line.replace(/[[\]".()]/g, '\\$&')}`, 'm');
  for (const lost of seedLost) assert.match(r.stderr, at(lost));
  assert.match(r.stderr, new RegExp(`^${seedLost.length} content errors in 1 file$`, 'm'));
});

test('site.json can lower protected-term violations to warnings, and the build goes through', () => {
  const data = copyOf('seed-code-names');
  const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8'));
  writeFileSync(join(data, 'site.json'), JSON.stringify({ ...site, translationPolicy: { protectedTerms: 'warning' } }, null, 2));
  const r = runCli(['build', '--data', data, '--out', join(tmp.dir, 'warned')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /configure-mim-sync-service\.json:11:15 steps\["slow-full-sync-tempdb"\]\.text: warning: id: glossary term "TempDB" is missing/);
  // Lowered for the build, still counted by the status check.
  const s = runCli(['i18n', 'status', '--data', data, '--check']);
  assert.equal(s.code, 1);
  assert.match(s.stderr, new RegExp(`^fieldguide i18n status: id: ${seedLost.length} protected-term violations; at most 0 allowed \\(translationPolicy\\.thresholds\\.protectedTerms in .*site\\.json\\)$`, 'm'));
});

test('status --check fails on a stale human translation, and a stamp makes it pass', () => {
  const data = copyOf('stale-human');
  const before = runCli(['i18n', 'status', '--data', data, '--check']);
  assert.equal(before.code, 1);
  assert.match(before.stderr, /^fieldguide i18n status: id: 1 stale human translation; at most 0 allowed \(translationPolicy\.thresholds\.staleHuman in .*stale-human\/site\.json\)$/m);
  assert.match(before.stdout, /^ {2}stale {4}.*stale-human\/translations\/id\/articles\/restart-widget\.json:5 {2}step\/restart-widget\/check-power \(human\)$/m);

  const file = join(data, 'translations/id/articles/restart-widget.json');
  const text = readFileSync(file, 'utf8');
  const stamp = runCli(['i18n', 'stamp', 'id', 'step/restart-widget/check-power', '--data', data]);
  assert.equal(stamp.code, 0, stamp.stderr);
  assert.match(stamp.stdout, /^stamped id step\/restart-widget\/check-power in .*restart-widget\.json: source sha256-[0-9a-f]{16} \(was sha256-9128a06e24dfd2e3\), method reviewed$/m);
  const stamped = readFileSync(file, 'utf8');
  // Only the record's hash and method lines change; the rest of the file keeps its formatting.
  const changed = stamped.split('\n').filter((line, i) => line !== text.split('\n')[i]);
  assert.equal(changed.length, 2, stamped);
  assert.match(changed[0], /^ {6}"source": "sha256-[0-9a-f]{16}",$/);
  assert.equal(changed[1], '      "method": "reviewed"');

  const after = runCli(['i18n', 'status', '--data', data, '--check', '--format', 'json']);
  assert.equal(after.code, 0, after.stderr);
  const report = JSON.parse(after.stdout);
  assert.equal(report.check.passed, true);
  // Once stamped, every record the overlay translates is fresh, and the rest are missing.
  const expected = expectedCounts(data, 'id');
  assert.ok(expected.translated > 0 && expected.missing > 0, 'the fixture has translated and untranslated records');
  assert.deepEqual(report.locales[0].counts, { ...expected, protectedTerms: 0 });
  assert.equal(report.locales[0].counts.stale, 0);
  const step = report.locales[0].records.find((r: { key: string }) => r.key === 'step/restart-widget/check-power');
  assert.deepEqual({ state: step.state, method: step.method }, { state: 'translated', method: 'reviewed' });
});

test('a metadata-only change to the source leaves translations fresh', () => {
  const data = copyOf('stale-human');
  const r0 = runCli(['i18n', 'status', '--data', data, '--format', 'json']);
  const file = join(data, 'articles/restart-widget.json');
  const article = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...article, updated: '2025-01-31', audience: 'operators' }, null, 2));
  const r1 = runCli(['i18n', 'status', '--data', data, '--format', 'json']);
  assert.equal(r1.code, 0, r1.stderr);
  assert.deepEqual(JSON.parse(r1.stdout).locales[0].counts, JSON.parse(r0.stdout).locales[0].counts);
});

test('the shipped translations pass the status check', () => {
  const r = runCli(['i18n', 'status', '--check']);
  assert.equal(r.code, 0, r.stderr);
  // Records, translated (share), stale, stale human, missing, machine-made, lost protected terms.
  const c = expectedCounts(join(root, 'data'), 'id');
  assert.ok(c.translated > 0);
  assert.equal(c.staleHuman, 0, 'no stale human translation is shipped');
  const row = [c.total, `${c.translated} \\(${Math.round((100 * c.translated) / c.total)}%\\)`, c.stale, c.staleHuman, c.missing, c.machine, 0];
  assert.match(r.stdout, new RegExp(`^id +${row.join(' +')}$`, 'm'));
});

test('stamp and status refuse what they cannot do, with one line', () => {
  const cases: [string[], number, RegExp][] = [
    [['i18n'], 2, /^fieldguide i18n: name a subcommand: status, stamp, init, export or import; run 'fieldguide i18n --help'$/m],
    [['i18n', 'status', '--format', 'xml'], 2, /^fieldguide i18n: unknown --format "xml"; use text or json/m],
    [['i18n', 'stamp', 'en', 'site'], 2, /^fieldguide i18n: "en" is not a translated locale of this site \(id\)/m],
    [['i18n', 'stamp', 'id', 'step/configure-mim-sync-service/pcns-event-6052'], 2, /no record "step\/configure-mim-sync-service\/pcns-event-6052"; did you mean "step\/configure-mim-sync-service\/pcns-event-6025"\?/],
    [['i18n', 'stamp', 'id', 'site', '--data', fixture('stale-human')], 1, /^fieldguide i18n stamp: site has no id translation in .*stale-human\/translations\/id\/site\.json; translate it first$/m],
  ];
  for (const [args, code, message] of cases) {
    const r = runCli(args);
    assert.equal(r.code, code, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
});
