/**
 * Builds lib/ for the npm package (`npm pack` runs this as `prepack`): a mirror of what runs,
 * eleventy.config, src/, _includes/ and data/schemas/, with every TypeScript file compiled to
 * JavaScript and every other file copied, so an installed Fieldguide runs on Node alone, with no
 * TypeScript loader and none of its install scripts, and a path relative to a module holds in
 * lib/ as in a checkout. Each file is transpiled on its own, as tsx does in a checkout: types are
 * checked by `npm run typecheck`, not here. Relative imports of `.ts` files become `.js`.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { codeRoot as packageRoot } from '../src/package-root.ts';

const out = join(packageRoot, 'lib');

/** Every file under `dir`, e.g. `src/cli.ts`, `src/assets/site.css`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : [path];
  });
}

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  rewriteRelativeImportExtensions: true,
  allowImportingTsExtensions: true,
  sourceMap: false,
};

rmSync(out, { recursive: true, force: true });
const all = [join(packageRoot, 'eleventy.config.ts'), ...['src', '_includes', 'data/schemas'].flatMap((d) => filesUnder(join(packageRoot, d)))];
const files = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
for (const file of all.filter((f) => !files.includes(f))) cpSync(file, join(out, relative(packageRoot, file)));
for (const file of files) {
  const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
  if (diagnostics?.length) throw new Error(`${relative(packageRoot, file)}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
  const target = join(out, relative(packageRoot, file)).replace(/\.ts$/, '.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, outputText);
}
console.error(`build-lib: compiled ${files.length} files and copied ${all.length - files.length} into ${relative(process.cwd(), out) || out}`);
