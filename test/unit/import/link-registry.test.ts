import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRegistry, lookupLink, newLinkId, registerLink, urlKey } from '../../../src/import/link-registry.ts';
import { addLinks } from '../../../src/import/registry-file.ts';

const links = {
  'technet-7515': {
    url: 'https://learn.microsoft.com/en-us/archive/technet-wiki/7515.fim-troubleshooting-extension-dll-exception',
    title: 'FIM troubleshooting',
    history: [{ url: 'https://social.technet.microsoft.com/wiki/contents/articles/7515.fim-troubleshooting-extension-dll-exception.aspx' }],
  },
};

test('a former URL in the history finds the entry that holds it now', () => {
  assert.equal(lookupLink(createRegistry(links), 'https://social.technet.microsoft.com/wiki/contents/articles/7515.fim-troubleshooting-extension-dll-exception.aspx'), 'technet-7515');
  assert.equal(lookupLink(createRegistry(links), 'https://learn.microsoft.com/id-id/archive/technet-wiki/7515.fim-troubleshooting-extension-dll-exception/'), 'technet-7515');
  assert.equal(lookupLink(createRegistry(links), 'https://learn.microsoft.com/archive/technet-wiki/other'), undefined);
});

test('URL keys ignore host case, a trailing slash and a Docs locale segment', () => {
  assert.equal(urlKey('HTTPS://Docs.Example.com/en-us/a/b/'), 'https://docs.example.com/a/b');
  assert.equal(urlKey('https://example.com/go/a'), 'https://example.com/go/a');
});

test('new ids are readable and never collide', () => {
  assert.equal(newLinkId('https://example.test/guides/cooling.html', () => false), 'cooling');
  assert.equal(newLinkId('https://example.test/guides/cooling.html', (id) => id === 'cooling'), 'example-cooling');
  assert.equal(newLinkId('https://example.test/guides/cooling.html', (id) => ['cooling', 'example-cooling'].includes(id)), 'example-cooling-2');
  assert.equal(newLinkId('https://www.example.test/', () => false), 'example');
});

test('registering the same new URL twice adds one entry', () => {
  const registry = createRegistry(links);
  assert.equal(registerLink(registry, 'https://example.test/a/fan-guide', 'Fan guide'), 'fan-guide');
  assert.equal(registerLink(registry, 'https://example.test/a/fan-guide/', 'the fan guide'), 'fan-guide');
  assert.equal(registerLink(registry, links['technet-7515'].history[0].url, 'x'), 'technet-7515');
  assert.deepEqual(registry.added, ['fan-guide']);
  assert.deepEqual([...registry.reused], ['technet-7515']);
  assert.deepEqual(registry.links['fan-guide'], { url: 'https://example.test/a/fan-guide', title: 'Fan guide' });
});

test('new entries are appended to links.json without touching its other bytes', () => {
  const text = '{\n  "links": {\n    "a": { "url": "https://a.test", "title": "A" }\n  }\n}\n';
  assert.equal(addLinks(text, { b: { url: 'https://b.test', title: 'B' } }),
    '{\n  "links": {\n    "a": { "url": "https://a.test", "title": "A" },\n    "b": {\n      "url": "https://b.test",\n      "title": "B"\n    }\n  }\n}\n');
  assert.equal(addLinks('{ "links": {} }', { b: { url: 'https://b.test', title: 'B' } }), '{ "links": {\n  "b": {\n    "url": "https://b.test",\n    "title": "B"\n  }\n} }');
  assert.equal(addLinks(text, {}), text);
});
