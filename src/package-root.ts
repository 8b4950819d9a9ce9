import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/**
 * The folder of the running code: a checkout's root, where tsx runs the TypeScript in src/, or
 * lib/ of the npm package, which mirrors eleventy.config, src/, _includes/ and data/schemas/ with
 * the TypeScript compiled (scripts/build-lib.ts), so paths relative to a module hold in both.
 */
export const codeRoot = dirname(dirname(here));

/** The folder of Fieldguide's package.json: the nearest above the code (lib/'s parent in the package). */
export const packageRoot = ((): string => {
  for (let dir = codeRoot; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${codeRoot}`);
  }
})();

/** The Eleventy config beside the running code, relative to codeRoot: `eleventy.config.ts`, or `eleventy.config.js` when compiled. */
export const eleventyConfigFile = `eleventy.config${extname(here)}`;

/** Fieldguide's version, from its package.json, e.g. `0.1.0`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
