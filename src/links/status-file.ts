import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LinkReport, LinkState } from './types.ts';

/** Where `check-links` writes link status and `build` reads it unless told otherwise. */
export const defaultStatusFile = '.cache/fieldguide/link-status.json';

/** What readers are told about one registry link. */
export interface LinkStatusEntry {
  /** The URL that was checked; status for an URL edited since then is ignored. */
  url: string;
  state: LinkState;
  /** ISO time of the check. */
  checkedAt: string;
  /** ISO time the URL last answered (ok or redirected), if ever. */
  lastOk?: string;
}

export interface LinkStatusFile {
  version: 1;
  checkedAt: string;
  links: Record<string, LinkStatusEntry>;
}

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

/** The status file a build uses: `FIELDGUIDE_LINK_STATUS`, else the default path in the working directory. */
export const statusFilePath = (): string => resolve(process.env.FIELDGUIDE_LINK_STATUS || defaultStatusFile);

/** Reads a status file; absent or unreadable means "no status", with a warning for the latter. */
export function readStatus(file: string): { status?: LinkStatusFile; warning?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const value = JSON.parse(text) as LinkStatusFile;
    if (value?.version !== 1 || typeof value.links !== 'object' || !value.links) throw new Error('not a Fieldguide link status file (version 1)');
    return { status: value };
  } catch (err) {
    return { warning: `${file}: ignoring the link status file: ${(err as Error).message.split('\n')[0]}` };
  }
}
