import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duplicateKeyProblems, formatPath, lineColumn, nodeAt, parseJson, problemAt } from '../../../src/content/json-source.ts';

test('formatPath writes paths the way authors read them', () => {
  assert.equal(formatPath(['steps', 3, 'text']), 'steps[3].text');
  assert.equal(formatPath(['links', 'technet-7515', 'url']), 'links["technet-7515"].url');
  assert.equal(formatPath([]), '');
});

test('lineColumn is 1-based', () => {
  assert.deepEqual(lineColumn('ab\ncd', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
});

test('malformed JSON becomes a located problem, not an exception', () => {
  const { problems, source } = parseJson('x.json', '{\n  "a": 1\n  "b": 2\n}');
  assert.equal(source.value, undefined);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 3);
  assert.equal(problems[0].column, 3);
  assert.equal(problems[0].message, 'invalid JSON: comma expected');
});

test('an empty file is reported', () => {
  assert.equal(parseJson('x.json', '').problems[0].message, 'file is empty');
});

test('problemAt points at a needle inside a string value', () => {
  const { source } = parseJson('a.json', '{\n  "text": "see [x](link:tech-1) now"\n}');
  const p = problemAt(source, ['text'], 'unknown link id "tech-1"', { needle: 'link:tech-1' });
  assert.equal(`${p.line}:${p.column}`, '2:20');
  assert.equal(p.path, 'text');
});

test('duplicate keys are reported; link ids get their own wording', () => {
  const { source } = parseJson('links.json', '{"links": {"a": {"url": "x"}, "a": {"url": "y"}}, "b": 1, "b": 2}');
  const messages = duplicateKeyProblems(source).map((p) => p.message);
  assert.deepEqual(messages.sort(), ['duplicate link id "a"', 'duplicate property "b"']);
});

test('lineColumn agrees with counting newlines at every offset, past the end included', () => {
  const text = '{\n  "a": [1,\n\n    2],\n  "b": "x"\n}';
  for (let offset = 0; offset <= text.length + 2; offset++) {
    const before = text.slice(0, offset).split('\n');
    assert.deepEqual(lineColumn(text, offset), { line: before.length, column: offset - (text.slice(0, offset).lastIndexOf('\n') + 1) + 1 }, `offset ${offset}`);
  }
});

test('nodeAt finds keyed and indexed values, the first of duplicate keys, or the deepest existing ancestor', () => {
  const { source } = parseJson('c.json', '{"codes": {"x": {"meaning": "m"}, "y": 1, "y": 2}, "list": [10, 20]}');
  assert.equal(nodeAt(source, ['codes', 'x', 'meaning'])?.value, 'm');
  assert.equal(nodeAt(source, ['codes', 'y'])?.value, 1);
  assert.equal(nodeAt(source, ['list', 1])?.value, 20);
  assert.equal(nodeAt(source, ['codes', 'x', 'action']), nodeAt(source, ['codes', 'x']));
  assert.equal(nodeAt(source, ['list', 5]), nodeAt(source, ['list']));
  assert.equal(nodeAt(source, []), source.tree);
});
