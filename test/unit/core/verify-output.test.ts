import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyOutput } from '../../../src/core/verify-output.ts';
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

test('fragments and hrefs as browsers read them: #, #top, a lone %, raw and decoded ids, spaces around an href', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), [
      '<h1 id="100%">x</h1><h2 id="a%20b">y</h2><h2 id="café">z</h2><a name="old">w</a>',
      '<a href="#">1</a><a href="#top">2</a><a href="#TOP">3</a><a href="#100%">4</a><a href="#a%20b">5</a>',
      '<a href="#caf%C3%A9">6</a><a href="#old">7</a><a href="  a/  ">8</a><a href="\na/#s\t">9</a><a href="a%zz/">10</a><a href="#50%">11</a>',
    ].join(''));
    writeFileSync(join(dir, 'a/index.html'), '<p id="s">s</p>');
    assert.deepEqual(verifyOutput(dir).broken, [
      { page: 'index.html', href: 'a%zz/', reason: 'no such page' },
      { page: 'index.html', href: '#50%', reason: 'no element with id "50%" on index.html' },
    ]);
  } finally {
    cleanup();
  }
});
