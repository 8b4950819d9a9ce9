import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdown, type MarkdownEnv } from '../../../src/markdown/create-markdown.ts';
import { findTerms, hasRtlLetter, termsToIsolate } from '../../../src/markdown/glossary-terms.ts';

const md = createMarkdown();
const glossary = ['Harbor Console', 'Restore from Backup...', 'מסוף הנמל'];
const resolve: MarkdownEnv['resolve'] = (href) => (href.startsWith('error:') ? { href: '../code/' } : undefined);
const rtl: MarkdownEnv = { resolve, glossary, dir: 'rtl' };
const ltr: MarkdownEnv = { resolve, glossary, dir: 'ltr' };

/** The matched substrings, which read more plainly in an assertion than offsets. */
const found = (text: string, terms: string[]) => findTerms(text, terms).map((m) => text.slice(m.start, m.end));

test('code spans render as left-to-right islands in any direction, still escaped', () => {
  assert.equal(md.renderInline('בקובץ `gateway.conf`.', rtl), 'בקובץ <code dir="ltr">gateway.conf</code>.');
  assert.equal(md.renderInline('(`0x80070005`)', ltr), '(<code dir="ltr">0x80070005</code>)');
  assert.equal(md.renderInline('`<b onclick="x">`', { resolve }), '<code dir="ltr">&lt;b onclick=&quot;x&quot;&gt;</code>');
});

test('Latin glossary terms are wrapped in <bdi> in right-to-left text only', () => {
  const text = 'ב־Harbor Console בחרו Restore from Backup... ואת מסוף הנמל.';
  assert.equal(md.renderInline(text, rtl), 'ב־<bdi>Harbor Console</bdi> בחרו <bdi>Restore from Backup...</bdi> ואת מסוף הנמל.');
  assert.equal(md.renderInline('Open the Harbor Console.', ltr), 'Open the Harbor Console.');
  assert.equal(md.renderInline('Open the Harbor Console.', { resolve }), 'Open the Harbor Console.');
});

test('a glossary term inside a code span or a longer word is left alone', () => {
  assert.equal(md.renderInline('`Harbor Console` או Harbor Consoles', rtl), '<code dir="ltr">Harbor Console</code> או Harbor Consoles');
});

test('glossary text is escaped around and inside the <bdi>', () => {
  assert.equal(md.renderInline('a<b Harbor Console &', rtl), 'a&lt;b <bdi>Harbor Console</bdi> &amp;');
});

test('an error: link written as its code is isolated in right-to-left text; other link texts are not', () => {
  assert.equal(md.renderInline('עם [0x80070005](error:c/0x80070005),', rtl), 'עם <a href="../code/"><bdi>0x80070005</bdi></a>,');
  assert.equal(md.renderInline('[הקוד](error:c/0x80070005)', rtl), '<a href="../code/">הקוד</a>');
  assert.equal(md.renderInline('[0x80070005](error:c/0x80070005)', ltr), '<a href="../code/">0x80070005</a>');
});

test('findTerms matches whole terms only', () => {
  assert.deepEqual(found('wait for lock_timeout, then lock.', ['lock']), ['lock']);
  assert.deepEqual(findTerms('LOCK_TIMEOUT', ['LOCK']), []);
  assert.deepEqual(findTerms('lock_timeout', ['LOCK']), []);
  assert.deepEqual(findTerms('SuperLOCK', ['LOCK']), []);
  assert.deepEqual(found('(LOCK) and LOCK.', ['LOCK']), ['LOCK', 'LOCK']);
  // A term ending in punctuation may touch the next word; one starting with a letter may follow a maqaf.
  assert.deepEqual(found('Restore from Backup...עכשיו ב־Harbor Console', glossary), ['Restore from Backup...', 'Harbor Console']);
});

test('findTerms prefers the longer term and never overlaps', () => {
  assert.deepEqual(found('Harbor Console Pro is not Harbor Console', ['Harbor Console', 'Harbor Console Pro']), ['Harbor Console Pro', 'Harbor Console']);
  assert.deepEqual(found('a a a', ['a a']), ['a a']);
  assert.deepEqual(findTerms('anything', []), []);
});

test('terms to isolate: those without right-to-left letters, and only on right-to-left pages', () => {
  assert.equal(hasRtlLetter('Harbor Console'), false);
  assert.equal(hasRtlLetter('מסוף'), true);
  assert.equal(hasRtlLetter('لوحة'), true);
  assert.deepEqual(termsToIsolate(glossary, 'rtl'), ['Harbor Console', 'Restore from Backup...']);
  assert.deepEqual(termsToIsolate(glossary, 'ltr'), []);
});
