import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { classicPagefind, moduleAsFactoryBody, wrapIndexFile } from '../../../src/offline/classic-pagefind.ts';

test('a module becomes a factory body that returns its exports and reads moduleUrl', () => {
  const body = moduleAsFactoryBody('const a=1;const u=import.meta.url;function b(){return fetch(u)}\nexport{a,b};');
  const made = new Function('fetch', 'Worker', 'moduleUrl', body)((x: string) => `fetched ${x}`, undefined, 'file:///p/pagefind.js');
  assert.equal(made.a, 1);
  assert.equal(made.b(), 'fetched file:///p/pagefind.js');
});

test('an unexpected pagefind.js shape is refused with a message naming the file', () => {
  assert.throws(() => moduleAsFactoryBody('module.exports = {}'), {
    message: 'pagefind/pagefind.js does not have the shape the offline bundle expects (an ES module ending in export{…}); check the pinned pagefind version',
  });
});

test('a Pagefind module converts to a classic script, and index files register under their path', () => {
  assert.equal(JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version, '1.6.0');
  const wrapped = wrapIndexFile('fragment/en_1.pf_fragment', new Uint8Array([1, 2, 255]));
  assert.equal(wrapped, '(self.fieldguidePagefindFiles=self.fieldguidePagefindFiles||{})["fragment/en_1.pf_fragment"]="AQL/";\n');
  const source = 'const pagefind_version="1.6.0";const x=typeof import.meta.url!=="undefined";export{x};';
  const script = classicPagefind(source);
  assert.match(script, /^\/\/ Pagefind 1\.6\.0 as a classic script/);
  assert.doesNotMatch(script, /import\.meta|export\{/);
});
