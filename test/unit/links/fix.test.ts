import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyRewrites, detectIndent } from '../../../src/links/fix.ts';

const registry = `{
\t"links": {
\t\t"a": { "url": "https://old.example/a", "title": "A" },
\t\t"b": {
\t\t\t"url": "https://b.example/",
\t\t\t"title": "B"
\t\t}
\t}
}
`;

test('a link without history gets one, in the file’s own indentation, and nothing else changes', () => {
  assert.deepEqual(detectIndent(registry), { tabSize: 1, insertSpaces: false, eol: '\n' });
  const { text, applied } = applyRewrites(registry, [{ id: 'b', from: 'https://b.example/', to: 'https://b.example/new/' }], '2026-03-01');
  assert.equal(text, `{
\t"links": {
\t\t"a": { "url": "https://old.example/a", "title": "A" },
\t\t"b": {
\t\t\t"url": "https://b.example/new/",
\t\t\t"title": "B",
\t\t\t"history": [
\t\t\t\t{
\t\t\t\t\t"url": "https://b.example/",
\t\t\t\t\t"until": "2026-03-01",
\t\t\t\t\t"note": "Permanent redirect to the new address; updated by fieldguide check-links --fix."
\t\t\t\t}
\t\t\t]
\t\t}
\t}
}
`);
  assert.deepEqual(applied, [{ id: 'b', from: 'https://b.example/', to: 'https://b.example/new/', line: 5 }]);
});

test('a link edited since the check is left alone', () => {
  const { text, applied } = applyRewrites(registry, [{ id: 'a', from: 'https://elsewhere.example/', to: 'https://x.example/' }]);
  assert.equal(text, registry);
  assert.deepEqual(applied, []);
});
