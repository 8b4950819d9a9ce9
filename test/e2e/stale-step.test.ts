import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { translatedRecords } from '../support/expected-site.ts';
import { root, runCli, tempDir } from '../support/helpers.ts';

const tmp = tempDir();
after(() => tmp.cleanup());

const articleFile = 'articles/configure-mim-sync-service.json';
/** Records whose Indonesian translation the shipped data already has stale (none, unless an English text was edited since). */
const staleBefore = [...translatedRecords(join(root, 'data'), 'id')].filter(([key, t]) => !t.fresh && key !== 'step/configure-mim-sync-service/pcns-event-6025').map(([key]) => key);

/** A copy of the shipped data with one English step's text changed by `edit`. */
function shippedWithStep(edit: (text: string) => string): { data: string; stepId: string; others: string[] } {
  const data = join(tmp.dir, `data-${Math.random().toString(36).slice(2)}`);
  cpSync(join(root, 'data'), data, { recursive: true });
  const article = JSON.parse(readFileSync(join(data, articleFile), 'utf8'));
  const step = article.steps.find((s: { id: string }) => s.id === 'pcns-event-6025');
  step.text = edit(step.text);
  writeFileSync(join(data, articleFile), `${JSON.stringify(article, null, 2)}\n`);
  return { data, stepId: step.id, others: article.steps.map((s: { id: string }) => s.id).filter((id: string) => id !== step.id) };
}

/** The `<li class="step">` elements of a built article page, by id. */
function stepsOf(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<li class="step" id="([^"]+)">([\s\S]*?)<\/li>\s*(?=<li class="step"|<\/ol>)/g)) out.set(m[1], m[2]);
  return out;
}

for (const [what, edit] of [
  ['a reworded sentence', (t: string) => `${t} Check the event log first.`],
  // A new code span and a new link: the old translation lacks both, which is what stale means, not a build error.
  ['a new code span and a new reference', (t: string) => `${t} Run \`Get-Service pcnssvc\` and read [the TechNet walkthrough](link:technet-7515).`],
] as const) {
  test(`editing one English step (${what}) marks exactly that Indonesian step stale, and the build passes`, () => {
    const { data, stepId, others } = shippedWithStep(edit);
    const out = join(tmp.dir, `site-${Math.random().toString(36).slice(2)}`);
    const r = runCli(['build', '--data', data, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /missing from the translation/);
    const html = readFileSync(join(out, 'id/articles/configure-mim-sync-service/index.html'), 'utf8');
    const steps = stepsOf(html);
    assert.equal(steps.size, others.length + 1);
    assert.match(steps.get(stepId)!, /<p class="notice notice-stale">Terjemahan ini mungkin sudah usang: teks bahasa Inggris telah berubah sejak diterjemahkan pada [^<]+ <a href="\.\.\/\.\.\/\.\.\/en\/articles\/configure-mim-sync-service\/#pcns-event-6025">/);
    for (const id of others.filter((o) => !staleBefore.includes(`step/configure-mim-sync-service/${o}`))) assert.doesNotMatch(steps.get(id)!, /notice-stale/, `${id} is not stale`);
    // The page's own record (title, summary, intro) did not change: no page-wide stale banner.
    assert.doesNotMatch(html.slice(0, html.indexOf('<ol class="steps"')), /notice-stale/);
    const status = JSON.parse(runCli(['i18n', 'status', '--data', data, '--format', 'json']).stdout);
    const id = status.locales.find((l: { locale: string }) => l.locale === 'id');
    const stale = id.records.filter((x: { state: string }) => x.state === 'stale').map((x: { key: string }) => x.key);
    assert.deepEqual(stale.sort(), [...staleBefore, `step/configure-mim-sync-service/${stepId}`].sort());
    assert.equal(id.counts.protectedTerms, 0);
  });
}

test('the stale report lists the terms a stale translation lacks, with what the source now asks for', () => {
  const { data } = shippedWithStep((t) => `${t} Run \`Get-Service pcnssvc\`.`);
  const r = runCli(['i18n', 'status', '--data', data]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ {2}stale {4}\S*data-\w+\/translations\/id\/articles\/configure-mim-sync-service\.json:\d+ {2}step\/configure-mim-sync-service\/pcns-event-6025 \(machine\)$/m);
  assert.match(r.stdout, /^ {11}id: code span `Get-Service pcnssvc` is missing from the translation; /m);
});
