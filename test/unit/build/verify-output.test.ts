import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyOutput } from '../../../src/build/verify-output.ts';
import { tempDir } from '../../support/helpers.ts';

test('broken pages, missing fragments and root-absolute links are reported; good links are not', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'en/a'), { recursive: true });
    writeFileSync(join(dir, 'en/index.html'), '<h1 id="top">x</h1><a href="a/">ok</a><a href="a/#step">ok</a><a href="#top">ok</a><a href="https://x.test/">ext</a>');
    writeFileSync(join(dir, 'en/a/index.html'), '<li id="step"></li><a href="../missing/">1</a><a href="../#nope">2</a><a href="/en/">3</a><a href="../a">4</a>');
    const result = verifyOutput(dir);
    assert.equal(result.pages, 2);
    assert.deepEqual(result.broken, [
      { page: 'en/a/index.html', href: '../missing/', reason: 'no such page' },
      { page: 'en/a/index.html', href: '../#nope', reason: 'no element with id "nope" on en/index.html' },
      { page: 'en/a/index.html', href: '/en/', reason: 'root-absolute link; pages must link relatively to work under any sub-path' },
      { page: 'en/a/index.html', href: '../a', reason: 'links a folder without its trailing "/"' },
    ]);
  } finally {
    cleanup();
  }
});
