import { bar } from '../../core/progress.ts';
import type { Progress } from '../engine.ts';

/** The host of a URL for the progress line, e.g. `https://a.example/x` → `a.example`. */
const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * Progress on stderr: a redrawn bar with checked/total and the current host on a terminal; plain
 * lines at every tenth (and at the end) in CI logs, where a redrawn line would be noise.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress & { end: () => void } {
  let lastTenth = -1;
  let drawn = false;
  const progress = ((done: number, total: number, url: string) => {
    if (stream.isTTY) {
      const line = `${bar(done / total)} ${done}/${total} ${hostOf(url)}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 80) - 1)}`);
      drawn = true;
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      stream.write(`checked ${done}/${total} URLs (last: ${hostOf(url)})\n`);
    }
  }) as Progress & { end: () => void };
  progress.end = () => {
    if (drawn) stream.write('\r\x1b[2K');
  };
  return progress;
}
