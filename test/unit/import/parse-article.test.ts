import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeIndex, codeRef } from '../../../src/import/code-names.ts';
import { anchorName, parseArticle } from '../../../src/import/parse-article.ts';
import { escapeText } from '../../../src/import/inline-markdown.ts';
import { stepIds } from '../../../src/import/step-ids.ts';
import { createInspectingMarkdown } from '../../../src/markdown/create-markdown.ts';

const codes = codeIndex([
  { id: 'run', title: 'Run', codes: [{ code: 'stopped-server', severity: 'error', meaning: 'm' }] },
  { id: 'obj', title: 'Objects', codes: [{ code: 'extension-dll-exception', severity: 'error', meaning: 'm' }, { code: 'stopped-server', severity: 'error', meaning: 'm' }] },
]);
const ctx = { link: (url: string) => (url.includes('7515') ? 'technet-7515' : 'other'), code: (name: string) => codeRef(codes, name) };
const parse = (body: string) => parseArticle('a.md', body, 1, {}, ctx);

test('title anchor, introduction without the list label, and one step per list item', () => {
  const doc = parse('# <a name="fix-sync"></a>Fix sync\n\nFirst paragraph.\n\nSecond *one*.\n\n**Recommended steps**\n\n1. Do this.\n2. Then that.\n');
  assert.equal(doc.anchor, 'fix-sync');
  assert.equal(doc.heading, 'Fix sync');
  assert.equal(doc.intro, 'First paragraph.\n\nSecond *one*.');
  assert.deepEqual(doc.steps.map((s) => [s.text, s.line]), [['Do this.', 9], ['Then that.', 10]]);
});

test('bold and code-span code names become error references; other names stay, links go to the registry', () => {
  const [step] = parse('1. If a run stops with **extension-dll-exception** or `stopped-server`, open **Properties** and read `Trace`; see [the wiki](https://social.technet.microsoft.com/7515).\n').steps;
  assert.equal(step.text, 'If a run stops with [extension-dll-exception](error:obj/extension-dll-exception) or [stopped-server](error:run/stopped-server), open **Properties** and read `Trace`; see [the wiki](link:technet-7515).');
  assert.deepEqual(step.errors, ['obj/extension-dll-exception', 'run/stopped-server']);
  assert.deepEqual(step.links, ['technet-7515']);
  assert.deepEqual(step.names, ['Properties', 'Trace']);
});

test('a name in several catalogs takes the one the source prefers', () => {
  assert.equal(codeRef(codes, 'stopped-server'), 'run/stopped-server');
  assert.equal(codeRef(codes, 'stopped-server', ['obj/stopped-server']), 'obj/stopped-server');
  assert.equal(codeRef(codes, 'no-such-code'), undefined);
});

test('relative links, images and raw HTML are dropped with a located warning; their text stays', () => {
  const doc = parse('Intro.\n\n1. See [the other article](../other.md) and ![a picture](x.png)<br/>.\n');
  assert.equal(doc.steps[0].text, 'See the other article and .');
  assert.deepEqual(doc.warnings.map((w) => `${w.line} ${w.message}`), [
    '3 dropped link to "../other.md" (only http:, https: and mailto: links can be registered; its text is kept)',
    '3 dropped image "x.png" (articles hold text only)',
    '3 dropped raw HTML <br/>',
  ]);
});

test('nested lists and code blocks stay inside their step; content after the steps is reported', () => {
  const doc = parse('1. Check:\n   - the cable\n   - the fuse\n\n   ```\n   reset\n   ```\n2. Done.\n\n## More\n\nText.\n');
  assert.equal(doc.steps[0].text, 'Check:\n- the cable\n- the fuse\n\n```\nreset\n```');
  assert.deepEqual(doc.warnings.map((w) => `${w.line} ${w.message}`), ['10 content after the steps is not imported (an article ends with its steps)']);
});

test('escaped text reads back as the same words', () => {
  const plain = 'a*b* [c] `d` snake_case _x_ <http://e.test> back\\slash';
  const tokens = createInspectingMarkdown().parseInline(escapeText(plain), {})[0].children ?? [];
  assert.deepEqual(tokens.map((t) => t.type), ['text']);
  assert.equal(tokens[0].content, plain);
});

test('step ids come from the first code, else the first words, and are unique', () => {
  const step = (text: string, errors: string[] = []) => ({ text, plain: text, errors, links: [], names: [], line: 1 });
  assert.deepEqual(stepIds([step('x', ['run/stopped-server']), step('Make sure you run the latest MIM update today'), step('y', ['obj/stopped-server'])]),
    ['stopped-server', 'make-sure-you-run-the-latest', 'stopped-server-2']);
});

test('anchor names come from the HTML of the heading', () => {
  assert.equal(anchorName('<a name="configure-mim-sync-service">'), 'configure-mim-sync-service');
  assert.equal(anchorName('<a id="x"></a>'), 'x');
  assert.equal(anchorName('<b>no</b>'), undefined);
});
