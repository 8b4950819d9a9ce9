/** Small statistics and formatting helpers for the benchmark scripts. */

/** The median of a non-empty list (the upper one of an even count), e.g. `median([3, 1, 2])` → 2. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds as seconds with two decimals, e.g. `secs(1234)` → `1.23 s`. */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Bytes as mebibytes, e.g. `mib(1048576)` → `1 MiB`. */
export const mib = (bytes: number): string => `${Math.round(bytes / 1048576)} MiB`;

/** A plain-text table with columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}
