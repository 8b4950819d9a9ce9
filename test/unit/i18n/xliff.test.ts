import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportXliff, layout } from '../../../src/i18n/xliff-export.ts';
import { libText, readLibXliff, toLibValue } from '../../../src/i18n/xliff-lib.ts';
import { readXliff, tagMismatch } from '../../../src/i18n/xliff-read.ts';
import { codeSpans, fromSegments, toSegments, type Code } from '../../../src/i18n/xliff-segments.ts';
import { exportState, outcomeOf, type Unit } from '../../../src/i18n/xliff-units.ts';
import { hashSeen, unitChanged, weakest } from '../../../src/i18n/xliff-plan.ts';
import type { RecordPair } from '../../../src/i18n/overlay-records.ts';
import { sourceHash } from '../../../src/i18n/source-hash.ts';

const glossary = ['TempDB', 'Connector Space Object Properties'];
const codes = (segments: ReturnType<typeof toSegments>) => segments.filter((s): s is Code => typeof s !== 'string');

test('protected terms become locked codes and the words between them stay text', () => {
  const text = 'Check **TempDB**, run `Get-Stats` and see [the guide](link:technet-14713) or [stopped-server](error:mim-run-status/stopped-server).';
  const segments = toSegments(text, glossary);
  assert.equal(fromSegments(segments), text);
  assert.deepEqual(codes(segments).map((c) => [c.tag, c.id, c.ctype, c.code]), [
    ['ph', '1', 'x-term', 'TempDB'],
    ['ph', '2', 'x-code', '`Get-Stats`'],
    ['bpt', '3', 'link', '['],
    ['ept', '3', undefined, '](link:technet-14713)'],
    ['ph', '4', 'x-link', '[stopped-server](error:mim-run-status/stopped-server)'],
  ]);
  assert.ok(segments.includes('the guide'), 'the link words are translatable');
});

test('code spans follow markdown: a fence of n backticks closes on n, escapes and unclosed runs are text', () => {
  assert.deepEqual(codeSpans('a ``x ` y`` b'), [[2, 11]]);
  assert.deepEqual(codeSpans('\\`not code\\` and `code`'), [[17, 23]]);
  assert.deepEqual(codeSpans('a ` lone'), []);
  // A glossary term inside a code span is part of that code, not a second one.
  assert.deepEqual(codes(toSegments('see `TempDB size`', glossary)).map((c) => c.code), ['`TempDB size`']);
});

test('an image is no protected link, a glossary term inside link words is, and line breaks are codes', () => {
  assert.deepEqual(codes(toSegments('![x](link:a)', [])), [], 'an image stays text (the import refuses images in text anyway)');
  const segments = toSegments('Open [Connector Space Object Properties](link:a)\n\nthen stop.', glossary);
  assert.deepEqual(codes(segments).map((c) => [c.tag, c.ctype]), [['bpt', 'link'], ['ph', 'x-term'], ['ept', undefined], ['x', 'lb'], ['x', 'lb']]);
  assert.equal(fromSegments(segments), 'Open [Connector Space Object Properties](link:a)\n\nthen stop.');
});

test('a translation reuses the ids of the same codes in the source, wherever it moves them', () => {
  const source = toSegments('Run `a`, then `b`, see [the guide](link:g).', []);
  const target = toSegments('Lihat [panduan](link:g): jalankan `b` lalu `a`.', [], { like: source });
  const ids = (s: ReturnType<typeof toSegments>) => Object.fromEntries(codes(s).filter((c) => c.tag !== 'ept').map((c) => [c.code === '[' ? 'link' : c.code, c.id]));
  assert.deepEqual(ids(target), ids(source));
  assert.equal(codes(target).find((c) => c.tag === 'ept')?.id, ids(source).link);
  const breaks = (t: string, like?: ReturnType<typeof toSegments>) => codes(toSegments(t, [], { like })).filter((c) => c.tag === 'x').map((c) => c.id);
  const withBreaks = toSegments('one `x`\ntwo\nthree', []);
  assert.deepEqual(breaks('satu\ndua `x`\ntiga', withBreaks), breaks('one `x`\ntwo\nthree'), 'line breaks too');
});

test('interface strings protect {{placeholders}}; record text does not', () => {
  assert.deepEqual(codes(toSegments('{{count, number}} codes', [], { ui: true })).map((c) => [c.ctype, c.code]), [['x-placeholder', '{{count, number}}']]);
  assert.deepEqual(codes(toSegments('{{count}} codes', [])), []);
});

