import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { test } from 'node:test';
import { prepareSite } from '../../../src/build/prepare-site.ts';
import { fromPagefind, indexSite } from '../../../src/search/index-site.ts';
import { fixture, tempDir } from '../../support/helpers.ts';
import { builtSite } from '../../support/site-cache.ts';

test('while search indexes, what the rest of the program prints still reaches the console', async () => {
  // serve re-indexes in the background: a content error reported meanwhile must be seen.
  const { dir, cleanup } = tempDir();
  cpSync(builtSite(fixture('valid')), dir, { recursive: true });
  const { pages } = prepareSite(fixture('valid'));
  const heard: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void heard.push(args.join(' '));
  let said = 0;
  const talker = setInterval(() => console.error(`report ${++said}`), 1);
  try {
    const summary = await indexSite(dir, pages);
    assert.ok(summary.pages > 0);
  } finally {
    clearInterval(talker);
    console.error = consoleError;
    cleanup();
  }
  assert.ok(said > 1, 'the reports must have been printed while indexing ran');
  assert.deepEqual(heard, Array.from({ length: said }, (_, i) => `report ${i + 1}`));
});

test('only a call from inside Pagefind counts as its complaint', () => {
  const service = new URL('service.js', import.meta.resolve('pagefind')).href;
  assert.equal(fromPagefind(`Error\n    at PagefindService.close (${service}:54:21)\n    at ChildProcess.<anonymous> (${service}:37:45)`), true);
  assert.equal(fromPagefind(`Error\n    at log (${import.meta.url}:20:5)`), false);
  assert.equal(fromPagefind(undefined), false);
});
