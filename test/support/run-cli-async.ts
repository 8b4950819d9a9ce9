import { spawn } from 'node:child_process';
import { compiledBin } from './compiled-cli.ts';
import { root } from './helpers.ts';

/**
 * Runs the real `fieldguide` command, as the npm package ships it, without blocking this process, so HTTP servers started by
 * the test keep answering while it runs.
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}, cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [compiledBin(), ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stdout, stderr });
    });
  });
}