test('states out and back: machine provenance and review survive, anything unconfirmed is a draft', () => {
  assert.deepEqual(exportState('', undefined), { state: 'new' });
  assert.deepEqual(exportState('x', { state: 'stale', method: 'machine' }), { state: 'needs-review-translation', qualifier: 'mt-suggestion' });
  assert.deepEqual(exportState('x', { state: 'translated', method: 'machine' }), { state: 'translated', qualifier: 'mt-suggestion' });
  assert.deepEqual(exportState('x', { state: 'translated', method: 'human' }), { state: 'translated', qualifier: undefined });
  assert.deepEqual(exportState('x', { state: 'translated', method: 'reviewed' }), { state: 'final', approved: true });
  for (const method of ['machine', 'human', 'reviewed'] as const) {
    assert.deepEqual(outcomeOf(exportState('x', { state: 'translated', method })), { done: true, method });
  }
  assert.deepEqual(outcomeOf({ state: 'signed-off' }), { done: true, method: 'reviewed' });
  assert.deepEqual(outcomeOf({ state: 'translated', approved: true }), { done: true, method: 'reviewed' });
  assert.deepEqual(outcomeOf({ state: 'needs-translation' }), { done: false, method: 'human' });
  assert.deepEqual(outcomeOf({ state: 'needs-review-translation', qualifier: 'mt-suggestion' }), { done: false, method: 'machine' });
});

test('text read back from XLIFF is the text written, whitespace, entities and line breaks included', async () => {
  const texts = ['a\n\nb `c`\n `d`  `e` \n', 'x & <y> "q" \'a\'', '  leading and trailing  ', 'tab\there\r\nwindows'];
  const units: Unit[] = texts.map((t, i) => ({ id: `step/a/s${i}#text`, file: 'articles/a.json', source: t, target: t, state: { state: 'translated' } }));
  const xml = await exportXliff(units, 'en', 'de', glossary);
  const back = await readXliff('t.xlf', xml);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.units.map((u) => [u.source, u.target]), texts.map((t) => [t, t]));
  assert.ok(back.units.every((u) => u.state.state === 'translated'));
});

test('codes a tool adds or rewrites read as their content: segment markers, g spans, x line breaks', async () => {
  const doc = await readLibXliff('<xliff version="1.2"><file original="f" source-language="en" target-language="de"><body><trans-unit id="u"><source>a</source>'
    + '<target><mrk mtype="seg" mid="0">Hallo <g id="1">`x`</g><x id="2" ctype="lb"/>Welt<bx id="3"/></mrk></target></trans-unit></body></file></xliff>');
  assert.equal(libText(doc.resources.f.u.target), 'Hallo `x`\nWelt');
  assert.equal(libText(toLibValue([])), '');
});

test('layout puts each element on its own line, adds target states, and leaves text alone', () => {
  const xml = '<xliff version="1.2"><file original="f"><body><trans-unit id="a&amp;b"><source>x <ph id="1">`y`</ph></source><target></target></trans-unit></body></file></xliff>';
  assert.equal(layout(xml, new Map([['a&b', { state: 'new' }]])), [
    '<xliff version="1.2">', '  <file original="f">', '    <body>', '      <trans-unit id="a&amp;b">',
    '        <source>x <ph id="1">`y`</ph></source>', '        <target state="new"></target>', '      </trans-unit>', '    </body>', '  </file>', '</xliff>',
  ].join('\n'));
});

test('a mismatched or missing end tag is found where it is', () => {
  assert.deepEqual(tagMismatch('<a>\n<b></c>\n</a>'), { offset: 7, message: '</c> does not close <b>, opened on line 2' });
  assert.equal(tagMismatch('<a><!-- </b> --><![CDATA[</c>]]><b/></a>'), undefined);
  assert.match(tagMismatch('<a><b></b>')!.message, /^the file ends before <a> \(line 1\) is closed$/);
});

test('an import stamps the hash the unit carries, or, when a tool dropped it, the hash of the source text it holds', () => {
  const pair = { key: 'step/a/s', fields: ['title', 'text'], source: { title: 'New title', text: 'Text' } } as unknown as RecordPair;
  const unit = (field: string, source: string, hash?: string) => ({ id: `step/a/s#${field}`, source, target: 'x', state: {}, hash, at: { line: 1, column: 1 } });
  assert.equal(hashSeen([unit('title', 'Old title', 'sha256-0123456789abcdef')], pair), 'sha256-0123456789abcdef');
  assert.equal(hashSeen([unit('title', 'Old title'), unit('text', 'Text')], pair), sourceHash(['Old title', 'Text']));
  // A field the file lacks counts with the current source text.
  assert.equal(hashSeen([unit('title', 'Old title')], pair), sourceHash(['Old title', 'Text']));
});

test('a unit changes something only with a new text or a state that counts differently', () => {
  const exported: Unit = { id: 'u', file: 'f', source: 's', target: 'Hallo', state: { state: 'translated', qualifier: 'mt-suggestion' } };
  const read = (target: string, state: Record<string, unknown>) => ({ id: 'u', source: 's', target, state, at: { line: 1, column: 1 } });
  assert.equal(unitChanged(read('Hallo', { state: 'translated', qualifier: 'mt-suggestion' }), exported), false);
  assert.equal(unitChanged(read('Hallo', { state: 'translated', qualifier: 'leveraged-mt' }), exported), false, 'another machine qualifier is still machine');
  assert.equal(unitChanged(read('', { state: 'translated' }), exported), false, 'an empty target changes nothing');
  assert.equal(unitChanged(read('Hallo', { state: 'final' }), exported), true);
  assert.equal(unitChanged(read('Hallo!', { state: 'translated', qualifier: 'mt-suggestion' }), exported), true);
  assert.equal(weakest(['reviewed', 'machine', 'human']), 'machine');
});
