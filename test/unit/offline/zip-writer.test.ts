import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeZip } from '../../../src/offline/zip-writer.ts';
import { tempDir } from '../../support/helpers.ts';

test('writeZip makes an archive that unzip tests and extracts byte for byte', () => {
  const { dir, cleanup } = tempDir();
  try {
    const text = Buffer.from('hello '.repeat(1000));
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251));
    const zip = join(dir, 'a.zip');
    writeFileSync(zip, writeZip([{ path: 'site/a.txt', data: text }, { path: 'site/b/b.bin', data: random }, { path: 'site/empty', data: Buffer.alloc(0) }]));
    const tested = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    assert.equal(tested.status, 0, tested.stdout + tested.stderr);
    assert.match(tested.stdout, /No errors detected/);
    assert.equal(spawnSync('unzip', ['-q', zip, '-d', join(dir, 'x')]).status, 0);
    assert.deepEqual(readFileSync(join(dir, 'x/site/a.txt')), text);
    assert.deepEqual(readFileSync(join(dir, 'x/site/b/b.bin')), random);
    assert.ok(readFileSync(zip).length < text.length / 3, 'text is deflated');
  } finally {
    cleanup();
  }
});
