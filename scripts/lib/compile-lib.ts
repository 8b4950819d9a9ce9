import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type ts from 'typescript';

/** Every file under `dir`, e.g. `src/cli.ts`, `src/assets/site.css`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : [path];
  });
}


/**
 * Writes into `out` a mirror of what runs from a checkout at `root` (eleventy.config, src/,
 * _includes/ and data/schemas/), every TypeScript file compiled to JavaScript and every other
 * file copied, so a path relative to a module holds in the mirror as in the checkout. Each file is
 * transpiled on its own, as tsx does: types are checked by `npm run typecheck`, not here.
 */
export function compileLib(root: string, out: string): { compiled: number; copied: number } {
  // Loaded here, not on import: the test helpers import this module, and most test runs compile nothing.
  const typescript = createRequire(import.meta.url)('typescript') as typeof ts;
  const options: ts.CompilerOptions = {
    module: typescript.ModuleKind.ESNext,
    target: typescript.ScriptTarget.ES2022,
    rewriteRelativeImportExtensions: true,
    allowImportingTsExtensions: true,
    sourceMap: false,
  };
  rmSync(out, { recursive: true, force: true });
  const all = [join(root, 'eleventy.config.ts'), ...['src', '_includes', 'data/schemas'].flatMap((d) => filesUnder(join(root, d)))];
  const files = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  for (const file of all.filter((f) => !files.includes(f))) cpSync(file, join(out, relative(root, file)));
  for (const file of files) {
    const { outputText, diagnostics } = typescript.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
    if (diagnostics?.length) throw new Error(`${relative(root, file)}: ${typescript.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return { compiled: files.length, copied: all.length - files.length };
}
