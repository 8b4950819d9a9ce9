import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeParts, distinctiveParts, shorten } from '../../../src/model/search-model.ts';
import { htmlToText } from '../../../src/model/search-records.ts';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { fixture } from '../../support/helpers.ts';

test('codeParts lists every run of two or more segments short of the whole code', () => {
  assert.deepEqual(codeParts('no-start-server'), ['no-start', 'start-server']);
  assert.deepEqual(codeParts('a-b-c-d'), ['a-b', 'b-c', 'c-d', 'a-b-c', 'b-c-d']);
  assert.deepEqual(codeParts('6025'), []);
});

test('distinctiveParts drops parts that are, or start with, another code', () => {
  const codes = new Set(['no-start-ma', 'no-start-ma-update-in-progress', 'extension-dll-exception', 'stopped-extension-dll-exception']);
  const parts = distinctiveParts('no-start-ma-update-in-progress', codes);
  assert.ok(!parts.includes('no-start-ma') && !parts.includes('no-start-ma-update'), parts.join(' '));
  assert.ok(parts.includes('start-ma-update') && parts.includes('update-in-progress'));
  assert.ok(!distinctiveParts('stopped-extension-dll-exception', codes).includes('extension-dll-exception'));
});

test('shorten cuts at a word with an ellipsis, and htmlToText keeps the words of markup', () => {
  assert.equal(shorten('a long text', 6), 'a long…');
  assert.equal(shorten('short', 10), 'short');
  assert.equal(htmlToText('<p>Open <code>x</code> &amp; go&#8230;</p>'), 'Open x & go…');
  assert.equal(htmlToText('<p>ב־<bdi>Harbor Console</bdi>, <code dir="ltr">gateway.conf</code>.</p><p>Next</p>'), 'ב־Harbor Console, gateway.conf. Next');
});

test('pages carry Pagefind attributes: a code page its code, severity and catalog; the language chooser none', () => {
  const { pages } = prepareSite(fixture('valid'));
  const code = pages.find((p) => p.kind === 'code')!;
  const attrs = Object.fromEntries(code.search!.content.map((a) => [a.name, a.value]));
  assert.equal(attrs['data-pagefind-body'], '');
  assert.equal(attrs['data-pagefind-filter'], 'kind[data-fg-f-kind], severity[data-fg-f-severity], catalog[data-fg-f-catalog]');
  assert.equal(attrs['data-fg-code'], code.kind === 'code' ? code.code : '');
  assert.equal(attrs['data-fg-f-kind'], 'code');
  const root = pages.find((p) => p.kind === 'root')!;
  assert.deepEqual(root.search!.content, []);
  assert.equal(root.search!.ui, undefined);
  const article = pages.find((p) => p.kind === 'article')!;
  assert.ok(article.search!.records.length > 0);
  assert.match(article.search!.records[0].url, /^\/en\/articles\/[^/]+\/#/);
  assert.deepEqual(article.search!.records[0].filters, { kind: ['step'] });
});
