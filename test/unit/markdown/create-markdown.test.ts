import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInspectingMarkdown, createMarkdown, linkTargets, type MarkdownEnv } from '../../../src/markdown/create-markdown.ts';
import { parseReference, schemeOf } from '../../../src/markdown/references.ts';

const md = createMarkdown();
const env: MarkdownEnv = {
  resolve: (href) => {
    if (href === 'link:manual') return { href: 'https://example.test/m', title: 'The manual', external: true };
    if (href === 'error:cat/e-1') return { href: '../cat/e-1/' };
    if (href.startsWith('#')) return { href };
    return undefined;
  },
};

test('link: references render the registry URL with its title', () => {
  assert.equal(
    md.renderInline('see [the manual](link:manual)', env),
    'see <a href="https://example.test/m" title="The manual" class="ext">the manual</a>',
  );
});

test('error: references render a relative link to the code page', () => {
  assert.equal(md.renderInline('[e-1](error:cat/e-1)', env), '<a href="../cat/e-1/">e-1</a>');
});

test('raw HTML is escaped and unsafe or unresolved links become plain text', () => {
  assert.equal(md.render('<script>alert(1)</script>', env), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  assert.equal(md.renderInline('[x](javascript:alert(1))', env), '[x](javascript:alert(1))');
  assert.equal(md.renderInline('[x](link:unknown) after', env), 'x after');
  assert.equal(md.renderInline('<img src=x onerror=alert(1)>', env), '&lt;img src=x onerror=alert(1)&gt;');
});

test('the inspecting parser keeps every target so validation can report it', () => {
  const inspector = createInspectingMarkdown();
  assert.deepEqual(linkTargets(inspector, '[a](link:x) ![i](pic.png) [b](JavaScript:void(0))'), [
    { href: 'link:x', image: false },
    { href: 'pic.png', image: true },
    { href: 'JavaScript:void(0)', image: false },
  ]);
});

test('references and schemes parse as written', () => {
  assert.deepEqual(parseReference('error:a/b/c'), { kind: 'code', ids: ['a', 'b/c'] });
  assert.deepEqual(parseReference('error:a'), { kind: 'code', ids: ['a', ''] });
  assert.deepEqual(parseReference('link:x'), { kind: 'link', ids: ['x'] });
  assert.deepEqual(parseReference('article:a'), { kind: 'article', ids: ['a'] });
  assert.deepEqual(parseReference('article:a#s'), { kind: 'step', ids: ['a', 's'] });
  assert.deepEqual(parseReference('catalog:c#p'), { kind: 'phase', ids: ['c', 'p'] });
  assert.deepEqual(parseReference('catalog:c'), { kind: 'catalog', ids: ['c'] });
  assert.equal(parseReference('mailto:x@example.test'), undefined);
  assert.equal(parseReference('https://x'), undefined);
  assert.equal(schemeOf('java\tscript:alert(1)'), 'javascript');
  assert.equal(schemeOf('#top'), undefined);
});
