import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchSteps, sourceRefs } from '../../../src/import/match-steps.ts';
import { codeLikeness, importViolations } from '../../../src/import/term-report.ts';

test('steps match by shared links and codes before position, so a reordered translation still pairs up', () => {
  const source = [{ links: ['a'], errors: [] }, { links: ['b'], errors: [] }, { links: [], errors: ['c/x'] }];
  const imported = [{ links: ['b'], errors: [] }, { links: ['a'], errors: [] }, { links: [], errors: [] }];
  const r = matchSteps(imported, source);
  assert.deepEqual(r.matches, [
    { imported: 0, source: 1, evidence: ['link b'] },
    { imported: 1, source: 0, evidence: ['link a'] },
    { imported: 2, source: 2, evidence: ['position'] },
  ]);
});

test('a step linking elsewhere is not matched by position alone, and both sides are reported', () => {
  const r = matchSteps([{ links: ['z'], errors: [] }], [{ links: ['a'], errors: [] }, { links: ['b'], errors: [] }]);
  assert.deepEqual(r, { matches: [], unmatchedImported: [0], unmatchedSource: [0, 1] });
});

test('source references come from the text and the errors and links lists', () => {
  assert.deepEqual(sourceRefs({ id: 's', text: 'See [x](link:a) and [c](error:cat/c).', errors: ['cat/d'], links: ['b'] }), { links: ['b', 'a'], errors: ['cat/d', 'cat/c'] });
});

const seedStep4 = {
  source: 'If a run stops with [stopped-extension-dll-exception](error:mim-run-status/stopped-extension-dll-exception) and objects show [extension-dll-exception](error:mim-object-errors/extension-dll-exception), click that error text to open the **Connector Space Object Properties** window. Then click **Stack Trace...** to see the root cause, as the [guide](link:technet-7515) describes.',
  text: 'Jika Jalankan perhentian dengan **ekstensi-dll-pengecualian**, lalu klik kata tersebut untuk membuka jendela **properti objek Ruang konektor** , dan klik pada **pelacakan stack...** untuk melihat informasi, seperti yang diuraikan dalam [ekstensi-dll-pengecualian](link:technet-7515).',
};

test('a translated code name in bold is reported as the lost code, naming the bold text', () => {
  const step = {
    text: seedStep4.text, plain: seedStep4.text.replace(/\*\*/g, ''), links: ['technet-7515'], errors: [], line: 1,
    names: ['ekstensi-dll-pengecualian', 'properti objek Ruang konektor', 'pelacakan stack...'],
  };
  const glossary = ['Connector Space Object Properties', 'Stack Trace...'];
  assert.deepEqual(importViolations(seedStep4.source, step, glossary).map((v) => `${v.kind} ${v.term} → ${v.insteadOf}`), [
    'code-name stopped-extension-dll-exception → ekstensi-dll-pengecualian',
    'code-name extension-dll-exception → ekstensi-dll-pengecualian',
    'glossary Connector Space Object Properties → properti objek Ruang konektor',
    'glossary Stack Trace... → stack...',
  ]);
});

test('likeness counts the words a name shares with a code, spelling drift allowed', () => {
  assert.equal(codeLikeness('stopped-extension-dll-exception', 'ekstensi-dll-pengecualian'), 1);
  assert.equal(codeLikeness('failed-creation-via-web-services', 'gagal-melalui-Web-Services'), 2);
  assert.equal(codeLikeness('6025', 'kesalahan 6025'), 1);
  assert.equal(codeLikeness('stopped-server', 'properti objek Ruang konektor'), 0);
});
