import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LinkStatusFile } from '../core/link-status.ts';
import type { LinkReport } from './types.ts';

/** The status of every registry link (current address only) after a run. */
export function statusOf(links: LinkReport[], checkedAt: string): LinkStatusFile {
  const out: LinkStatusFile = { version: 1, checkedAt, links: {} };
  for (const l of links) {
    if (l.state === 'skipped') continue;
    for (const d of l.definitions) if (d.field === 'url') out.links[d.id] = { url: l.url, state: l.state, checkedAt, lastOk: l.lastOk };
  }
  return out;
}

/** Writes the status file atomically. */
export function writeStatus(file: string, status: LinkStatusFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(status, null, 1)}\n`);
  renameSync(tmp, file);
}
