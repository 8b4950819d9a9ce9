import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { join, relative } from 'node:path';
import { codeRoot as packageRoot, packageRoot as installedRoot } from '../package-root.ts';

/** Set in the environment of the process that actually serves. */
export const serveChildFlag = 'FIELDGUIDE_SERVE_CHILD';

/**
 * Whether a changed file is Fieldguide's own code, which a running server cannot pick up, e.g.
 * `src/model/urls.ts` → true; `src/assets/search.js` (copied to the site as is) → false.
 */
export function isCodeChange(file: string): boolean {
  return /\.(ts|mts|js|mjs)$/.test(file) && !file.startsWith('src/assets/');
}

/**
 * Runs `fieldguide serve` in a child process and restarts it when Fieldguide's code in `src/` or
 * `eleventy.config.ts` changes: Node caches modules, so only a new process runs edited code.
 * Data, templates and assets are rebuilt by the child itself without a restart.
 */
export function superviseServe(argv: string[]): Promise<number> {
  const bin = join(installedRoot, 'bin', 'fieldguide.js');
  let child: ChildProcess | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let finish: (code: number) => void = () => {};

  const start = () => {
    child = spawn(process.execPath, [bin, 'serve', ...argv], { stdio: 'inherit', env: { ...process.env, [serveChildFlag]: '1' } });
    const current = child;
    current.once('exit', (code, signal) => {
      if (stopping || current !== child) return;
      child = undefined;
      // A usage error (a taken port, say) will not go away with a code edit: stop with it.
      if (code === 2) return finish(2);
      console.error(`fieldguide serve: the server stopped (${signal ?? `exit ${code}`}); fix the error and save a file in src/ to restart`);
    });
  };

  const restart = (file: string) => {
    console.error(`fieldguide serve: ${file} changed; restarting`);
    const old = child;
    child = undefined;
    if (!old || old.exitCode !== null) return start();
    old.once('exit', start);
    old.kill('SIGTERM');
  };

  const onChange = (file: string) => {
    if (stopping || !isCodeChange(file)) return;
    clearTimeout(timer);
    // Editors write a file in several steps; restart once they are done.
    timer = setTimeout(() => restart(file), 300);
  };

  const watchers = [
    watch(join(packageRoot, 'src'), { recursive: true }, (_event, name) => name && onChange(relative(packageRoot, join(packageRoot, 'src', name)))),
    watch(packageRoot, (_event, name) => name === 'eleventy.config.ts' && onChange(name)),
  ];
  start();

  return new Promise((done) => {
    finish = (code) => {
      stopping = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      done(code);
    };
    const stop = () => {
      stopping = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      if (!child || child.exitCode !== null) return done(0);
      child.once('exit', () => done(0));
      child.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
