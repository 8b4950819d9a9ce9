/**
 * Runs a child process and samples the resident memory of it and every process it starts
 * (Pagefind runs as a separate binary), so "peak RSS" covers the whole build.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid and resident bytes of one process from /proc, or undefined once it has gone. */
function stat(pid: string): { ppid: number; rss: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), rss: Number(fields[21]) * 4096 };
  } catch {
    return undefined;
  }
}

/** Resident bytes of a process and all its descendants right now, e.g. 1.2e9. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (!s) continue;
    rss.set(Number(name), s.rss);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface ChildRun {
  stdout: string;
  stderr: string;
  /** Highest sampled resident memory of the child's whole process tree, in bytes. */
  peakTreeRss: number;
  ms: number;
}

/** Runs `node ...args`, sampling its process tree's memory every 200 ms; rejects on a non-zero exit. */
export function runNode(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => { if (child.pid) peak = Math.max(peak, treeRss(child.pid)); }, 200);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`node ${args.join(' ')} exited ${code}\n${stderr}`));
      else done({ stdout, stderr, peakTreeRss: peak, ms: performance.now() - t0 });
    });
  });
}
