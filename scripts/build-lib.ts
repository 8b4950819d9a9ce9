/**
 * Compiles Fieldguide's TypeScript into plain JavaScript under lib/ for the npm package
 * (`npm pack` runs this as `prepack`), so an installed Fieldguide runs on Node alone, with no
 * TypeScript loader and none of its install scripts. Each file is transpiled on its own, as tsx
 * does in a checkout: types are checked by `npm run typecheck`, not here. Relative imports of
 * `.ts` files become `.js`; lib/ mirrors the package (lib/eleventy.config.js, lib/src/…), and the
 * code finds templates, assets and schemas from the package root (src/package-root.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../src/package-root.ts';

const out = join(packageRoot, 'lib');

/** Every TypeScript file under `dir`, e.g. `src/cli.ts`, `src/cli/help.ts`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
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
const files = [join(packageRoot, 'eleventy.config.ts'), ...tsFiles(join(packageRoot, 'src'))];
for (const file of files) {
  const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
  if (diagnostics?.length) throw new Error(`${relative(packageRoot, file)}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
  const target = join(out, relative(packageRoot, file)).replace(/\.ts$/, '.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, outputText);
}
console.error(`build-lib: compiled ${files.length} files into ${relative(process.cwd(), out) || out}`);
