/**
 * Builds lib/ for the npm package (`npm pack` runs this as `prepack`), so an installed Fieldguide
 * runs on Node alone, with no TypeScript loader and none of its install scripts. Relative imports
 * of `.ts` files become `.js` (scripts/lib/compile-lib.ts).
 */
import { join, relative } from 'node:path';
import { codeRoot as packageRoot } from '../src/package-root.ts';
import { compileLib } from './lib/compile-lib.ts';

const out = join(packageRoot, 'lib');
const { compiled, copied } = compileLib(packageRoot, out);
console.error(`build-lib: compiled ${compiled} files and copied ${copied} into ${relative(process.cwd(), out) || out}`);
