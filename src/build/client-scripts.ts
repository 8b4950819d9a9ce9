import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codeLists, codeListPath, codeListScript } from '../model/code-list.ts';
import type { Page } from '../model/types.ts';
import { urls } from '../model/urls.ts';

/** A script the build writes next to the copied assets: its path from the site root and its text. */
export interface ClientScript {
  outputPath: string;
  text: string;
}

/** The global that the wrapped edit-distance library defines: `self.fastestLevenshtein.distance(a, b)`. */
export const levenshteinGlobal = 'fastestLevenshtein';

/** Where the edit-distance library is served, from the site root. */
export const levenshteinPath = urls.asset('fastest-levenshtein.js').replace(/^\//, '');

/**
 * The `fastest-levenshtein` package as a classic browser script. It ships CommonJS and an ES
 * module only; pages opened from disk can import neither, so its CommonJS file (which requires
 * nothing) runs inside a function that hands it an `exports` object, under its licence text.
 */
export function levenshteinScript(): string {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('fastest-levenshtein/package.json'));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const source = readFileSync(join(dir, 'mod.js'), 'utf8');
  if (/\brequire\s*\(/.test(source)) throw new Error('fastest-levenshtein/mod.js requires other modules; check the pinned version');
  const licence = readFileSync(join(dir, 'LICENSE.md'), 'utf8').trim().replace(/\*\//g, '* /');
  return `/*! fastest-levenshtein ${version}, wrapped as a classic script by fieldguide build.\n\n${licence}\n*/\n`
    + `(function (exports) {\n${source}\n})(self.${levenshteinGlobal} = {});\n`;
}

/** Every generated client script of a site: one code list per locale, and the edit-distance library. */
export function clientScripts(pages: Page[]): ClientScript[] {
  return [
    ...codeLists(pages).map((list) => ({ outputPath: codeListPath(list.locale), text: codeListScript(list) })),
    { outputPath: levenshteinPath, text: levenshteinScript() },
  ];
}
