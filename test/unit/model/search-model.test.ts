import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { codeParts, distinctiveParts, excerpt, shorten } from '../../../src/model/search-model.ts';
import { plainText } from '../../../src/model/context.ts';
import { htmlToText } from '../../../src/model/search-records.ts';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { fixture, root } from '../../support/helpers.ts';

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

test('codeParts splits on -, _ and . and keeps each code\'s own separators', () => {
  assert.deepEqual(codeParts('lock_not_available'), ['lock_not', 'not_available']);
  assert.deepEqual(codeParts('storage.file_not_found'), ['storage.file', 'file_not', 'not_found', 'storage.file_not', 'file_not_found']);
  const codes = new Set(['lock_not', 'lock_not_available']);
  assert.deepEqual(distinctiveParts('lock_not_available', codes), ['not_available'], 'a part that is another code is left out');
});

test('plainText drops markdown but keeps code spans and underscores inside words', () => {
  assert.equal(plainText('after deadlock_timeout the server'), 'after deadlock_timeout the server');
  assert.equal(plainText('Wait for `lock_timeout`; see [the _guide_](link:x) and **this**.'), 'Wait for lock_timeout; see the guide and this.');
  assert.equal(plainText('_a_ *b* __c__ 5 * 3 snake_case_name \\_x\\_'), 'a b c 5 * 3 snake_case_name _x_');
  assert.equal(plainText(undefined), undefined);
});

test('excerpt keeps whole sentences that fit, else cuts at a word', () => {
  assert.equal(excerpt('One two. Three four five.', 12), 'One two.');
  assert.equal(excerpt('Click Stack Trace... to see the cause. Then more.', 45), 'Click Stack Trace... to see the cause.');
  assert.equal(excerpt('one two three four', 10), 'one two…');
  assert.equal(excerpt('short', 10), 'short');
});

test('every step of the shipped article, in every locale, has an excerpt of clean sentences from its own text', () => {
  const { pages } = prepareSite(join(root, 'data'));
  const articles = pages.filter((p) => p.kind === 'article');
  assert.ok(articles.length >= 2);
  for (const page of articles) {
    if (page.kind !== 'article') continue;
    const records = page.search!.records;
    assert.equal(records.length, page.steps.length);
    for (const [i, r] of records.entries()) {
      const text = htmlToText(page.steps[i].html);
      const shown = r.meta.excerpt;
      assert.ok(shown && text.startsWith(shown.replace(/…$/, '')), `${r.url}: ${shown}`);
      assert.doesNotMatch(shown, /\s[.,;:!?](\s|$)|\s{2}|^\s|\s$/, `${r.url}: ${shown}`);
      assert.match(shown, /[.!?…]$/, `${r.url}: ${shown}`);
      assert.ok(!shown.endsWith(page.steps[i].codes.map((c) => c.code).join(' ')) || !page.steps[i].codes.length, `${r.url}: the code list is not in the excerpt`);
    }
  }
});
