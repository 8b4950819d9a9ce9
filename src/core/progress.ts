/** Reports work done in a phase, e.g. `('render', 1200, 8063)`. */
export type PhaseProgress = (phase: string, done: number, total: number) => void;

/** A bar of `width` cells for a fraction, e.g. `bar(0.5, 4)` → `██░░`. */
export const bar = (fraction: number, width = 24): string => {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
};

/**
 * Progress of long phases on stderr, once a phase has run `after` ms (short builds stay quiet): a
 * redrawn bar on a terminal; in CI logs, where a redrawn line is noise, a plain line at every tenth.
 */
export function createPhaseProgress(stream: NodeJS.WriteStream = process.stderr, after = 2000, now = () => performance.now()): PhaseProgress & { end: () => void } {
  let phase = '';
  let started = 0;
  let lastTenth = -1;
  let drawn = false;
  const progress = ((name: string, done: number, total: number) => {
    if (name !== phase) {
      phase = name;
      started = now();
      lastTenth = -1;
    }
    if (now() - started < after || total === 0) return;
    if (stream.isTTY) {
      stream.write(`\r\x1b[2K${`${name} ${bar(done / total)} ${done}/${total}`.slice(0, (stream.columns || 80) - 1)}`);
      drawn = done < total;
      if (!drawn) stream.write('\r\x1b[2K');
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${name}: ${done}/${total}\n`);
    }
  }) as PhaseProgress & { end: () => void };
  progress.end = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return progress;
}

/** Where a run's time went, e.g. `{ validate: 500, render: 7300 }` → `validate 0.50 s, render 7.30 s`. */
export function timeSummary(timings: Record<string, number>): string {
  return Object.entries(timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`).join(', ');
}
