import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { escalate, freshOk, nextEntry, readCache } from '../../../src/links/cache.ts';
import { tempDir } from '../../support/helpers.ts';

const day = 86_400_000;
const t0 = Date.parse('2026-03-01T00:00:00Z');

test('only a recent ok spares a request; failures and stale entries never do', () => {
  const ok = { checkedAt: '2026-03-01T00:00:00Z', state: 'ok' as const, lastOk: '2026-03-01T00:00:00Z' };
  assert.equal(freshOk(ok, day, t0 + day / 2), true);
  assert.equal(freshOk(ok, day, t0 + 2 * day), false);
  assert.equal(freshOk({ ...ok, state: 'broken' }, day, t0 + 1), false);
  assert.equal(freshOk({ ...ok, state: 'indeterminate' }, day, t0 + 1), false);
});

test('an indeterminate streak is remembered across runs and turns broken after the allowed days', () => {
  const first = nextEntry(undefined, { state: 'indeterminate', reason: '503' }, '2026-03-01T00:00:00Z');
  const again = nextEntry(first, { state: 'indeterminate', reason: '503' }, '2026-03-09T00:00:00Z');
  assert.equal(again.indeterminateSince, '2026-03-01T00:00:00Z');
  const verdict = escalate({ state: 'indeterminate', reason: '503 server error, still after retries' }, again.indeterminateSince, 7, t0 + 8 * day);
  assert.deepEqual(verdict, { state: 'broken', reason: '503 server error, still after retries; indeterminate since 2026-03-01 (more than 7 days)' });
  assert.equal(escalate({ state: 'indeterminate', reason: 'x' }, again.indeterminateSince, 7, t0 + 6 * day).state, 'indeterminate');
  const recovered = nextEntry(again, { state: 'ok', reason: '200' }, '2026-03-10T00:00:00Z');
  assert.deepEqual([recovered.indeterminateSince, recovered.lastOk], [undefined, '2026-03-10T00:00:00Z']);
});

test('a corrupt cache file is reported and ignored, a missing one is simply empty', () => {
  const { dir, cleanup } = tempDir();
  try {
    assert.deepEqual(readCache(join(dir, 'none.json')), { cache: { version: 1, urls: {} } });
    writeFileSync(join(dir, 'bad.json'), '{"version": 1, "urls": [');
    const bad = readCache(join(dir, 'bad.json'));
    assert.deepEqual(bad.cache.urls, {});
    assert.match(bad.warning!, /^ignoring the link cache .*bad\.json: .*JSON.*; every URL is checked afresh$/);
    writeFileSync(join(dir, 'other.json'), '{"urls": {}}');
    assert.match(readCache(join(dir, 'other.json')).warning!, /not a Fieldguide link cache \(version 1\)/);
  } finally {
    cleanup();
  }
});
