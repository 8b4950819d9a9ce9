import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/**
 * The folder of Fieldguide's package.json: the nearest one above this file, so the same code
 * finds its templates, assets and schemas whether it runs from `src/` (a checkout, through tsx)
 * or from the compiled `lib/src/` of an installed package.
 */
function findPackageRoot(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The folder holding package.json, src/pages/, _includes/ and data/schemas/, e.g. `/work/fieldguide`. */
export const packageRoot = findPackageRoot(here);

/** The Eleventy config next to the running code, relative to the package root: `eleventy.config.ts`, or `lib/eleventy.config.js` when compiled. */
export const eleventyConfigFile = relative(packageRoot, join(dirname(here), '..', `eleventy.config${extname(here)}`));

/** Fieldguide's version, from its package.json, e.g. `0.1.0`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
