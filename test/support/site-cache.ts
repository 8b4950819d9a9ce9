import assert from 'node:assert/strict';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { digest } from './digest.ts';
import { root, runCli } from './helpers.ts';

/** What a build's output depends on besides its data: Fieldguide's code, templates and config. */
const code = ['src', '_includes', 'eleventy.config.ts', 'package-lock.json'].map((p) => join(root, p));

let codeDigest: string | undefined;

/**
 * The built site of a data folder (the shipped data by default), built once for every test file
 * that reads it: kept under the system's temporary folder by a digest of the code and the data,
 * so an edit to either builds afresh. Treat it as read-only; tests that change a site build their own.
 * It is synchronous on purpose: Node 20 runs a file's top-level `before` hooks as they are
 * declared, so a later hook of the file may read the site before an awaited build would end.
 */
export function builtSite(data = join(root, 'data')): string {
  codeDigest ??= digest(code);
  const dir = join(tmpdir(), 'fieldguide-test-sites', `${codeDigest}-${digest([data])}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  // Built beside and renamed into place, so a test file running meanwhile never sees half a site.
  const building = `${dir}.tmp-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const r = runCli(['build', '--data', data, '--out', building]);
  assert.equal(r.code, 0, r.stderr);
  try {
    renameSync(building, dir);
  } catch {
    // Another test file finished the same build first; either copy is the same site.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/**
 * Builds a data folder into `outDir` as `fieldguide build` does (`buildSite`), in this process and
 * quietly; a failure throws with every problem. For tests that build many variants of a site: the
 * command itself is tested in test/e2e/build.test.ts, and loading it anew costs about two seconds.
 */
export async function siteBuild(dataDir: string, outDir: string): Promise<void> {
  await buildSite({ dataDir, outDir, log: () => {} });
}
