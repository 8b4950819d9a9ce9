import { cpSync, existsSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLib } from '../../scripts/lib/compile-lib.ts';
import { digest } from './digest.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** What the npm package holds besides lib/: its `files` entries and package.json. */
function packageFiles(): string[] {
  const { files } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
  return ['package.json', ...files.map((f) => f.replace(/\/$/, '')).filter((f) => f !== 'lib')];
}

let bin: string | undefined;

/**
 * `bin/fieldguide.js` of the package as `npm pack` lays it out, lib/ compiled from this checkout:
 * the command tests run, about 0.4 s of CPU cheaper a start than the checkout's tsx (measured on
 * `build` of the valid fixture and on `i18n status`). Compiled once for every test file, under the
 * system's temporary folder by a digest of the code, so an edit compiles afresh; the package's
 * node_modules is this checkout's. Tests of a checkout's own behaviour (serve restarting on an
 * edit to src/) run the checkout's bin instead.
 */
export function compiledBin(): string {
  if (bin) return bin;
  const shipped = packageFiles();
  const parts = [...shipped, 'src', '_includes', 'eleventy.config.ts', 'data/schemas', 'package-lock.json'];
  const dir = join(tmpdir(), 'fieldguide-test-cli', digest(parts.map((p) => join(root, p))));
  const ready = join(dir, 'bin', 'fieldguide.js');
  if (existsSync(join(dir, 'ready'))) return (bin = ready);
  // Written beside and renamed into place, so a test file running meanwhile never runs half a package.
  const building = `${dir}.tmp-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  for (const part of shipped) cpSync(join(root, part), join(building, part), { recursive: true });
  compileLib(root, join(building, 'lib'));
  symlinkSync(join(root, 'node_modules'), join(building, 'node_modules'), 'dir');
  writeFileSync(join(building, 'ready'), '');
  try {
    renameSync(building, dir);
  } catch {
    // Another test file compiled the same code first; either copy is the same.
    rmSync(building, { recursive: true, force: true });
  }
  return (bin = ready);
}
